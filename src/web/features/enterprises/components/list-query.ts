// The enterprise list's state in the URL, read into a contract query through the contract's filter.
import { EnterpriseFilter } from '../../../../contract/enterprises.ts';
import { countSet, listQueryFromUrl, queryFromUrl } from '../../../lib/list-url.ts';
import type { EnterpriseFilterQuery, EnterpriseListQuery } from '../api/keys.ts';

export const DEFAULT_PAGE_SIZE = 20;

export const filterFrom = (values: Record<string, string>): EnterpriseFilterQuery => queryFromUrl(EnterpriseFilter, values);
export const listQueryFrom = (values: Record<string, string>): EnterpriseListQuery => listQueryFromUrl(EnterpriseFilter, values, DEFAULT_PAGE_SIZE);

/** How many filters (not search, not sort) are set, for the phone layout's badge. */
export const activeFilterCount = (values: Record<string, string>): number =>
  countSet(values, ['villageId', 'sectorId', 'kind', 'riskGrade', 'status', 'isKey', 'isSmall', 'includeVoided']);
