// Leaders' activities and technical-inspector roster entries over the metric world (metrics-world.ts):
// for each metric, records that count and records that must not (voided, before the window,
// after the due day, another district, the wrong kind or post, not serving on the due day).
import type { Db } from '../../../db/client.ts';
import { buildLeadershipActivity, buildTechnicalInspector } from '../../../test/leadership-fixtures.ts';
import type { buildMetricsWorld } from './metrics-world.ts';

type MetricsWorld = Awaited<ReturnType<typeof buildMetricsWorld>>;
export type LeadershipRecords = Awaited<ReturnType<typeof buildLeadershipRecords>>;

export async function buildLeadershipRecords(db: Db, w: MetricsWorld) {
  const { D, T, dept, districtDept, T2, user, user2 } = w;
  const by = user.id;
  const act = (o: Omit<Parameters<typeof buildLeadershipActivity>[1], 'createdBy'>) => buildLeadershipActivity(db, { createdBy: by, ...o });
  const study = await act({ unit: T, townshipId: T.id, kind: 'study', heldOn: '2026-11-05', posts: ['party_secretary', 'deputy'] });
  const talk = await act({ unit: dept, townshipId: T.id, kind: 'enterprise_talk', heldOn: '2026-11-10', posts: ['member_unit_head'], enterpriseId: w.E1.id });
  const meeting = await act({ unit: T, townshipId: T.id, kind: 'meeting', heldOn: '2026-11-12', posts: ['government_head'] });
  await act({ unit: T, townshipId: T.id, kind: 'meeting', heldOn: '2026-11-13', posts: ['deputy'] }); // not the main leaders
  await act({ unit: T, townshipId: T.id, kind: 'study', heldOn: '2026-11-06', voided: true });
  await act({ unit: T, townshipId: T.id, kind: 'study', heldOn: '2026-10-20' }); // before the window
  await act({ unit: T, townshipId: T.id, kind: 'study', heldOn: '2026-12-01' }); // after the due day
  await act({ unit: dept, townshipId: T.id, kind: 'study', heldOn: '2026-11-07', posts: ['member_unit_head'] }); // a department's own study, not 党委政府's
  await buildLeadershipActivity(db, { unit: T2, townshipId: T2.id, kind: 'study', heldOn: '2026-11-05', createdBy: user2.id }); // another district
  const onsite = await act({ unit: D, townshipId: null, kind: 'site_supervision', heldOn: '2026-11-15', posts: ['government_head'], enterpriseId: w.E3.id });
  const visit = await act({ unit: dept, townshipId: T.id, kind: 'research_inspection', heldOn: '2026-11-16', posts: ['deputy'], enterpriseId: w.E2.id });
  await act({ unit: dept, townshipId: T.id, kind: 'research_inspection', heldOn: '2026-11-17', enterpriseId: w.E1.id, voided: true });
  await act({ unit: w.dept2, townshipId: T.id, kind: 'research_inspection', heldOn: '2026-12-02', enterpriseId: w.E3.id }); // after the due day
  const assessment = await act({ unit: T, townshipId: T.id, kind: 'assessment', heldOn: '2026-11-20' });

  const roster = (o: Omit<Parameters<typeof buildTechnicalInspector>[1], 'createdBy'>) => buildTechnicalInspector(db, { createdBy: by, ...o });
  const r1 = await roster({ unit: dept, townshipId: T.id, employment: 'full_time', fromDate: '2026-01-01' });
  const r2 = await roster({ unit: T, townshipId: T.id, employment: 'part_time', fromDate: '2026-11-30' }); // starts on the due day
  await roster({ unit: T, townshipId: T.id, employment: 'part_time', fromDate: '2026-01-01', toDate: '2026-11-29' }); // left the day before
  await roster({ unit: T, townshipId: T.id, employment: 'full_time', fromDate: '2026-12-01' }); // not yet
  await roster({ unit: dept, townshipId: T.id, employment: 'full_time', fromDate: '2026-01-01', voided: true });
  const r6 = await roster({ unit: districtDept, townshipId: null, employment: 'full_time', fromDate: '2026-06-01', toDate: '2026-11-30' }); // the district's own, leaves on the due day
  await buildTechnicalInspector(db, { unit: T2, townshipId: T2.id, employment: 'full_time', fromDate: '2026-01-01', createdBy: user2.id });
  return { study, talk, meeting, onsite, visit, assessment, r1, r2, r6 };
}
