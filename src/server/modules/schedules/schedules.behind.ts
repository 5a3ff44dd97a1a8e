// 谁落后了: enterprises in the caller's scope with a schedule, by missed self-inspections over a period.
//
// How it stays cheap: sorting by "most missed" needs every candidate's figure, and the figure depends
// on each enterprise's calendar, so it is computed here rather than in SQL. The scoped, filtered
// schedules are read in keyset batches of BATCH rows; for each batch one aggregate query returns the
// distinct completed self-inspection days per enterprise and type in the period (served by
// inspections_enterprise_date_idx); the domain's complianceOf turns them into counts. Only one small
// summary per enterprise is kept (a township has ~300–3000), never the rows behind it. The district
// calendar is read once. The period is capped at a year.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { TBehindFilter, TBehindItem } from '../../../contract/schedules.ts';
import { frequencyOfInspection } from '../../../domain/inspections/inspection-rules.ts';
import { type SelfInspectionFrequency, complianceOf } from '../../../domain/schedules/self-inspection-schedule.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid } from '../../http/errors.ts';
import { calendarBetween } from '../checklists/index.ts';
import { effectiveSchedule, maxDay, monthStart, periodSpan } from './schedules.effective.ts';
import * as repo from './schedules.repository.ts';
import { todayOf } from './schedules.service.ts';

dayjs.extend(utc);
const BATCH = 500;
const MAX_DAYS = 366;

export interface BehindResult {
  from: string;
  to: string;
  rows: Omit<TBehindItem, 'lastDoneOn'>[];
}

function periodOf(f: TBehindFilter, today: string) {
  const from = f.from ?? monthStart(today);
  const to = f.to ?? today;
  if (from > to) throw invalid({ to: ['结束日期不能早于开始日期'] });
  if (dayjs.utc(to).diff(dayjs.utc(from), 'day') >= MAX_DAYS) throw invalid({ from: ['统计期间最长一年'] });
  return { from, to };
}

/** Every candidate's figures, sorted: most missed first, then lowest rate, then name. */
export async function behindRows(ctx: AppContext, actor: Actor, f: TBehindFilter): Promise<BehindResult> {
  const today = todayOf(ctx);
  const { from, to } = periodOf(f, today);
  const span = periodSpan(from, to);
  const district = await calendarBetween(ctx.db, actor.districtId, span.from, span.to);
  const filter = { scope: enterpriseScopeFor(actor), districtId: actor.districtId, villageId: f.villageId, q: f.q, frequency: f.frequency, to };
  const rows: BehindResult['rows'] = [];
  let after: string | null = null;
  for (;;) {
    const batch = await repo.behindCandidates(ctx.db, filter, after, BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.s.enterpriseId;
    const done = new Map<string, Record<SelfInspectionFrequency, string[]>>();
    for (const d of await repo.doneDatesOf(ctx.db, batch.map((b) => b.s.enterpriseId), span.from, span.to)) {
      const m = done.get(d.enterpriseId) ?? { daily: [], weekly: [], monthly: [] };
      m[frequencyOfInspection(d.type)!] = d.days;
      done.set(d.enterpriseId, m);
    }
    for (const b of batch) {
      const c = complianceOf({
        schedule: effectiveSchedule(b.s, district), from: maxDay(from, b.s.startsOn), to, today,
        doneDates: done.get(b.s.enterpriseId) ?? { daily: [], weekly: [], monthly: [] },
      });
      const figure = f.frequency ? c.byFrequency[f.frequency] : c.all;
      rows.push({
        enterpriseId: b.s.enterpriseId, enterpriseName: b.enterpriseName, villageId: b.s.villageId, villageName: b.villageName,
        missed: figure.missed, done: figure.done, rate: figure.rate, byFrequency: c.byFrequency,
      });
    }
    if (batch.length < BATCH) break;
  }
  rows.sort(
    (a, b) => b.missed - a.missed || (a.rate ?? 2) - (b.rate ?? 2) || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') || (a.enterpriseId < b.enterpriseId ? -1 : 1),
  );
  return { from, to, rows };
}

export async function behindPage(ctx: AppContext, actor: Actor, q: TBehindFilter & { page: number; pageSize: number }) {
  const { from, to, rows } = await behindRows(ctx, actor, q);
  const slice = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const last = await repo.lastDoneOf(ctx.db, slice.map((r) => r.enterpriseId), to);
  return {
    items: slice.map((r) => ({ ...r, lastDoneOn: last.get(r.enterpriseId) ?? null })),
    total: rows.length, page: q.page, pageSize: q.pageSize, from, to,
    scheduled: rows.length, behind: rows.filter((r) => r.missed > 0).length,
  };
}
