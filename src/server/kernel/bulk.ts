// Bulk work (imports): lookups in batches of `= any($1)` with one array parameter per batch, never
// one query per row and never thousands of parameters; inserts of many rows per statement.

/** Values per lookup batch (one array parameter each). */
export const LOOKUP_BATCH = 5000;
/** Rows per multi-row INSERT (well under PostgreSQL's 65,535 parameters for tables of ~40 columns). */
export const INSERT_BATCH = 1000;

export function chunked<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** A PostgreSQL array literal of text values, every element quoted (cast it: `= any(${pgArray(xs)}::text[])`). */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Runs a lookup over values in batches and concatenates the answers. */
export async function lookupInBatches<V, R>(values: readonly V[], run: (batch: V[]) => Promise<R[]>, size = LOOKUP_BATCH): Promise<R[]> {
  const out: R[] = [];
  for (const batch of chunked(values, size)) out.push(...(await run(batch)));
  return out;
}
