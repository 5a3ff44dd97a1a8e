// Annual inspection plan use cases. A department keeps its own plan; the office (and admins) any
// plan of a unit in their region; leaders read. Entries name enterprises the plan's unit supervises.
// Progress is derived by query (plans.repository.ts coveredSql), never stored.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TEntryBulkCreate, TEntryCreate, TPlanCreate, TPlanDetail, TPlanEntry, TPlanUpdate } from '../../../contract/plans.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { can } from '../../../domain/access/permissions.ts';
import { coversPlanEntry, mayPlanForUnit, planUnitScope, planAllowedActions } from '../../../domain/inspections/inspection-plan.ts';
import { type EnterpriseScope, enterpriseInScope, enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { inspectionPlans } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './plans.repository.ts';

const todayOf = (ctx: AppContext) => shanghaiDay(ctx.clock.now());

/** Which plans an actor sees: the region's for the office, admins and leaders; a department its own. */
export function planScopeSql(actor: Actor): SQL {
  const inDistrict = eq(inspectionPlans.districtId, actor.districtId);
  switch (actor.role) {
    case 'admin':
    case 'office':
    case 'leader':
      if (actor.unitKind === 'district') return inDistrict;
      if (actor.unitKind === 'township') return and(inDistrict, eq(inspectionPlans.townshipId, actor.unitId))!;
      return sql`false`;
    case 'department':
      return and(inDistrict, eq(inspectionPlans.unitId, actor.unitId))!;
    default:
      return sql`false`;
  }
}

const mayEdit = (actor: Actor) => can(actor.role, 'edit:plan');

async function loadPlan(ctx: AppContext, actor: Actor, id: string) {
  const row = await repo.findPlan(ctx.db, planScopeSql(actor), id);
  if (!row) throw notFound('检查计划');
  return row;
}

type Unit = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

/** The units the actor may keep a plan for (a department: its own, even when the list of candidates would not hold it). */
async function unitOptions(db: DbOrTx, actor: Actor): Promise<Unit[]> {
  if (!mayEdit(actor)) return [];
  const candidates = actor.role === 'department' ? [await repo.findUnit(db, actor.districtId, actor.unitId)].filter((u) => u !== null) : await repo.planUnitCandidates(db, actor.districtId);
  return candidates.filter((u) => mayPlanForUnit(actor, u));
}

/** The enterprises the unit supervises (domain planUnitScope, with the unit's parent read). */
async function unitScope(db: DbOrTx, districtId: string, unit: Unit): Promise<EnterpriseScope> {
  const parent = unit.parentId ? await repo.findUnit(db, districtId, unit.parentId) : null;
  return planUnitScope(unit, parent);
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export async function listPlans(ctx: AppContext, actor: Actor, q: { year?: number | undefined; unitId?: string | undefined; page: number; pageSize: number }) {
  const conds: SQL[] = [planScopeSql(actor)];
  if (q.year) conds.push(eq(inspectionPlans.year, q.year));
  if (q.unitId) conds.push(eq(inspectionPlans.unitId, q.unitId));
  const { items, total } = await repo.listPlans(ctx.db, and(...conds)!, q.page, q.pageSize);
  const [totals, options] = await Promise.all([repo.totalsOf(ctx.db, items.map((i) => i.p.id)), unitOptions(ctx.db, actor)]);
  return {
    items: items.map((r) => presentItem(r, totals.get(r.p.id))),
    total, page: q.page, pageSize: q.pageSize,
    unitOptions: options.map((u) => ({ id: u.id, name: u.name })),
  };
}

function presentItem(r: { p: repo.PlanRow; unitName: string }, t: { planned: number; covered: number; keyPlanned: number } | undefined) {
  return {
    id: r.p.id, unitId: r.p.unitId, unitName: r.unitName, year: r.p.year, name: r.p.name, note: r.p.note,
    planned: t?.planned ?? 0, covered: t?.covered ?? 0, keyPlanned: t?.keyPlanned ?? 0, version: r.p.version, createdAt: r.p.createdAt.toISOString(),
  };
}

export async function getPlan(ctx: AppContext, actor: Actor, id: string): Promise<TPlanDetail> {
  const row = await loadPlan(ctx, actor, id);
  const today = todayOf(ctx);
  const byMonth = new Map((await repo.monthTotals(ctx.db, id, today)).map((m) => [m.month, m]));
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = byMonth.get(i + 1);
    return { month: i + 1, planned: m?.planned ?? 0, covered: m?.covered ?? 0, keyPlanned: m?.keyPlanned ?? 0, keyCovered: m?.keyCovered ?? 0, overdue: m?.overdue ?? 0 };
  });
  const sum = (k: 'planned' | 'covered' | 'keyPlanned' | 'overdue') => months.reduce((a, m) => a + m[k], 0);
  return {
    ...presentItem(row, { planned: sum('planned'), covered: sum('covered'), keyPlanned: sum('keyPlanned') }),
    months, rate: ratio(sum('covered'), sum('planned')), overdue: sum('overdue'), today,
    allowedActions: planAllowedActions(actor, row.p),
  };
}

export async function createPlan(ctx: AppContext, actor: Actor, input: TPlanCreate): Promise<TPlanDetail> {
  const unit = (await unitOptions(ctx.db, actor)).find((u) => u.id === input.unitId);
  if (!unit) throw invalid({ unitId: ['不能为该单位制定计划'] });
  const townshipId = unit.kind === 'township' ? unit.id : unit.kind === 'department' && unit.parentId ? await townshipOf(ctx.db, actor.districtId, unit.parentId) : null;
  const now = ctx.clock.now();
  const plan = await ctx.db.transaction(async (tx) => {
    const p = await repo.insertPlan(tx, {
      districtId: actor.districtId, townshipId, unitId: unit.id, year: input.year, name: input.name, note: input.note,
      createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    if (!p) throw invalid({ year: [`${unit.name}已有${input.year}年度计划`] });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action: 'inspection_plan.create', entityType: 'inspection_plan', entityId: p.id, after: p });
    return p;
  });
  return getPlan(ctx, actor, plan.id);
}

async function townshipOf(db: DbOrTx, districtId: string, parentId: string) {
  const parent = await repo.findUnit(db, districtId, parentId);
  return parent?.kind === 'township' ? parent.id : null;
}

export async function updatePlan(ctx: AppContext, actor: Actor, id: string, input: TPlanUpdate): Promise<TPlanDetail> {
  const row = await loadPlan(ctx, actor, id);
  if (input.version !== row.p.version) throw conflict();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const set: Partial<repo.PlanRow> = { updatedAt: now };
    if (input.name !== undefined) set.name = input.name;
    if (input.note !== undefined) set.note = input.note;
    const p = await repo.updatePlan(tx, id, input.version, set);
    if (!p) throw conflict();
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action: 'inspection_plan.update', entityType: 'inspection_plan', entityId: id, before: row.p, after: p });
  });
  return getPlan(ctx, actor, id);
}

// ---- entries

export async function listEntries(ctx: AppContext, actor: Actor, id: string, q: repo.EntryFilter & { page: number; pageSize: number }) {
  const row = await loadPlan(ctx, actor, id);
  const today = todayOf(ctx);
  const { items, total } = await repo.listEntries(ctx.db, id, q, today, q.page, q.pageSize);
  const covering = await repo.coveringInspections(ctx.db, row.p, items.map((i) => i.e));
  return { items: items.map((i) => presentEntry(row.p, i, covering)), total, page: q.page, pageSize: q.pageSize };
}

type Covering = Awaited<ReturnType<typeof repo.coveringInspections>>;

function presentEntry(p: repo.PlanRow, i: { e: repo.EntryRow; enterpriseName: string; villageName: string; covered: boolean; overdue: boolean }, covering: Covering): TPlanEntry {
  const by = covering.filter((c) => coversPlanEntry(p, i.e, { ...c, completed: true }));
  return {
    id: i.e.id, enterpriseId: i.e.enterpriseId, enterpriseName: i.enterpriseName, villageName: i.villageName, month: i.e.month, isKey: i.e.isKey,
    inspectionType: i.e.inspectionType, note: i.e.note, covered: i.covered, overdue: i.overdue,
    coveredBy: by.map((c) => ({ id: c.id, number: c.number, inspectedOn: c.inspectedOn })),
  };
}

/** The enterprises to add, each in the actor's scope and supervised by the plan's unit. */
async function checkEnterprises(db: DbOrTx, actor: Actor, plan: repo.PlanRow, ids: string[], field: string) {
  const unit = await repo.findUnit(db, actor.districtId, plan.unitId);
  const scope = unit ? await unitScope(db, actor.districtId, unit) : ({ kind: 'none' } as const);
  const own = enterpriseScopeFor(actor);
  const found = new Map((await repo.enterprisesByIds(db, actor.districtId, ids)).map((e) => [e.id, e]));
  const errors: string[] = [];
  for (const id of ids) {
    const e = found.get(id);
    if (!e || e.voidedAt || !enterpriseInScope(own, e)) errors.push('生产经营单位不存在或不在您的管辖范围内');
    else if (!enterpriseInScope(scope, e)) errors.push(`${e.name}不在${unit?.name ?? '计划单位'}的监管范围内`);
  }
  if (errors.length) throw invalid({ [field]: [...new Set(errors)] });
  return found;
}

async function addEntries(ctx: AppContext, actor: Actor, planId: string, ids: string[], input: Omit<TEntryCreate, 'enterpriseId'>, field: string) {
  const row = await loadPlan(ctx, actor, planId);
  const found = await checkEnterprises(ctx.db, actor, row.p, ids, field);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const added = await repo.insertEntries(
      tx,
      ids.map((id) => ({
        districtId: actor.districtId, planId, enterpriseId: id, month: input.month, isKey: input.isKey ?? found.get(id)!.isKey,
        inspectionType: input.inspectionType, note: input.note,
      })),
    );
    if (added.length) {
      await repo.updatePlan(tx, planId, null, { updatedAt: now });
      await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action: 'inspection_plan.add_entries', entityType: 'inspection_plan', entityId: planId, after: added });
    }
    return { plan: row.p, added };
  });
}

export async function addEntry(ctx: AppContext, actor: Actor, planId: string, input: TEntryCreate): Promise<TPlanEntry> {
  const { enterpriseId, ...rest } = input;
  const { plan, added } = await addEntries(ctx, actor, planId, [enterpriseId], rest, 'enterpriseId');
  if (added.length === 0) throw invalid({ month: [`该单位已列入${input.month}月计划`] });
  const item = (await repo.entryView(ctx.db, added[0]!.id, todayOf(ctx)))!;
  return presentEntry(plan, item, await repo.coveringInspections(ctx.db, plan, [item.e]));
}

export async function bulkAdd(ctx: AppContext, actor: Actor, planId: string, input: TEntryBulkCreate) {
  const ids = [...new Set(input.enterpriseIds)];
  const { added } = await addEntries(ctx, actor, planId, ids, input, 'enterpriseIds');
  return { added: added.length, skipped: ids.length - added.length };
}

export async function removeEntry(ctx: AppContext, actor: Actor, planId: string, entryId: string) {
  await loadPlan(ctx, actor, planId);
  const entry = await repo.findEntry(ctx.db, planId, entryId);
  if (!entry) throw notFound('计划条目');
  if ((await repo.linkedInspectionCount(ctx.db, entryId)) > 0) throw new AppError('CONFLICT', '已有检查记录关联此计划条目，不能移除');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const gone = await repo.deleteEntry(tx, entryId);
    if (!gone) throw conflict();
    await repo.updatePlan(tx, planId, null, { updatedAt: now });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action: 'inspection_plan.remove_entry', entityType: 'inspection_plan', entityId: planId, before: gone });
  });
  return { ok: true as const };
}

export async function keyUncovered(ctx: AppContext, actor: Actor, planId: string, q: { page: number; pageSize: number }) {
  const row = await loadPlan(ctx, actor, planId);
  const { items, total } = await repo.keyUncovered(ctx.db, row.p, todayOf(ctx), q.page, q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** For the export: the plan and a pager over all its entries. */
export async function entryPager(ctx: AppContext, actor: Actor, planId: string) {
  const row = await loadPlan(ctx, actor, planId);
  return { plan: row, page: (page: number) => listEntries(ctx, actor, planId, { page, pageSize: 100 }).then((r) => r.items) };
}
