import { randomUUID } from 'node:crypto';
import { SQL, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';
import { JsonText, sortedJson } from './json-text.ts';

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

/** Rows ready to insert (prepareJsonInsert): as they will be stored, and their statements. */
export interface PreparedInsert<Row> {
  rows: Row[];
  statements: SQL[];
  /**
   * Row i for its audit row: its JSON as sent, which is the audit chain's canonical JSON of the
   * row (keys sorted, as jsonb reads it back), so the record is serialised once for both; the row
   * itself when its JSON is not canonical (a JsonText value, an index-like key inside a value).
   */
  auditValue(i: number): unknown;
}

// Per table: its columns (serial ones left to the database), what fills a column a row does not
// give (worked out once per table, not per row and column), and the parts of its statement.
const tableShapes = new WeakMap<PgTable, { columns: [string, PgColumn][]; fills: (() => unknown)[]; names: SQL; keys: SQL; types: SQL }>();
function shapeOf(table: PgTable) {
  let shape = tableShapes.get(table);
  if (!shape) {
    const columns = Object.entries(getTableColumns(table)).filter(([, c]) => !/serial/i.test(c.getSQLType()));
    const fills = columns.map(([, c]): (() => unknown) => {
      if (c.default !== undefined && !is(c.default, SQL)) return () => c.default;
      if (c.hasDefault && c.getSQLType() === 'uuid') return randomUUID;
      if (c.hasDefault) return () => {
        throw new Error(`insertAsJson: ${getTableName(table)}.${c.name} has an SQL default: give it`);
      };
      return () => null;
    });
    shape = {
      columns, fills,
      // The JSON is keyed as in the code (the row's own keys): each column is read under its key.
      names: sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `),
      keys: sql.join(columns.map(([key]) => sql.identifier(key)), sql`, `),
      types: sql.join(columns.map(([key, c]) => sql`${sql.identifier(key)} ${sql.raw(c.getSQLType())}`), sql`, `),
    };
    tableShapes.set(table, shape);
  }
  return shape;
}

/**
 * One row as JSON under the columns' keys (as in the code): keys sorted, so that it is the canonical
 * JSON of the row (`canonical`); a row holding a JsonText value has it spliced in as its text.
 */
function rowJson(columns: [string, PgColumn][], row: Record<string, unknown>): { json: string; canonical: boolean } {
  if (!columns.some(([key]) => row[key] instanceof JsonText)) {
    const json = sortedJson(row);
    if (json !== null) return { json, canonical: true };
    return { json: JSON.stringify(row), canonical: false };
  }
  const plain: Record<string, unknown> = {};
  let raw = '';
  for (const [key] of columns) {
    const v = row[key];
    if (v instanceof JsonText) raw += `,${JSON.stringify(key)}:${v.text}`;
    else plain[key] = v;
  }
  const json = JSON.stringify(plain);
  return { json: json === '{}' ? `{${raw.slice(1)}}` : `${json.slice(0, -1)}${raw}}`, canonical: false };
}

/**
 * The rows of a multi-row insert as they will be stored, and its statements, one per `INSERT_BATCH`
 * rows with a single parameter: the rows as JSON, read back by jsonb_to_recordset (no per-value
 * parameters to build, bind and parse). Every column is written: a value the row does not give
 * takes the column's plain default, a fresh UUID for a random-UUID key, else null (a column whose
 * default is an SQL expression must be given). Serial columns are left to the database. A bulk
 * import sends the statements (runInserts) and prepares its next rows while the database works.
 */
export function prepareJsonInsert<T extends PgTable>(table: T, rows: readonly Partial<T['$inferInsert']>[]): PreparedInsert<T['$inferSelect']> {
  const { columns, fills, names, keys, types } = shapeOf(table);
  const full = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const key = columns[i]![0];
      const given = (r as Record<string, unknown>)[key];
      out[key] = given !== undefined ? given : fills[i]!();
    }
    return out;
  });
  const json = full.map((r) => rowJson(columns, r));
  const statements = chunked(json, INSERT_BATCH).map((batch) => {
    const param = `[${batch.map((r) => r.json).join(',')}]`;
    return sql`insert into ${table} (${names}) select ${keys} from jsonb_to_recordset(${param}::jsonb) as r(${types})`;
  });
  return {
    rows: full as T['$inferSelect'][], statements,
    auditValue: (i) => (json[i]!.canonical ? new JsonText(json[i]!.json) : full[i]),
  };
}

/** Runs a prepared insert's statements one after the other: a connection (a transaction) runs one query at once. */
export async function runInserts(db: DbOrTx, prepared: PreparedInsert<unknown>): Promise<void> {
  for (const statement of prepared.statements) await db.execute(statement);
}

/**
 * Inserts many rows in one statement per `INSERT_BATCH` with a single JSON parameter
 * (prepareJsonInsert). Returns the rows as stored, in the order given (what a `returning()` would
 * have read back), e.g. for their audit rows.
 */
export async function insertAsJson<T extends PgTable>(db: DbOrTx, table: T, rows: readonly Partial<T['$inferInsert']>[]): Promise<T['$inferSelect'][]> {
  const prepared = prepareJsonInsert(table, rows);
  await runInserts(db, prepared);
  return prepared.rows;
}
