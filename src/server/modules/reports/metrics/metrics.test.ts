// Every metric of the registry against records built with the factories: what counts, and what
// must not (before the window, after the cut-off at the due day's end in Shanghai, voided, drafts,
// self-inspections, another district's, out of the unit's scope).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows } from '../../../db/client.ts';
import { type TestDatabase, createTestDatabase } from '../../../test/db.ts';
import { type EvalUnit, type MetricCell, breakdownCells, evaluateCells } from './evaluate.ts';
import { buildMetricsWorld, WINDOW } from './metrics-world.ts';
import { METRICS, paramProblems } from './registry.ts';

let db: TestDatabase;
let w: Awaited<ReturnType<typeof buildMetricsWorld>>;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildMetricsWorld(db.db);
});
afterAll(() => db.close());

const CELLS: MetricCell[] = [
  { key: 'supervised', metric: 'enterprises.supervised' },
  { key: 'red', metric: 'enterprises.supervised', params: { grade: 'red' } },
  { key: 'found', metric: 'hazards.found' },
  { key: 'fixed', metric: 'hazards.rectified' },
  { key: 'major', metric: 'hazards.found', params: { level: 'major' } },
  { key: 'major_fixed', metric: 'hazards.rectified', params: { level: 'major' } },
  { key: 'self_major', metric: 'hazards.found', params: { level: 'major', source: 'self_inspection' } },
  { key: 'dept_major', metric: 'hazards.found', params: { level: 'major', source: 'authority' } },
  { key: 'listed', metric: 'hazards.listed' },
  { key: 'listed_fixed', metric: 'hazards.listed_rectified' },
  { key: 'to_district', metric: 'hazards.transferred', params: { to: 'district_department' } },
  { key: 'to_township', metric: 'hazards.transferred', params: { to: 'township_department' } },
  { key: 'inspected', metric: 'inspections.enterprises' },
  { key: 'by_leaders', metric: 'inspections.enterprises', params: { leaderLed: 'yes' } },
  { key: 'spot', metric: 'inspections.enterprises', params: { template: 'chongming-spot-check' } },
  { key: 'study_failed', metric: 'inspections.item_failed', params: { template: 'chongming-spot-check', item: 'principal-study' } },
  { key: 'outsourcing_failed', metric: 'inspections.item_failed', params: { template: 'chongming-spot-check', item: 'outsourcing' } },
  { key: 'assist_key', metric: 'inspections.visits', params: { type: 'assistance', key: 'yes' } },
  { key: 'visits', metric: 'inspections.visits' },
  { key: 'enforced', metric: 'cases.enterprises' },
  { key: 'fines', metric: 'cases.fines' },
  { key: 'penalties', metric: 'cases.with_measure', params: { kind: 'penalty' } },
  { key: 'dual', metric: 'cases.dual_penalty' },
  { key: 'published', metric: 'cases.published' },
  { key: 'crime', metric: 'cases.published', params: { crime: 'yes' } },
  { key: 'exposed', metric: 'measures.enterprises', params: { kinds: 'exposure,summons,joint_sanction' } },
  { key: 'referred', metric: 'measures.persons', params: { kind: 'judicial_referral' } },
  { key: 'persons', metric: 'accountability.persons' },
  { key: 'interviews', metric: 'accountability.unit_interviews' },
];

async function figures(units: EvalUnit[]) {
  const r = await evaluateCells(db.db, { districtId: w.D.id, units, cells: CELLS, window: WINDOW, ids: true });
  return (id: string) => Object.fromEntries([...r.get(id)!].map(([k, v]) => [k, v.value])) as Record<string, number>;
}

describe('metrics, evaluated for units of every kind in one grouped pass', () => {
  it('a village counts the records of its own enterprises only', async () => {
    const f = await figures([{ id: w.V1.id, kind: 'village' }, { id: w.V2.id, kind: 'village' }]);
    expect(f(w.V1.id)).toMatchObject({ supervised: 2, red: 1, found: 4, fixed: 2, major: 1, major_fixed: 1, self_major: 1, dept_major: 0, listed: 0, to_district: 0 });
    expect(f(w.V2.id)).toMatchObject({ supervised: 1, red: 0, found: 1, fixed: 0, major: 1, dept_major: 1, listed: 1, listed_fixed: 0, to_district: 1, to_township: 0 });
  });

  it('a department counts its sectors in its township and what it did itself', async () => {
    const f = await figures([{ id: w.dept.id, kind: 'department' }, { id: w.dept2.id, kind: 'department' }, { id: w.districtDept.id, kind: 'department' }]);
    expect(f(w.dept.id)).toMatchObject({
      supervised: 2, red: 1, found: 3, fixed: 1, major: 2, inspected: 2, by_leaders: 1, spot: 1, study_failed: 1, outsourcing_failed: 0, assist_key: 0, visits: 3,
      enforced: 2, fines: 1_200_000, penalties: 1, dual: 1, published: 1, crime: 1, exposed: 1, referred: 2, interviews: 1, persons: 0,
    });
    expect(f(w.dept2.id)).toMatchObject({ supervised: 1, found: 2, fixed: 1, inspected: 2, assist_key: 1, visits: 2, enforced: 0, fines: 0 });
    // a district department supervises its sectors across the district
    expect(f(w.districtDept.id)).toMatchObject({ supervised: 2, found: 3 });
  });

  it('a township and its district count their whole region, never another district', async () => {
    const f = await figures([{ id: w.T.id, kind: 'township' }, { id: w.D.id, kind: 'district' }]);
    for (const id of [w.T.id, w.D.id]) {
      expect(f(id)).toMatchObject({
        supervised: 3, found: 5, fixed: 2, major: 2, self_major: 1, dept_major: 1, listed: 1, to_district: 1, inspected: 3, visits: 5,
        enforced: 2, fines: 1_200_000, persons: 1, interviews: 1,
      });
    }
  });

  it('lists the records a figure counted, one id per counted record', async () => {
    const r = await evaluateCells(db.db, { districtId: w.D.id, units: [{ id: w.V1.id, kind: 'village' }], cells: CELLS, window: WINDOW, ids: true });
    const cells = r.get(w.V1.id)!;
    expect(cells.get('found')!.ids).toEqual([w.h.h1.id, w.h.h2.id, w.h.h3.id, w.h.h9.id].sort());
    expect(cells.get('fixed')!.ids).toEqual([w.h.h1.id, w.h.h3.id].sort());
    for (const c of CELLS) {
      const m = METRICS.find((x) => x.key === c.metric)!;
      if (m.agg === 'count') expect(cells.get(c.key)!.ids!.length, c.key).toBe(cells.get(c.key)!.value);
    }
  });

  it("a township's departments alone (read in their township only) count as they do beside a district department", async () => {
    const alone = await figures([{ id: w.dept.id, kind: 'department' }, { id: w.dept2.id, kind: 'department' }]);
    const beside = await figures([{ id: w.dept.id, kind: 'department' }, { id: w.dept2.id, kind: 'department' }, { id: w.districtDept.id, kind: 'department' }]);
    for (const id of [w.dept.id, w.dept2.id]) expect(alone(id)).toEqual(beside(id));
  });

  it("inside a caller's transaction, leaves its settings as they were", async () => {
    const jit = await db.db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = on`);
      await evaluateCells(tx, { districtId: w.D.id, units: [{ id: w.T.id, kind: 'township' }], cells: CELLS, window: WINDOW });
      return (await sqlRows<{ jit: string }>(tx, sql`select current_setting('jit') as jit`))[0]!.jit;
    });
    expect(jit).toBe('on');
  });

  it('a unit with no records gets zeros, not a missing figure', async () => {
    const f = await figures([{ id: w.districtDept.id, kind: 'department' }]);
    expect(f(w.districtDept.id).fines).toBe(0);
  });
});

describe('a breakdown by village, sector and week', () => {
  it('splits the same figures the unit\'s total gives', async () => {
    const cells: MetricCell[] = [{ key: 'found', metric: 'hazards.found' }, { key: 'fixed', metric: 'hazards.rectified' }, { key: 'supervised', metric: 'enterprises.supervised' }];
    const unit = { id: w.T.id, kind: 'township' as const };
    const byVillage = await breakdownCells(db.db, { districtId: w.D.id, unit, cells, window: WINDOW, by: 'village' });
    expect(Object.fromEntries(byVillage.get(w.V1.id)!)).toEqual({ found: 4, fixed: 2, supervised: 2 });
    expect(Object.fromEntries(byVillage.get(w.V2.id)!)).toEqual({ found: 1, fixed: 0, supervised: 1 });
    const bySector = await breakdownCells(db.db, { districtId: w.D.id, unit, cells, window: WINDOW, by: 'sector' });
    expect([...bySector.values()].map((m) => m.get('found')).sort()).toEqual([2, 3]);
    expect([...bySector.values()].every((m) => !m.has('supervised'))).toBe(true);
    const byWeek = await breakdownCells(db.db, { districtId: w.D.id, unit, cells, window: WINDOW, by: 'week' });
    expect(Object.fromEntries([...byWeek].map(([k, m]) => [k, m.get('found')]))).toEqual({ '2026-11-02': 4, '2026-11-30': 1 });
  });
});

describe('metric parameters', () => {
  it('every metric is documented and its parameters are checked', () => {
    for (const m of METRICS) expect(m.description.length, m.key).toBeGreaterThan(5);
    expect(paramProblems('hazards.found', { level: 'major' })).toEqual([]);
    expect(paramProblems('hazards.found', { level: 'huge' })).toHaveLength(1);
    expect(paramProblems('hazards.transferred', {})).toHaveLength(1);
    expect(paramProblems('measures.enterprises', { kinds: 'exposure,summons' })).toEqual([]);
    expect(paramProblems('nope', {})).toHaveLength(1);
  });
});
