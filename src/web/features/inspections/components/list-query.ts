// The list's state in the URL, read into a contract query through the contract's filter.
import { InspectionFilter } from '../../../../contract/inspections.ts';
import { countSet, listQueryFromUrl, queryFromUrl } from '../../../lib/list-url.ts';
import type { InspectionFilterQuery, InspectionListQuery } from '../api/keys.ts';

export const DEFAULT_PAGE_SIZE = 20;

export const filterFrom = (values: Record<string, string>): InspectionFilterQuery => queryFromUrl(InspectionFilter, values);
export const listQueryFrom = (values: Record<string, string>): InspectionListQuery => listQueryFromUrl(InspectionFilter, values, DEFAULT_PAGE_SIZE);

/** Filters set in the panel (not search, the status tabs or 我参与的), for the phone badge. */
export const activeFilterCount = (values: Record<string, string>): number =>
  countSet(values, ['type', 'kind', 'methodTag', 'villageId', 'unitId', 'from', 'to', 'hasFailed']);
