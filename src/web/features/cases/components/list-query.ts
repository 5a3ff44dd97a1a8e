// The case list's state in the URL, read into a contract query through the contract's filter.
import { CaseFilter } from '../../../../contract/cases.ts';
import { countSet, listQueryFromUrl, queryFromUrl } from '../../../lib/list-url.ts';
import type { CaseFilterQuery, CaseListQuery } from '../api/keys.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const PANEL_KEYS = ['measureKind', 'dualPenalty', 'published', 'dangerousOperationCrime', 'unitId', 'villageId', 'from', 'to'] as const;

export const filterFrom = (values: Record<string, string>): CaseFilterQuery => queryFromUrl(CaseFilter, values);
export const listQueryFrom = (values: Record<string, string>): CaseListQuery => listQueryFromUrl(CaseFilter, values, DEFAULT_PAGE_SIZE);

/** Filters set in the panel, for the phone badge. */
export const activeFilterCount = (values: Record<string, string>) => countSet(values, PANEL_KEYS);
