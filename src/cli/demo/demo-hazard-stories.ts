// How each demo hazard's story is played: who takes each step and what they write, in the demo's
// voice, with the steps themselves written by HazardStory (through the domain's transition table).
import { createHash } from 'node:crypto';
import { shanghaiDay, shanghaiDayStart } from '../../domain/common/dates.ts';
import { canonicalJson } from '../../server/modules/audit/index.ts';
import type { HazardSource } from '../../domain/hazards/hazard-machine.ts';
import type { DemoEnterprise } from './demo-enterprises.ts';
import type { HazardItem, MajorHazardItem } from './demo-hazard-items.ts';
import { DEMO_TOWNSHIP, type DemoSector } from './demo-region.ts';
import type { HazardStory, PlanRow, StoryActor } from './hazard-story.ts';
import type { Rand } from './prng.ts';

export type Story =
  | 'reported' // general: not yet planned; major: plan on record, awaiting acceptance
  | 'rectifying' // due date ahead
  | 'overdue' // rectifying, due date passed
  | 'awaiting' // rectification reported, awaiting verification
  | 'awaiting_spot' // fixed on the spot, awaiting verification
  | 'closed'
  | 'closed_spot'
  | 'reopened' // closed, then reopened by 回头看: rectifying again
  | 'voided';

export interface Spec {
  story: Story;
  major?: boolean;
  transfer?: 'accepted' | 'pending' | 'returned';
  extension?: 'approved' | 'rejected' | 'pending';
  verifyFail?: boolean;
  recheckPass?: boolean;
  listing?: 'township' | 'district' | 'city';
  rectificationReports?: boolean;
  /** A general hazard reported with a deadline and no plan yet. */
  dueAtReport?: 'past' | 'future';
  /** 企业自查 by the demo enterprise account. */
  self?: boolean;
}

export const PRIMARY_DEPARTMENT: Record<DemoSector, string> = {
  危险化学品: '应急办', 非煤矿山: '应急办', 工贸: '应急办', 特种设备: '应急办', 消防: '应急办',
  建筑施工: '村镇建设中心', 燃气: '村镇建设中心', 河道: '村镇建设中心',
  涉农: '产业服务中心', 渔业船舶: '产业服务中心', 林区: '产业服务中心',
  交通运输: '平安法治办',
  医疗卫生: '民生服务办公室', '养老/社会福利': '民生服务办公室', 校园: '民生服务办公室',
  文化旅游: '新时代文明实践服务中心',
};
export const FOUND_DAYS_AGO: Record<Story, [number, number]> = {
  reported: [1, 4],
  rectifying: [3, 30],
  overdue: [32, 85],
  awaiting: [6, 45],
  awaiting_spot: [1, 6],
  closed: [4, 88],
  closed_spot: [1, 89],
  reopened: [45, 88],
  voided: [3, 60],
};

/** Which department supervises a sector first (the one whose demo login sees it). */
/** Other departments that share a sector and sometimes take the inspection. */
export const SECOND_DEPARTMENT: Partial<Record<DemoSector, string>> = {
  工贸: '经济发展办公室经济发展岗', 危险化学品: '经济发展办公室经济发展岗', 特种设备: '经济发展办公室经济发展岗',
  消防: '基层指挥中心', 建筑施工: '经济发展办公室规划建设岗', 燃气: '经济发展办公室规划建设岗',
};

export const SOURCE_NOTES: Record<HazardSource, string> = {
  self_inspection: '企业自查发现',
  department: '部门检查发现',
  village: '村居排查发现',
  supervision: '督导检查发现',
  public: '群众举报（12345热线转办）',
  assigned: '区安委办交办',
};

const VOID_REASONS = [
  '经复核，该问题不属于安全生产隐患',
  '重复录入，与该单位已报告的隐患为同一问题',
  '该场所已停业并拆除，隐患已灭失',
  '录入时选错单位，已在正确单位下重新报告',
];
const FAIL_REASONS = ['现场复查整改不到位，请按方案继续整改', '整改措施未全部落实，需补充整改', '复查发现问题仍然存在，退回整改'];
const EXTENSION_REASONS = ['整改所需设备采购周期较长', '需停产施工，与生产计划协调后实施', '近期连续降雨，施工条件受限', '需请有资质单位设计整改方案'];
const REPORT_METHODS = ['书面报告', '书面报告并电话报告', '系统报送'];
const CONTINGENCY = '整改期间设置警示标识，配备灭火器材，发现险情立即停止作业、疏散人员并报告属地村居和监管部门。';
const MAJOR_CONTINGENCY =
  '整改期间停止相关区域作业并设置警戒区，专人值守，配备应急器材；发生险情立即撤离人员，拨打119/120并向镇应急办报告。';

const DAY_MS = 86_400_000;
export const addDays = (day: string, n: number) => shanghaiDay(shanghaiDayStart(day, n));
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
export const maxDay = (a: string, b: string) => (a > b ? a : b);
export const minDay = (a: string, b: string) => (a < b ? a : b);


/**
 * What a close-out signs, as the hazards service computes it at verify_pass: the record as it is
 * closed (content, latest plan, evidence file hashes — none in the demo —, signer and time).
 */
export function demoSignatureHash(h: {
  id: string; number: string; enterpriseId: string; description: string; level: string; location: string;
  rectificationNote: string | null; plan: PlanRow | null; signerId: string; signerName: string; signedAt: Date;
}): string {
  const signed = {
    hazardId: h.id, number: h.number, enterpriseId: h.enterpriseId, description: h.description, level: h.level,
    location: h.location, rectificationNote: h.rectificationNote, plan: h.plan, files: [],
    signerId: h.signerId, signerName: h.signerName, signedAt: h.signedAt.toISOString(), status: 'closed',
  };
  return createHash('sha256').update(canonicalJson(signed)).digest('hex');
}

const FACTORY = /厂|公司|坊|加工|修理|回收|合作社|养殖|种植/;
const SHOPFRONT = /店|超市|商贸|酒店|宾馆|旅馆|客栈|餐|火锅|面馆|小吃|豆花|烧烤|KTV|歌城|网吧|网咖|美容|美发|足浴|诊所|卫生室|农家乐|山庄|院子/;

/** A place that fits the enterprise: no 生产车间 in a hair salon, no 营业大厅 in a brickworks. */
export function locationFor(rand: Rand, locations: readonly string[], name: string): string {
  const fits = locations.filter((l) =>
    (!/车间|厂区/.test(l) || FACTORY.test(name)) && (!/营业|收银/.test(l) || SHOPFRONT.test(name)));
  return rand.pick(fits.length > 0 ? fits : locations);
}

/** Fisher–Yates with the seeded PRNG. */
export function shuffle<T>(rand: Rand, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface StoryContext {
  p: { spec: Spec; number: string; foundAt: Date; source: HazardSource; finding?: { note: string; inspectionId: string; itemKey: string } };
  rand: Rand;
  today: string;
  yesterday: string;
  major: boolean;
  spotStory: boolean;
  foundBy: StoryActor;
  item: HazardItem | MajorHazardItem;
  ent: { id: string; demo: DemoEnterprise };
  sector: DemoSector;
  office: StoryActor;
  documentSeq: { township: number; district: number; city: number };
  input: { townshipLeaders: { secretary: string; mayor: string }; personName: () => string };
  supervisor: () => StoryActor;
  rectifier: () => StoryActor;
  staffOf: (unitId: string) => StoryActor;
  deptId: (name: string) => string;
  unitName: ReadonlyMap<string, string>;
  signatureHash: (story: HazardStory, by: StoryActor, at: Date) => string;
}

/** Plays one spec's story on a reported hazard, from its report to where the story ends. */
export function playStory(story: HazardStory, c: StoryContext): void {
  const { p, rand, today, yesterday, major, item, ent, sector } = c;
  const h = story.h;
  const spec = p.spec;
  const foundDay = shanghaiDay(p.foundAt);
  let cursor = p.foundAt;
  const atOfficeHours = (day: string) => new Date(shanghaiDayStart(day).getTime() + rand.int(8 * 60 + 30, 16 * 60 + 30) * 60_000);
  /** The next moment, minDays..maxDays after the last step, never later than yesterday. */
  const next = (minDays: number, maxDays: number): Date => {
    const day = shanghaiDay(cursor);
    const gap = Math.min(rand.int(minDays, maxDays), Math.max(0, daysBetween(day, yesterday)));
    const at = gap === 0 ? new Date(cursor.getTime() + rand.int(5, 30) * 60_000) : atOfficeHours(addDays(day, gap));
    cursor = at;
    return at;
  };
  const owner = ent.demo.safetyManagerName ?? ent.demo.principalName;

  const submitPlan = (at: Date, dueDate: string) => {
    const yuan = major ? rand.int(20, 300) * 1000 : rand.int(2, 80) * 100;
    story.submitPlan(at, c.rectifier(), {
      owner,
      measures: major
        ? `1. ${item.fix}；2. 整改期间停止相关区域作业，设置警戒区；3. 整改完成后申请验收。`
        : `${item.fix}；整改期间明确专人负责，每日巡查。`,
      fundsFen: yuan * 100, dueDate, contingencyPlan: major ? MAJOR_CONTINGENCY : CONTINGENCY,
    });
  };
  const dualReport = (kind: 'discovery' | 'rectification', recipient: 'department' | 'government', at: Date) => {
    const reportedTo = recipient === 'government' ? `${DEMO_TOWNSHIP}人民政府` : `${DEMO_TOWNSHIP}${c.unitName.get(h.responsibleUnitId)}`;
    const method = rand.pick(REPORT_METHODS);
    story.dualReport(at, c.rectifier(), { kind, recipient, reportedBy: ent.demo.principalName, reportedTo, method });
  };
  const list = (at: Date, level: 'township' | 'district' | 'city') => {
    const listedOn = shanghaiDay(at);
    const year = listedOn.slice(0, 4);
    const n = ++c.documentSeq[level];
    const documentNo = level === 'township' ? `大盛安委办〔${year}〕${n}号` : level === 'district' ? `渝北安委办〔${year}〕${n}号` : `渝安委办〔${year}〕${n}号`;
    const leaderName = level === 'township' ? rand.pick([c.input.townshipLeaders.mayor, c.input.townshipLeaders.secretary]) : c.input.personName();
    story.list(at, c.office, { level, leaderName, listedOn, documentNo });
  };
  const transfer = (at: Date, outcome: 'accepted' | 'pending' | 'returned') => {
    const toName = PRIMARY_DEPARTMENT[sector];
    const to = c.deptId(toName);
    const by = c.staffOf(h.responsibleUnitId);
    const reason = rand.pick([
      `超出村级督促整改能力，需${toName}依法处理`,
      `企业拒不整改，移送${toName}处理`,
      `涉及行业专业问题，移送${toName}督促整改`,
    ]);
    const decision = outcome === 'pending'
      ? undefined
      : { at: next(0, 2), by: c.staffOf(to), accept: outcome === 'accepted', reason: outcome === 'accepted' ? null : '属一般隐患，由属地村居继续督促整改' };
    story.transfer(at, by, { toUnitId: to, toName, reason }, decision);
  };
  const extension = (outcome: 'approved' | 'rejected' | 'pending', newDueDate: string) => {
    const at = next(2, 5);
    const reason = rand.pick(EXTENSION_REASONS);
    const requester = c.rectifier();
    const decision = outcome === 'pending'
      ? undefined
      : { at: next(0, 2), by: c.supervisor(), approve: outcome === 'approved', note: outcome === 'approved' ? '同意延期，请按新期限完成整改' : '整改工作量不大，应按原期限完成' };
    story.requestExtension(at, requester, { newDueDate, reason }, decision);
  };
  const reportRectification = (at: Date) => story.reportRectification(at, c.rectifier(), `已按方案整改完成：${item.fix}。`);
  const verifyPass = (at: Date) => {
    const by = c.supervisor();
    story.verifyPass(at, by, c.signatureHash(story, by, at));
  };

  // report
  if (c.spotStory) story.report(p.foundAt, c.foundBy, { note: null, fixedOnSpotNote: `现场督促整改完成：${item.fix}。` });
  else if (p.finding) story.report(p.foundAt, c.foundBy, { note: p.finding.note, data: { inspectionId: p.finding.inspectionId, itemKey: p.finding.itemKey } });
  else story.report(p.foundAt, c.foundBy, { note: SOURCE_NOTES[p.source] });
  if (major) {
    dualReport('discovery', 'department', next(0, 1));
    dualReport('discovery', 'government', next(0, 0));
  }
  if (spec.transfer) transfer(next(spec.transfer === 'pending' ? 1 : 0, 2), spec.transfer);

  const planDue = (planDay: string) => addDays(planDay, major ? rand.int(30, 60) : rand.int(7, 21));
  const s = spec.story;
  if (s === 'reported') {
    if (major) submitPlan(next(1, 3), planDue(foundDay));
    else if (spec.dueAtReport === 'past') h.dueDate = minDay(addDays(foundDay, rand.int(3, 5)), yesterday);
    else if (spec.dueAtReport === 'future') h.dueDate = addDays(today, rand.int(3, 10));
  } else if (s === 'voided') {
    if (rand.chance(0.5)) {
      const at = next(0, 2);
      submitPlan(at, planDue(shanghaiDay(at)));
    }
    const reason = rand.pick(VOID_REASONS);
    story.void(next(1, 8), c.supervisor(), reason);
  } else if (s === 'closed_spot' || s === 'awaiting_spot') {
    if (s === 'closed_spot') {
      verifyPass(next(0, 3));
      if (spec.recheckPass) story.recheckPass(next(7, 30), c.supervisor(), '回头看复查，整改效果保持良好');
    }
  } else {
    // planned rectification
    const planAt = next(0, 2);
    let due = planDue(shanghaiDay(planAt));
    if (s === 'rectifying') due = maxDay(due, addDays(today, rand.int(2, 20)));
    if (s === 'overdue') due = minDay(due, addDays(today, -rand.int(2, 12)));
    if (s === 'overdue' && spec.extension === 'approved') due = minDay(due, addDays(today, -15));
    submitPlan(planAt, due);
    if (major) {
      story.accept(next(1, 3), c.supervisor(), '同意整改方案，请严格按方案和时限整改');
      if (spec.listing) list(next(0, 4), spec.listing);
    }
    if (spec.extension) {
      const oldDue = h.dueDate!;
      const newDue = s === 'overdue'
        ? minDay(addDays(oldDue, rand.int(7, 14)), addDays(today, -2))
        : maxDay(addDays(oldDue, rand.int(10, 30)), addDays(today, rand.int(3, 15)));
      extension(spec.extension, newDue);
    }
    if ((s !== 'rectifying' && s !== 'overdue') || spec.verifyFail) {
      const work = major ? [10, 30] as const : [2, 12] as const;
      reportRectification(next(work[0], work[1]));
      if (spec.verifyFail) {
        story.verifyFail(next(1, 3), c.supervisor(), rand.pick(FAIL_REASONS));
        if (s !== 'rectifying') reportRectification(next(1, 5));
      }
      if (s === 'closed' || s === 'reopened') {
        verifyPass(next(0, 4));
        if (spec.rectificationReports) {
          dualReport('rectification', 'department', next(0, 2));
          dualReport('rectification', 'government', next(0, 0));
        }
        if (spec.recheckPass) story.recheckPass(next(7, 30), c.supervisor(), '回头看复查，整改效果保持良好');
        if (s === 'reopened') {
          story.recheckReopen(next(7, 25), c.supervisor(), `回头看发现问题反弹：${item.description}`);
          const at = next(0, 2);
          submitPlan(at, maxDay(planDue(shanghaiDay(at)), addDays(today, rand.int(3, 15))));
        }
      }
    }
  }
}
