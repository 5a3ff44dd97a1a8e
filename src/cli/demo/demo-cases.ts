// 执法案件 of the demo: opened by 应急办 and 村镇建设中心 from their enforcement inspections and
// from hazards, one in each state, with every kind of measure between them — fines on the
// enterprise alone and 一案双罚, 停产整顿, 停止作业, 移送司法机关 (a 危险作业罪 case), 提请关闭,
// 行业禁入, 约谈, 曝光, 联合惩戒, 通报 — two published as 典型执法案例, and one 依法不予处罚 for a
// major hazard the enterprise found and reported itself. Every step goes through the domain's
// applyCaseAction, so the timelines follow CASE_TRANSITIONS.
import { randomUUID } from 'node:crypto';
import { shanghaiDay } from '../../domain/common/dates.ts';
import {
  MEASURE_KIND_LABELS, applyCaseAction, finesFen, type CaseActionInput, type CaseStatus, type EnforcementMeasure,
} from '../../domain/enforcement/enforcement.ts';
import { formatRecordNumber } from '../../domain/common/record-number.ts';
import type { enforcementCases, enforcementMeasures, hazards, recordCounters, recordEvents } from '../../server/db/schema/index.ts';
import { addDays, atMinutes, daysBetween, department, type DemoContext, type DemoInspector } from './demo-context.ts';
import { DEMO_HAZARD_PREFIX } from './demo-hazards.ts';
import type { DemoInspection } from './demo-inspection-rows.ts';

type CaseRow = typeof enforcementCases.$inferInsert;
type MeasureRow = typeof enforcementMeasures.$inferInsert;
type EventRow = typeof recordEvents.$inferInsert;
type HazardRow = typeof hazards.$inferInsert;

export interface DemoCases {
  cases: CaseRow[];
  measures: MeasureRow[];
  events: EventRow[];
  counters: (typeof recordCounters.$inferInsert)[];
}

type Source = 'inspection' | 'major_inspection' | 'major_hazard' | 'jianshe_hazard' | 'self_major';

interface Spec {
  status: CaseStatus;
  source: Source;
  measures: EnforcementMeasure[];
  publish?: boolean;
  crime?: boolean;
  noPenaltyReason?: string;
}

const yuan = (n: number) => n * 100;

const SPECS: readonly Spec[] = [
  { status: 'closed', source: 'inspection', measures: [{ kind: 'penalty', fineOnEnterpriseFen: yuan(20_000), fineOnPrincipalFen: 0 }] },
  {
    status: 'closed', source: 'inspection', publish: true,
    measures: [{ kind: 'penalty', fineOnEnterpriseFen: yuan(50_000), fineOnPrincipalFen: yuan(12_000) }, { kind: 'exposure' }],
  },
  {
    status: 'closed', source: 'major_hazard', publish: true, crime: true,
    measures: [
      { kind: 'judicial_referral', personCount: 2 },
      { kind: 'penalty', fineOnEnterpriseFen: yuan(200_000), fineOnPrincipalFen: yuan(30_000) },
      { kind: 'joint_sanction' },
    ],
  },
  {
    status: 'closed', source: 'self_major', measures: [],
    noPenaltyReason:
      '企业在月度自查中发现该重大事故隐患后，已按规定向镇应急办和镇人民政府报告，并按经审核的“五落实”方案落实整改、正在采取有效措施消除，依法不予行政处罚。',
  },
  {
    status: 'executing', source: 'major_inspection',
    measures: [{ kind: 'suspension' }, { kind: 'penalty', fineOnEnterpriseFen: yuan(100_000), fineOnPrincipalFen: yuan(20_000) }],
  },
  { status: 'executing', source: 'inspection', measures: [{ kind: 'work_stop' }, { kind: 'penalty', fineOnEnterpriseFen: yuan(10_000), fineOnPrincipalFen: 0 }] },
  { status: 'executing', source: 'jianshe_hazard', measures: [{ kind: 'penalty', fineOnEnterpriseFen: yuan(30_000), fineOnPrincipalFen: 0 }, { kind: 'summons' }] },
  { status: 'decided', source: 'major_hazard', measures: [{ kind: 'closure_request' }, { kind: 'industry_ban' }] },
  { status: 'decided', source: 'inspection', measures: [{ kind: 'summons' }, { kind: 'circular' }] },
  { status: 'investigating', source: 'inspection', measures: [] },
  { status: 'filed', source: 'jianshe_hazard', measures: [] },
  { status: 'filed', source: 'inspection', measures: [] },
];

const MEASURE_NOTES: Record<EnforcementMeasure['kind'], string> = {
  penalty: '依据《中华人民共和国安全生产法》处以罚款',
  suspension: '责令停产停业整顿30日，整改验收合格后方可恢复生产',
  work_stop: '责令立即停止相关作业，隐患消除后方可恢复',
  judicial_referral: '涉嫌危险作业罪，移送渝北区公安分局依法处理',
  closure_request: '提请镇人民政府依法予以关闭',
  industry_ban: '主要负责人五年内不得担任本行业生产经营单位的主要负责人',
  summons: '约谈企业主要负责人，责令落实整改',
  exposure: '在镇政府门户网站和“平安大盛”公众号曝光',
  joint_sanction: '纳入安全生产失信惩戒名单，实施联合惩戒',
  circular: '在全镇安全生产工作会议上通报',
};

interface CaseSource {
  enterpriseId: string;
  villageId: string;
  day: string;
  inspectionId: string | null;
  inspectionNumber: string | null;
  hazardId: string | null;
  description: string;
  how: string;
}

export function generateCases(
  ctx: DemoContext,
  o: {
    authority: readonly DemoInspection[];
    /** Every inspection's id and number (a hazard may come from a self-inspection). */
    allInspectionNumbers: Iterable<[string, string]>;
    hazards: readonly HazardRow[];
    selfReportedMajorHazardId: string;
  },
): DemoCases {
  const { rand } = ctx;
  const yingjiDept = department(ctx, '应急办');
  const jiansheDept = department(ctx, '村镇建设中心');
  const enterprise = new Map(ctx.enterprises.map((e) => [e.id, e]));
  const hazardById = new Map(o.hazards.map((h) => [h.id!, h]));
  const inspectionNumber = new Map(o.allInspectionNumbers);
  const used = new Set<string>();
  const usedInspections = new Set<string>();

  const fromInspection = (i: DemoInspection, hazardId: string): CaseSource => {
    const h = hazardById.get(hazardId)!;
    return {
      enterpriseId: i.row.enterpriseId, villageId: i.row.villageId, day: i.row.inspectedOn, inspectionId: i.row.id!, inspectionNumber: i.row.number, hazardId,
      description: h.description, how: `${i.row.inspectedOn}，执法人员对该单位开展执法检查（检查记录 ${i.row.number}）时发现`,
    };
  };
  const fromHazard = (h: HazardRow): CaseSource => ({
    enterpriseId: h.enterpriseId, villageId: h.villageId, day: shanghaiDay(h.foundAt), inspectionId: h.inspectionId ?? null,
    inspectionNumber: h.inspectionId ? (inspectionNumber.get(h.inspectionId) ?? null) : null, hazardId: h.id!,
    description: h.description, how: `${shanghaiDay(h.foundAt)}，该单位存在的隐患（${h.number}）经核查发现`,
  });

  // Sources, oldest first, so the cases that ran their course had the time to.
  const byAge = <T>(rows: T[], day: (r: T) => string) => [...rows].sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0));
  const enforcement = byAge(
    o.authority.filter((i) => i.row.type === 'enforcement' && i.row.status === 'completed' && i.findings.length > 0),
    (i) => i.row.inspectedOn,
  );
  const yingjiHazards = byAge(
    o.hazards.filter((h) => h.responsibleUnitId === yingjiDept.id && h.status !== 'voided' && h.source !== 'self_inspection'),
    (h) => shanghaiDay(h.foundAt),
  );
  const majorHazards = yingjiHazards.filter((h) => h.level === 'major' && !h.inspectionId);
  const jiansheHazards = byAge(
    o.hazards.filter((h) => h.responsibleUnitId === jiansheDept.id && h.status !== 'voided'),
    (h) => shanghaiDay(h.foundAt),
  );
  const nextHazard = (rows: HazardRow[]) => rows.find((h) => !used.has(h.id!));

  const pick = (s: Source): { src: CaseSource; unit: 'yingji' | 'jianshe' } => {
    const take = (src: CaseSource, unit: 'yingji' | 'jianshe' = 'yingji') => {
      if (src.hazardId) used.add(src.hazardId);
      return { src, unit };
    };
    if (s === 'self_major') return take(fromHazard(hazardById.get(o.selfReportedMajorHazardId)!));
    if (s === 'major_inspection') {
      const i = enforcement.find((x) => x.findings.some((f) => f.major && !used.has(f.hazardId)));
      if (i) {
        usedInspections.add(i.row.id!);
        return take(fromInspection(i, i.findings.find((f) => f.major)!.hazardId));
      }
    }
    if (s === 'inspection' || s === 'major_inspection') {
      // One case per inspection, on a general hazard it found.
      const i = enforcement.find((x) => !usedInspections.has(x.row.id!) && x.findings.some((f) => !f.major && !used.has(f.hazardId)));
      if (i) {
        usedInspections.add(i.row.id!);
        return take(fromInspection(i, i.findings.find((f) => !f.major && !used.has(f.hazardId))!.hazardId));
      }
    }
    if (s === 'jianshe_hazard') {
      const h = nextHazard(jiansheHazards);
      if (h) return take(fromHazard(h), 'jianshe');
    }
    const h = (s === 'major_hazard' ? nextHazard(majorHazards) : undefined) ?? nextHazard(yingjiHazards);
    if (!h) throw new Error('demo data: no hazard left for an enforcement case');
    return take(fromHazard(h));
  };

  const out: DemoCases = { cases: [], measures: [], events: [], counters: [] };
  const docSeq = new Map<string, number>();
  const documentNo = (unit: 'yingji' | 'jianshe', penal: boolean, year: string) => {
    const word = `${unit === 'yingji' ? '应急' : '建'}${penal ? '罚' : '处'}`;
    const n = (docSeq.get(`${word}${year}`) ?? (penal ? 3 : 1)) + 1;
    docSeq.set(`${word}${year}`, n);
    return `渝北大盛${word}〔${year}〕${n}号`;
  };

  for (const spec of SPECS) {
    const { src, unit } = pick(spec.source);
    const e = enterprise.get(src.enterpriseId)!;
    const actor: DemoInspector = ctx.account(unit === 'yingji' ? rand.pick(['yingji', 'yingji2']) : 'jianshe');
    const unitId = unit === 'yingji' ? yingjiDept.id : jiansheDept.id;
    const caseId = randomUUID();

    // Dates: each step some days after the last, never later than yesterday.
    let cursor = src.day;
    const step = (min: number, max: number) => {
      const gap = Math.min(rand.int(min, max), Math.max(0, daysBetween(cursor, ctx.yesterday)));
      cursor = addDays(cursor, gap);
      return cursor;
    };
    const events: EventRow[] = [];
    let status: CaseStatus | null = null;
    // Office hours on the step's day, and never before the previous step.
    const stamp = (day: string) => {
      const at = atMinutes(day, rand.int(9 * 60, 17 * 60));
      const prev = events.at(-1)?.at;
      return prev && at.getTime() <= prev.getTime() ? new Date(prev.getTime() + rand.int(5, 40) * 60_000) : at;
    };
    const event = (action: string, day: string, to: CaseStatus, note: string | null, data: Record<string, unknown> | null = null) => {
      events.push({
        id: randomUUID(), districtId: ctx.districtId, entityType: 'enforcement_case', entityId: caseId, at: stamp(day), actorId: actor.userId,
        actorName: actor.displayName, action, fromStatus: status, toStatus: to, note, data,
      });
      status = to;
    };
    const act = (input: CaseActionInput, day: string, note: string | null, data: Record<string, unknown> | null = null) => {
      const r = applyCaseAction({ status: status!, measures: decided }, input);
      if (!r.ok) throw new Error(`demo data: case cannot ${input.action} (${r.refusal})`);
      event(input.action, day, r.to, note, data);
    };

    const filedOn = step(1, 4);
    const firstClause = src.description.split(/[，,；]/)[0]!;
    const c: CaseRow = {
      id: caseId, districtId: ctx.districtId, townshipId: ctx.townshipId, villageId: src.villageId, enterpriseId: src.enterpriseId,
      number: '', documentNo: null, unitId, inspectionId: src.inspectionId, hazardId: src.hazardId,
      title: `${e.demo.name}${firstClause}案`,
      facts: `${src.how}：${src.description}。涉嫌违反《中华人民共和国安全生产法》有关规定。`,
      status: 'filed', filedOn, createdBy: actor.userId,
    };
    let decided: EnforcementMeasure[] = [];
    event('file', filedOn, 'filed', c.title, {
      inspectionId: src.inspectionId, inspectionNumber: src.inspectionNumber, hazardId: src.hazardId,
      hazardNumber: src.hazardId ? (hazardById.get(src.hazardId)?.number ?? null) : null,
    });
    c.createdAt = events[0]!.at;

    const reach = (s: CaseStatus) => ['filed', 'investigating', 'decided', 'executing', 'closed'].indexOf(spec.status) >= ['filed', 'investigating', 'decided', 'executing', 'closed'].indexOf(s);
    if (reach('investigating')) act({ action: 'investigate' }, step(1, 3), '指派执法人员调查取证，制作现场检查笔录和询问笔录');
    if (reach('decided')) {
      const day = step(7, 20);
      const noPenaltyReason = spec.noPenaltyReason ?? null;
      const penal = spec.measures.some((m) => m.kind === 'penalty');
      c.documentNo = noPenaltyReason ? `渝北大盛应急不罚〔${day.slice(0, 4)}〕1号` : documentNo(unit, penal, day.slice(0, 4));
      const fines = finesFen(spec.measures);
      const noteOf = (m: EnforcementMeasure) => m.kind === 'penalty' && m.fineOnPrincipalFen > 0
        ? `${MEASURE_NOTES.penalty}，对单位和主要负责人${e.demo.principalName}分别罚款（一案双罚）`
        : MEASURE_NOTES[m.kind];
      act({ action: 'decide', measures: spec.measures, noPenaltyReason }, day, c.documentNo, {
        measures: spec.measures.map((m) => ({ ...m, note: noteOf(m) })), fineOnEnterpriseFen: fines.onEnterprise,
        fineOnPrincipalFen: fines.onPrincipal, noPenaltyReason,
      });
      decided = [...spec.measures];
      c.decidedOn = day;
      c.noPenaltyReason = noPenaltyReason;
      c.fineOnEnterpriseFen = fines.onEnterprise;
      c.fineOnPrincipalFen = fines.onPrincipal;
      for (const m of decided) {
        out.measures.push({
          id: randomUUID(), districtId: ctx.districtId, caseId, kind: m.kind,
          fineOnEnterpriseFen: m.kind === 'penalty' ? m.fineOnEnterpriseFen : null,
          fineOnPrincipalFen: m.kind === 'penalty' ? m.fineOnPrincipalFen : null,
          personCount: m.kind === 'judicial_referral' ? m.personCount : null,
          note: noteOf(m),
          decidedOn: day, executedOn: null, createdBy: actor.userId, createdAt: events.at(-1)!.at,
        });
      }
    }
    const caseMeasures = out.measures.filter((m) => m.caseId === caseId);
    if (reach('executing') && decided.length > 0) {
      const day = step(1, 5);
      act({ action: 'execute' }, day, '送达决定书，开始执行', { executedOn: day });
      for (const m of caseMeasures) m.executedOn = day; // as the cases service marks them

    }
    if (spec.status === 'closed') {
      const day = step(5, 20);
      const note = decided.length === 0 ? '不予处罚决定已送达，隐患整改持续跟踪，结案。' : '处理决定已执行完毕，罚款已缴纳，结案。';
      act({ action: 'close', note }, day, note, { closedOn: day });
      c.closedOn = day;
      c.closeNote = note;
    }
    if (spec.publish) {
      const day = step(1, 5);
      c.published = true;
      c.publishedAt = stamp(day);
      c.publicationSummary = `${e.demo.name}${firstClause}，${spec.crime ? '相关责任人员涉嫌危险作业罪被移送公安机关，' : ''}执法部门依法作出${decided.map((m) => MEASURE_KIND_LABELS[m.kind]).join('、')}等处理。`;
      c.dangerousOperationCrime = spec.crime === true;
      events.push({
        id: randomUUID(), districtId: ctx.districtId, entityType: 'enforcement_case', entityId: caseId, at: c.publishedAt, actorId: actor.userId, actorName: actor.displayName,
        action: 'publish', fromStatus: status, toStatus: status, note: c.publicationSummary, data: { dangerousOperationCrime: c.dangerousOperationCrime },
      });
    }
    c.status = status!;
    c.version = events.length;
    c.updatedAt = events[events.length - 1]!.at;
    out.cases.push(c);
    out.events.push(...events);
  }

  // Numbers per year of filing, in filing order.
  const last = new Map<number, number>();
  for (const c of [...out.cases].sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime())) {
    const year = Number(c.filedOn.slice(0, 4));
    const seq = (last.get(year) ?? 0) + 1;
    last.set(year, seq);
    c.number = formatRecordNumber(DEMO_HAZARD_PREFIX, 'case', year, seq);
  }
  out.counters = [...last].map(([year, lastSeq]) => ({ districtId: ctx.districtId, kind: 'case', year, lastSeq }));
  return out;
}
