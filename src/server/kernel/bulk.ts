import { randomUUID } from 'node:crypto';
import { SQL, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';

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

/**
 * Inserts many rows in one statement per `INSERT_BATCH` with a single parameter: the rows as JSON,
 * read back by jsonb_to_recordset (no per-value parameters to build, bind and parse). Every column
 * is written: a value the row does not give takes the column's plain default, a fresh UUID for a
 * random-UUID key, else null (a column whose default is an SQL expression must be given). Serial
 * columns are left to the database. Returns the rows as stored, in the order given (what a
 * `returning()` would have read back), e.g. for their audit rows.
 */
export async function insertAsJson<T extends PgTable>(db: DbOrTx, table: T, rows: readonly Partial<T['$inferInsert']>[]): Promise<T['$inferSelect'][]> {
  const columns = Object.entries(getTableColumns(table)).filter(([, c]) => !/serial/i.test(c.getSQLType()));
  const full = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [key, c] of columns) {
      const given = (r as Record<string, unknown>)[key];
      if (given !== undefined) out[key] = given;
      else if (c.default !== undefined && !is(c.default, SQL)) out[key] = c.default;
      else if (c.hasDefault && c.getSQLType() === 'uuid') out[key] = randomUUID();
      else if (c.hasDefault) throw new Error(`insertAsJson: ${getTableName(table)}.${c.name} has an SQL default: give it`);
      else out[key] = null;
    }
    return out;
  });
  const names = sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `);
  const types = sql.join(columns.map(([, c]) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`), sql`, `);
  // One statement at a time: a connection (a transaction) runs one query at once.
  for (const batch of chunked(full, INSERT_BATCH)) {
    const json = JSON.stringify(batch.map((r) => Object.fromEntries(columns.map(([key, c]) => [c.name, r[key]]))));
    await db.execute(sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${json}::jsonb) as r(${types})`);
  }
  return full as T['$inferSelect'][];
}
