// The demo's inspections by the authorities over the ~4 months before `now`: 执法检查 by the two
// certified officers of 应急办, 帮扶指导 by departments and village officers, 督导检查 by the
// supervision group and the office, 抽查 with the 崇明 spot-check items, and a few drafts still
// being filled in. Each stays in its inspector's scope: a department only at enterprises of its
// sectors, a village officer in the village, the group in its villages. Failed items become
// hazards (findings) that the hazard demo numbers and plays through the state machine.
import { randomUUID } from 'node:crypto';
import { itemsOf } from '../../domain/checklists/checklist.ts';
import type { HazardSource } from '../../domain/hazards/hazard-machine.ts';
import type { InspectionMethodTag, InspectionType, RepresentativeSignature } from '../../domain/inspections/inspection-rules.ts';
import { CHONGMING_SPOT_CHECK, DASHENG_SMALL_ENTERPRISE, DASHENG_SMALL_VENUE } from '../../domain/checklists/seed-checklists.ts';
import { templateOn } from './demo-checklists.ts';
import {
  atMinutes, department, failedAnswer, plusMinutes, supervisingDepartmentId, workdaysBetween,
  type DemoContext, type DemoEnterpriseRef, type DemoInspector,
} from './demo-context.ts';
import { MAJOR_HAZARD_ITEMS, type MajorHazardItem } from './demo-hazard-items.ts';
import { buildInspection, type DemoAnswer, type DemoInspection } from './demo-inspection-rows.ts';
import type { DemoSector } from './demo-region.ts';

interface Round {
  type: InspectionType;
  /** Inspectors by username, the first leads (creates, completes). */
  team: readonly string[][];
  count: number;
  /** The enterprises the team may inspect. */
  scope: 'yingji' | 'jianshe' | 'mingyue' | 'qianzhan' | 'group' | 'township';
  failRate: number;
}

const ROUNDS: readonly Round[] = [
  { type: 'enforcement', team: [['yingji', 'yingji2'], ['yingji2', 'yingji']], count: 16, scope: 'yingji', failRate: 0.16 },
  { type: 'assistance', team: [['yingji']], count: 7, scope: 'yingji', failRate: 0.12 },
  // 村镇建设中心 has one certified officer: it assists, and enforcement stays with 应急办's two.
  { type: 'assistance', team: [['jianshe']], count: 9, scope: 'jianshe', failRate: 0.12 },
  { type: 'assistance', team: [['mingyue']], count: 6, scope: 'mingyue', failRate: 0.12 },
  { type: 'assistance', team: [['qianzhan']], count: 5, scope: 'qianzhan', failRate: 0.12 },
  { type: 'supervision', team: [['dudao']], count: 6, scope: 'group', failRate: 0.1 },
  { type: 'supervision', team: [['anweiban']], count: 5, scope: 'township', failRate: 0.1 },
  { type: 'spot_check', team: [['anweiban']], count: 5, scope: 'township', failRate: 0.2 },
  { type: 'spot_check', team: [['dudao']], count: 3, scope: 'group', failRate: 0.2 },
  { type: 'spot_check', team: [['mingyue']], count: 2, scope: 'mingyue', failRate: 0.2 },
  { type: 'spot_check', team: [['yingji', 'yingji2']], count: 3, scope: 'yingji', failRate: 0.2 },
];

const SOURCE_BY_SCOPE: Record<Round['scope'], HazardSource> = {
  yingji: 'department', jianshe: 'department', mingyue: 'village', qianzhan: 'village', group: 'supervision', township: 'supervision',
};

const FACTORY = /厂|公司|坊|加工|修理|回收|合作社|养殖|种植/;

export interface AuthorityInspections {
  inspections: DemoInspection[];
}

export function generateAuthorityInspections(ctx: DemoContext): AuthorityInspections {
  const { rand } = ctx;
  const yingjiDept = department(ctx, '应急办');
  const jiansheDept = department(ctx, '村镇建设中心');
  const groupVillages = new Set([ctx.villageId('明月村'), ctx.villageId('千盏村')]);
  const operating = ctx.enterprises.filter((e) => e.demo.status === 'operating');
  const within = (sectors: readonly DemoSector[]) => (e: DemoEnterpriseRef) => e.demo.sectors.some((s) => sectors.includes(s));
  const pools: Record<Round['scope'], DemoEnterpriseRef[]> = {
    yingji: operating.filter(within(yingjiDept.sectors)),
    jianshe: operating.filter(within(jiansheDept.sectors)),
    mingyue: operating.filter((e) => e.villageId === ctx.villageId('明月村')),
    qianzhan: operating.filter((e) => e.villageId === ctx.villageId('千盏村')),
    group: operating.filter((e) => groupVillages.has(e.villageId)),
    township: operating,
  };
  /** The sectors a finding may be filed under: a department's own, else the enterprise's. */
  const sectorsFor = (scope: Round['scope'], e: DemoEnterpriseRef): DemoSector[] => {
    const dept = scope === 'yingji' ? yingjiDept : scope === 'jianshe' ? jiansheDept : null;
    return dept ? e.demo.sectors.filter((s) => dept.sectors.includes(s)) : [...e.demo.sectors];
  };
  const responsibleFor = (scope: Round['scope'], e: DemoEnterpriseRef) => (sector: DemoSector): string => {
    if (scope === 'yingji') return yingjiDept.id;
    if (scope === 'jianshe') return jiansheDept.id;
    if (scope === 'mingyue' || scope === 'qianzhan') return e.villageId;
    return supervisingDepartmentId(ctx, sector);
  };

  const days = workdaysBetween(ctx, ctx.windowStart, ctx.yesterday);
  if (days.length === 0) throw new Error('demo data: no workday in the inspection window');
  const taken = new Set<string>();
  const out: DemoInspection[] = [];

  // One enforcement inspection finds a major hazard (the case demo orders 停产整顿 on it).
  const majorTarget = (() => {
    for (const item of MAJOR_HAZARD_ITEMS) {
      if (!yingjiDept.sectors.includes(item.sector)) continue;
      const e = pools.yingji.find((x) => x.demo.sectors.includes(item.sector) && (!item.when || item.when.test(x.demo.name)));
      if (e) return { e, item };
    }
    return null;
  })();

  const inspect = (round: Round, lead: DemoInspector[], e: DemoEnterpriseRef, day: string, draft: boolean, major?: MajorHazardItem) => {
    const id = randomUUID();
    const spot = round.type === 'spot_check';
    const code = spot ? CHONGMING_SPOT_CHECK.code : e.demo.kind === 'small_venue' ? DASHENG_SMALL_VENUE.code : DASHENG_SMALL_ENTERPRISE.code;
    const template = templateOn(code, day, ctx.v2Day);
    const items = itemsOf(template.content);
    const startedAt = atMinutes(day, rand.int(9 * 60, 15 * 60));
    const endedAt = plusMinutes(startedAt, rand.int(40, 150));
    const siteKey = code === DASHENG_SMALL_VENUE.code ? 'hazard-investigation' : 'risk-and-hazard';
    const answers: DemoAnswer[] = [];
    const findings = [];
    let failed = 0;
    const answered = draft ? rand.int(1, items.length - 1) : items.length;
    for (const item of items.slice(0, answered)) {
      const na = (item.key === 'outsourcing-special-work' && !FACTORY.test(e.demo.name) && rand.chance(0.5))
        || (item.key === 'outsourcing' && rand.chance(0.4));
      const fail = major ? item.key === siteKey : !na && failed < 3 && rand.chance(round.failRate);
      if (na) {
        answers.push({ itemKey: item.key, result: 'not_applicable' });
      } else if (fail) {
        failed += 1;
        const a = failedAnswer(ctx, {
          templateCode: code, itemKey: item.key, enterprise: e, sectors: sectorsFor(round.scope, e), inspectionId: id, completedAt: endedAt,
          source: SOURCE_BY_SCOPE[round.scope], foundBy: lead[0]!, foundByUnitId: unitOf(round.scope, lead[0]!, e),
          responsibleUnitId: responsibleFor(round.scope, e), major, story: major ? 'rectifying' : undefined,
        });
        answers.push({ itemKey: item.key, result: 'nonconform', comment: a.comment, hazardDraft: a.hazardDraft, hazardId: draft ? null : a.hazardId });
        if (!draft) findings.push(a.finding);
      } else {
        answers.push({ itemKey: item.key, result: 'conform' });
      }
    }
    const tags: InspectionMethodTag[] = [];
    if (round.type === 'enforcement') {
      if (rand.chance(0.6)) tags.push('four_no_two_direct');
      if (rand.chance(0.2)) tags.push('covert_visit');
      if (rand.chance(0.2)) tags.push('cross_region');
    } else if (round.type !== 'assistance' && rand.chance(0.3)) {
      tags.push(rand.pick(['four_no_two_direct', 'covert_visit', 'cross_check'] as const));
    }
    const signer = rand.chance(0.6) ? e.demo.principalName : (e.demo.safetyManagerName ?? e.demo.principalName);
    const representative: RepresentativeSignature = round.type === 'enforcement' && failed > 0 && rand.chance(0.15)
      ? { kind: 'refused', note: `被检查单位负责人${e.demo.principalName}对检查结果有异议，拒绝签字，两名执法人员在场见证并记录。` }
      : { kind: 'signed', name: signer };
    const summary = draft
      ? null
      : failed === 0
        ? '本次检查未发现问题，督促企业继续落实“日周月”隐患排查。'
        : round.type === 'enforcement'
          ? `发现问题${failed}处，已当场告知，下达责令限期整改指令书，隐患已登记并跟踪整改。`
          : `发现问题${failed}处，已当场告知企业负责人，隐患已登记并督促限期整改。`;
    out.push(buildInspection({
      id, districtId: ctx.districtId, townshipId: ctx.townshipId, enterprise: e, type: round.type, methodTags: tags, inspectedOn: day,
      unitId: unitOf(round.scope, lead[0]!, e), template, inspectors: lead, answers, findings, status: draft ? 'draft' : 'completed',
      startedAt, endedAt, representative: draft ? null : representative, location: e.demo.address, summary,
    }));
  };

  for (const round of ROUNDS) {
    for (let n = 0; n < round.count; n++) {
      const team = rand.pick(round.team).map((u) => ctx.account(u));
      const pool = pools[round.scope];
      const major = round.type === 'enforcement' && n === 0 && majorTarget ? majorTarget : null;
      let e = major?.e ?? rand.weighted(pool.map((x) => [x, x.demo.isKey || x.demo.isHighRisk ? 3 : 1] as const));
      // The major one 30-50 days ago (its case has time to run); the rest anywhere in the window.
      let day = major ? days[Math.max(0, days.length - rand.int(22, 36))]! : rand.pick(days);
      for (let attempt = 0; taken.has(`${team[0]!.unitId}|${e.id}|${day}`) && attempt < 20; attempt++) {
        e = rand.pick(pool);
        day = rand.pick(days);
      }
      taken.add(`${team[0]!.unitId}|${e.id}|${day}`);
      inspect(round, team, e, day, false, major?.item);
    }
  }

  // Drafts in progress: started in the last workdays, not yet complete.
  const recent = days.slice(-2);
  const drafts: [Round, string[]][] = [
    [{ type: 'enforcement', team: [], count: 1, scope: 'yingji', failRate: 0.2 }, ['yingji', 'yingji2']],
    [{ type: 'assistance', team: [], count: 1, scope: 'jianshe', failRate: 0.2 }, ['jianshe']],
    [{ type: 'assistance', team: [], count: 1, scope: 'mingyue', failRate: 0.2 }, ['mingyue']],
    [{ type: 'spot_check', team: [], count: 1, scope: 'township', failRate: 0.3 }, ['anweiban']],
  ];
  for (const [round, usernames] of drafts) {
    inspect(round, usernames.map((u) => ctx.account(u)), rand.pick(pools[round.scope]), rand.pick(recent), true);
  }
  return { inspections: out };

  function unitOf(scope: Round['scope'], lead: DemoInspector, e: DemoEnterpriseRef): string {
    if (scope === 'mingyue' || scope === 'qianzhan') return e.villageId;
    return lead.unitId;
  }
}
