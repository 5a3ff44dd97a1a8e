// npm run summaries:verify [-- --repair] — checks the hazard summary rows (hazard_counts, kept by a
// trigger) against a full recount of the ledger and lists the keys that differ; --repair rebuilds
// them from the recount. Exit codes: 0 equal (or repaired), 1 different, 2 the database could not
// be opened (e.g. the embedded database is held by the running server: stop it first).
import type { Db } from '../server/db/client.ts';
import { hazardCountDifferences, rebuildHazardCounts } from '../server/modules/hazards/index.ts';
import { runAsProgram, runCheck } from './open-db.ts';

export async function summariesVerify(db: Db, o: { repair: boolean }): Promise<{ exitCode: 0 | 1; message: string }> {
  const { keys, differences } = await hazardCountDifferences(db);
  if (differences.length === 0) return { exitCode: 0, message: `隐患汇总与台账一致 / hazard summary rows equal a full recount: ${keys} keys` };
  const lines = differences.map((d) => `  ${d.month} ${d.by} due ${d.dueMonth} region ${d.regionId} unit ${d.unitId} ${d.level}/${d.source || '-'}/${d.status}: kept ${d.kept}, counted ${d.counted}`);
  const head = `隐患汇总与台账不一致 / hazard summary rows differ from a full recount at ${differences.length}${differences.length === 100 ? '+' : ''} keys:`;
  if (!o.repair) return { exitCode: 1, message: [head, ...lines, '运行 npm run summaries:verify -- --repair 按台账重建 / run with --repair to rebuild them from the ledger'].join('\n') };
  const rows = await db.transaction((tx) => rebuildHazardCounts(tx));
  const after = await hazardCountDifferences(db);
  return after.differences.length === 0
    ? { exitCode: 0, message: [head, ...lines, `已按台账重建 ${rows} 行 / rebuilt ${rows} rows from the ledger`].join('\n') }
    : { exitCode: 1, message: [head, ...lines, '重建后仍不一致 / still different after the rebuild'].join('\n') };
}

runAsProgram(import.meta.url, () => runCheck('summaries:verify', (db) => summariesVerify(db, { repair: process.argv.includes('--repair') })));
