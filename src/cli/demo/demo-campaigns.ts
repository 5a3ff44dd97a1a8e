// The demo's live campaign, 大盛镇's 秋冬季大排查 (the second district's archive is demo-campaign-line.ts). Every 大盛 department and village gets an account of its own (the demo's
// named logins keep theirs) so that each unit's reports have a filer.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { shanghaiDay } from '../../domain/common/dates.ts';
import type { Tx } from '../../server/db/client.ts';
import { campaigns, orgUnits, users } from '../../server/db/schema/index.ts';
import { seedDashengCampaign } from './demo-campaign-dasheng.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoSupervision } from './demo-supervision.ts';
import { seedDemoRoster } from './demo-roster.ts';
import { seedDemoPublicity } from './demo-publicity.ts';
import { seedDashengLeadership } from './demo-leadership.ts';
import { seedDemoTips } from './demo-tips.ts';
import { seedDemoDrills } from './demo-drills.ts';
import { personName } from './demo-names.ts';
import type { Rand } from './prng.ts';

export async function seedDemoCampaigns(tx: Tx, rand: Rand, o: { districtId: string; townshipId: string; passwordHash: string; now: Date }) {
  const today = shanghaiDay(o.now);
  const units = await tx.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits)
    .where(and(eq(orgUnits.parentId, o.townshipId), inArray(orgUnits.kind, ['department', 'village'])));
  const existing = await tx.select({ id: users.id, name: users.displayName, unitId: users.unitId, role: users.role, username: users.username }).from(users)
    .where(and(eq(users.districtId, o.districtId), inArray(users.role, ['department', 'village', 'office'])));
  const created = new Date(o.now.getTime() - 200 * 86400_000);
  const extra = units.filter((u) => !existing.some((x) => x.unitId === u.id && x.role !== 'office')).map((u, i) => ({
    id: randomUUID(), districtId: o.districtId, username: `ds${u.kind === 'village' ? 'c' : 'k'}${String(i + 1).padStart(2, '0')}`, displayName: personName(rand),
    role: u.kind === 'village' ? 'village' as const : 'department' as const, unitId: u.id, passwordHash: o.passwordHash, createdAt: created, updatedAt: created,
  }));
  if (extra.length) await tx.insert(users).values(extra);
  const filers = new Map<string, { id: string; name: string; unitName: string }>();
  for (const u of [...existing.filter((x) => x.role !== 'office'), ...extra.map((x) => ({ id: x.id, name: x.displayName, unitId: x.unitId }))]) {
    if (!filers.has(u.unitId)) filers.set(u.unitId, { id: u.id, name: u.name, unitName: units.find((x) => x.id === u.unitId)?.name ?? '' });
  }
  const office = existing.find((x) => x.username === 'anweiban')!;
  const dasheng = await seedDashengCampaign(tx, rand, {
    districtId: o.districtId, townshipId: o.townshipId, office: { id: office.id, name: office.name, unitName: '大盛镇' }, units,
    filerOf: (id) => filers.get(id), today,
  });
  const [admin] = await tx.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.districtId, o.districtId), eq(users.username, 'admin')));
  // the rosters and the publicity records before the reports, whose 技术检查员, 媒体专题栏目 and 曝光企业 figures count them
  const roster = await seedDemoRoster(tx, { districtId: o.districtId, townshipId: o.townshipId, districtKeeper: admin!.id, townshipKeeper: office.id, today });
  // 宣传/曝光 too: the 调度表 counts its columns and exposures
  const publicity = await seedDemoPublicity(tx, {
    districtId: o.districtId, townshipId: o.townshipId, today,
    township: { id: office.id, name: office.name, unitName: '大盛镇' }, district: { id: admin!.id, name: admin!.name, unitName: '区安委办' },
  });
  // drills and training before the reports too, whose 演练 figures count them
  const drills = await seedDemoDrills(tx, {
    districtId: o.districtId, townshipId: o.townshipId, today, now: o.now, adminId: admin!.id, office: { id: office.id, unitId: office.unitId }, filerOf: (id) => filers.get(id),
  });
  const reports = await seedDemoReports(tx, rand, {
    districtId: o.districtId, townshipId: o.townshipId, campaignId: dasheng.campaignId, township: { id: office.id, name: office.name, unitName: '大盛镇' },
    district: { id: admin!.id, name: admin!.name, unitName: '区安委办' }, filerOf: (id) => filers.get(id), today, now: o.now,
  });
  const [leader] = await tx.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.districtId, o.districtId), eq(users.username, 'leader')));
  const [live] = await tx.select({ start: campaigns.periodStart }).from(campaigns).where(eq(campaigns.id, dasheng.campaignId));
  const leadership = await seedDashengLeadership(tx, rand, {
    districtId: o.districtId, townshipId: o.townshipId, campaignId: dasheng.campaignId, officeId: office.id, leader: leader!, today, periodStart: live!.start,
  });
  const supervision = await seedDemoSupervision(tx, rand, { districtId: o.districtId, townshipId: o.townshipId, campaignId: dasheng.campaignId, today, filerOf: (id) => filers.get(id) });
  const tips = await seedDemoTips(tx, { districtId: o.districtId, townshipId: o.townshipId, officeId: office.id, officeName: office.name, leaderId: leader!.id, leaderName: leader!.name, now: o.now });
  return { dasheng, reports, roster, publicity, drills, leadership, supervision, tips, unitAccounts: extra.length };
}
