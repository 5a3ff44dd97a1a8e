// A list's state lives in the URL; it is read back through the list's own zod contract (the same
// filter schema the server validates with), so every list parses its URL the same way: a value the
// contract accepts is kept as written, anything else is dropped (a stale or edited link still opens).
import type { z } from 'zod';
import { intParam } from './search-params.ts';

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export function queryFromUrl<S extends ObjectSchema>(schema: S, values: Record<string, string>): Partial<z.input<S>> {
  const out: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = key === 'q' ? values[key]?.trim() : values[key];
    if (raw && (field as z.ZodType).safeParse(raw).success) out[key] = raw;
  }
  return out as Partial<z.input<S>>;
}

/** The list query: the filter from the URL, with the page and its size (page 1 and the list's default when absent). */
export function listQueryFromUrl<S extends ObjectSchema>(schema: S, values: Record<string, string>, defaultPageSize: number) {
  return { ...queryFromUrl(schema, values), page: intParam(values.page, 1), pageSize: intParam(values.pageSize, defaultPageSize, 100) };
}

/** How many of these filters are set (the phone layout's badge on 筛选). */
export const countSet = (values: Record<string, string>, keys: readonly string[]): number => keys.filter((k) => values[k]).length;
