// The technical-inspector roster's use cases: list, count on a date, create, edit, end (离任) and
// void, each write one transaction with its audit row. The keeper of a roster writes it; those
// who read it (the district over every township) only read; out of scope answers 404.
import type {
  InspectorAction, TInspectorCountResponse, TInspectorCreate, TInspectorDetail, TInspectorEnd, TInspectorFilter, TInspectorListResponse, TInspectorUpdate,
} from '../../../contract/inspector-roster.ts';
import type { TVoidRequest } from '../../../contract/common.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { presentInspectorDetail, presentInspectorItem } from './inspector-roster.presenter.ts';
import * as repo from './inspector-roster.repository.ts';
import { countedRosters, keptRoster, rosterScopeSql, unitOfRoster } from './inspector-roster.scope.ts';

const WHAT = '技术检查员记录';

async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findInScope(db, rosterScopeSql(actor), id);
  if (!row) throw notFound(WHAT);
  return row;
}

const keeps = (actor: Actor, r: { townshipId: string | null }) => {
  const k = keptRoster(actor);
  return k !== undefined && k.townshipId === r.townshipId;
};

function actionsOf(actor: Actor, r: repo.InspectorRow): InspectorAction[] {
  if (!keeps(actor, r) || r.voidedAt) return [];
  return r.toDate ? ['edit', 'void'] : ['edit', 'end', 'void'];
}

export async function getInspector(ctx: AppContext, actor: Actor, id: string): Promise<TInspectorDetail> {
  const row = await loadInScope(ctx.db, actor, id);
  return presentInspectorDetail(row, await repo.findUserName(ctx.db, row.r.createdBy), actionsOf(actor, row.r));
}

export async function listInspectors(ctx: AppContext, actor: Actor, q: TInspectorFilter & { page: number; pageSize: number }): Promise<TInspectorListResponse> {
  const { rows, total, counts } = await repo.inspectorList.page(ctx.db, { f: q, scope: rosterScopeSql(actor) }, q);
  return { items: rows.map(presentInspectorItem), total, page: q.page, pageSize: q.pageSize, counts: { fullTime: counts.full_time.n, partTime: counts.part_time.n } };
}

/** The figure per level on a day: the district's own and each township's (a township sees its own). */
export async function countOn(ctx: AppContext, actor: Actor, on: string): Promise<TInspectorCountResponse> {
  const rosters = countedRosters(actor);
  const regions = await repo.regionsOf(ctx.db, actor.districtId);
  const levels = regions
    .map((r) => ({ townshipId: r.kind === 'district' ? null : r.id, name: r.name }))
    .filter((l) => rosters === 'all' || rosters.includes(l.townshipId))
    .sort((a, b) => Number(a.townshipId !== null) - Number(b.townshipId !== null));
  const counts = await repo.countOn(ctx.db, rosterScopeSql(actor), on);
  const n = (t: string | null, e: 'full_time' | 'part_time') => counts.find((c) => c.townshipId === t && c.employment === e)?.n ?? 0;
  const out = levels.map((l) => {
    const fullTime = n(l.townshipId, 'full_time');
    const partTime = n(l.townshipId, 'part_time');
    return { ...l, fullTime, partTime, total: fullTime + partTime };
  });
  return { on, levels: out, total: out.reduce((s, l) => s + l.total, 0) };
}

/** The stored fields of a request, checked against the roster it goes on. */
async function fieldsOf(ctx: AppContext, actor: Actor, roster: { townshipId: string | null }, input: TInspectorCreate) {
  const unit = await repo.findUnit(ctx.db, input.unitId);
  if (!unit || !unitOfRoster(roster, actor.districtId, unit)) {
    throw invalid({ unitId: [roster.townshipId ? '只能选择本镇（街道）或其科室、村（社区）' : '只能选择本区或区级部门'] });
  }
  return {
    name: input.name, employment: input.employment, unitId: unit.id, fromDate: input.fromDate, toDate: input.toDate,
    certificates: input.certificates, note: input.note,
  };
}

export async function createInspector(ctx: AppContext, actor: Actor, input: TInspectorCreate): Promise<TInspectorDetail> {
  const roster = keptRoster(actor);
  if (!roster) throw forbidden('只有区、乡镇（街道）安委办可以维护技术检查员名册');
  const fields = await fieldsOf(ctx, actor, roster, input);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const r = await repo.insertInspector(tx, { ...fields, districtId: actor.districtId, townshipId: roster.townshipId, createdBy: actor.userId, createdAt: now, updatedAt: now });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'technical_inspector.create', entityType: 'technical_inspector', entityId: r.id, after: r });
    return r.id;
  });
  return getInspector(ctx, actor, id);
}

/** The entry in scope, which the actor must keep and which must still be live at the version read. */
async function loadKept(ctx: AppContext, actor: Actor, id: string, version: number) {
  const before = (await loadInScope(ctx.db, actor, id)).r;
  if (!keeps(actor, before)) throw forbidden(before.townshipId ? '乡镇（街道）的名册由该乡镇（街道）安委办维护' : '区级名册由区安委办维护');
  if (before.voidedAt) throw conflict('该记录已作废');
  if (version !== before.version) throw conflict();
  return before;
}

async function write(ctx: AppContext, actor: Actor, o: { id: string; version: number; action: string; set: Partial<repo.InspectorRow>; before: repo.InspectorRow }) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateInspector(tx, o.id, o.version, { ...o.set, updatedAt: now });
    if (!after) throw conflict();
    await recordAudit(tx, { at: now, districtId: o.before.districtId, actor, action: o.action, entityType: 'technical_inspector', entityId: o.id, before: o.before, after });
  });
  return getInspector(ctx, actor, o.id);
}

export async function updateInspector(ctx: AppContext, actor: Actor, id: string, input: TInspectorUpdate): Promise<TInspectorDetail> {
  const before = await loadKept(ctx, actor, id, input.version);
  const set = await fieldsOf(ctx, actor, { townshipId: before.townshipId }, input);
  return write(ctx, actor, { id, version: input.version, action: 'technical_inspector.update', set, before });
}

export async function endInspector(ctx: AppContext, actor: Actor, id: string, input: TInspectorEnd): Promise<TInspectorDetail> {
  const before = await loadKept(ctx, actor, id, input.version);
  if (before.toDate) throw conflict('该技术检查员已离任；如需更正离任日期请修改记录');
  if (input.toDate < before.fromDate) throw invalid({ toDate: ['离任日期不能早于起始日期'] });
  return write(ctx, actor, { id, version: input.version, action: 'technical_inspector.end', set: { toDate: input.toDate }, before });
}

export async function voidInspector(ctx: AppContext, actor: Actor, id: string, input: TVoidRequest): Promise<TInspectorDetail> {
  const before = await loadKept(ctx, actor, id, input.version);
  return write(ctx, actor, { id, version: input.version, action: 'technical_inspector.void', set: { voidedAt: ctx.clock.now(), voidReason: input.reason }, before });
}
