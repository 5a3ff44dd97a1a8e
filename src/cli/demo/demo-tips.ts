// The demo's 群众举报 in 大盛镇: every demo hazard found from a public report gets the report it came
// from (属实 or 部分属实, linked both ways, with the office's reply), and beside them reports in every
// other state: new ones waiting, some being investigated (one by a department, one past its 30
// days), 不属实, 重复, 不予受理. Rewards: paid (anonymous, against the code; and named), approved and
// waiting to be paid, proposed and waiting for the leader. One report has a fixed code, DEMO_TIP_CODE,
// so a newcomer can try the public lookup page. Deterministic: its own seeded random stream.
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { addDays, shanghaiDay, shanghaiDayStart } from '../../domain/common/dates.ts';
import { codeFromBytes } from '../../domain/tips/tracking-code.ts';
import type { Tx } from '../../server/db/client.ts';
import { enterprises, hazards, orgUnits, publicReports, recordEvents, tipRewards } from '../../server/db/schema/index.ts';
import { nextRecordSeq } from '../../server/kernel/record-counter.ts';
import { hashCode } from '../../server/modules/tips/tips.public.ts';
import { personName } from './demo-names.ts';
import { Rand, mulberry32 } from './prng.ts';

export const TIPS_SEED = 0x5eed_0013;
/** A report found true, replied to and rewarded: type it on /report/track. */
export const DEMO_TIP_CODE = 'DEMQ-ANZH-JBCX-2345-6789';

const OPEN_TIPS = [
  { text: '菜市场旁边的小餐馆后厨液化气钢瓶放在灶台下面，软管老化开裂，闻到过煤气味', place: '大盛场镇农贸市场南侧', days: 1, status: 'pending' },
  { text: '村道边的废品收购站堆了很多泡沫和纸板，晚上有人在旁边烧东西，很危险', place: '青龙村三组村道旁', days: 2, status: 'pending' },
  { text: '某建材厂车间里有人没戴安全帽在行车下面作业，行车吊着水泥构件从头上过', place: '大盛工业园区建材厂', days: 4, status: 'pending' },
  { text: '小区地下车库有电动车在充电，插线板拖到楼道里，晚上一直充', place: '东升社区锦绣花园地下车库', days: 9, status: 'investigating', assign: true },
  { text: '农家乐新建的玻璃栈道没有验收就开放了，周末游客很多', place: '大盛村农家乐景区', days: 36, status: 'investigating' },
] as const;
const CLOSED_TIPS = [
  { text: '加油站旁边有人用塑料桶散装卖汽油给摩托车', place: '大盛场镇加油站附近', days: 40, status: 'unfounded', reason: '镇安办会同派出所三次暗访，未发现散装销售汽油的情况，已请加油站加强巡查。', reply: '经多次现场核查，未发现所反映的情况。感谢您的关注，欢迎继续监督。' },
  { text: '学校门口的小卖部卖烟花爆竹，小孩子在门口放', place: '大盛小学门口', days: 25, status: 'rejected', reason: '反映的是校园周边经营秩序问题，不属于安全生产事故隐患，已转交市场监管所处理。', reply: '您反映的问题已转交镇市场监管所处理。感谢您的举报。' },
  { text: '农贸市场旁餐馆液化气钢瓶放在灶台下，软管开裂（前几天已经举报过一次）', place: '大盛场镇农贸市场南侧', days: 1, status: 'duplicate', reason: '与此前举报为同一事项，按原举报办理。', reply: '该事项已在办理中，请凭原查询码查看进展。' },
] as const;

const at = (day: string, hour: number) => new Date(shanghaiDayStart(day).getTime() + hour * 3600_000);

export async function seedDemoTips(tx: Tx, o: { districtId: string; townshipId: string; officeId: string; officeName: string; leaderId: string; leaderName: string; now: Date }) {
  const rand = new Rand(mulberry32(TIPS_SEED));
  const today = shanghaiDay(o.now);
  const code = () => codeFromBytes(new Uint8Array(Array.from({ length: 48 }, () => rand.int(0, 255))))!;
  const departments = await tx.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits)
    .where(and(eq(orgUnits.parentId, o.townshipId), eq(orgUnits.kind, 'department'))).orderBy(asc(orgUnits.name));
  const found = await tx.select({ h: hazards, enterpriseName: enterprises.name }).from(hazards).innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .where(and(eq(hazards.townshipId, o.townshipId), eq(hazards.source, 'public'))).orderBy(asc(hazards.foundAt), asc(hazards.id));
  const office = { actorId: o.officeId, actorName: o.officeName, actorUnitName: '大盛镇' };
  const reports: (typeof publicReports.$inferInsert)[] = [];
  const events: (typeof recordEvents.$inferInsert)[] = [];
  const rewards: (typeof tipRewards.$inferInsert)[] = [];
  const event = (id: string, a: Date, action: string, from: string | null, to: string, note: string | null, who: typeof office | null = office) =>
    events.push({ districtId: o.districtId, entityType: 'public_report', entityId: id, at: a, actorId: who?.actorId ?? null, actorName: who?.actorName ?? null, actorUnitName: who?.actorUnitName ?? null, action, fromStatus: from, toStatus: to, note, data: null });
  const numbered = async (submitted: Date) => {
    const year = Number(shanghaiDay(submitted).slice(0, 4));
    return `JB-${year}-${String(await nextRecordSeq(tx, o.districtId, 'public_report', year)).padStart(6, '0')}`;
  };
  const identity = (anonymous: boolean) => (anonymous ? { anonymous, reporterName: null, reporterPhone: null } : { anonymous, reporterName: personName(rand), reporterPhone: null });

  // the hazards found from public reports: each report 1–3 days before, concluded when the hazard was found
  for (const [i, { h, enterpriseName }] of found.entries()) {
    const submitted = new Date(h.foundAt.getTime() - rand.int(1, 3) * 86400_000 - rand.int(1, 8) * 3600_000);
    const partly = i % 3 === 2;
    const id = randomUUID();
    const anonymous = i % 3 !== 1;
    const first = i === 0;
    reports.push({
      id, districtId: o.districtId, townshipId: o.townshipId, villageId: h.villageId, number: await numbered(submitted),
      codeHash: hashCode(first ? DEMO_TIP_CODE.replace(/-/g, '') : code()), status: partly ? 'partly_substantiated' : 'substantiated',
      description: `${enterpriseName}${h.location}：${h.description}`.slice(0, 2000), place: h.location, enterpriseName, enterpriseId: h.enterpriseId, ...identity(anonymous),
      conclusionReason: partly ? '现场核查，所反映问题部分属实，已登记隐患并督促整改。' : '现场核查属实，已登记隐患并责令整改。',
      publicReply: `经核查，您反映的问题${partly ? '部分' : ''}属实，已责令企业整改，镇安办将跟踪整改到位。感谢您的举报！`, repliedAt: h.foundAt,
      hazardId: h.id, submittedAt: submitted, acceptedAt: new Date(submitted.getTime() + 6 * 3600_000), concludedAt: h.foundAt, concludedBy: o.officeId,
      createdAt: submitted, updatedAt: h.foundAt,
    });
    event(id, submitted, 'submit', null, 'pending', anonymous ? '匿名举报' : '实名举报', null);
    event(id, new Date(submitted.getTime() + 6 * 3600_000), 'accept', 'pending', 'investigating', null);
    event(id, h.foundAt, partly ? 'substantiate_partly' : 'substantiate', 'investigating', partly ? 'partly_substantiated' : 'substantiated', '现场核查后登记隐患');
    event(id, new Date(h.foundAt.getTime() + 3600_000), 'reply', partly ? 'partly_substantiated' : 'substantiated', partly ? 'partly_substantiated' : 'substantiated', null);
    await tx.update(hazards).set({ publicReportId: id }).where(eq(hazards.id, h.id));
    // rewards: the first paid against the code, then named paid, approved, proposed; the rest none
    const kind = first ? 'paid' : (['paid', 'approved', 'proposed', null] as const)[i % 4];
    if (!kind) continue;
    const proposedAt = new Date(h.foundAt.getTime() + 2 * 86400_000);
    const proposedDay = shanghaiDay(proposedAt);
    if (proposedDay >= today) continue;
    const paidOn = addDays(proposedDay, 7) < today ? addDays(proposedDay, 7) : null;
    const status = kind === 'paid' && !paidOn ? 'approved' : kind;
    rewards.push({
      id: randomUUID(), districtId: o.districtId, townshipId: o.townshipId, reportId: id, status, amountFen: rand.pick([20_000, 30_000, 50_000, 100_000]), anonymous,
      basis: '依据《安全生产领域举报奖励办法》，举报事故隐患经核查属实，给予奖励。', proposedBy: o.officeId, proposedAt,
      ...(status !== 'proposed' ? { decidedBy: o.leaderId, decidedAt: new Date(proposedAt.getTime() + 86400_000) } : {}),
      ...(status === 'paid' ? { paidOn, payMethod: anonymous ? 'cash' as const : 'bank_transfer' as const, paidBy: o.officeId, codeVerified: anonymous, claimedAt: anonymous ? at(addDays(proposedDay, 3), 15) : null } : {}),
      createdAt: proposedAt, updatedAt: proposedAt,
    });
  }

  // reports still open, and concluded without a hazard
  let earlier: string | null = null;
  for (const t of OPEN_TIPS) {
    const id = randomUUID();
    const submitted = at(addDays(today, -t.days), 9 + rand.int(0, 9));
    const assigned = 'assign' in t && departments.length ? departments[0]!.id : null;
    reports.push({
      id, districtId: o.districtId, townshipId: o.townshipId, number: await numbered(submitted), codeHash: hashCode(code()), status: t.status,
      description: t.text, place: t.place, ...identity(rand.chance(0.6)), assignedUnitId: assigned,
      acceptedAt: t.status === 'investigating' ? new Date(submitted.getTime() + 5 * 3600_000) : null, submittedAt: submitted, createdAt: submitted, updatedAt: submitted,
    });
    earlier ??= id;
    event(id, submitted, 'submit', null, 'pending', '匿名举报', null);
    if (t.status === 'investigating') event(id, new Date(submitted.getTime() + 5 * 3600_000), 'accept', 'pending', 'investigating', assigned ? `请${departments[0]!.name}核查` : null);
  }
  const [firstOpen] = reports.filter((r) => r.id === earlier);
  for (const t of CLOSED_TIPS) {
    const id = randomUUID();
    const submitted = at(addDays(today, -t.days), 8 + rand.int(0, 8));
    const concluded = t.status === 'duplicate' ? new Date(submitted.getTime() + 2 * 3600_000) : new Date(submitted.getTime() + rand.int(3, 12) * 86400_000);
    if (concluded > o.now) continue;
    reports.push({
      id, districtId: o.districtId, townshipId: o.townshipId, number: await numbered(submitted), codeHash: hashCode(code()), status: t.status,
      description: t.text, place: t.place, ...identity(true), conclusionReason: t.reason, publicReply: t.reply, repliedAt: concluded,
      duplicateOfId: t.status === 'duplicate' ? (firstOpen?.id ?? null) : null, acceptedAt: t.status === 'unfounded' ? submitted : null,
      submittedAt: submitted, concludedAt: concluded, concludedBy: o.officeId, createdAt: submitted, updatedAt: concluded,
    });
    event(id, submitted, 'submit', null, 'pending', '匿名举报', null);
    if (t.status === 'unfounded') event(id, new Date(submitted.getTime() + 3600_000), 'accept', 'pending', 'investigating', null);
    event(id, concluded, t.status === 'unfounded' ? 'find_unfounded' : t.status === 'duplicate' ? 'mark_duplicate' : 'reject', t.status === 'unfounded' ? 'investigating' : 'pending', t.status, t.reason);
  }
  if (reports.length) await tx.insert(publicReports).values(reports);
  if (rewards.length) await tx.insert(tipRewards).values(rewards);
  if (events.length) await tx.insert(recordEvents).values(events);
  return { reports: reports.length, rewards: rewards.length, substantiated: found.length };
}
