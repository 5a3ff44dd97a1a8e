// The drill list's state in the URL, read into a contract query through the contract's filter.
import { DrillFilter } from '../../../../contract/drills.ts';
import { countSet, listQueryFromUrl } from '../../../lib/list-url.ts';
import type { DrillListQuery } from '../api/keys.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const PANEL_KEYS = ['kind', 'verified', 'from', 'to', 'includeVoided'] as const;

/** The list query; `staff` (the 执法人员培训 page, or an enterprise's records) is the page's, not the URL's. */
export const listQueryFrom = (values: Record<string, string>, staff: boolean): DrillListQuery =>
  ({ ...listQueryFromUrl(DrillFilter, values, DEFAULT_PAGE_SIZE), staff: staff ? 'true' : 'false' });

/** Filters set in the panel, for the phone badge. */
export const activeFilterCount = (values: Record<string, string>) => countSet(values, PANEL_KEYS);
