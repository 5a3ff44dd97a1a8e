// The list's state in the URL, read into a contract query. The names are the API's.
import { INSPECTION_STATUSES } from '../../../../contract/inspections.ts';
import { INSPECTION_METHOD_TAGS, INSPECTION_TYPES } from '../../../../domain/inspection-rules.ts';
import { boolParam, dateParam, enumParam, intParam, uuidParam } from '../../../lib/search-params.ts';
import type { InspectionFilterQuery, InspectionListQuery } from '../api/keys.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const FILTER_KEYS = [
  'q', 'status', 'type', 'kind', 'methodTag', 'enterpriseId', 'villageId', 'unitId', 'from', 'to', 'hasFailed', 'mine',
] as const;

export function filterFrom(values: Record<string, string>): InspectionFilterQuery {
  const q = values.q?.trim();
  return {
    q: q ? q.slice(0, 100) : undefined,
    status: enumParam(values.status, INSPECTION_STATUSES),
    type: enumParam(values.type, INSPECTION_TYPES),
    kind: enumParam(values.kind, ['authority', 'self'] as const),
    methodTag: enumParam(values.methodTag, INSPECTION_METHOD_TAGS),
    enterpriseId: uuidParam(values.enterpriseId),
    villageId: uuidParam(values.villageId),
    unitId: uuidParam(values.unitId),
    from: dateParam(values.from),
    to: dateParam(values.to),
    hasFailed: boolParam(values.hasFailed),
    mine: values.mine === 'true' ? 'true' : undefined,
  };
}

export function listQueryFrom(values: Record<string, string>): InspectionListQuery {
  return {
    ...filterFrom(values),
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
}

const NOT_IN_PANEL: ReadonlySet<string> = new Set(['q', 'status', 'enterpriseId', 'mine']);

/** Filters set in the panel (not search, the status tabs or 我参与的), for the phone badge. */
export function activeFilterCount(values: Record<string, string>): number {
  return FILTER_KEYS.filter((k) => !NOT_IN_PANEL.has(k) && values[k]).length;
}
