// Remembers the list's filters and page so "back" from a detail page returns to them.
import { paths } from '../../../app/paths.ts';

let lastSearch = '';

export function rememberListSearch(search: string) {
  lastSearch = search;
}

export function enterpriseListUrl(): string {
  return paths.enterprises.list + lastSearch;
}
