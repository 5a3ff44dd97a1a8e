// Evaluates a form's computed cells for many units at once: one query per (family, unit kind),
// every cell of that family an aggregate with its own FILTER, grouped by unit. A whole 调度表 for
// every township of a district is a handful of scans, never a query per cell or per unit. With
// `ids`, each cell also returns the ids of the records it counted (the snapshot a submission keeps).
//
// What keeps it near one hand-written query (bench/forms.ts):
// - only the rows some cell's scope admits are read (all of the 调度表's hazard cells are about
//   major hazards), and departments' rows only in their townships;
// - a per-row fact several cells need (the items answered 不符合, the first listing) is one join,
//   run only for the rows those cells' scopes admit, not a subquery per cell and row;
// - a metric that counts its family's own rows counts rows (one per record and unit), not distinct ids;
// - the statements run without JIT compilation, which costs more than these queries take.
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import { type DbOrTx, sqlRows } from '../../../db/client.ts';
import { type Dimension, FAMILIES, type Family, type MetricWindow, type UnitKind } from './families.ts';
import { type MetricDef, type Params, metricOf } from './registry.ts';

export interface MetricCell {
  key: string;
  metric: string;
  params?: Params | undefined;
}
export interface EvalUnit {
  id: string;
  kind: UnitKind;
}
export interface CellResult {
  value: number;
  ids?: string[];
}
/** unit id → cell key → result. */
export type Evaluation = Map<string, Map<string, CellResult>>;

function aggregate(m: MetricDef, p: Params, w: MetricWindow): SQL {
  const where = m.where(p, w);
  if (m.agg === 'sum') return sql`coalesce(sum(${m.amount!(p, w)}) filter (where ${where}), 0)::bigint`;
  // The family's own rows (record kind = family): the join to units yields one row per record and unit.
  if (m.record === m.family) return sql`count(*) filter (where ${where})::int`;
  return sql`count(distinct ${m.recordId}) filter (where ${where})::int`;
}

type Cells = { cell: MetricCell; m: MetricDef }[];
const dialect = new PgDialect();

/** The rows some cell may count: the cells' scopes or'ed, each distinct one once; true when a cell has none. */
function scopeOf(c: Cells, w: MetricWindow): SQL {
  if (c.some(({ m }) => !m.scope)) return sql`true`;
  const distinct = new Map<string, SQL>();
  for (const { cell, m } of c) {
    const scope = m.scope!(cell.params ?? {}, w);
    const q = dialect.sqlToQuery(scope);
    distinct.set(`${q.sql} ${JSON.stringify(q.params)}`, scope);
  }
  return sql`(${sql.join([...distinct.values()].map((s) => sql`(${s})`), sql` or `)})`;
}

/** The per-row joins the cells name, each once, each gated by the scopes of the cells that use it. */
function joinsOf(family: Family, c: Cells, w: MetricWindow): SQL {
  const f = FAMILIES[family];
  return sql.join([...new Set(c.flatMap(({ m }) => m.joins ?? []))].map((name) => {
    const join = f.joins[name];
    if (!join) throw new Error(`metric family ${family} has no join ${name}`);
    return join(scopeOf(c.filter(({ m }) => m.joins?.includes(name)), w), w);
  }), sql` `);
}

async function evaluateGroup(db: DbOrTx, o: {
  districtId: string; family: Family; kind: UnitKind; unitIds: string[]; cells: Cells; w: MetricWindow; ids: boolean; townships: string[] | null;
}) {
  const f = FAMILIES[o.family];
  const cols = o.cells.flatMap(({ cell, m }, n) => {
    const p = cell.params ?? {};
    const value = sql`${aggregate(m, p, o.w)} as ${sql.raw(`v${n}`)}`;
    if (!o.ids) return [value];
    return [value, sql`coalesce(array_agg(distinct ${m.recordId}) filter (where ${m.where(p, o.w)}), '{}') as ${sql.raw(`r${n}`)}`];
  });
  const joins = joinsOf(o.family, o.cells, o.w);
  const unitList = sql.join(o.unitIds.map((id) => sql`${id}::uuid`), sql`, `);
  const region = o.townships ? sql` and ${f.township} in (${sql.join(o.townships.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  const rows = await sqlRows<Record<string, unknown>>(db, sql`select u.id as unit_id, ${sql.join(cols, sql`, `)}
    from ${f.from} join org_units u on u.id in (${unitList}) and ${f.attribution(o.kind)} ${joins}
    where ${f.district} = ${o.districtId} and ${f.base(o.w)}${region} and ${scopeOf(o.cells, o.w)}
    group by u.id`);
  return rows;
}

/** The townships the units' parents are, or null when one is not a township (a district department). */
async function parentTownships(db: DbOrTx, unitIds: string[]): Promise<string[] | null> {
  const rows = await sqlRows<{ id: string; kind: string }>(db, sql`select distinct p.id, p.kind from org_units u join org_units p on p.id = u.parent_id
    where u.id in (${sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return rows.length > 0 && rows.every((r) => r.kind === 'township') ? rows.map((r) => r.id) : null;
}

/**
 * Runs `fn` in a transaction with JIT compilation off: compiling a plan (0.1 to 0.5 s on these
 * machines) costs more than these grouped scans take. Inside the caller's transaction it is a
 * savepoint, and the caller's setting is given back after (a local setting outlives a savepoint).
 */
async function withoutJit<T>(db: DbOrTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const nested = db instanceof PgTransaction;
  return db.transaction(async (tx) => {
    const [before] = await sqlRows<{ jit: string }>(tx, sql`select current_setting('jit') as jit, set_config('jit', 'off', true)`);
    const out = await fn(tx);
    if (nested) await tx.execute(sql`select set_config('jit', ${before!.jit}, true)`);
    return out;
  });
}

/** Every cell for every unit; a unit with no records gets zeros. Unknown metrics are skipped (templates are checked on save). */
export async function evaluateCells(
  db: DbOrTx,
  o: { districtId: string; units: readonly EvalUnit[]; cells: readonly MetricCell[]; window: MetricWindow; ids?: boolean },
): Promise<Evaluation> {
  const out: Evaluation = new Map(o.units.map((u) => [u.id, new Map(o.cells.filter((c) => metricOf(c.metric)).map((c) => [c.key, o.ids ? { value: 0, ids: [] } : { value: 0 }]))]));
  if (o.units.length === 0 || o.cells.length === 0) return out;
  const byFamily = new Map<Family, { cell: MetricCell; m: MetricDef }[]>();
  for (const cell of o.cells) {
    const m = metricOf(cell.metric);
    if (!m) continue;
    byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), { cell, m }]);
  }
  const byKind = new Map<UnitKind, string[]>();
  for (const u of o.units) byKind.set(u.kind, [...(byKind.get(u.kind) ?? []), u.id]);
  await withoutJit(db, async (tx) => {
    const parents = new Map<UnitKind, string[] | null>();
    for (const [family, cells] of byFamily) {
      for (const [kind, unitIds] of byKind) {
        let townships: string[] | null = null;
        if (FAMILIES[family].inParentRegion.includes(kind)) {
          if (!parents.has(kind)) parents.set(kind, await parentTownships(tx, unitIds));
          townships = parents.get(kind)!;
        }
        const rows = await evaluateGroup(tx, { districtId: o.districtId, family, kind, unitIds, cells, w: o.window, ids: o.ids ?? false, townships });
        for (const r of rows) {
          const unit = out.get(r.unit_id as string)!;
          cells.forEach(({ cell }, n) => {
            const ids = o.ids ? (r[`r${n}`] as string[]).map(String).sort() : undefined;
            unit.set(cell.key, ids ? { value: Number(r[`v${n}`]), ids } : { value: Number(r[`v${n}`]) });
          });
        }
      }
    }
  });
  return out;
}

/** The ids of the records one cell counts for one unit (a drill-down of a draft or a roll-up). */
export async function cellRecordIds(db: DbOrTx, o: { districtId: string; unit: EvalUnit; cell: MetricCell; window: MetricWindow }): Promise<string[]> {
  const r = await evaluateCells(db, { districtId: o.districtId, units: [o.unit], cells: [o.cell], window: o.window, ids: true });
  return r.get(o.unit.id)?.get(o.cell.key)?.ids ?? [];
}

/**
 * One unit's cells broken down by a dimension (village, sector, week): one query per family, the
 * same conditions as evaluateCells, grouped by the dimension instead of the unit. Cells whose
 * family has no such dimension are left out. group value → cell key → value.
 */
export async function breakdownCells(
  db: DbOrTx,
  o: { districtId: string; unit: EvalUnit; cells: readonly MetricCell[]; window: MetricWindow; by: Dimension },
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  const byFamily = new Map<Family, { cell: MetricCell; m: MetricDef }[]>();
  for (const cell of o.cells) {
    const m = metricOf(cell.metric);
    if (m && FAMILIES[m.family].dimensions[o.by]) byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), { cell, m }]);
  }
  for (const [family, cells] of byFamily) {
    const f = FAMILIES[family];
    const dim = f.dimensions[o.by]!;
    const cols = cells.map(({ cell, m }, n) => sql`${aggregate(m, cell.params ?? {}, o.window)} as ${sql.raw(`v${n}`)}`);
    const rows = await withoutJit(db, (tx) => sqlRows<Record<string, unknown>>(tx, sql`select ${dim} as g, ${sql.join(cols, sql`, `)}
      from ${f.from} join org_units u on u.id = ${o.unit.id}::uuid and ${f.attribution(o.unit.kind)} ${joinsOf(family, cells, o.window)}
      where ${f.district} = ${o.districtId} and ${f.base(o.window)} and ${scopeOf(cells, o.window)}
      group by 1 order by 1`));
    for (const r of rows) {
      const g = String(r.g);
      const m = out.get(g) ?? new Map<string, number>();
      cells.forEach(({ cell }, n) => m.set(cell.key, Number(r[`v${n}`])));
      out.set(g, m);
    }
  }
  return out;
}

/**
 * Cells over a data scope instead of a unit (the 看板: what the signed-in person sees), with the
 * same metric conditions: `scope` is a condition on the family's table under its own name (e.g.
 * the hazards scope), applied by id. One query for the totals, or one per breakdown.
 */
export async function scopedCells(
  db: DbOrTx,
  o: { family: Family; scope: SQL; cells: readonly MetricCell[]; window: MetricWindow; by?: Dimension },
): Promise<Map<string, Map<string, number>>> {
  const f = FAMILIES[o.family];
  const defs = o.cells.flatMap((cell) => {
    const m = metricOf(cell.metric);
    return m && m.family === o.family ? [{ cell, m }] : [];
  });
  const out = new Map<string, Map<string, number>>();
  if (defs.length === 0) return out;
  const dim = o.by ? f.dimensions[o.by] : undefined;
  if (o.by && !dim) return out;
  const cols = defs.map(({ cell, m }, n) => sql`${aggregate(m, cell.params ?? {}, o.window)} as ${sql.raw(`v${n}`)}`);
  const rows = await withoutJit(db, (tx) => sqlRows<Record<string, unknown>>(tx, sql`select ${dim ?? sql`''`} as g, ${sql.join(cols, sql`, `)}
    from ${f.from} ${joinsOf(o.family, defs, o.window)}
    where ${f.base(o.window)} and ${scopeOf(defs, o.window)} and ${f.id} in (select id from ${f.table} where ${o.scope})
    ${dim ? sql`group by 1` : sql``}`));
  for (const r of rows) out.set(String(r.g), new Map(defs.map(({ cell }, n) => [cell.key, Number(r[`v${n}`])])));
  return out;
}
