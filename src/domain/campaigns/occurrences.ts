// A task's occurrences: its rule expanded over the campaign's period gives due dates, and each
// responsible unit owes one report per due date. Derived, never stored: what is stored is what
// people did (reports, urges, acknowledgments), and the state of an occurrence is read from its
// latest report. Overdue is derived from the due date and today (a Shanghai day, passed in).
import { addDays } from '../common/dates.ts';
import { UUID_SOURCE } from '../common/ids.ts';
import type { Due } from './deadline-rule/index.ts';

export const OCCURRENCE_STATES = ['not_reported', 'submitted', 'returned', 'confirmed'] as const;
export type OccurrenceState = (typeof OCCURRENCE_STATES)[number];
export const OCCURRENCE_STATE_LABELS: Record<OccurrenceState, string> = {
  not_reported: '未报送', submitted: '已报送', returned: '已退回', confirmed: '已确认',
};

export interface OccurrenceRef {
  taskId: string;
  unitId: string;
  due: string;
}

const KEY = new RegExp(`^(${UUID_SOURCE})_(${UUID_SOURCE})_(\\d{4}-\\d{2}-\\d{2})$`, 'i');

/** A stable, URL-safe name of an occurrence: task, unit and due day. */
export const occurrenceKey = (o: OccurrenceRef) => `${o.taskId}_${o.unitId}_${o.due}`;
export function parseOccurrenceKey(key: string): OccurrenceRef | null {
  const m = KEY.exec(key);
  return m ? { taskId: m[1]!.toLowerCase(), unitId: m[2]!.toLowerCase(), due: m[3]! } : null;
}

/** The state an occurrence is in, from its latest report (none: not reported). */
export function occurrenceState(latest: { status: 'submitted' | 'confirmed' | 'returned' } | null | undefined): OccurrenceState {
  return latest ? latest.status : 'not_reported';
}

/** Overdue: due before today and still owed (never filed, or returned and not filed again). */
export function isOverdue(state: OccurrenceState, due: string, today: string): boolean {
  return (state === 'not_reported' || state === 'returned') && due < today;
}

/** Whether the unit still owes something on it (the 工作台 and reminders list these). */
export const isOwed = (state: OccurrenceState) => state === 'not_reported' || state === 'returned';

/**
 * The due dates a task's units report on: its own rule's, or for a continuous task (no dates of
 * its own) the campaign's report cycle. A rule that could not be read has none: it is flagged for
 * a person, never given a guessed date.
 */
export function taskDues(ruleKind: string, ruleDues: readonly Due[], cycleDues: readonly Due[]): readonly Due[] {
  if (ruleKind === 'continuous') return cycleDues;
  return ruleDues;
}

/** 签收: a unit has ACK_DAYS days from assignment to acknowledge a task. */
export const ACK_DAYS = 2;
export type AckState = 'acknowledged' | 'late_acknowledged' | 'pending' | 'late';
export const ACK_STATE_LABELS: Record<AckState, string> = {
  acknowledged: '已签收', late_acknowledged: '逾期签收', pending: '待签收', late: '逾期未签收',
};
export function ackState(assignedDay: string, acknowledgedDay: string | null, today: string): AckState {
  const deadline = addDays(assignedDay, ACK_DAYS);
  if (acknowledgedDay) return acknowledgedDay > deadline ? 'late_acknowledged' : 'acknowledged';
  return today > deadline ? 'late' : 'pending';
}

/** A matrix cell (one task, one unit): the most pressing state among its occurrences. */
export const CELL_STATES = ['overdue', 'returned', 'submitted', 'upcoming', 'confirmed', 'none'] as const;
export type CellState = (typeof CELL_STATES)[number];
export const CELL_STATE_LABELS: Record<CellState, string> = {
  overdue: '逾期未报', returned: '已退回', submitted: '待确认', upcoming: '未到期', confirmed: '已确认', none: '无节点',
};

export interface CellSummary {
  state: CellState;
  total: number;
  confirmed: number;
  submitted: number;
  returned: number;
  overdue: number;
  /** The next (or most overdue) occurrence the unit owes. */
  nextDue: string | null;
}

export function cellSummary(occs: readonly { due: string; state: OccurrenceState }[], today: string): CellSummary {
  const s: CellSummary = { state: 'none', total: occs.length, confirmed: 0, submitted: 0, returned: 0, overdue: 0, nextDue: null };
  for (const o of occs) {
    if (o.state === 'confirmed') s.confirmed++;
    if (o.state === 'submitted') s.submitted++;
    if (o.state === 'returned') s.returned++;
    if (isOverdue(o.state, o.due, today)) s.overdue++;
    if (isOwed(o.state) && (s.nextDue === null || o.due < s.nextDue)) s.nextDue = o.due;
  }
  if (occs.length === 0) s.state = 'none';
  else if (s.overdue > 0) s.state = 'overdue';
  else if (s.returned > 0) s.state = 'returned';
  else if (s.submitted > 0) s.state = 'submitted';
  else if (s.confirmed === occs.length) s.state = 'confirmed';
  else s.state = 'upcoming';
  return s;
}
