// The metrics of drills and training over the metric world plus their own records: records and
// enterprises in the window, people, the authorities' staff training by unit, the enterprises behind
// as of the due day (the district's requirement, high-risk half-years), and the 崇明 调度表's item 8
// computed from the drill records beside the checklist's answers.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHONGMING_DISPATCH } from '../../../../domain/reports/seed-forms.ts';
import { drillRequirements } from '../../../db/schema/index.ts';
import { type TestDatabase, createTestDatabase } from '../../../test/db.ts';
import { type DrillRecords, SPOT, buildDrillRecords } from './drill-world.ts';
import { type EvalUnit, type MetricCell, evaluateCells } from './evaluate.ts';
import { buildMetricsWorld, WINDOW } from './metrics-world.ts';
import { paramProblems } from './registry.ts';

let db: TestDatabase;
let w: Awaited<ReturnType<typeof buildMetricsWorld>>;
let r: DrillRecords;

const spot8 = CHONGMING_DISPATCH.indicators.find((i) => i.key === 'spot_8')!;
const CELLS: MetricCell[] = [
  { key: 'drills', metric: 'drills.records', params: { category: 'drill' } },
  { key: 'trainings', metric: 'drills.records', params: { category: 'training', subject: 'enterprise' } },
  { key: 'staff', metric: 'drills.records', params: { subject: 'staff' } },
  { key: 'staff_by_kind', metric: 'drills.records', params: { kinds: 'enforcement_staff_training' } },
  { key: 'verified', metric: 'drills.records', params: { verified: 'yes' } },
  { key: 'drilled', metric: 'drills.enterprises' },
  { key: 'people', metric: 'drills.participants' },
  { key: 'missed', metric: 'drills.enterprises_behind' },
  { key: 'behind', metric: 'drills.enterprises_behind', params: { status: 'behind' } },
  { key: 'met', metric: 'drills.enterprises_behind', params: { status: 'met' } },
  { key: 'training_behind', metric: 'drills.enterprises_behind', params: { category: 'training', status: 'behind' } },
  { key: 'supervised', metric: 'enterprises.supervised' },
  { key: 'item8_answers', metric: 'inspections.item_failed', params: { template: SPOT, item: 'drill-and-escape' } },
  { key: 'spot_8', metric: spot8.source.kind === 'computed' ? spot8.source.metric : '', params: spot8.source.kind === 'computed' ? spot8.source.params : {} },
];

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildMetricsWorld(db.db);
  r = await buildDrillRecords(db.db, w);
});
afterAll(() => db.close());

async function evaluate(units: EvalUnit[], cells = CELLS) {
  const ev = await evaluateCells(db.db, { districtId: w.D.id, units, cells, window: WINDOW, ids: true });
  return {
    value: (id: string) => Object.fromEntries([...ev.get(id)!].map(([k, v]) => [k, v.value])) as Record<string, number>,
    ids: (id: string, key: string) => ev.get(id)!.get(key)!.ids!,
  };
}
const units = (): EvalUnit[] => [
  { id: w.T.id, kind: 'township' }, { id: w.D.id, kind: 'district' }, { id: w.V1.id, kind: 'village' }, { id: w.V2.id, kind: 'village' },
  { id: w.dept.id, kind: 'department' }, { id: w.dept2.id, kind: 'department' }, { id: w.districtDept.id, kind: 'department' },
];

describe('drill and training records', () => {
  it('count the live records held in the window, by where the enterprise is and whose staff were trained', async () => {
    const f = await evaluate(units());
    expect(f.value(w.T.id)).toMatchObject({ drills: 1, trainings: 1, staff: 2, staff_by_kind: 2, verified: 1, drilled: 2, people: 20 + 15 + 6 + 10 });
    expect(f.value(w.D.id)).toMatchObject({ drills: 1, staff: 3, drilled: 2, people: 20 + 15 + 6 + 10 + 4 });
    expect(f.value(w.V1.id)).toMatchObject({ drills: 1, trainings: 1, staff: 0, drilled: 2 });
    expect(f.value(w.V2.id)).toMatchObject({ drills: 0, trainings: 0, drilled: 0 });
    expect(f.value(w.dept.id)).toMatchObject({ drills: 1, trainings: 0, staff: 1, drilled: 1, people: 20 + 6 });
    expect(f.value(w.dept2.id)).toMatchObject({ drills: 0, trainings: 1, staff: 0, drilled: 1 });
    expect(f.value(w.districtDept.id)).toMatchObject({ staff: 1 });
  });

  it('list exactly the records and enterprises they counted', async () => {
    const f = await evaluate(units());
    expect(f.ids(w.T.id, 'drills')).toEqual([r.r1.id]);
    expect(f.ids(w.T.id, 'staff')).toEqual([r.r7.id, r.r8.id].sort());
    expect(f.ids(w.D.id, 'staff')).toEqual([r.r7.id, r.r8.id, r.r10.id].sort());
    expect(f.ids(w.T.id, 'drilled')).toEqual([w.E1.id, w.E2.id].sort());
  });
});

describe('enterprises behind', () => {
  it('as of the due day: a high-risk enterprise that missed its first half-year; the year still open for the others', async () => {
    const f = await evaluate(units());
    // E1 drilled in November and trained in March; E2 and E3 have not drilled yet (E3's after the due day and its voided one do not count)
    expect(f.value(w.T.id)).toMatchObject({ missed: 1, behind: 3, met: 1, training_behind: 2, supervised: 4 });
    expect(f.ids(w.T.id, 'missed')).toEqual([r.HR.id]);
    expect(f.ids(w.T.id, 'behind')).toEqual([w.E2.id, w.E3.id, r.HR.id].sort());
    expect(f.ids(w.T.id, 'met')).toEqual([w.E1.id]);
    expect(f.ids(w.T.id, 'training_behind')).toEqual([w.E3.id, r.HR.id].sort());
    expect(f.value(w.V1.id)).toMatchObject({ missed: 0, behind: 1, met: 1 });
    expect(f.value(w.dept.id)).toMatchObject({ missed: 1, behind: 2, met: 1 });
    expect(f.value(w.D.id)).toMatchObject({ missed: 1 });
  });

  it('follow the district’s requirement', async () => {
    const [row] = await db.db.insert(drillRequirements).values({ districtId: w.D.id, drillNormal: 2, drillHighRisk: 4, trainingNormal: 1, trainingHighRisk: 1 }).returning();
    try {
      const f = await evaluate([{ id: w.T.id, kind: 'township' }]);
      // twice a year: E2 and E3 missed their first half too; E1's November drill meets only the second
      expect(f.ids(w.T.id, 'missed')).toEqual([w.E1.id, w.E2.id, w.E3.id, r.HR.id].sort());
    } finally {
      await db.db.delete(drillRequirements).where(eq(drillRequirements.id, row!.id));
    }
  });
});

describe('the 崇明 调度表 item 8', () => {
  it('counts the spot-checked enterprises that let a drill lapse, beside those failing the item', async () => {
    expect(spot8.source).toMatchObject({ kind: 'computed', metric: 'inspections.drill_lapsed' });
    const f = await evaluate([{ id: w.T.id, kind: 'township' }, { id: w.dept.id, kind: 'department' }, { id: w.dept2.id, kind: 'department' }]);
    expect(f.value(w.T.id)).toMatchObject({ item8_answers: 1, spot_8: 2 });
    expect(f.ids(w.T.id, 'spot_8')).toEqual([w.E3.id, r.HR.id].sort());
    expect(f.value(w.dept2.id)).toMatchObject({ spot_8: 0 }); // E2's year is still open
  });

  it('parameters are checked', () => {
    expect(paramProblems('drills.records', { category: 'drill', kinds: 'comprehensive_drill,tabletop_drill', subject: 'staff', verified: 'yes' })).toEqual([]);
    expect(paramProblems('drills.records', { kinds: 'fire_drill' })).toHaveLength(1);
    expect(paramProblems('drills.enterprises_behind', { status: 'late' })).toHaveLength(1);
    expect(paramProblems('inspections.drill_lapsed', {})).toHaveLength(1);
  });
});
