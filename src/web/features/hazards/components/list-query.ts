// The ledger's state in the URL, read into a contract query through the contract's filter.
import { HazardFilter } from '../../../../contract/hazards.ts';
import { countSet, listQueryFromUrl, queryFromUrl } from '../../../lib/list-url.ts';
import type { HazardFilterQuery, HazardListQuery } from '../api/keys.ts';

export const DEFAULT_PAGE_SIZE = 20;

// 在改 (the three open statuses) and one status tab exclude each other; a status wins.
const withoutOpenBesideStatus = <Q extends HazardFilterQuery>(q: Q): Q => (q.status ? { ...q, open: undefined } : q);

export const filterFrom = (values: Record<string, string>): HazardFilterQuery => withoutOpenBesideStatus(queryFromUrl(HazardFilter, values));
export const listQueryFrom = (values: Record<string, string>): HazardListQuery =>
  withoutOpenBesideStatus(listQueryFromUrl(HazardFilter, values, DEFAULT_PAGE_SIZE));

/** Filters set in the panel (not search, not the status tabs, 在改 or 逾期), for the phone badge. */
export const activeFilterCount = (values: Record<string, string>): number =>
  countSet(values, ['level', 'source', 'villageId', 'responsibleUnitId', 'sectorId', 'listed', 'transferred', 'reopened', 'from', 'to', 'includeVoided']);
