// What the issue-4 demo generators (inspections, schedules, plans, cases, accountability) share:
// the region, the logins, the clock, the district calendar, and how a 不符合 answer becomes a
// hazard finding. Pure: no IO.
import { randomUUID } from 'node:crypto';
import { shanghaiDay } from '../../domain/common/dates.ts';
import type { HazardSource } from '../../domain/hazards/hazard-machine.ts';
import { isWorkday, withDistrictCalendar } from '../../domain/schedules/self-inspection-schedule.ts';
import type { THazardDraft } from '../../contract/inspections.ts';
import { demoCriterion } from './demo-criteria.ts';
import type { DemoEnterprise } from './demo-enterprises.ts';
import { FINDING_TEXTS, SITE_HAZARD_ITEMS } from './demo-findings.ts';
import { HAZARD_ITEMS, type HazardItem, type MajorHazardItem } from './demo-hazard-items.ts';
import { locationFor, type DemoActor, type DemoFinding, type FindingStory } from './demo-hazards.ts';
import type { DemoSector } from './demo-region.ts';
import type { Rand } from './prng.ts';

export interface DemoEnterpriseRef {
  id: string;
  villageId: string;
  demo: DemoEnterprise;
}

/** A login as an inspector: its 行政执法证 number, if any. */
export interface DemoInspector extends DemoActor {
  certificateNo: string | null;
}

export interface DemoDepartment {
  id: string;
  name: string;
  sectors: readonly DemoSector[];
}

export interface DemoContext {
  rand: Rand;
  now: Date;
  today: string;
  yesterday: string;
  /** The first day of the ~4 months the inspections cover. */
  windowStart: string;
  /** The day 附件2-1 version 2 was published. */
  v2Day: string;
  districtId: string;
  townshipId: string;
  enterprises: readonly DemoEnterpriseRef[];
  sectorId: (name: DemoSector) => string;
  departments: readonly DemoDepartment[];
  villageId: (name: string) => string;
  account: (username: string) => DemoInspector;
  /** The district's holidays and 调休 workdays. */
  calendar: { holidays: readonly string[]; extraWorkdays: readonly string[] };
}

const DAY_MS = 86_400_000;
/** Calendar-day arithmetic on 'YYYY-MM-DD' (no time zone involved: a day is a day). */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
/** An instant on a Shanghai day, `minutes` after midnight. */
export const atMinutes = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000);
export const plusMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/**
 * A workday test under the district calendar and an enterprise's own days off: the domain's
 * isWorkday on the schedule the server computes with (withDistrictCalendar).
 */
export function workdayTest(ctx: Pick<DemoContext, 'calendar'>, o: { workOnWeekends?: boolean; holidays?: readonly string[] } = {}): (day: string) => boolean {
  const s = withDistrictCalendar(
    { daily: null, weekly: null, monthly: null, workOnWeekends: o.workOnWeekends ?? false, holidays: o.holidays ?? [], extraWorkdays: [], weeklyDueWeekday: null, monthlyDueDay: null },
    { holidays: ctx.calendar.holidays, workdays: ctx.calendar.extraWorkdays },
  );
  return (day) => isWorkday(s, day);
}

/** The district workdays in [from, to]. */
export function workdaysBetween(ctx: Pick<DemoContext, 'calendar'>, from: string, to: string): string[] {
  const works = workdayTest(ctx);
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (works(day)) out.push(day);
  return out;
}

export function department(ctx: DemoContext, name: string): DemoDepartment {
  const d = ctx.departments.find((x) => x.name === name);
  if (!d) throw new Error(`demo data: unknown department ${name}`);
  return d;
}

/**
 * The department a hazard found by the office, a supervision group or the enterprise itself goes
 * to: the first department (in unit order) that supervises its sector, as the hazards service
 * assigns it.
 */
export function supervisingDepartmentId(ctx: DemoContext, sector: DemoSector): string {
  const d = ctx.departments.find((x) => x.sectors.includes(sector));
  if (!d) throw new Error(`demo data: no department supervises ${sector}`);
  return d.id;
}

/**
 * What happens to a hazard found `age` days ago: older ones mostly closed, recent ones open.
 * An inspection creates its hazards as reported (never 即查即改), so there are no spot stories.
 */
export function findingStory(rand: Rand, age: number): FindingStory {
  if (age <= 3) return rand.weighted([['reported', 3], ['rectifying', 3], ['awaiting', 1]] as const);
  if (age <= 14) return rand.weighted([['rectifying', 4], ['awaiting', 2], ['closed', 2]] as const);
  if (age <= 40) return rand.weighted([['closed', 6], ['rectifying', 1], ['awaiting', 1], ['overdue', 1]] as const);
  return rand.weighted([['closed', 8], ['overdue', 1]] as const);
}

export interface FailedAnswer {
  comment: string;
  hazardDraft: THazardDraft;
  hazardId: string;
  finding: DemoFinding;
}

/**
 * A 不符合 answer and the hazard it becomes. Items about 现场安全隐患 take a site hazard that fits the
 * enterprise; the others the item's own finding text. The sector is one of `sectors` (the
 * enterprise's, narrowed to a department's when a department inspects).
 */
export function failedAnswer(
  ctx: DemoContext,
  o: {
    templateCode: string;
    itemKey: string;
    enterprise: DemoEnterpriseRef;
    sectors: readonly DemoSector[];
    inspectionId: string;
    completedAt: Date;
    source: HazardSource;
    foundBy: DemoActor;
    foundByUnitId: string;
    /** The unit that will supervise the hazard, given its sector. */
    responsibleUnitId: (sector: DemoSector) => string;
    major?: MajorHazardItem;
    story?: FindingStory;
  },
): FailedAnswer {
  const { rand } = ctx;
  const e = o.enterprise;
  let item: HazardItem | MajorHazardItem;
  let location: string;
  if (o.major) {
    item = o.major;
    location = locationFor(rand, o.major.locations, e.demo.name);
  } else {
    const site = SITE_HAZARD_ITEMS[o.templateCode] === o.itemKey
      ? HAZARD_ITEMS.filter((it) => o.sectors.includes(it.sector) && e.demo.sectors.includes(it.sector) && (!it.when || it.when.test(e.demo.name)))
      : [];
    if (site.length > 0) {
      item = rand.pick(site);
      location = locationFor(rand, item.locations, e.demo.name);
    } else {
      const texts = FINDING_TEXTS[o.templateCode]?.[o.itemKey];
      if (!texts || texts.length === 0) throw new Error(`demo data: no finding text for ${o.templateCode} ${o.itemKey}`);
      const t = rand.pick(texts);
      location = t.location;
      item = { sector: o.sectors[0]!, description: t.description, locations: [t.location], category: '安全管理', fix: t.fix, spot: t.spot ?? false };
    }
  }
  // The hazard takes the item as found, at this enterprise's place.
  item = { ...item, locations: [location] };
  const major = o.major !== undefined;
  const age = daysBetween(shanghaiDay(o.completedAt), ctx.today);
  const story = o.story ?? findingStory(rand, age);
  const hazardId = randomUUID();
  const sectorId = ctx.sectorId(item.sector);
  const criterion = major ? demoCriterion((item as MajorHazardItem).criterion).text : null;
  return {
    comment: item.description,
    hazardDraft: { level: major ? 'major' : 'general', description: item.description, location, sectorId, criterion, dueDate: null },
    hazardId,
    finding: {
      hazardId, inspectionId: o.inspectionId, itemKey: o.itemKey, enterpriseId: e.id, item, major, story, source: o.source,
      foundAt: o.completedAt, foundBy: o.foundBy, foundByUnitId: o.foundByUnitId, responsibleUnitId: o.responsibleUnitId(item.sector),
      note: '', // set with the inspection's number (numberInspections)
    },
  };
}
