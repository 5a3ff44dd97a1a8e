// 日周月 schedule use cases: read and set an enterprise's schedule, its month calendar, compliance
// figures and today's tasks. Occurrences and their status come from the domain with today (Asia/
// Shanghai) passed in; nothing derived is stored.
import type { TScheduleInput, TScheduleView, TSelfInspectionCalendar, TOccurrenceView } from '../../../contract/schedules.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { scheduleAllowedActions, todayTaskAllowedActions } from '../../../domain/inspections/inspection-policy.ts';
import { frequencyOfInspection, selfInspectionType } from '../../../domain/inspections/inspection-rules.ts';
import {
  SCHEDULE_PROBLEM_MESSAGES, type SelfInspectionFrequency, type SelfInspectionSchedule, complianceOf, isWorkday, occurrenceStatus,
  occurrencesBetween, scheduleProblems,
} from '../../../domain/schedules/self-inspection-schedule.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { calendarDaysBetween, splitByKind } from '../checklists/index.ts';
import { findEnterpriseInScope } from '../enterprises/index.ts';
import { addDays, effectiveSchedule, scheduleOfRow, maxDay, monthEnd, monthStart, periodSpan } from './schedules.effective.ts';
import * as repo from './schedules.repository.ts';

export const todayOf = (ctx: AppContext) => shanghaiDay(ctx.clock.now());

async function enterpriseOf(ctx: AppContext, actor: Actor, id: string) {
  const row = await findEnterpriseInScope(ctx.db, enterpriseScopeFor(actor), id);
  if (!row) throw notFound('生产经营单位');
  return row.e;
}

/** The names of the district calendar's days (国庆节, 调休上班…), for the calendar page. */
const namesOf = (days: readonly { day: string; name: string }[]) => new Map(days.map((r) => [r.day, r.name]));

function present(row: repo.ScheduleRow | null) {
  if (!row) return null;
  return {
    dailyTemplateCode: row.dailyTemplateCode, weeklyTemplateCode: row.weeklyTemplateCode, monthlyTemplateCode: row.monthlyTemplateCode,
    workOnWeekends: row.workOnWeekends, holidays: [...row.holidays].sort(), extraWorkdays: [...row.extraWorkdays].sort(),
    weeklyDueWeekday: row.weeklyDueWeekday, monthlyDueDay: row.monthlyDueDay, startsOn: row.startsOn, active: row.active,
  };
}

export async function getSchedule(ctx: AppContext, actor: Actor, enterpriseId: string): Promise<TScheduleView> {
  const ent = await enterpriseOf(ctx, actor, enterpriseId);
  const [row, templates] = await Promise.all([repo.findSchedule(ctx.db, enterpriseId), repo.activeTemplates(ctx.db, actor.districtId)]);
  return {
    enterpriseId, enterpriseName: ent.name, schedule: present(row), version: row?.version ?? null,
    allowedActions: scheduleAllowedActions(actor.role, { voided: ent.voidedAt !== null }), templates,
  };
}

const PROBLEM_FIELD = {
  day_invalid: null, day_both_holiday_and_workday: 'extraWorkdays', extra_workday_not_weekend: 'extraWorkdays',
  weekly_due_weekday_invalid: 'weeklyDueWeekday', monthly_due_day_invalid: 'monthlyDueDay', active_without_checklist: 'dailyTemplateCode',
} as const;

/** Field errors of a schedule: the domain's problems and the templates (the contract checked the start day). */
async function scheduleErrors(db: DbOrTx, districtId: string, input: TScheduleInput): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, msg: string) => (errors[field] ??= []).push(msg);
  for (const p of scheduleProblems({ ...scheduleOfRow(input), active: input.active })) {
    const field = p.problem === 'day_invalid' ? p.field : PROBLEM_FIELD[p.problem];
    add(field, 'day' in p ? `${p.day}：${SCHEDULE_PROBLEM_MESSAGES[p.problem]}` : SCHEDULE_PROBLEM_MESSAGES[p.problem]);
  }
  const codes = { dailyTemplateCode: input.dailyTemplateCode, weeklyTemplateCode: input.weeklyTemplateCode, monthlyTemplateCode: input.monthlyTemplateCode };
  const active = new Set((await repo.activeTemplates(db, districtId)).map((t) => t.code));
  for (const [field, code] of Object.entries(codes)) if (code !== null && !active.has(code)) add(field, '检查表不存在或已停用');
  return errors;
}

export async function putSchedule(ctx: AppContext, actor: Actor, enterpriseId: string, input: TScheduleInput): Promise<TScheduleView> {
  const ent = await enterpriseOf(ctx, actor, enterpriseId);
  if (ent.voidedAt) throw new AppError('CONFLICT', '该单位已作废，不能设置自查安排');
  const errors = await scheduleErrors(ctx.db, actor.districtId, input);
  if (Object.keys(errors).length) throw invalid(errors);
  const now = ctx.clock.now();
  const fields = {
    dailyTemplateCode: input.dailyTemplateCode, weeklyTemplateCode: input.weeklyTemplateCode, monthlyTemplateCode: input.monthlyTemplateCode,
    workOnWeekends: input.workOnWeekends, holidays: [...new Set(input.holidays)].sort(), extraWorkdays: [...new Set(input.extraWorkdays)].sort(),
    weeklyDueWeekday: input.weeklyDueWeekday, monthlyDueDay: input.monthlyDueDay, startsOn: input.startsOn, active: input.active,
  };
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findSchedule(tx, enterpriseId);
    if (input.version !== (before?.version ?? null)) throw conflict();
    let after: repo.ScheduleRow | null;
    if (input.version === null) {
      after = before ? null : await repo.insertSchedule(tx, {
        enterpriseId, districtId: ent.districtId, townshipId: ent.townshipId, villageId: ent.villageId, ...fields, createdAt: now, updatedAt: now,
      });
    } else {
      after = await repo.updateSchedule(tx, enterpriseId, input.version, { ...fields, villageId: ent.villageId, townshipId: ent.townshipId, updatedAt: now });
    }
    if (!after) throw conflict();
    await recordAudit(tx, {
      at: now, districtId: actor.districtId, actor: actor, action: before ? 'self_inspection_schedule.update' : 'self_inspection_schedule.create',
      entityType: 'self_inspection_schedule', entityId: enterpriseId, before, after,
    });
  });
  return getSchedule(ctx, actor, enterpriseId);
}

interface Loaded {
  row: repo.ScheduleRow;
  schedule: SelfInspectionSchedule;
  /** Completed self-inspections per frequency in the span read, oldest first. */
  done: Record<SelfInspectionFrequency, { id: string; inspectedOn: string }[]>;
  /** The names of the district calendar's days in the span read. */
  dayNames: Map<string, string>;
}

/** The schedule (merged with the district calendar) and the completed self-inspections over [from, to]. */
async function load(db: DbOrTx, row: repo.ScheduleRow, from: string, to: string): Promise<Loaded> {
  const span = periodSpan(from, to);
  const [days, rows] = await Promise.all([calendarDaysBetween(db, row.districtId, span.from, span.to), repo.selfInspectionsBetween(db, row.enterpriseId, 'completed', span.from, span.to)]);
  const done: Loaded['done'] = { daily: [], weekly: [], monthly: [] };
  for (const r of rows) done[frequencyOfInspection(r.type)!].push({ id: r.id, inspectedOn: r.inspectedOn });
  return { row, schedule: effectiveSchedule(row, splitByKind(days)), done, dayNames: namesOf(days) };
}

const doneDates = (l: Loaded) => ({
  daily: l.done.daily.map((d) => d.inspectedOn), weekly: l.done.weekly.map((d) => d.inspectedOn), monthly: l.done.monthly.map((d) => d.inspectedOn),
});

function occurrencesOf(l: Loaded, from: string, to: string, today: string): TOccurrenceView[] {
  const start = maxDay(from, l.row.startsOn);
  const dates = doneDates(l);
  return occurrencesBetween(l.schedule, start, to).map((o) => ({
    ...o,
    type: selfInspectionType(o.frequency),
    status: occurrenceStatus(o, dates[o.frequency], today),
    inspectionIds: l.done[o.frequency].filter((d) => d.inspectedOn >= o.periodStart && d.inspectedOn <= o.periodEnd).map((d) => d.id),
  }));
}

function complianceBetween(l: Loaded, from: string, to: string, today: string) {
  return complianceOf({ schedule: l.schedule, from: maxDay(from, l.row.startsOn), to, today, doneDates: doneDates(l) });
}

const EMPTY = { total: 0, done: 0, missed: 0, due: 0, upcoming: 0, rate: null };
const emptyCompliance = () => ({ byFrequency: { daily: { ...EMPTY }, weekly: { ...EMPTY }, monthly: { ...EMPTY } }, all: { ...EMPTY } });

export async function calendar(ctx: AppContext, actor: Actor, enterpriseId: string, month: string | undefined): Promise<TSelfInspectionCalendar> {
  await enterpriseOf(ctx, actor, enterpriseId);
  const today = todayOf(ctx);
  const from = `${month ?? today.slice(0, 7)}-01`;
  const to = monthEnd(from);
  const row = await repo.findSchedule(ctx.db, enterpriseId);
  const dayList: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dayList.push(d);
  if (!row || !row.active) {
    const days = await calendarDaysBetween(ctx.db, actor.districtId, from, to);
    const district = splitByKind(days);
    const names = namesOf(days);
    const plain = { workOnWeekends: false, holidays: district.holidays, extraWorkdays: district.workdays };
    return {
      enterpriseId, month: from.slice(0, 7), today, configured: false, occurrences: [], compliance: emptyCompliance(),
      days: dayList.map((date) => ({ date, workday: isWorkday(plain, date), calendarName: names.get(date) ?? null, beforeStart: false })),
    };
  }
  const l = await load(ctx.db, row, from, to);
  return {
    enterpriseId, month: from.slice(0, 7), today, configured: true,
    days: dayList.map((date) => ({ date, workday: isWorkday(l.schedule, date), calendarName: l.dayNames.get(date) ?? null, beforeStart: date < row.startsOn })),
    occurrences: occurrencesOf(l, from, to, today),
    compliance: complianceBetween(l, from, to, today),
  };
}

export async function complianceSummary(ctx: AppContext, actor: Actor, enterpriseId: string) {
  await enterpriseOf(ctx, actor, enterpriseId);
  const today = todayOf(ctx);
  const row = await repo.findSchedule(ctx.db, enterpriseId);
  if (!row || !row.active) return { enterpriseId, configured: false, today, thisMonth: null, last90Days: null };
  const from90 = addDays(today, -89);
  const l = await load(ctx.db, row, from90 < monthStart(today) ? from90 : monthStart(today), today);
  const period = (from: string) => ({ from: maxDay(from, row.startsOn), to: today, compliance: complianceBetween(l, from, today, today) });
  return { enterpriseId, configured: true, today, thisMonth: period(monthStart(today)), last90Days: period(from90) };
}

export async function todayTasks(ctx: AppContext, actor: Actor, enterpriseId: string) {
  await enterpriseOf(ctx, actor, enterpriseId);
  const today = todayOf(ctx);
  const allowedActions = todayTaskAllowedActions(actor, enterpriseId);
  const row = await repo.findSchedule(ctx.db, enterpriseId);
  if (!row || !row.active || row.startsOn > today) return { enterpriseId, today, configured: !!row?.active, tasks: [], allowedActions };
  // Every period that contains today: its occurrence may fall due before today (a weekly check due
  // on Monday, seen on Wednesday) or after it (the month's last workday), and either way can be done now.
  const span = periodSpan(today, today);
  const l = await load(ctx.db, row, span.from, span.to);
  const current = occurrencesOf(l, span.from, span.to, today).filter((o) => o.periodStart <= today && today <= o.periodEnd);
  const [drafts, names] = await Promise.all([
    repo.selfInspectionsBetween(ctx.db, enterpriseId, 'draft', span.from, span.to),
    repo.templateNames(ctx.db, actor.districtId, [...new Set(current.map((o) => o.templateCode))]),
  ]);
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  return {
    enterpriseId, today, configured: true, allowedActions,
    tasks: current.map((o) => ({
      ...o,
      templateName: nameOf.get(o.templateCode) ?? o.templateCode,
      draftInspectionId: drafts.find((d) => d.type === o.type && d.inspectedOn >= o.periodStart && d.inspectedOn <= o.periodEnd)?.id ?? null,
    })),
  };
}
