// 日周月 self-inspection schedules for a good share of the demo enterprises (the qiye account's
// included) and their histories: completed self-inspections on the occurrences the schedule
// derives from the district calendar, with the misses a real township sees — some enterprises
// diligent, some mostly on time, some behind and lately stopped. Each scheduled enterprise gets
// an account of its own (its safety manager), since only the enterprise inspects itself.
// One monthly self-inspection finds a major hazard that the enterprise reports and rectifies:
// the case demo's 依法不予处罚.
import { randomUUID } from 'node:crypto';
import { itemsOf } from '../../domain/checklists/checklist.ts';
import { selfInspectionType } from '../../domain/inspections/inspection-rules.ts';
import {
  type SelfInspectionFrequency, type SelfInspectionSchedule, isWorkday, occurrencesBetween, scheduleProblems, withDistrictCalendar,
} from '../../domain/schedules/self-inspection-schedule.ts';
import { DASHENG_SMALL_ENTERPRISE, DASHENG_SMALL_VENUE } from '../../domain/checklists/seed-checklists.ts';
import type { selfInspectionSchedules } from '../../server/db/schema/index.ts';
import { templateOn } from './demo-checklists.ts';
import {
  addDays, atMinutes, failedAnswer, plusMinutes, supervisingDepartmentId, workdayTest, type DemoContext, type DemoEnterpriseRef, type DemoInspector,
} from './demo-context.ts';
import { MAJOR_HAZARD_ITEMS, type MajorHazardItem } from './demo-hazard-items.ts';
import { buildInspection, type DemoAnswer, type DemoInspection } from './demo-inspection-rows.ts';

type ScheduleRow = typeof selfInspectionSchedules.$inferInsert;
type Diligence = 'diligent' | 'average' | 'behind';

const DONE_RATE: Record<Diligence, Record<SelfInspectionFrequency, number>> = {
  diligent: { daily: 0.98, weekly: 1, monthly: 1 },
  average: { daily: 0.88, weekly: 0.9, monthly: 0.95 },
  behind: { daily: 0.6, weekly: 0.65, monthly: 0.75 },
};
const FAIL_RATE: Record<SelfInspectionFrequency, number> = { daily: 0.008, weekly: 0.025, monthly: 0.06 };
/** Start of the check, minutes after midnight: 班前 daily, afternoon weekly, morning monthly. */
const START: Record<SelfInspectionFrequency, [number, number]> = { daily: [8 * 60, 9 * 60 + 30], weekly: [14 * 60, 16 * 60 + 30], monthly: [9 * 60, 11 * 60] };
const MAX_DAILY = 6;
const MAX_SCHEDULES = 40;
const HISTORY_DAYS = 90;

export interface DemoEnterpriseAccount extends DemoInspector {
  enterpriseId: string;
  phone: string;
}

export interface DemoSchedules {
  schedules: ScheduleRow[];
  /** New enterprise logins (qiye-002…), one per scheduled enterprise except the qiye account's. */
  accounts: DemoEnterpriseAccount[];
  inspections: DemoInspection[];
  /** The major hazard an enterprise found in its own monthly check and is rectifying. */
  selfReportedMajorHazardId: string;
}

const fits = (e: DemoEnterpriseRef, item: MajorHazardItem) => e.demo.sectors.includes(item.sector) && (!item.when || item.when.test(e.demo.name));

export function generateSchedules(ctx: DemoContext, o: { qiye: DemoInspector; qiyeEnterpriseId: string }): DemoSchedules {
  const { rand } = ctx;
  const operating = ctx.enterprises.filter((e) => e.demo.status === 'operating');
  const qiyeEnterprise = ctx.enterprises.find((e) => e.id === o.qiyeEnterpriseId)!;

  // The self-reporting enterprise: the qiye account's if a major item fits it, so that login sees the case.
  const majorFor = (e: DemoEnterpriseRef) => MAJOR_HAZARD_ITEMS.find((it) => fits(e, it)) ?? null;
  const selfMajorEnterprise = majorFor(qiyeEnterprise) ? qiyeEnterprise : operating.find((e) => majorFor(e) !== null);
  if (!selfMajorEnterprise) throw new Error('demo data: no enterprise fits a major hazard');
  const selfMajorItem = majorFor(selfMajorEnterprise)!;

  const chosen: DemoEnterpriseRef[] = [];
  const add = (e: DemoEnterpriseRef) => {
    if (chosen.length < MAX_SCHEDULES && !chosen.includes(e)) chosen.push(e);
  };
  add(qiyeEnterprise);
  add(selfMajorEnterprise);
  for (const e of operating) if (e.demo.isKey || e.demo.isHighRisk) add(e);
  const loginVillages = new Set([ctx.villageId('明月村'), ctx.villageId('千盏村')]);
  for (const e of operating) if (loginVillages.has(e.villageId) && rand.chance(0.3)) add(e);
  for (const e of operating) if (rand.chance(0.06)) add(e);

  const out: DemoSchedules = { schedules: [], accounts: [], inspections: [], selfReportedMajorHazardId: '' };
  let dailyCount = 0;
  let accountNo = 1;

  chosen.forEach((e, index) => {
    const isQiye = e.id === o.qiyeEnterpriseId;
    const isSelfMajor = e === selfMajorEnterprise;
    let account: DemoInspector;
    if (isQiye) account = o.qiye;
    else {
      accountNo += 1;
      const a: DemoEnterpriseAccount = {
        userId: randomUUID(), username: `qiye-${String(accountNo).padStart(3, '0')}`, displayName: e.demo.safetyManagerName ?? e.demo.principalName,
        role: 'enterprise', unitId: e.villageId, unitName: e.demo.village, certificateNo: null, enterpriseId: e.id,
        phone: e.demo.safetyManagerPhone ?? e.demo.principalPhone,
      };
      out.accounts.push(a);
      account = a;
    }

    const code = e.demo.kind === 'small_venue' ? DASHENG_SMALL_VENUE.code : DASHENG_SMALL_ENTERPRISE.code;
    const wantsDaily = isQiye || e.demo.isHighRisk || e.demo.employeeCount >= 20 || (e.demo.venueType === 'restaurant' && rand.chance(0.3));
    const daily = wantsDaily && dailyCount < MAX_DAILY ? code : null;
    if (daily) dailyCount += 1;
    const weekly = isQiye || isSelfMajor || rand.chance(0.75) ? code : null;
    const weekendTrade = e.demo.kind === 'small_venue' || e.demo.sectors.includes('文化旅游');
    const workOnWeekends = weekendTrade ? rand.chance(0.6) : rand.chance(0.05);
    // Two enterprises close for a few days of maintenance of their own.
    const ownHolidays = index === 3 || index === 7 ? [0, 1, 2].map((n) => addDays(ctx.today, -58 + n)).filter((d) => d >= ctx.windowStart) : [];
    // Histories of about three months (some schedules set up later) keep the demo quick to load.
    const startsOn = isQiye || isSelfMajor || rand.chance(0.7) ? addDays(ctx.today, -HISTORY_DAYS) : addDays(ctx.today, -rand.int(30, 75));
    const diligence: Diligence = isQiye ? 'average' : isSelfMajor ? 'diligent' : rand.weighted([['diligent', 4], ['average', 4], ['behind', 2]] as const);
    const own: SelfInspectionSchedule = {
      daily, weekly, monthly: code, workOnWeekends, holidays: ownHolidays, extraWorkdays: [],
      weeklyDueWeekday: isQiye ? 5 : rand.chance(0.3) ? rand.pick([1, 5]) : null,
      monthlyDueDay: rand.chance(0.25) ? rand.pick([25, 28]) : null,
    };
    const problems = scheduleProblems({ ...own, active: true });
    if (problems.length > 0) throw new Error(`demo data: schedule of ${e.demo.name}: ${problems[0]!.problem}`);
    // What the server computes with: the stored schedule merged with the district calendar.
    const schedule = withDistrictCalendar(own, { holidays: ctx.calendar.holidays, workdays: ctx.calendar.extraWorkdays });
    const createdAt = atMinutes(addDays(startsOn, -rand.int(1, 3)), rand.int(9 * 60, 17 * 60));
    out.schedules.push({
      enterpriseId: e.id, districtId: ctx.districtId, townshipId: ctx.townshipId, villageId: e.villageId,
      dailyTemplateCode: daily, weeklyTemplateCode: weekly, monthlyTemplateCode: code, workOnWeekends, holidays: ownHolidays, extraWorkdays: [],
      weeklyDueWeekday: schedule.weeklyDueWeekday, monthlyDueDay: schedule.monthlyDueDay, startsOn, active: true, version: 1, createdAt, updatedAt: createdAt,
    });

    // ---- the history
    const stopFrom = diligence === 'behind' && rand.chance(0.6) ? addDays(ctx.today, -rand.int(8, 20)) : null;
    const works = (day: string) => isWorkday(schedule, day);
    let majorDone = false;
    for (const occ of occurrencesBetween(schedule, startsOn, addDays(ctx.today, 40))) {
      if (occ.periodStart > ctx.yesterday) continue;
      const from = occ.periodStart < startsOn ? startsOn : occ.periodStart;
      const to = occ.dueDate < ctx.yesterday ? occ.dueDate : ctx.yesterday;
      const candidates: string[] = [];
      for (let day = from; day <= to; day = addDays(day, 1)) if (works(day)) candidates.push(day);
      if (candidates.length === 0) continue;
      const current = occ.dueDate >= ctx.today;
      let rate = DONE_RATE[diligence][occ.frequency] * (current ? 0.5 : 1);
      if (stopFrom && occ.dueDate >= stopFrom) rate = 0;
      if (!rand.chance(rate)) continue;
      const day = occ.frequency === 'daily' || rand.chance(0.6) ? candidates[candidates.length - 1]! : rand.pick(candidates);

      const majorHere = isSelfMajor && !majorDone && occ.frequency === 'monthly' && day >= addDays(ctx.today, -55) && day <= addDays(ctx.today, -15);
      if (majorHere) majorDone = true;
      out.inspections.push(selfInspection(ctx, {
        enterprise: e, account, frequency: occ.frequency, code: occ.templateCode, periodKey: occ.periodKey, day,
        major: majorHere ? selfMajorItem : undefined,
        onMajor: (hazardId) => { out.selfReportedMajorHazardId = hazardId; },
      }));
    }
    if (isSelfMajor && !majorDone) throw new Error('demo data: no monthly self-inspection for the self-reported major hazard');
  });

  // The qiye account's daily check of today, being filled in (when today is a workday and the morning has begun).
  const qiyeSchedule = out.schedules[0]!;
  const minutesNow = Math.floor((ctx.now.getTime() - atMinutes(ctx.today, 0).getTime()) / 60_000);
  const qiyeWorks = workdayTest(ctx, { workOnWeekends: qiyeSchedule.workOnWeekends! })(ctx.today);
  if (qiyeSchedule.dailyTemplateCode && qiyeWorks && minutesNow >= 10 * 60) {
    out.inspections.push(selfInspection(ctx, {
      enterprise: qiyeEnterprise, account: o.qiye, frequency: 'daily', code: qiyeSchedule.dailyTemplateCode, periodKey: ctx.today, day: ctx.today, draft: true,
    }));
  }
  return out;
}

function selfInspection(
  ctx: DemoContext,
  o: {
    enterprise: DemoEnterpriseRef;
    account: DemoInspector;
    frequency: SelfInspectionFrequency;
    code: string;
    periodKey: string;
    day: string;
    major?: MajorHazardItem;
    onMajor?: (hazardId: string) => void;
    draft?: boolean;
  },
): DemoInspection {
  const { rand } = ctx;
  const e = o.enterprise;
  const id = randomUUID();
  const template = templateOn(o.code, o.day, ctx.v2Day);
  const items = itemsOf(template.content);
  const [lo, hi] = START[o.frequency];
  const startedAt = atMinutes(o.day, rand.int(lo, hi));
  const endedAt = plusMinutes(startedAt, rand.int(10, o.frequency === 'daily' ? 25 : 50));
  const siteKey = o.code === DASHENG_SMALL_VENUE.code ? 'hazard-investigation' : 'risk-and-hazard';
  const answers: DemoAnswer[] = [];
  const findings = [];
  const answered = o.draft ? Math.min(items.length - 1, 3) : items.length;
  const failAt = o.major ? siteKey : !o.draft && rand.chance(FAIL_RATE[o.frequency]) ? rand.pick(items).key : null;
  for (const item of items.slice(0, answered)) {
    if (item.key === failAt) {
      const a = failedAnswer(ctx, {
        templateCode: o.code, itemKey: item.key, enterprise: e, sectors: e.demo.sectors, inspectionId: id, completedAt: endedAt,
        source: 'self_inspection', foundBy: o.account, foundByUnitId: e.villageId,
        responsibleUnitId: (sector) => supervisingDepartmentId(ctx, sector), major: o.major, story: o.major ? 'rectifying' : undefined,
      });
      answers.push({ itemKey: item.key, result: 'nonconform', comment: a.comment, hazardDraft: a.hazardDraft, hazardId: a.hazardId });
      findings.push(a.finding);
      if (o.major) o.onMajor?.(a.hazardId);
    } else {
      answers.push({ itemKey: item.key, result: 'conform' });
    }
  }
  const failed = findings.length;
  return buildInspection({
    id, districtId: ctx.districtId, townshipId: ctx.townshipId, enterprise: e, type: selfInspectionType(o.frequency), inspectedOn: o.day,
    unitId: e.villageId, template, periodKey: o.periodKey, inspectors: [o.account], answers, findings,
    status: o.draft ? 'draft' : 'completed', startedAt, endedAt, representative: null,
    summary: o.draft ? null : failed > 0 ? `发现隐患${failed}处，已登记并按“五落实”整改。` : '未发现隐患。',
  });
}
