// Remembers the ledger's filters and page so "back" from a detail page returns to them.
import { paths } from '../../../app/paths.ts';

let lastSearch = '';

export function rememberLedgerSearch(search: string) {
  lastSearch = search;
}

export function ledgerUrl(): string {
  return paths.hazards.list + lastSearch;
}
