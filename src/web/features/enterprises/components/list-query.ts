// The enterprise list's state in the URL, read into a contract query.
import { ENTERPRISE_SORTS } from '../../../../contract/enterprises.ts';
import { ENTERPRISE_KINDS, ENTERPRISE_STATUSES, RISK_GRADES } from '../../../../domain/enterprise-rules.ts';
import { boolParam, enumParam, intParam, uuidParam } from '../../../lib/search-params.ts';
import type { EnterpriseFilterQuery, EnterpriseListQuery } from '../api/keys.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const FILTER_KEYS = ['q', 'villageId', 'sectorId', 'kind', 'riskGrade', 'status', 'isKey', 'isSmall', 'includeVoided'] as const;

export function filterFrom(values: Record<string, string>): EnterpriseFilterQuery {
  const q = values.q?.trim();
  return {
    q: q ? q.slice(0, 64) : undefined,
    villageId: uuidParam(values.villageId),
    sectorId: uuidParam(values.sectorId),
    kind: enumParam(values.kind, ENTERPRISE_KINDS),
    riskGrade: enumParam(values.riskGrade, RISK_GRADES),
    status: enumParam(values.status, ENTERPRISE_STATUSES),
    isKey: boolParam(values.isKey),
    isSmall: boolParam(values.isSmall),
    includeVoided: values.includeVoided === 'true' ? 'true' : undefined,
    sort: enumParam(values.sort, ENTERPRISE_SORTS),
    order: enumParam(values.order, ['asc', 'desc'] as const),
  };
}

export function listQueryFrom(values: Record<string, string>): EnterpriseListQuery {
  return {
    ...filterFrom(values),
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
}

/** How many filters (not search, not sort) are set, for the phone layout's badge. */
export function activeFilterCount(values: Record<string, string>): number {
  return FILTER_KEYS.filter((k) => k !== 'q' && values[k]).length;
}
