// The metrics of publicity records over the metric world plus their own records: mainstream media
// columns running in the window (a column over a period included), and the enterprises exposed,
// alone or with those of the enforcement measures, each enterprise once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase } from '../../../test/db.ts';
import { type EvalUnit, type MetricCell, evaluateCells } from './evaluate.ts';
import { buildMetricsWorld, WINDOW } from './metrics-world.ts';
import { type PublicityRecords, buildPublicityRecords } from './publicity-world.ts';
import { paramProblems } from './registry.ts';

let db: TestDatabase;
let w: Awaited<ReturnType<typeof buildMetricsWorld>>;
let r: PublicityRecords;

const MEASURES = 'exposure,summons,joint_sanction';
const CELLS: MetricCell[] = [
  { key: 'media', metric: 'publicity.media_columns' },
  { key: 'radio', metric: 'publicity.media_columns', params: { channels: 'radio,newspaper' } },
  { key: 'exposed', metric: 'publicity.exposed_enterprises' },
  { key: 'exposures', metric: 'publicity.exposed_enterprises', params: { measures: MEASURES } },
  { key: 'measures_only', metric: 'measures.enterprises', params: { kinds: MEASURES } },
];

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildMetricsWorld(db.db);
  r = await buildPublicityRecords(db.db, w);
});
afterAll(() => db.close());

async function evaluate(units: EvalUnit[]) {
  const ev = await evaluateCells(db.db, { districtId: w.D.id, units, cells: CELLS, window: WINDOW, ids: true });
  return {
    value: (id: string) => Object.fromEntries([...ev.get(id)!].map(([k, v]) => [k, v.value])) as Record<string, number>,
    ids: (id: string, key: string) => ev.get(id)!.get(key)!.ids!,
  };
}
const all = (): EvalUnit[] => [{ id: w.T.id, kind: 'township' }, { id: w.D.id, kind: 'district' }, { id: w.dept.id, kind: 'department' }, { id: w.V2.id, kind: 'village' }];

describe('mainstream media columns', () => {
  it('count the columns running in the window: a township its own, the district both levels, a unit none', async () => {
    const f = await evaluate(all());
    // the column with a period over the window, the radio column started in it, the page without an end started before it
    expect(f.value(w.T.id)).toMatchObject({ media: 3, radio: 2 });
    expect(f.ids(w.T.id, 'media')).toEqual([r.running.id, r.radio.id, r.onAir.id].sort());
    expect(f.value(w.D.id)).toMatchObject({ media: 4, radio: 2 });
    expect(f.ids(w.D.id, 'media')).toEqual([r.running.id, r.radio.id, r.onAir.id, r.districtColumn.id].sort());
    expect(f.value(w.dept.id)).toMatchObject({ media: 0 });
    expect(f.value(w.V2.id)).toMatchObject({ media: 0 });
  });

  it('a column that ended before the window does not count in it; one without an end does', async () => {
    const ev = await evaluateCells(db.db, {
      districtId: w.D.id, units: [{ id: w.T.id, kind: 'township' }], cells: CELLS.slice(0, 1), window: { ...WINDOW, from: '2027-01-01', to: '2027-01-31', cutoff: new Date('2027-01-31T16:00:00Z') }, ids: true,
    });
    // 《安全大家谈》 ended 2026-12-31; the columns without an end run on
    expect(ev.get(w.T.id)!.get('media')!.ids).toEqual([r.radio.id, r.onAir.id, r.later.id].sort());
  });
});

describe('enterprises exposed', () => {
  it('count the enterprises the publicity exposures named, each once, attributed to the region that published them', async () => {
    const f = await evaluate(all());
    expect(f.ids(w.T.id, 'exposed')).toEqual([w.E2.id, w.E3.id].sort());
    // the district's own exposure of E1 is the district's, not the township's
    expect(f.ids(w.D.id, 'exposed')).toEqual([w.E1.id, w.E2.id, w.E3.id].sort());
    expect(f.value(w.dept.id)).toMatchObject({ exposed: 0 });
  });

  it('with the measures, count the union: E3, exposed by a measure and by the township, once', async () => {
    const f = await evaluate(all());
    expect(f.value(w.T.id)).toMatchObject({ measures_only: 1, exposures: 2 });
    expect(f.ids(w.T.id, 'measures_only')).toEqual([w.E3.id]);
    expect(f.ids(w.T.id, 'exposures')).toEqual([w.E2.id, w.E3.id].sort());
    expect(f.value(w.D.id)).toMatchObject({ measures_only: 1, exposures: 3 });
    // the department counts its own cases' measures, as before
    expect(f.value(w.dept.id)).toMatchObject({ measures_only: 1, exposures: 1 });
    // a village: the measures of its enterprises' cases (E3 is in V2); publicity is no village's
    expect(f.value(w.V2.id)).toMatchObject({ measures_only: 1, exposures: 1, exposed: 0 });
  });
});

describe('parameters', () => {
  it('are checked against the channels and the measure kinds', () => {
    expect(paramProblems('publicity.media_columns', { channels: 'tv,radio' })).toEqual([]);
    expect(paramProblems('publicity.media_columns', { channels: 'tiktok' })).toHaveLength(1);
    expect(paramProblems('publicity.exposed_enterprises', { measures: MEASURES })).toEqual([]);
    expect(paramProblems('publicity.exposed_enterprises', { measures: 'fine' })).toHaveLength(1);
  });
});
