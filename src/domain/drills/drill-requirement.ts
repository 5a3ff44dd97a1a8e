// 应急演练 / 安全培训: what an enterprise owes in a year, and whether it is behind. Seeds 000 二.5,
// 001 (15), 002 三.(一)5: at least once a year, high-risk sectors every half year. The counts per
// year are the district's data (drill_requirements); DEFAULT_REQUIREMENT applies without a row.
// Pure: `today` is a parameter. The compliance SQL (drills.compliance.ts) follows these rules.

export const ACTIVITY_CATEGORIES = ['drill', 'training'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];
export const ACTIVITY_CATEGORY_LABELS: Record<ActivityCategory, string> = { drill: '应急演练', training: '安全培训' };

/** Times a year; each time has its own window (the year split evenly): 1 a year, 2 half-years, 4 quarters. */
export const TIMES_PER_YEAR = [0, 1, 2, 4] as const;
export type TimesPerYear = (typeof TIMES_PER_YEAR)[number];

export interface Requirement {
  drill: { normal: TimesPerYear; highRisk: TimesPerYear };
  training: { normal: TimesPerYear; highRisk: TimesPerYear };
}
export const DEFAULT_REQUIREMENT: Requirement = { drill: { normal: 1, highRisk: 2 }, training: { normal: 1, highRisk: 1 } };

export function timesPerYear(req: Requirement, category: ActivityCategory, isHighRisk: boolean): TimesPerYear {
  return isHighRisk ? req[category].highRisk : req[category].normal;
}

export interface Window { index: number; start: string; end: string; mid: string }

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The year's windows for n times a year: n=1 the year, n=2 the half-years, n=4 the quarters. */
export function windowsOf(year: number, n: TimesPerYear): Window[] {
  if (n === 0) return [];
  const months = 12 / n;
  return Array.from({ length: n }, (_, i) => {
    const m0 = i * months + 1;
    const m1 = m0 + months - 1;
    const midMonth = m0 + months / 2; // the first day of the window's second half (1st July for the year)
    const mid = Number.isInteger(midMonth) ? `${year}-${pad(midMonth)}-01` : `${year}-${pad(Math.floor(midMonth))}-16`;
    return { index: i, start: `${year}-${pad(m0)}-01`, end: `${year}-${pad(m1)}-${pad(lastDay(year, m1))}`, mid };
  });
}

export type WindowState = 'met' | 'open' | 'missed' | 'not_owed' | 'future';
export type ComplianceStatus = 'met' | 'pending' | 'missed' | 'not_required';
export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = { met: '已完成', pending: '本期未完成', missed: '已落后', not_required: '无要求' };

export interface CategoryCompliance {
  timesPerYear: TimesPerYear;
  windows: (Window & { state: WindowState })[];
  status: ComplianceStatus;
  /** The open window's last day when it is unmet (the enterprise's to-do). */
  dueOn: string | null;
}

/**
 * One category for one enterprise in `year`, as of `today`. A window is owed when it has started
 * and the enterprise was on record by the window's midpoint (one registered later owes from the
 * next window). Met: at least one record held in the window. Missed: owed, ended, unmet.
 */
export function complianceOf(o: { year: number; n: TimesPerYear; registeredOn: string; heldOn: readonly string[]; today: string }): CategoryCompliance {
  const windows = windowsOf(o.year, o.n).map((w) => {
    const met = o.heldOn.some((d) => d >= w.start && d <= w.end);
    let state: WindowState;
    if (w.start > o.today) state = 'future';
    else if (o.registeredOn >= w.mid) state = 'not_owed';
    else if (met) state = 'met';
    else state = w.end < o.today ? 'missed' : 'open';
    return { ...w, state };
  });
  const owed = windows.filter((w) => w.state === 'met' || w.state === 'open' || w.state === 'missed');
  const open = windows.find((w) => w.state === 'open');
  const status: ComplianceStatus = owed.length === 0 ? 'not_required'
    : windows.some((w) => w.state === 'missed') ? 'missed' : open ? 'pending' : 'met';
  return { timesPerYear: o.n, windows, status, dueOn: open?.end ?? null };
}

/** The 工作台 item: an open unmet window that closes within `days` days of today. */
export function isDueSoon(c: CategoryCompliance, today: string, days = 30): boolean {
  if (!c.dueOn) return false;
  const diff = (Date.parse(`${c.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return diff >= 0 && diff <= days;
}

/** The kinds of record; enforcement_staff (执法人员培训) is recorded per org unit, never per enterprise. */
export const DRILL_KINDS = ['comprehensive_drill', 'special_drill', 'tabletop_drill'] as const;
export const TRAINING_KINDS = ['all_staff_training', 'topical_training', 'special_operations_training'] as const;
export const ACTIVITY_KINDS = [...DRILL_KINDS, ...TRAINING_KINDS, 'enforcement_staff_training'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  comprehensive_drill: '综合演练', special_drill: '专项演练', tabletop_drill: '桌面推演',
  all_staff_training: '全员培训', topical_training: '专题培训', special_operations_training: '特种作业培训',
  enforcement_staff_training: '执法人员培训',
};
export function categoryOf(kind: ActivityKind): ActivityCategory {
  return (DRILL_KINDS as readonly string[]).includes(kind) ? 'drill' : 'training';
}
