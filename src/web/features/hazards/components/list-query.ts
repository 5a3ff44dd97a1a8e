// The ledger's state in the URL, read into a contract query. The names are the API's.
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES } from '../../../../domain/hazard-machine.ts';
import { boolParam, dateParam, enumParam, intParam, uuidParam } from '../../../lib/search-params.ts';
import type { HazardFilterQuery, HazardListQuery } from '../api/keys.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const FILTER_KEYS = [
  'q', 'status', 'open', 'level', 'source', 'villageId', 'responsibleUnitId', 'sectorId', 'enterpriseId',
  'overdue', 'listed', 'transferred', 'reopened', 'from', 'to', 'includeVoided',
] as const;

export function filterFrom(values: Record<string, string>): HazardFilterQuery {
  const q = values.q?.trim();
  const status = enumParam(values.status, HAZARD_STATUSES);
  return {
    q: q ? q.slice(0, 64) : undefined,
    status,
    // 在改 (the three open statuses) and one status tab exclude each other; a status wins.
    open: values.open === 'true' && !status ? 'true' : undefined,
    level: enumParam(values.level, HAZARD_LEVELS),
    source: enumParam(values.source, HAZARD_SOURCES),
    villageId: uuidParam(values.villageId),
    responsibleUnitId: uuidParam(values.responsibleUnitId),
    sectorId: uuidParam(values.sectorId),
    enterpriseId: uuidParam(values.enterpriseId),
    overdue: boolParam(values.overdue),
    listed: boolParam(values.listed),
    transferred: boolParam(values.transferred),
    reopened: boolParam(values.reopened),
    from: dateParam(values.from),
    to: dateParam(values.to),
    includeVoided: values.includeVoided === 'true' ? 'true' : undefined,
  };
}

export function listQueryFrom(values: Record<string, string>): HazardListQuery {
  return {
    ...filterFrom(values),
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
}

const NOT_IN_PANEL: ReadonlySet<string> = new Set(['q', 'status', 'open', 'overdue', 'enterpriseId']);

/** Filters set in the panel (not search, not the status tabs, 在改 or 逾期), for the phone badge. */
export function activeFilterCount(values: Record<string, string>): number {
  return FILTER_KEYS.filter((k) => !NOT_IN_PANEL.has(k) && values[k]).length;
}
