// The list kernel on a table of its own, against answers computed by hand in JavaScript: the
// page, the total and the tab counts of one scan; keyset batches that return every row once, in
// order, for every kind of sort key (dates, times, numbers, text, mixed directions, ties).
import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rand, mulberry32 } from '../../cli/demo/prng.ts';
import { type TestDatabase, createTestDatabase } from '../test/db.ts';
import { type SortKey, containsText, defineListQuery } from './list-query.ts';

interface Item {
  id: string;
  grp: 'a' | 'b' | 'c';
  n: number;
  at: Date;
  day: string;
  name: string;
  flag: boolean;
}
interface Args {
  minN?: number;
  grp?: Item['grp'];
  q?: string;
  sort: SortKey[];
}
type Cmp = (a: Item, b: Item) => number;

let db: TestDatabase;
const items: Item[] = [];
const rand = new Rand(mulberry32(20261206));
const byDay = (d: number) => `2026-0${1 + (d % 3)}-1${d % 10}`;

const col = (name: string) => sql.raw(`lq_items.${name}`);
const list = defineListQuery<Args, Item, Item['grp']>({
  from: sql`from lq_items`,
  id: col('id'),
  where: (a) => [a.minN === undefined ? undefined : sql`${col('n')} >= ${a.minN}`, containsText(a.q, col('name'))],
  sort: (a) => a.sort,
  tab: {
    column: col('grp'),
    values: ['a', 'b', 'c'],
    where: (a, grp) => (a.grp ? sql`${grp} = ${a.grp}` : undefined),
    tallies: () => ({ flagged: sql`(${col('flag')})::int`, sumN: col('n') }),
  },
  rows: async (d, ids) => {
    const r = await d.execute(sql`select * from lq_items where id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
    return (r as unknown as { rows: Record<string, unknown>[] }).rows.map((x) => ({
      id: String(x.id), grp: x.grp as Item['grp'], n: Number(x.n), at: new Date(x.at as string), day: String(x.day).slice(0, 10), name: String(x.name), flag: Boolean(x.flag),
    }));
  },
  rowId: (r) => r.id,
});

const SORTS: { name: string; keys: SortKey[]; cmp: Cmp }[] = [
  { name: 'time desc', keys: [{ expr: col('at'), dir: 'desc' }], cmp: (a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id) },
  { name: 'day asc, number asc (ties)', keys: [{ expr: col('day'), dir: 'asc' }, { expr: col('n'), dir: 'asc' }], cmp: (a, b) => a.day.localeCompare(b.day) || a.n - b.n || a.id.localeCompare(b.id) },
  { name: 'day desc, name asc (mixed)', keys: [{ expr: col('day'), dir: 'desc' }, { expr: sql`${col('name')} collate "C"`, dir: 'asc' }], cmp: (a, b) => b.day.localeCompare(a.day) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.id.localeCompare(b.id) },
];

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql('create table lq_items (id uuid primary key, grp text not null, n int not null, at timestamptz not null, day date not null, name text not null, flag boolean not null)');
  for (let i = 0; i < 157; i++) {
    // few distinct days and numbers, so ties are common; ids decide within them
    items.push({
      id: randomUUID(), grp: (['a', 'b', 'c'] as const)[rand.int(0, 2)]!, n: rand.int(0, 9), at: new Date(Date.UTC(2026, 0, 1, rand.int(0, 30), rand.int(0, 3))),
      day: byDay(rand.int(0, 5)), name: `单位${rand.int(0, 12)}号`, flag: rand.int(0, 1) === 1,
    });
  }
  for (const it of items) {
    await db.sql('insert into lq_items values ($1, $2, $3, $4, $5, $6, $7)', [it.id, it.grp, it.n, it.at.toISOString(), it.day, it.name, it.flag]);
  }
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const matching = (a: Args, withTab = true) =>
  items.filter((x) => (a.minN === undefined || x.n >= a.minN) && (!a.q || x.name.includes(a.q)) && (!withTab || !a.grp || x.grp === a.grp));

describe('defineListQuery', () => {
  for (const s of SORTS) {
    it(`pages with the total and tab counts of one scan, sorted by ${s.name}`, async () => {
      for (const a of [{ sort: s.keys }, { sort: s.keys, grp: 'b' as const, minN: 3 }, { sort: s.keys, q: '1' }]) {
        const expected = matching(a).sort(s.cmp);
        for (const p of [{ page: 1, pageSize: 20 }, { page: 3, pageSize: 7 }, { page: 99, pageSize: 20 }]) {
          const got = await list.page(db.db, a, p);
          expect(got.rows.map((r) => r.id), JSON.stringify({ ...p, grp: a.grp })).toEqual(expected.slice((p.page - 1) * p.pageSize, p.page * p.pageSize).map((r) => r.id));
          expect(got.total).toBe(expected.length);
          for (const g of ['a', 'b', 'c'] as const) {
            const inTab = matching(a, false).filter((x) => x.grp === g);
            expect(got.counts[g]).toEqual({ n: inTab.length, tallies: { flagged: inTab.filter((x) => x.flag).length, sumN: inTab.reduce((t, x) => t + x.n, 0) } });
          }
        }
      }
    });

    it(`pages by cursor: each next page is the one after, to the end, sorted by ${s.name}`, async () => {
      for (const a of [{ sort: s.keys }, { sort: s.keys, grp: 'b' as const }]) {
        const expected = matching(a).sort(s.cmp).map((r) => r.id);
        const seen: string[] = [];
        let after: string | undefined;
        for (let page = 1; page < 100; page++) {
          const got = await list.page(db.db, a, { page, pageSize: 9, after, cursor: true });
          seen.push(...got.rows.map((r) => r.id));
          if (!got.next) break;
          after = got.next;
        }
        expect(seen).toEqual(expected);
      }
    });

    it(`iterates every row once in order by keyset, sorted by ${s.name}`, async () => {
      for (const a of [{ sort: s.keys }, { sort: s.keys, grp: 'c' as const }]) {
        for (const batch of [1, 10, 500]) {
          const seen: string[] = [];
          for await (const rows of list.iterate(db.db, a, batch)) {
            expect(rows.length).toBeLessThanOrEqual(batch);
            seen.push(...rows.map((r) => r.id));
          }
          expect(seen, `batch ${batch}`).toEqual(matching(a).sort(s.cmp).map((r) => r.id));
        }
      }
    });
  }

  it('the first n rows without counting', async () => {
    const a = { sort: SORTS[0]!.keys, minN: 5 };
    expect((await list.first(db.db, a, 4)).map((r) => r.id)).toEqual(matching(a).sort(SORTS[0]!.cmp).slice(0, 4).map((r) => r.id));
  });

  it('an empty result: no rows, zero total, every tab present at zero', async () => {
    const got = await list.page(db.db, { sort: SORTS[0]!.keys, minN: 100 }, { page: 1, pageSize: 20 });
    expect(got).toEqual({ rows: [], next: null, total: 0, counts: { a: { n: 0, tallies: { flagged: 0, sumN: 0 } }, b: { n: 0, tallies: { flagged: 0, sumN: 0 } }, c: { n: 0, tallies: { flagged: 0, sumN: 0 } } } });
    const batches: unknown[] = [];
    for await (const b of list.iterate(db.db, { sort: SORTS[0]!.keys, minN: 100 })) batches.push(b);
    expect(batches).toEqual([]);
  });

  it('searches text literally: % and _ in q match themselves', async () => {
    const q = (s: string): SQL | undefined => containsText(s, col('name'));
    expect(q('')).toBeUndefined();
    const got = await list.page(db.db, { sort: SORTS[0]!.keys, q: '%' }, { page: 1, pageSize: 20 });
    expect(got.total).toBe(0);
    expect((await list.page(db.db, { sort: SORTS[0]!.keys, q: '单位1' }, { page: 1, pageSize: 200 })).total).toBe(items.filter((x) => x.name.includes('单位1')).length);
  });
});
