// 问责 records of the demo, kept by the office: 追责问责 of officials (generated names, positions in
// the demo region's units) and 约谈通报 of departments and villages, mostly over hazards left
// overdue — majors first — and one over an accident described in words.
import { randomUUID } from 'node:crypto';
import { isHazardOverdue } from '../../domain/hazards/hazard-machine.ts';
import type { accountabilityRecords, hazards, orgUnits } from '../../server/db/schema/index.ts';
import { addDays, atMinutes, daysBetween, type DemoContext } from './demo-context.ts';

type Row = typeof accountabilityRecords.$inferInsert;
type HazardRow = typeof hazards.$inferInsert;

/** The role an official holds in each kind of unit. */
const POSITIONS: Record<'village' | 'department', readonly string[]> = {
  village: ['村党支部书记', '村委会主任', '专职网格员'],
  department: ['主任', '副主任', '安全监管员'],
};

export function generateAccountability(
  ctx: DemoContext,
  o: { hazards: readonly HazardRow[]; units: readonly (typeof orgUnits.$inferInsert)[]; personName: () => string },
): Row[] {
  const { rand } = ctx;
  const office = ctx.account('anweiban');
  const unit = new Map(o.units.map((u) => [u.id!, u]));
  // Hazards a few days past their due date at least (a day late is not yet a matter for 问责).
  const overdue = o.hazards
    .filter((h) => isHazardOverdue({ status: h.status, dueDate: h.dueDate ?? null }, ctx.today) && h.dueDate! <= addDays(ctx.today, -4))
    .sort((a, b) => (a.level === b.level ? (a.dueDate! < b.dueDate! ? -1 : 1) : a.level === 'major' ? -1 : 1));
  const rows: Row[] = [];
  let accountabilityDoc = 2;
  let noticeDoc = 60;

  const decidedOnAfter = (h: HazardRow) => {
    const from = addDays(h.dueDate!, rand.int(3, 10));
    return from <= ctx.yesterday ? from : ctx.yesterday;
  };
  const row = (r: Omit<Row, 'id' | 'districtId' | 'townshipId' | 'createdBy' | 'version' | 'createdAt' | 'updatedAt' | 'documentNo'>): Row => {
    const at = atMinutes(r.decidedOn, rand.int(9 * 60, 17 * 60));
    return { id: randomUUID(), districtId: ctx.districtId, townshipId: ctx.townshipId, createdBy: office.userId, version: 1, createdAt: at, updatedAt: at, ...r };
  };

  // Up to four overdue hazards, majors first, in date order: the official in charge (追责问责)
  // and the unit (约谈通报). The accident's records come last, numbered after them.
  const chosen = overdue.slice(0, 4).sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : 1));
  for (const [index, h] of chosen.entries()) {
    const u = unit.get(h.responsibleUnitId);
    if (!u || (u.kind !== 'village' && u.kind !== 'department')) continue;
    const decidedOn = decidedOnAfter(h);
    const late = daysBetween(h.dueDate!, decidedOn);
    const what = `${h.level === 'major' ? '重大事故隐患' : '隐患'}${h.number}（${h.description}）超过整改期限${late}日仍未整改销号`;
    if (h.level === 'major' || index < 2) {
      const position = rand.pick(POSITIONS[u.kind]);
      rows.push(row({
        kind: 'accountability', targetType: 'person', targetName: o.personName(), targetUnitId: u.id!, position: `${u.name}${position}`,
        measure: rand.pick(h.level === 'major' ? ['诫勉谈话', '通报批评'] : ['提醒谈话', '责令作出书面检查']),
        reason: `${what}，督促整改不力`, hazardId: h.id!, accident: null, decidedOn, decidedBy: '大盛镇纪委',
      }));
    }
    rows.push(row({
      kind: 'interview_notice', targetType: 'unit', targetName: u.name, targetUnitId: u.id!, position: null,
      measure: h.level === 'major' ? '约谈' : '通报', reason: `${what}，属地（行业）监管责任落实不到位`, hazardId: h.id!, accident: null,
      decidedOn, decidedBy: '大盛镇安委办',
    }));
  }

  // An accident: a kitchen fire at a 农家乐, with no hazard on record beforehand.
  const village = o.units.find((u) => u.kind === 'village' && u.name === '云龙村') ?? o.units.find((u) => u.kind === 'village')!;
  const decidedOn = addDays(ctx.today, -rand.int(3, 12));
  const accidentDay = addDays(decidedOn, -rand.int(10, 20));
  rows.push(row({
    kind: 'accountability', targetType: 'person', targetName: o.personName(), targetUnitId: village.id!, position: `${village.name}专职网格员`,
    measure: '通报批评', reason: '网格巡查流于形式，辖区农家乐厨房燃气隐患未发现、未报告', hazardId: null,
    accident: `${accidentDay}，${village.name}一农家乐厨房液化气软管老化漏气引发火灾，1人轻微烧伤，无人员死亡`,
    decidedOn, decidedBy: '大盛镇纪委',
  }));
  rows.push(row({
    kind: 'interview_notice', targetType: 'unit', targetName: village.name, targetUnitId: village.id!, position: null, measure: '约谈',
    reason: '辖区发生燃气火灾事故，九小场所安全隐患排查不到位', hazardId: null,
    accident: `${accidentDay}，${village.name}一农家乐厨房液化气软管老化漏气引发火灾`,
    decidedOn, decidedBy: '大盛镇安委办',
  }));
  // Document numbers in date order, per issuer (the office's continue after its listing notices).
  rows.sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : 1));
  for (const r of rows) {
    const year = r.decidedOn.slice(0, 4);
    r.documentNo = r.kind === 'accountability' ? `大盛纪发〔${year}〕${++accountabilityDoc}号` : `大盛安委办〔${year}〕${++noticeDoc}号`;
  }
  return rows;
}
