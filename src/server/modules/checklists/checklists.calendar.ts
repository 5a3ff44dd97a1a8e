// The district's work calendar (法定节假日, 调休上班日): kept by template managers, read by every
// user of the district; the 日周月 schedules read it through work-calendar.repository.ts.
import type { TCalendarDay } from '../../../contract/checklists.ts';
import { CALENDAR_PROBLEM_MESSAGES, type CalendarDayKind, calendarEntryProblem, calendarYearProblems } from '../../../domain/schedules/work-calendar.ts';
import { isValidDay } from '../../../domain/common/dates.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './work-calendar.repository.ts';

const present = (r: repo.CalendarDayRow): TCalendarDay => ({ day: r.day, kind: r.kind, name: r.name });
const yearSpan = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

async function yearOf(db: DbOrTx, actor: Actor, year: number) {
  const rows = await repo.calendarDaysBetween(db, actor.districtId, ...yearSpan(year));
  return { year, days: rows.map(present) };
}

export const getCalendarYear = (ctx: AppContext, actor: Actor, year: number) => yearOf(ctx.db, actor, year);

/** Replaces every entry of the year with the given list. */
export async function setCalendarYear(ctx: AppContext, actor: Actor, year: number, days: { day: string; kind: CalendarDayKind; name: string }[]) {
  const problems = calendarYearProblems(year, days);
  if (problems.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) (fieldErrors[`days.${p.index}.day`] ??= []).push(CALENDAR_PROBLEM_MESSAGES[p.problem]);
    throw invalid(fieldErrors);
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await repo.calendarDaysBetween(tx, actor.districtId, ...yearSpan(year));
    await repo.replaceCalendarDays(tx, actor.districtId, ...yearSpan(year), days);
    await recordAudit(tx, {
      at: now, districtId: actor.districtId, actor: actor, action: 'work_calendar.set_year', entityType: 'work_calendar', entityId: actor.districtId,
      before: { year, days: before.map(present) }, after: { year, days },
    });
    return yearOf(tx, actor, year);
  });
}

export async function putCalendarDay(ctx: AppContext, actor: Actor, day: string, input: { kind: CalendarDayKind; name: string }) {
  const problem = calendarEntryProblem({ day, kind: input.kind });
  if (problem) throw invalid({ [problem === 'workday_not_weekend' ? 'kind' : 'day']: [CALENDAR_PROBLEM_MESSAGES[problem]] });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findCalendarDay(tx, actor.districtId, day);
    const row = await repo.upsertCalendarDay(tx, actor.districtId, day, input);
    await recordAudit(tx, {
      at: now, districtId: actor.districtId, actor: actor, action: 'work_calendar.put_day', entityType: 'work_calendar', entityId: actor.districtId,
      before: before ? present(before) : null, after: present(row),
    });
    return present(row);
  });
}

export async function deleteCalendarDay(ctx: AppContext, actor: Actor, day: string) {
  if (!isValidDay(day)) throw invalid({ day: [CALENDAR_PROBLEM_MESSAGES.not_a_date] });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const gone = await repo.deleteCalendarDay(tx, actor.districtId, day);
    if (!gone) throw notFound('该日期');
    await recordAudit(tx, {
      at: now, districtId: actor.districtId, actor: actor, action: 'work_calendar.delete_day', entityType: 'work_calendar', entityId: actor.districtId,
      before: present(gone),
    });
    return { ok: true as const };
  });
}
