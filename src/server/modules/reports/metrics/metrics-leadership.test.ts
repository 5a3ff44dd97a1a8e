// The metrics of leaders' activities, the technical-inspector roster and the checks of enterprises
// (inspections and leaders' visits), over the metric world plus their own records: what counts,
// and what must not (voided, before the window, after the due day, another district, another
// unit's, the wrong kind or post, a roster entry not serving on the due day).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase } from '../../../test/db.ts';
import { type EvalUnit, type MetricCell, evaluateCells } from './evaluate.ts';
import { buildLeadershipRecords, type LeadershipRecords } from './leadership-world.ts';
import { buildMetricsWorld, WINDOW } from './metrics-world.ts';
import { paramProblems } from './registry.ts';

let db: TestDatabase;
let w: Awaited<ReturnType<typeof buildMetricsWorld>>;
let r: LeadershipRecords;

const HEADS = 'party_secretary,government_head,deputy';
const CELLS: MetricCell[] = [
  { key: 'study', metric: 'leadership.activities', params: { kinds: 'study', posts: HEADS } },
  { key: 'research', metric: 'leadership.activities', params: { kinds: 'meeting', posts: 'party_secretary,government_head' } },
  { key: 'onsite', metric: 'leadership.activities', params: { kinds: 'site_supervision', posts: HEADS } },
  { key: 'briefings', metric: 'leadership.activities', params: { kinds: 'enterprise_talk', posts: 'member_unit_head' } },
  { key: 'assessments', metric: 'leadership.activities', params: { kinds: 'assessment' } },
  { key: 'township_level', metric: 'leadership.activities', params: { kinds: 'study,meeting,site_supervision,enterprise_talk,assessment', level: 'township' } },
  { key: 'inspectors', metric: 'inspectors.count' },
  { key: 'full_time', metric: 'inspectors.count', params: { employment: 'full_time' } },
  { key: 'checked', metric: 'checks.enterprises' },
  { key: 'checked_by_leaders', metric: 'checks.enterprises', params: { leaders: 'yes' } },
];


beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildMetricsWorld(db.db);
  r = await buildLeadershipRecords(db.db, w);
});
afterAll(() => db.close());

async function evaluate(units: EvalUnit[]) {
  const ev = await evaluateCells(db.db, { districtId: w.D.id, units, cells: CELLS, window: WINDOW, ids: true });
  return {
    value: (id: string) => Object.fromEntries([...ev.get(id)!].map(([k, v]) => [k, v.value])) as Record<string, number>,
    ids: (id: string, key: string) => ev.get(id)!.get(key)!.ids!,
  };
}

describe("leaders' activities", () => {
  it('a township counts the activities held in it; the district both levels; a department what it recorded', async () => {
    const f = await evaluate([{ id: w.T.id, kind: 'township' }, { id: w.D.id, kind: 'district' }, { id: w.dept.id, kind: 'department' }, { id: w.V1.id, kind: 'village' }]);
    expect(f.value(w.T.id)).toMatchObject({ study: 1, research: 1, onsite: 0, briefings: 1, assessments: 1, township_level: 6 });
    expect(f.value(w.D.id)).toMatchObject({ study: 1, research: 1, onsite: 1, briefings: 1, assessments: 1, township_level: 6 });
    expect(f.value(w.dept.id)).toMatchObject({ study: 0, research: 0, onsite: 0, briefings: 1, assessments: 0 });
    expect(f.value(w.V1.id)).toMatchObject({ study: 0, briefings: 0, inspectors: 0 });
  });

  it('lists exactly the activities it counted', async () => {
    const f = await evaluate([{ id: w.T.id, kind: 'township' }, { id: w.D.id, kind: 'district' }]);
    expect(f.ids(w.T.id, 'study')).toEqual([r.study.id]);
    expect(f.ids(w.T.id, 'research')).toEqual([r.meeting.id]);
    expect(f.ids(w.T.id, 'briefings')).toEqual([r.talk.id]);
    expect(f.ids(w.T.id, 'assessments')).toEqual([r.assessment.id]);
    expect(f.ids(w.D.id, 'onsite')).toEqual([r.onsite.id]);
  });
});

describe('the technical-inspector roster', () => {
  it('counts the entries serving on the due day: a township its own roster, the district both levels, a unit those working for it', async () => {
    const f = await evaluate([
      { id: w.T.id, kind: 'township' }, { id: w.D.id, kind: 'district' }, { id: w.dept.id, kind: 'department' }, { id: w.districtDept.id, kind: 'department' },
    ]);
    expect(f.value(w.T.id)).toMatchObject({ inspectors: 2, full_time: 1 });
    expect(f.ids(w.T.id, 'inspectors')).toEqual([r.r1.id, r.r2.id].sort());
    expect(f.value(w.D.id)).toMatchObject({ inspectors: 3, full_time: 2 });
    expect(f.ids(w.D.id, 'inspectors')).toEqual([r.r1.id, r.r2.id, r.r6.id].sort());
    expect(f.value(w.dept.id)).toMatchObject({ inspectors: 1, full_time: 1 });
    expect(f.value(w.districtDept.id)).toMatchObject({ inspectors: 1 });
  });
});

describe('checks of enterprises: inspections and leaders\' visits', () => {
  it("counts an enterprise a leader visited in a 调研检查 or 现场督导检查 once, beside the inspected ones, by the unit that recorded it", async () => {
    const f = await evaluate([
      { id: w.T.id, kind: 'township' }, { id: w.D.id, kind: 'district' }, { id: w.dept.id, kind: 'department' }, { id: w.dept2.id, kind: 'department' },
    ]);
    // dept: inspected E1 (once leader-led) and E3; its deputy visited E2; the voided visit to E1 does not count
    expect(f.value(w.dept.id)).toMatchObject({ checked: 3, checked_by_leaders: 2 });
    expect(f.ids(w.dept.id, 'checked_by_leaders')).toEqual([w.E1.id, w.E2.id].sort());
    // dept2's visit after the due day does not count
    expect(f.value(w.dept2.id)).toMatchObject({ checked: 2, checked_by_leaders: 0 });
    // the district's own 现场督导检查 at E3 is the district's, not the township's
    expect(f.value(w.T.id)).toMatchObject({ checked: 3, checked_by_leaders: 2 });
    expect(f.value(w.D.id)).toMatchObject({ checked: 3, checked_by_leaders: 3 });
    // "其中" stays a part of the whole
    for (const id of [w.T.id, w.D.id, w.dept.id, w.dept2.id]) {
      expect(f.ids(id, 'checked_by_leaders').every((e) => f.ids(id, 'checked').includes(e))).toBe(true);
    }
  });
});

describe('parameters', () => {
  it('are checked against the kinds, levels, posts and employments', () => {
    expect(paramProblems('leadership.activities', { kinds: 'study,meeting', posts: HEADS, level: 'township' })).toEqual([]);
    expect(paramProblems('leadership.activities', {})).toHaveLength(1);
    expect(paramProblems('leadership.activities', { kinds: 'party' })).toHaveLength(1);
    expect(paramProblems('leadership.activities', { kinds: 'study', posts: 'mayor' })).toHaveLength(1);
    expect(paramProblems('inspectors.count', { employment: 'contract' })).toHaveLength(1);
    expect(paramProblems('checks.enterprises', { leaders: 'yes' })).toEqual([]);
  });
});
