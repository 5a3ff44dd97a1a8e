// A second district, 黔江区, with the township 邻鄂镇 and the units its plan names (seed 000: 党政办,
// 应急办, 党群办, 规建办, villages, other 科室), its office account `line`, and its 2023 专项行动 with the
// four stages and the 47-row 附件1 loaded through the import a user would use: the demo builds the
// annex as an .xlsx from the seed's rows, reads it with the upload's reader, previews it, confirms
// the deadlines that take the campaign's year, commits and publishes. It keeps the seed's own dates:
// a finished campaign, most occurrences reported and confirmed, some never done.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/client.ts';
import type { AppContext } from '../../server/context.ts';
import { orgUnits, unitAliases, users } from '../../server/db/schema/index.ts';
import type { Actor } from '../../server/http/actor.ts';
import { commitAnnex, createCampaign, gridFromXlsx, previewAnnex, publishCampaign } from '../../server/modules/campaigns/index.ts';
import { auditLog, campaignTaskUnits, campaignTasks } from '../../server/db/schema/index.ts';
import { eq, sql } from 'drizzle-orm';
import { annexXlsx } from './annex-files.ts';
import { LIN_E_2023_ANNEX } from './data/lin-e-2023-annex.ts';
import { personName } from './demo-names.ts';
import { fillProgress } from './demo-progress.ts';
import { LINE_LEADER_ROWS, seedLineLeadership } from './demo-leadership.ts';
import { seedLinePublicity } from './demo-publicity.ts';
import type { Rand } from './prng.ts';

export const LINE_DISTRICT = '黔江区';
export const LINE_TOWNSHIP = '邻鄂镇';
export const LINE_ACCOUNT = { username: 'line', unitName: LINE_TOWNSHIP, description: '邻鄂镇安委办：2023年专项行动（已结束）/ 邻鄂 township office' };
const DEPARTMENTS = ['党政办公室', '应急办', '党群办', '规建办', '经发办', '社会事务办', '农业服务中心', '综治办'];
const VILLAGES = ['邻鄂社区', '杉岭村', '双龙村', '石门村', '长丰村'];
/** Unit accounts for the demo's reports: username prefix and number. */
const unitUsername = (i: number) => `line${String(i + 1).padStart(2, '0')}`;

export async function seedLineDistrict(db: Db, rand: Rand, o: { passwordHash: string; now: Date; today: string }) {
  const districtId = randomUUID();
  const townshipId = randomUUID();
  const created = new Date('2023-05-01T01:00:00.000Z');
  const units = [
    { id: districtId, districtId, kind: 'district' as const, name: LINE_DISTRICT, code: 'QJ', parentId: null, sortOrder: 0 },
    { id: townshipId, districtId, kind: 'township' as const, name: LINE_TOWNSHIP, code: null, parentId: districtId, sortOrder: 0 },
    ...DEPARTMENTS.map((name, i) => ({ id: randomUUID(), districtId, kind: 'department' as const, name, code: null, parentId: townshipId, sortOrder: i })),
    ...VILLAGES.map((name, i) => ({ id: randomUUID(), districtId, kind: 'village' as const, name, code: null, parentId: townshipId, sortOrder: i })),
  ];
  const office = { id: randomUUID(), username: LINE_ACCOUNT.username, displayName: personName(rand), role: 'office' as const, unitId: townshipId };
  const unitUsers = units.slice(2).map((u, i) => ({ id: randomUUID(), username: unitUsername(i), displayName: personName(rand), role: u.kind === 'village' ? 'village' as const : 'department' as const, unitId: u.id }));
  await db.transaction(async (tx) => {
    await tx.insert(orgUnits).values(units.map((u) => ({ ...u, createdAt: created, updatedAt: created })));
    await tx.insert(users).values([office, ...unitUsers].map((u) => ({ ...u, districtId, passwordHash: o.passwordHash, createdAt: created, updatedAt: created })));
    // The office's alias for its annexes: the plan writes 党政办 for 党政办公室.
    await tx.insert(unitAliases).values({ districtId, alias: '党政办', unitId: units.find((u) => u.name === '党政办公室')!.id });
  });

  const actor: Actor = {
    userId: office.id, username: office.username, displayName: office.displayName, role: 'office', unitName: LINE_TOWNSHIP, mustChangePassword: false, passwordExpired: false, mustEnrollTotp: false, totpEnabled: false,
    sessionId: 'demo', csrfToken: 'demo', districtId, unitId: townshipId, unitKind: 'township', departmentRegion: null, sectorIds: [], enterpriseId: null, groupAssignments: null,
  };
  let clock = new Date('2023-05-18T02:00:00.000Z');
  const ctx = { db, dbKind: 'pglite', config: {}, clock: { now: () => clock } } as unknown as AppContext;
  const c = await createCampaign(ctx, actor, {
    name: '邻鄂镇重大事故隐患专项排查整治2023行动', docNumber: '邻鄂府发〔2023〕58号', periodStart: '2023-05-18', periodEnd: '2023-12-31', parentId: null,
    stages: [
      { name: '动员部署', startDate: '2023-05-18', endDate: '2023-05-20', due: '制定本行业领域、本辖区、本企业专项行动方案，细化明确重点隐患和重点检查事项' },
      { name: '集中排查', startDate: '2023-05-21', endDate: '2023-08-31', due: '形成任务清单、责任清单、时限进度清单，全面开展排查，建立问题隐患台账' },
      { name: '重点整治', startDate: '2023-09-01', endDate: '2023-11-30', due: '聚焦重大事故隐患和重点检查事项，全面再排查、再整治' },
      { name: '建章立制', startDate: '2023-12-01', endDate: '2023-12-31', due: '全面总结成效，完善安全生产制度措施' },
    ],
    keySectorIds: [], checklistTemplateIds: [], reportCycleText: '每月', remindDaysBefore: 3, note: null,
  });
  // The import, as the office does it: the annex file, the upload's reader, the preview, the fixes, the commit.
  const grid = await gridFromXlsx(await annexXlsx(LIN_E_2023_ANNEX));
  const preview = await previewAnnex(ctx, actor, c.id, grid);
  const blocked = preview.rows.filter((r) => r.unmatched.length > 0 || r.deadline.kind === 'unread');
  if (blocked.length) throw new Error(`demo annex: rows ${blocked.map((r) => r.line).join(', ')} need a person`);
  await commitAnnex(ctx, actor, c.id, { rows: preview.rows.map((r) => ({ ...r, deadlineConfirmed: r.deadline.needsConfirmation })), aliases: [] });
  clock = new Date('2023-05-19T01:00:00.000Z');
  await publishCampaign(ctx, actor, c.id, c.version);

  const tasks = await db.select().from(campaignTasks).where(eq(campaignTasks.campaignId, c.id));
  const assignments = await db.select({ taskId: campaignTaskUnits.taskId, unitId: campaignTaskUnits.unitId }).from(campaignTaskUnits).where(eq(campaignTaskUnits.campaignId, c.id));
  const filers = new Map<string, { id: string; name: string; unitName: string }>(unitUsers.map((u) => [u.unitId, { id: u.id, name: u.displayName, unitName: units.find((x) => x.id === u.unitId)!.name }]));
  // Rows 4–8 ask the leaders for activities: their progress comes from the activity records, not from reports.
  const leadership = await db.transaction((tx) => seedLineLeadership(tx, rand, { districtId, townshipId, campaignId: c.id, officeId: office.id, passwordHash: o.passwordHash, tasks }));
  await db.transaction((tx) => seedLinePublicity(tx, { districtId, townshipId, office: { id: office.id, name: office.displayName, unitName: LINE_TOWNSHIP } }));
  const progress = await db.transaction((tx) => fillProgress(tx, rand, { id: c.id, districtId, periodStart: '2023-05-18', periodEnd: '2023-12-31', reportCycleText: '每月', publishedDay: '2023-05-19' },
    tasks.filter((t) => !LINE_LEADER_ROWS.has(t.number)), assignments, { filerOf: (u) => filers.get(u), office: { id: office.id, name: office.displayName, unitName: LINE_TOWNSHIP } }, o.today,
    { confirmed: 0.88, submitted: 0.01, returned: 0.02, returnedOnce: 0.05, urged: 0.5 }));
  // What the office's import wrote to the audit log (the rest of the demo's rows are counted by the seed).
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.districtId, districtId));
  return { districtId, townshipId, campaignId: c.id, tasks: tasks.length, users: 1 + unitUsers.length + leadership.leaders, auditRows: n, leadership, ...progress };
}
