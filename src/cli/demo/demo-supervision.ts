// 大盛's nine 督导工作组 (seed 003 附件5) at work in the campaign's 督促检查 stage: visits to most of
// their departments and villages with the 附件1 checklist rated, findings in every state (open,
// overdue, answered by the unit, returned, closed) with the units' answers and the history each
// step leaves. Deterministic: dates from the campaign's period and today, choices from the seeded stream.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { type ChecklistTemplateContent, itemsOf } from '../../domain/checklists/checklist.ts';
import { addDays, daysBetween, shanghaiDayStart } from '../../domain/common/dates.ts';
import type { Tx } from '../../server/db/client.ts';
import {
  campaigns, checklistTemplateVersions, checklistTemplates, orgUnits, recordEvents, supervisionFindings, supervisionGroupMembers, supervisionGroupUnits,
  supervisionGroups, supervisionVisits, users,
} from '../../server/db/schema/index.ts';
import type { Rand } from './prng.ts';

type Person = { id: string; name: string; unitName: string };
type FindingState = 'open' | 'answered' | 'returned' | 'closed';

/** What a group writes when an item is 不到位, per checklist group. */
const FINDING_WORDS: Record<string, string[]> = {
  responsibility: ['安全生产责任清单未细化到网格员', '未按月开展安全形势研判，无研判记录', '大排查方案未结合本辖区实际，未见动员部署记录'],
  investigation: ['九小场所底数不清，台账与实际不符', '隐患台账未及时更新，部分隐患无整改期限', '未督促企业开展“日周月”排查'],
  rectification: ['已整改隐患未开展“回头看”', '突出问题隐患未纳入挂牌督办'],
  enforcement: ['年度监督检查计划未覆盖“一岗双责”科室', '执法检查记录未将主要负责人履职情况作为检查内容'],
};
const MEASURES = ['已召开专题会议，细化责任清单并公示', '已重新摸排，更新台账并报安委办', '已补充研判记录，明确每月研判时间', '已逐一复查并建立回头看记录'];

export async function seedDemoSupervision(tx: Tx, rand: Rand, o: {
  districtId: string; townshipId: string; campaignId: string; today: string; filerOf: (unitId: string) => Person | undefined;
}) {
  const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, o.campaignId));
  const groups = await tx.select().from(supervisionGroups).where(eq(supervisionGroups.townshipId, o.townshipId)).orderBy(supervisionGroups.createdAt, supervisionGroups.name);
  await tx.update(supervisionGroups).set({ campaignId: o.campaignId }).where(eq(supervisionGroups.townshipId, o.townshipId));
  const [tpl] = await tx.select({ id: checklistTemplateVersions.id, code: checklistTemplates.code, content: checklistTemplateVersions.content }).from(checklistTemplates)
    .innerJoin(checklistTemplateVersions, and(eq(checklistTemplateVersions.templateId, checklistTemplates.id), eq(checklistTemplateVersions.version, checklistTemplates.currentVersion)))
    .where(and(eq(checklistTemplates.districtId, o.districtId), eq(checklistTemplates.code, 'dasheng-self-check')));
  if (!c || !tpl || groups.length === 0) return { visits: 0, findings: 0 };
  const items = itemsOf(tpl.content as ChecklistTemplateContent);
  const groupIds = groups.map((g) => g.id);
  const [assigned, members] = await Promise.all([
    tx.select({ groupId: supervisionGroupUnits.groupId, unitId: orgUnits.id, name: orgUnits.name }).from(supervisionGroupUnits)
      .innerJoin(orgUnits, eq(orgUnits.id, supervisionGroupUnits.unitId)).where(inArray(supervisionGroupUnits.groupId, groupIds)),
    tx.select({ groupId: supervisionGroupMembers.groupId, id: users.id, name: users.displayName, role: users.role }).from(supervisionGroupMembers)
      .innerJoin(users, eq(users.id, supervisionGroupMembers.userId)).where(inArray(supervisionGroupMembers.groupId, groupIds)),
  ]);
  // The 督促检查 stage: the campaign's second third, up to today.
  const length = daysBetween(c.periodStart, c.periodEnd);
  const stageStart = addDays(c.periodStart, Math.floor(length / 3));
  const lastDay = o.today < c.periodEnd ? addDays(o.today, -1) : c.periodEnd;
  if (lastDay < stageStart) return { visits: 0, findings: 0 };
  const span = daysBetween(stageStart, lastDay);

  const visits: (typeof supervisionVisits.$inferInsert)[] = [];
  const findings: (typeof supervisionFindings.$inferInsert)[] = [];
  const events: (typeof recordEvents.$inferInsert)[] = [];
  const states: FindingState[] = ['open', 'answered', 'returned', 'closed', 'closed', 'open'];
  let n = 0;
  for (const g of groups) {
    const by = members.filter((m) => m.groupId === g.id);
    // the group's own member records the visit; a group without one, its leader with an account
    const visitor = by.find((m) => m.role === 'supervision_group') ?? by[0];
    if (!visitor) continue;
    const units = assigned.filter((a) => a.groupId === g.id);
    // Most units visited; the last of some groups not yet (the table shows who is behind).
    for (const [ui, u] of units.entries()) {
      if (ui === units.length - 1 && rand.int(0, 2) === 0) continue;
      const visitedOn = addDays(stageStart, rand.int(0, span));
      const at = new Date(shanghaiDayStart(visitedOn).getTime() + (9 + rand.int(0, 7)) * 3600_000);
      const failing = new Set([items[rand.int(0, items.length - 1)]!.key, ...(rand.int(0, 1) ? [items[rand.int(0, items.length - 1)]!.key] : [])]);
      const id = randomUUID();
      visits.push({
        id, districtId: o.districtId, townshipId: o.townshipId, groupId: g.id, campaignId: o.campaignId, unitId: u.unitId, visitedOn,
        memberUserIds: by.map((m) => m.id), methods: ['look', 'check', 'ask'], templateVersionId: tpl.id, templateCode: tpl.code,
        answers: items.map((i) => ({ itemKey: i.key, result: failing.has(i.key) ? 'not_done' : 'done', note: '' })),
        summary: `${g.name}到${u.name}督导：看日常安全管理台账，查辖区企业现场，问一线网格员排查情况。`, createdBy: visitor.id, createdAt: at, updatedAt: at,
      });
      for (const key of failing) {
        const group = key.split('-')[0]!;
        const words = FINDING_WORDS[group] ?? FINDING_WORDS.responsibility!;
        const state = states[n++ % states.length]!;
        // An open finding's due date falls before today every other time: overdue ones for the red lights.
        const dueDate = state === 'open' && n % 4 === 1 ? addDays(visitedOn, Math.min(5, daysBetween(visitedOn, o.today) - 1)) : addDays(visitedOn, 14);
        const fid = randomUUID();
        const filer = o.filerOf(u.unitId);
        const answeredAt = new Date(at.getTime() + rand.int(2, 6) * 86400_000);
        const measures = MEASURES[rand.int(0, MEASURES.length - 1)]!;
        const answered = state !== 'open' && filer && answeredAt < shanghaiDayStart(o.today);
        // the group's step comes a day after the answer: only once that day has passed
        const settled = answered && answeredAt.getTime() + 86400_000 < shanghaiDayStart(o.today).getTime();
        const final: FindingState = !answered ? 'open' : settled ? state : 'answered';
        const ev = (action: string, from: string | null, to: string, when: Date, who: { id: string; name: string; unitName: string }, note: string | null) =>
          events.push({ districtId: o.districtId, entityType: 'supervision_finding', entityId: fid, at: when, actorId: who.id, actorName: who.name, actorUnitName: who.unitName, action, fromStatus: from, toStatus: to, note });
        const groupActor = { id: visitor.id, name: visitor.name, unitName: g.name };
        const description = words[rand.int(0, words.length - 1)]!;
        ev('create', null, 'open', at, groupActor, description);
        if (answered) {
          ev('answer', 'open', 'answered', answeredAt, filer, measures);
          if (final === 'returned') ev('return', 'answered', 'returned', new Date(answeredAt.getTime() + 86400_000), groupActor, '请补充整改前后对比照片');
          if (final === 'closed') ev('accept', 'answered', 'closed', new Date(answeredAt.getTime() + 86400_000), groupActor, null);
        }
        findings.push({
          id: fid, districtId: o.districtId, townshipId: o.townshipId, groupId: g.id, visitId: id, unitId: u.unitId, itemKey: key, description, dueDate, status: final,
          measures: answered ? measures : null, answeredAt: answered ? answeredAt : null, answeredBy: answered ? filer.id : null,
          returnReason: final === 'returned' ? '请补充整改前后对比照片' : null,
          closedAt: final === 'closed' ? new Date(answeredAt.getTime() + 86400_000) : null, closedBy: final === 'closed' ? visitor.id : null,
          createdBy: visitor.id, createdAt: at, updatedAt: at,
        });
      }
    }
  }
  if (visits.length) await tx.insert(supervisionVisits).values(visits);
  if (findings.length) await tx.insert(supervisionFindings).values(findings);
  if (events.length) await tx.insert(recordEvents).values(events.sort((a, b) => a.at.getTime() - b.at.getTime()));
  return { visits: visits.length, findings: findings.length };
}
