// The one list query. A list declares its table, the conditions of scope and filters (the
// filters come from its zod contract), its sort, and optionally a tab column (status, kind) whose
// counts the list shows beside the page. From that:
// - page(): the page, the total and the counts per tab value in ONE scan of the filtered rows
//   (a materialized CTE read three ways), then the page's rows by primary key;
// - iterate(): every row of the filter in sort order, a batch at a time by keyset (no OFFSET, no
//   count), for exports that stream.
// Sort expressions must never be null (keysets compare them); the id breaks ties in the direction
// of the last sort key, so one index (…, key desc, id desc) serves both pages and keysets.
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { invalid } from '../http/errors.ts';
import { pgArray } from './bulk.ts';

export interface SortKey {
  expr: SQL | SQLWrapper;
  dir: 'asc' | 'desc';
}

/** Numeric expressions summed per tab value beside the count (a condition counts as `(cond)::int`). */
export type Tallies = Record<string, SQL>;

export interface ListSpec<F, Row, T extends string = string> {
  /** FROM … [JOIN …]: the listed table with what the conditions need (which may depend on the scope). */
  from: SQL | ((f: F) => SQL);
  /** The listed table's primary key (a uuid). */
  id: SQLWrapper;
  /** Scope and filters that the tab counts share (the tab filter itself is `tab.where`). */
  where(f: F): (SQL | undefined)[];
  sort(f: F): SortKey[];
  tab?: {
    column: SQLWrapper;
    values: readonly T[];
    /** The tab filter on the tab value (a raw SQL expression): the page and total apply it, the counts do not. */
    where(f: F, value: SQL): SQL | undefined;
    tallies?: (f: F) => Tallies;
  };
  /**
   * The total and the tab counts from elsewhere (summary rows kept beside the table), when they can
   * answer for this filter: the page then reads only its own ids through the sort's index instead
   * of scanning every filtered row to count them. Null: count the rows.
   */
  counts?(db: DbOrTx, f: F): Promise<{ total: number; counts: Record<T, TabCount> } | null>;
  /** The page's rows by id (any order: they are put back in the page's). */
  rows(db: DbOrTx, ids: string[]): Promise<Row[]>;
  rowId(row: Row): string;
}

export interface TabCount {
  n: number;
  tallies: Record<string, number>;
}

export interface ListPage<Row, T extends string> {
  rows: Row[];
  /** With `cursor` asked: where the next page starts (pass it back as `after`), or null after the last row. */
  next: string | null;
  total: number;
  /** Per tab value under every filter but the tab's (every value present, zero when none). */
  counts: Record<T, TabCount>;
}

const TAB = sql.raw('f.tab');
const ident = (i: number) => sql.raw(`s${i}`);

function andAll(conds: (SQL | undefined)[]): SQL {
  const present = conds.filter((c): c is SQL => c !== undefined);
  return present.length ? sql.join(present.map((c) => sql`(${c})`), sql` and `) : sql`true`;
}

/** The sort keys with the id appended as the tie-breaker, in the last key's direction. */
function keysOf<F>(spec: ListSpec<F, unknown>, f: F): SortKey[] {
  const keys = spec.sort(f);
  return [...keys, { expr: spec.id, dir: keys.at(-1)?.dir ?? 'desc' }];
}

// NULLS LAST, as drizzle writes the indexes (the keys are never null anyway); a page read from the
// end turns the whole order round, NULLS FIRST included, or no index serves it (a sort of the
// district's every matching hazard instead).
const orderBy = (keys: SortKey[], col: (i: number) => SQL, reversed = false) =>
  sql.join(keys.map((k, i) => sql`${col(i)} ${sql.raw(reversed ? (k.dir === 'desc' ? 'asc' : 'desc') : k.dir)} nulls ${sql.raw(reversed ? 'first' : 'last')}`), sql`, `);

export function defineListQuery<F, Row, T extends string = string>(spec: ListSpec<F, Row, T>) {
  const fromOf = (f: F) => (typeof spec.from === 'function' ? spec.from(f) : spec.from);
  /**
   * One page. `after` (a cursor from an earlier page's `next`) starts the page after that row by
   * keyset, whatever the page number: the next page costs what the first does. `cursor` asks for
   * this page's own `next`.
   */
  async function page(db: DbOrTx, f: F, p: { page: number; pageSize: number; after?: string | undefined; cursor?: boolean }): Promise<ListPage<Row, T>> {
    const keys = keysOf(spec, f);
    const after = p.after === undefined ? undefined : decodeCursor(p.after, keys.length);
    const nextOf = async (ids: string[]) => (p.cursor && ids.length === p.pageSize ? cursorOf(db, f, keys, ids.at(-1)!) : null);
    const tab = spec.tab;
    const tallies = Object.entries(tab?.tallies?.(f) ?? {});
    const cte = sql.join([
      sql`${spec.id} as id`,
      ...keys.map((k, i) => sql`${k.expr} as ${ident(i)}`),
      ...(tab ? [sql`${tab.column} as tab`] : []),
      ...tallies.map(([, expr], i) => sql`(${expr}) as ${sql.raw(`t${i}`)}`),
    ], sql`, `);
    const known = spec.counts ? await spec.counts(db, f) : null;
    if (known) {
      const where = andAll([...spec.where(f), tab?.where(f, sql`${tab.column}`), after ? keysetAfter(keys, after) : undefined]);
      // With the total known, a page in the back half is read from the end (the index backwards):
      // the last page costs what the first does, the middle one the most (a cursor avoids it).
      const start = after ? 0 : (p.page - 1) * p.pageSize;
      const end = Math.min(start + p.pageSize, known.total);
      const fromEnd = !after && start > known.total / 2 && start < known.total;
      // the sort keys come along as text, so the next page's cursor needs no query of its own
      const got = await db.execute(sql`select ${spec.id} as id, ${keyTexts(keys)} ${fromOf(f)} where ${where}
        order by ${orderBy(keys, (i) => sql`${keys[i]!.expr}`, fromEnd)} limit ${fromEnd ? end - start : p.pageSize} offset ${fromEnd ? known.total - end : start}`);
      const found = (got as unknown as { rows: Record<string, string>[] }).rows;
      if (fromEnd) found.reverse();
      const ids = found.map((r) => String(r.id));
      const next = p.cursor && ids.length === p.pageSize ? encodeCursor(keys, found.at(-1)!) : null;
      return { rows: await rowsInOrder(db, ids), next, total: known.total, counts: known.counts };
    }
    const tabWhere = tab?.where(f, TAB) ?? sql`true`;
    const counts = tab
      ? sql`(select coalesce(json_agg(c), '[]'::json) from (select f.tab, count(*)::int as n${sql.join(tallies.map((_, i) => sql`, coalesce(sum(f.${sql.raw(`t${i}`)}), 0)::bigint as ${sql.raw(`t${i}`)}`), sql``)} from f group by f.tab) c)`
      : sql`'[]'::json`;
    const query = sql`
      with f as materialized (select ${cte} ${fromOf(f)} where ${andAll(spec.where(f))})
      select ${counts} as counts,
        (select count(*)::int from f where ${tabWhere}) as total,
        (select coalesce(array_agg(p.id order by ${orderBy(keys, (i) => sql.raw(`p.s${i}`))}), '{}') from (
          select f.* from f where ${tabWhere}${after ? sql` and ${keysetAfter(keys.map((k, i) => ({ ...k, expr: sql.raw(`f.s${i}`) })), after)}` : sql``}
          order by ${orderBy(keys, (i) => sql.raw(`f.s${i}`))}
          limit ${p.pageSize} offset ${after ? 0 : (p.page - 1) * p.pageSize}) p) as ids`;
    const result = await db.execute(query);
    const r = (result as unknown as { rows: { counts: unknown; total: number; ids: string[] | string }[] }).rows[0]!;
    const ids = parseUuidArray(r.ids);
    const countRows = (typeof r.counts === 'string' ? JSON.parse(r.counts) : r.counts) as Record<string, unknown>[];
    const out = Object.fromEntries((tab?.values ?? []).map((v) => [v, { n: 0, tallies: Object.fromEntries(tallies.map(([name]) => [name, 0])) }])) as Record<T, TabCount>;
    for (const c of countRows) {
      out[c.tab as T] = { n: Number(c.n), tallies: Object.fromEntries(tallies.map(([name], i) => [name, Number(c[`t${i}`])])) };
    }
    return { rows: await rowsInOrder(db, ids), next: await nextOf(ids), total: Number(r.total), counts: out };
  }

  /** The sort keys of one row as a cursor: the same text-and-type values the export's keyset carries. */
  async function cursorOf(db: DbOrTx, f: F, keys: SortKey[], id: string): Promise<string | null> {
    const got = await db.execute(sql`select ${keyTexts(keys)} ${fromOf(f)} where ${spec.id} = ${id}`);
    const row = (got as unknown as { rows: Record<string, string>[] }).rows[0];
    return row ? encodeCursor(keys, row) : null;
  }

  async function rowsInOrder(db: DbOrTx, ids: string[]): Promise<Row[]> {
    const found = ids.length ? await spec.rows(db, ids) : [];
    const byId = new Map(found.map((row) => [spec.rowId(row), row]));
    return ids.map((id) => byId.get(id)).filter((row): row is Row => row !== undefined);
  }

  /** Every row under the filter (tab filter included), in sort order, `batch` at a time. */
  async function* iterate(db: DbOrTx, f: F, batch = 5000): AsyncGenerator<Row[]> {
    const keys = keysOf(spec, f);
    const tabWhere = spec.tab?.where(f, sql`${spec.tab.column}`);
    // The last row's keys travel as text with their type name, so no driver's date parsing bends them.
    const select = sql`${spec.id} as id, ${keyTexts(keys)}`;
    let after: KeyValue[] | null = null;
    for (;;) {
      const conds: (SQL | undefined)[] = [...spec.where(f), tabWhere, after ? keysetAfter(keys, after) : undefined];
      const q: SQL = sql`select ${select} ${fromOf(f)} where ${andAll(conds)} order by ${orderBy(keys, (i) => sql`${keys[i]!.expr}`)} limit ${batch}`;
      const got: Record<string, string>[] = ((await db.execute(q)) as unknown as { rows: Record<string, string>[] }).rows;
      if (got.length === 0) return;
      const ids: string[] = got.map((g) => String(g.id));
      const found: Row[] = await spec.rows(db, ids);
      const byId = new Map<string, Row>(found.map((row) => [spec.rowId(row), row]));
      yield ids.map((id) => byId.get(id)).filter((row): row is Row => row !== undefined);
      if (got.length < batch) return;
      const last: Record<string, string> = got.at(-1)!;
      after = keys.map((_, i) => ({ text: last[`v${i}`]!, type: last[`ty${i}`]! }));
    }
  }

  /** The first `n` rows in sort order, without counting (a dashboard's or a workbench's short list). */
  async function first(db: DbOrTx, f: F, n: number): Promise<Row[]> {
    for await (const rows of iterate(db, f, n)) return rows;
    return [];
  }

  return { page, iterate, first, spec };
}

/** The sort keys of a row as text with their type names (v0, ty0, …): what a keyset and a cursor carry. */
const keyTexts = (keys: SortKey[]): SQL =>
  sql.join(keys.map((k, i) => sql`(${k.expr})::text as ${sql.raw(`v${i}`)}, pg_typeof(${k.expr})::text as ${sql.raw(`ty${i}`)}`), sql`, `);
const encodeCursor = (keys: SortKey[], row: Record<string, string>): string =>
  Buffer.from(JSON.stringify(keys.map((_, i) => ({ text: row[`v${i}`], type: row[`ty${i}`] })))).toString('base64url');

/** A cursor from `next`, checked: as many keys as the sort has, each a text and a known type name. */
function decodeCursor(text: string, n: number): KeyValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const ok = Array.isArray(values) && values.length === n
    && values.every((v) => v && typeof v === 'object' && typeof (v as KeyValue).text === 'string' && typeof (v as KeyValue).type === 'string' && SAFE_TYPE.test((v as KeyValue).type));
  if (!ok) throw invalid({ after: ['翻页位置无效，请回到第一页重新翻页'] });
  return values as KeyValue[];
}

interface KeyValue {
  text: string;
  /** The key's SQL type as pg_typeof names it (a known type name, never user input). */
  type: string;
}

const SAFE_TYPE = /^[a-z][a-z0-9 _]*(\[\])?$/;

/**
 * Rows after the given sort values, for each direction: (k0 > v0) or (k0 = v0 and k1 > v1) …; when
 * every key runs the same way, one row comparison the index serves directly.
 */
function keysetAfter(keys: SortKey[], values: KeyValue[]): SQL {
  const typed = (i: number) => {
    const v = values[i]!;
    if (!SAFE_TYPE.test(v.type)) throw new Error(`unexpected key type ${v.type}`);
    return sql`${v.text}::${sql.raw(v.type)}`;
  };
  if (keys.every((k) => k.dir === keys[0]!.dir)) {
    const op = keys[0]!.dir === 'desc' ? sql`<` : sql`>`;
    return sql`(${sql.join(keys.map((k) => sql`${k.expr}`), sql`, `)}) ${op} (${sql.join(keys.map((_, i) => typed(i)), sql`, `)})`;
  }
  const ors = keys.map((k, i) => {
    const eqs = keys.slice(0, i).map((e, j) => sql`${e.expr} = ${typed(j)}`);
    const cmp = sql`${k.expr} ${k.dir === 'desc' ? sql`<` : sql`>`} ${typed(i)}`;
    return sql`(${sql.join([...eqs, cmp], sql` and `)})`;
  });
  return sql`(${sql.join(ors, sql` or `)})`;
}

function parseUuidArray(v: string[] | string | null): string[] {
  if (Array.isArray(v)) return v;
  if (!v || v === '{}') return [];
  return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

/** Text for a LIKE pattern with its wildcards (and the escape) taken literally: the one place they are escaped. */
export const escapeLike = (s: string): string => s.replace(/[%_\\]/g, '\\$&');

/** `q` as a case-insensitive substring of any of the expressions (LIKE's wildcards in q are literal). */
export function containsText(q: string | undefined, ...exprs: (SQL | SQLWrapper)[]): SQL | undefined {
  if (!q) return undefined;
  const like = `%${escapeLike(q)}%`;
  return sql`(${sql.join(exprs.map((e) => sql`${e} ilike ${like}`), sql` or `)})`;
}

/**
 * `column = any($1::uuid[])` with the ids as one array parameter: a page's or an export batch's
 * rows by id (binding 5,000 parameters one by one costs more than the query).
 */
export function idIn(column: SQLWrapper, ids: readonly string[]): SQL {
  return sql`${column} = any(${sql.param(pgArray(ids))}::uuid[])`;
}
