// Remembers the list's filters and page so "back" from a record returns to them.
import { paths } from '../../../app/paths.ts';

let lastSearch = '';

export function rememberInspectionListSearch(search: string) {
  lastSearch = search;
}

export function inspectionListUrl(): string {
  return paths.inspections.list + lastSearch;
}
