// Publicity records over the metric world (metrics-world.ts): for each metric, records that count
// and records that must not (voided, not mainstream, not a column, ended before the window, after
// the due day, the district's own for a township, another district). The world's case c2 has an
// exposure measure on E3 (filed 11-09, decided 11-15): the township's exposure here names E3 too.
import type { Db } from '../../../db/client.ts';
import { buildPublicityRecord } from '../../../test/publicity-fixtures.ts';
import type { buildMetricsWorld } from './metrics-world.ts';

type MetricsWorld = Awaited<ReturnType<typeof buildMetricsWorld>>;
export type PublicityRecords = Awaited<ReturnType<typeof buildPublicityRecords>>;

export async function buildPublicityRecords(db: Db, w: MetricsWorld) {
  const { D, T, T2, user, user2 } = w;
  const rec = (o: Omit<Parameters<typeof buildPublicityRecord>[1], 'createdBy'>) => buildPublicityRecord(db, { createdBy: user.id, ...o });
  // media columns
  const running = await rec({ unit: T, kind: 'media_column', publishedOn: '2026-10-01', endsOn: '2026-12-31', title: '《安全大家谈》' }); // runs through the window
  const radio = await rec({ unit: T, kind: 'media_column', channel: 'radio', publishedOn: '2026-11-10', title: '安全生产广播专题' });
  const onAir = await rec({ unit: T, kind: 'media_column', channel: 'newspaper', publishedOn: '2026-06-01', title: '安全生产专版' }); // no end: runs on
  await rec({ unit: T, kind: 'report', publishedOn: '2026-10-15' }); // one day, before the window
  await rec({ unit: T, kind: 'media_column', channel: 'wechat', mainstream: false, publishedOn: '2026-11-12' }); // not mainstream
  await rec({ unit: T, kind: 'media_column', publishedOn: '2026-11-13', voided: true });
  await rec({ unit: T, kind: 'media_column', publishedOn: '2026-09-01', endsOn: '2026-10-31' }); // ended before the window
  const later = await rec({ unit: T, kind: 'media_column', publishedOn: '2026-12-01' }); // after the due day
  await rec({ unit: T, kind: 'report', publishedOn: '2026-11-05' }); // a report, not a column
  const districtColumn = await rec({ unit: D, kind: 'media_column', publishedOn: '2026-11-20', title: '区级专题栏目' });
  await buildPublicityRecord(db, { unit: T2, kind: 'media_column', publishedOn: '2026-11-10', createdBy: user2.id }); // another district
  // exposures
  const exposed = await rec({ unit: T, kind: 'exposure', channel: 'wechat', mainstream: false, publishedOn: '2026-11-16', enterpriseIds: [w.E3.id, w.E2.id] });
  await rec({ unit: T, kind: 'exposure', publishedOn: '2026-11-18', enterpriseIds: [w.E1.id], voided: true });
  await rec({ unit: T, kind: 'exposure', publishedOn: '2026-10-20', enterpriseIds: [w.E1.id] }); // before the window
  await rec({ unit: T, kind: 'exposure', publishedOn: '2026-12-01', enterpriseIds: [w.E1.id] }); // after the due day
  const districtExposure = await rec({ unit: D, kind: 'exposure', publishedOn: '2026-11-22', enterpriseIds: [w.E1.id] });
  await buildPublicityRecord(db, { unit: T2, kind: 'exposure', publishedOn: '2026-11-10', enterpriseIds: [w.X.id], createdBy: user2.id });
  return { running, radio, onAir, later, districtColumn, exposed, districtExposure };
}
