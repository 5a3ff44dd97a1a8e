// A form's rounds (填报轮次) inside a campaign, and what each round counts: a round per due date of
// the form's due phrase (the campaigns' deadline rule), the window its figures cover, the instant
// its figures are cut off at and the instant after which a submission is late. Pure: no clock.
import { addDays, shanghaiDayStart } from '../common/dates.ts';
import { expandDeadline, parseDeadline, type DeadlineRule, type Period } from '../campaigns/deadline-rule/index.ts';

export interface Round {
  due: string;
  /** 'HH:mm' when the phrase gave one (14日和月底 18:00). */
  time: string | null;
  /** The first day the figures count: the campaign's start when cumulative, else the window's start. */
  from: string;
  /** The figures are as of this instant: the end of the due day in Asia/Shanghai. */
  cutoff: Date;
  /** A submission after this instant is late: the due day at `time`, or its end. */
  deadline: Date;
  /** The last day a unit may still change or submit without the office reopening it. */
  lockAfter: string;
}

/** The instant 'HH:mm' on a Shanghai day. */
function atShanghai(day: string, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(shanghaiDayStart(day).getTime() + ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
}

export function roundOf(d: { due: string; from: string; time?: string | undefined }, o: { campaignStart: string; cumulative: boolean; graceDays: number }): Round {
  return {
    due: d.due, time: d.time ?? null,
    from: o.cumulative ? o.campaignStart : d.from,
    cutoff: shanghaiDayStart(d.due, 1),
    deadline: d.time ? atShanghai(d.due, d.time) : shanghaiDayStart(d.due, 1),
    lockAfter: addDays(d.due, o.graceDays),
  };
}

export interface FormSchedule { dueText: string; cumulative: boolean; graceDays: number }

/** The rule a form's due phrase reads as, in the campaign's period. */
export const scheduleRule = (f: FormSchedule, period: Period): DeadlineRule => parseDeadline(f.dueText, period);

/** Every round of a form in a campaign, in date order. An unread phrase has none (the page says so). */
export function roundsOf(f: FormSchedule, period: Period): Round[] {
  return expandDeadline(scheduleRule(f, period), period).map((d) => roundOf(d, { campaignStart: period.start, cumulative: f.cumulative, graceDays: f.graceDays }));
}

/** The round to show first: the earliest not yet past its due date, else the last. */
export function currentRound<R extends { due: string }>(rounds: readonly R[], today: string): R | null {
  return rounds.find((r) => r.due >= today) ?? rounds.at(-1) ?? null;
}

/** Locked: past the grace days after the due date, unless the office reopened it up to today or later. */
export function isLocked(r: { lockAfter: string }, today: string, reopenedUntil: string | null): boolean {
  if (reopenedUntil && reopenedUntil >= today) return false;
  return today > r.lockAfter;
}

/** Days a reopened submission stays open. */
export const REOPEN_DAYS = 3;
