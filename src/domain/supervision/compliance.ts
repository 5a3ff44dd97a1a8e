// Required frequencies of leaders' activities (seed 000 三.(一)2 and 附件1 rows 4–8: "每3个月听取1次",
// "每月开展1次调研检查或专题调度", "至少1次") and who met them: a requirement names the posts it binds,
// the kinds of activity that count and a frequency phrase; the phrase is read by the campaigns'
// deadline rule into windows over the campaign's period, and each leader of a bound post owes the
// count in every window. Pure: the period and today are passed in.
import { expandDeadline, parseDeadline, type Due, type Period } from '../campaigns/deadline-rule/index.ts';
import type { ActivityKind, LeaderPost } from './leadership.ts';

const CN_DIGITS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const COUNT = /(?:至少)?([0-9]+|[一两二三四五六七八九十])次$/;
/** A phrase that means "once in the whole campaign". */
const WHOLE = /^(?:专项行动期间|行动期间|期间|全年|)$/;

export interface Frequency {
  text: string;
  /** Activities each leader owes per window. */
  count: number;
  /** The windows over the period; empty when the phrase could not be read (flagged, never guessed). */
  windows: Due[];
  readable: boolean;
}

/** Reads a frequency phrase ("每月1次", "每3个月1次", "至少1次", "2023年5月20日前") over a period. */
export function parseFrequency(text: string, period: Period): Frequency {
  const t = text.replace(/\s+/g, '');
  const m = COUNT.exec(t);
  const count = m ? (CN_DIGITS[m[1]!] ?? Number(m[1])) : 1;
  const rest = (m ? t.slice(0, m.index) : t).replace(/(开展|组织|听取|召开)$/, '');
  if (WHOLE.test(rest)) return { text, count, windows: [{ from: period.start, due: period.end }], readable: true };
  const rule = parseDeadline(rest, period);
  if (rule.kind === 'unread') return { text, count, windows: [], readable: false };
  if (rule.kind === 'continuous') return { text, count, windows: [{ from: period.start, due: period.end }], readable: true };
  return { text, count, windows: expandDeadline(rule, period), readable: true };
}

export interface RequirementSpec {
  posts: readonly LeaderPost[];
  kinds: readonly ActivityKind[];
  frequencyText: string;
}

export interface LeaderRef {
  userId: string;
  name: string;
  post: LeaderPost;
}

export interface ActivityFact {
  id: string;
  heldOn: string;
  kind: ActivityKind;
  leaderUserIds: readonly string[];
}

/** done: the count met; missing: the window closed short; due: the window is open and short; upcoming: not begun. */
export type ComplianceStatus = 'done' | 'missing' | 'due' | 'upcoming';
export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = { done: '已完成', missing: '未完成', due: '本期待完成', upcoming: '未开始' };

export interface ComplianceCell {
  from: string;
  due: string;
  count: number;
  status: ComplianceStatus;
  activityIds: string[];
}

export function windowStatus(count: number, required: number, w: Due, today: string): ComplianceStatus {
  if (count >= required) return 'done';
  if (w.due < today) return 'missing';
  return w.from <= today ? 'due' : 'upcoming';
}

/** The activities of one leader, of the counted kinds, held inside a window. */
export function countedIn(spec: Pick<RequirementSpec, 'kinds'>, leaderUserId: string, acts: readonly ActivityFact[], w: { from: string; due: string }): ActivityFact[] {
  return acts.filter((a) => spec.kinds.includes(a.kind) && a.leaderUserIds.includes(leaderUserId) && a.heldOn >= w.from && a.heldOn <= w.due);
}

export interface ComplianceTable {
  frequency: Frequency;
  rows: { leader: LeaderRef; cells: ComplianceCell[] }[];
  done: number;
  missing: number;
}

/** The leader × window table of one requirement: every leader whose post it binds, every window. */
export function complianceTable(spec: RequirementSpec, period: Period, leaders: readonly LeaderRef[], acts: readonly ActivityFact[], today: string): ComplianceTable {
  const frequency = parseFrequency(spec.frequencyText, period);
  let done = 0;
  let missing = 0;
  const rows = leaders.filter((l) => spec.posts.includes(l.post)).map((leader) => ({
    leader,
    cells: frequency.windows.map((w) => {
      const counted = countedIn(spec, leader.userId, acts, w);
      const status = windowStatus(counted.length, frequency.count, w, today);
      if (status === 'done') done++;
      if (status === 'missing') missing++;
      return { from: w.from, due: w.due, count: counted.length, status, activityIds: counted.map((a) => a.id) };
    }),
  }));
  return { frequency, rows, done, missing };
}

/**
 * Whether a campaign task's occurrence (a window of the task's own deadline rule) is met by the
 * records: every leader of a bound post held the required count inside it. No such leader on
 * record: not met (the office is shown that the post has nobody).
 */
export function occurrenceMet(spec: RequirementSpec, count: number, leaders: readonly LeaderRef[], acts: readonly ActivityFact[], w: { from: string; due: string }): { met: boolean; activityIds: string[] } {
  const bound = leaders.filter((l) => spec.posts.includes(l.post));
  const counted = bound.map((l) => countedIn(spec, l.userId, acts, w));
  const met = bound.length > 0 && counted.every((c) => c.length >= count);
  return { met, activityIds: [...new Set(counted.flat().map((a) => a.id))] };
}

/** What a leader still owes in the window that contains today, per requirement (the 工作台's "due this month"). */
export function dueForLeader(reqs: readonly (RequirementSpec & { id: string; label: string; period: Period })[], leader: LeaderRef, acts: readonly ActivityFact[], today: string) {
  const out: { requirementId: string; label: string; from: string; due: string; done: number; required: number }[] = [];
  for (const r of reqs) {
    if (!r.posts.includes(leader.post)) continue;
    const f = parseFrequency(r.frequencyText, r.period);
    const w = f.windows.find((x) => x.from <= today && today <= x.due);
    if (!w) continue;
    const done = countedIn(r, leader.userId, acts, w).length;
    if (done < f.count) out.push({ requirementId: r.id, label: r.label, from: w.from, due: w.due, done, required: f.count });
  }
  return out;
}
