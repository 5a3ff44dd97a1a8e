// The shapes of a 时限要求 (deadline phrase) once read: the rest of the campaign layer is written
// against these names, so they change only by adding optional fields.

/** A campaign's period, 'YYYY-MM-DD' inclusive at both ends. */
export interface Period { start: string; end: string }

/** 'assumed': something the rule needs was not in the text (the year taken from the campaign, a roll-over). */
export type Certainty = 'certain' | 'assumed';

/**
 * One due occurrence. `from` is the first day of the window the occurrence covers: the month's
 * first day for 每月, the previous due + 1 (or the period start) for dates, the range's start for a
 * range. `time` is 'HH:mm' when the text gave one.
 */
export interface Due { due: string; from: string; time?: string }

/** The calendar units a recurring phrase counts in (每周, 每月, 每季度, 每半年, 每年). */
export type RecurringUnit = 'week' | 'month' | 'quarter' | 'half-year' | 'year';

/**
 * A day inside one recurring window.
 * - week: ISO weekday 1 (Monday) … 7 (Sunday); 'end' = the week's last day (Sunday).
 * - month: day of month 1…31 (29–31 fall back to the month's last day in short months); 'end' = last day.
 *   上旬 → 10, 中旬 → 20, 下旬 → 'end'.
 * - quarter, half-year, year: only 'end'.
 * Absent `days` means ['end'].
 */
export type RecurringDay = number | 'end';

export type DeadlineRule =
  | { kind: 'dates'; text: string; dates: string[]; time?: string; certainty: Certainty; notes: string[] }
  | {
    kind: 'recurring'; text: string; every: RecurringUnit; interval: number; days?: RecurringDay[]; time?: string;
    certainty: Certainty; notes: string[];
  }
  | { kind: 'range'; text: string; start: string; end: string; certainty: Certainty; notes: string[] }
  | { kind: 'continuous'; text: string; certainty: 'certain'; notes: string[] }
  | { kind: 'unread'; text: string; notes: string[] };
