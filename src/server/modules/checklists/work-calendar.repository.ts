// Queries of the district's work calendar (work_calendar_days, keyed by district and day). The
// calendar page, its edits and the 日周月 schedules all read through calendarDaysBetween.
import { and, asc, between, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { workCalendarDays } from '../../db/schema/index.ts';

export type CalendarDayRow = typeof workCalendarDays.$inferSelect;
export type CalendarDayFields = Pick<CalendarDayRow, 'kind' | 'name'>;

const inDistrictBetween = (districtId: string, from: string, to: string) =>
  and(eq(workCalendarDays.districtId, districtId), between(workCalendarDays.day, from, to));

/** The district's calendar days from `from` to `to` (inclusive, 'YYYY-MM-DD'), in day order. */
export function calendarDaysBetween(db: DbOrTx, districtId: string, from: string, to: string): Promise<CalendarDayRow[]> {
  return db.select().from(workCalendarDays).where(inDistrictBetween(districtId, from, to)).orderBy(asc(workCalendarDays.day));
}

/** The district's holidays and 调休 workdays from `from` to `to` (inclusive), in day order. */
export async function calendarBetween(db: DbOrTx, districtId: string, from: string, to: string): Promise<{ holidays: string[]; workdays: string[] }> {
  return splitByKind(await calendarDaysBetween(db, districtId, from, to));
}

export function splitByKind(rows: readonly Pick<CalendarDayRow, 'day' | 'kind'>[]): { holidays: string[]; workdays: string[] } {
  return { holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.day), workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.day) };
}

/** Replaces the days of [from, to] with the given ones. */
export async function replaceCalendarDays(db: DbOrTx, districtId: string, from: string, to: string, days: ({ day: string } & CalendarDayFields)[]) {
  await db.delete(workCalendarDays).where(inDistrictBetween(districtId, from, to));
  if (days.length > 0) await db.insert(workCalendarDays).values(days.map((d) => ({ districtId, ...d })));
}

export function findCalendarDay(db: DbOrTx, districtId: string, day: string): Promise<CalendarDayRow | null> {
  return db
    .select()
    .from(workCalendarDays)
    .where(and(eq(workCalendarDays.districtId, districtId), eq(workCalendarDays.day, day)))
    .then((r) => r[0] ?? null);
}

export async function upsertCalendarDay(db: DbOrTx, districtId: string, day: string, set: CalendarDayFields): Promise<CalendarDayRow> {
  const [row] = await db
    .insert(workCalendarDays)
    .values({ districtId, day, ...set })
    .onConflictDoUpdate({ target: [workCalendarDays.districtId, workCalendarDays.day], set })
    .returning();
  return row!;
}

/** Deletes one day; null when there was none. */
export async function deleteCalendarDay(db: DbOrTx, districtId: string, day: string): Promise<CalendarDayRow | null> {
  const [gone] = await db.delete(workCalendarDays).where(and(eq(workCalendarDays.districtId, districtId), eq(workCalendarDays.day, day))).returning();
  return gone ?? null;
}
