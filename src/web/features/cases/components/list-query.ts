// The case list's state in the URL, read into a contract query. The names are the API's.
import { CASE_STATUSES, MEASURE_KINDS } from '../../../../domain/enforcement.ts';
import { boolParam, dateParam, enumParam, intParam, uuidParam } from '../../../lib/search-params.ts';
import type { CaseFilterQuery, CaseListQuery } from '../api/keys.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const PANEL_KEYS = ['measureKind', 'dualPenalty', 'published', 'dangerousOperationCrime', 'unitId', 'villageId', 'from', 'to'] as const;

export function filterFrom(values: Record<string, string>): CaseFilterQuery {
  const q = values.q?.trim();
  return {
    q: q ? q.slice(0, 64) : undefined,
    status: enumParam(values.status, CASE_STATUSES),
    measureKind: enumParam(values.measureKind, MEASURE_KINDS),
    dualPenalty: boolParam(values.dualPenalty),
    published: boolParam(values.published),
    dangerousOperationCrime: boolParam(values.dangerousOperationCrime),
    unitId: uuidParam(values.unitId),
    villageId: uuidParam(values.villageId),
    enterpriseId: uuidParam(values.enterpriseId),
    from: dateParam(values.from),
    to: dateParam(values.to),
  };
}

export function listQueryFrom(values: Record<string, string>): CaseListQuery {
  return { ...filterFrom(values), page: intParam(values.page, 1), pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100) };
}

/** Filters set in the panel, for the phone badge. */
export const activeFilterCount = (values: Record<string, string>) => PANEL_KEYS.filter((k) => values[k]).length;
