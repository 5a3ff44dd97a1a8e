import { EnterpriseCreate, type TEnterpriseCreate, type TEnterpriseFilter, type TEnterpriseListQuery, type TEnterpriseUpdate } from '../../../contract/enterprises.ts';
import type { TVoidRequest } from '../../../contract/common.ts';
import { canCreateEnterprise, enterpriseAllowedActions, forbiddenEnterpriseFields } from '../../../domain/enterprises/enterprise-policy.ts';
import { enterpriseInScope, enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { fieldErrorsOf } from '../../http/validate.ts';
import { recordAudit } from '../audit/index.ts';
import { listSectors } from '../org/index.ts';
import { editableFieldsOf, presentEnterprise } from './enterprises.presenter.ts';
import * as repo from './enterprises.repository.ts';


export async function sectorNameMap(db: DbOrTx, districtId: string) {
  return new Map((await listSectors(db, districtId, true)).map((s) => [s.id, s.name]));
}

export async function listEnterprises(ctx: AppContext, actor: Actor, q: TEnterpriseListQuery) {
  const scope = enterpriseScopeFor(actor);
  const [{ rows, total }, names] = await Promise.all([
    repo.enterpriseList.page(ctx.db, { f: q, scope }, q),
    sectorNameMap(ctx.db, actor.districtId),
  ]);
  return {
    items: rows.map((r) => presentEnterprise(r.e, r.villageName, names, actor.role)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The filtered registry in the list's order, a batch at a time (the export streams it). */
export async function* enterpriseBatches(ctx: AppContext, actor: Actor, f: TEnterpriseFilter) {
  const names = await sectorNameMap(ctx.db, actor.districtId);
  for await (const rows of repo.enterpriseList.iterate(ctx.db, { f, scope: enterpriseScopeFor(actor) })) {
    yield rows.map((r) => presentEnterprise(r.e, r.villageName, names, actor.role));
  }
}

export async function getEnterprise(ctx: AppContext, actor: Actor, id: string) {
  const row = await repo.findEnterpriseInScope(ctx.db, enterpriseScopeFor(actor), id);
  if (!row) throw notFound('生产经营单位');
  return presentEnterprise(row.e, row.villageName, await sectorNameMap(ctx.db, actor.districtId), actor.role);
}

/** Resolves the village (and so the township) and checks sectors; returns the placement. */
async function placement(db: DbOrTx, actor: Actor, input: Pick<TEnterpriseCreate, 'villageId' | 'sectorIds'>) {
  const village = await repo.findVillage(db, actor.districtId, input.villageId);
  if (!village || !village.active || !village.parentId) throw invalid({ villageId: ['所在村/社区不存在'] });
  const names = await sectorNameMap(db, actor.districtId);
  const unknown = input.sectorIds.filter((s) => !names.has(s));
  if (unknown.length) throw invalid({ sectorIds: ['行业领域不存在'] });
  return { districtId: actor.districtId, townshipId: village.parentId, villageId: village.id, villageName: village.name };
}

/** The record must stay inside what the actor may see, or they would create or move it out of reach. */
function assertWithinScope(actor: Actor, p: { id: string; districtId: string; townshipId: string; villageId: string; sectorIds: string[] }) {
  if (enterpriseInScope(enterpriseScopeFor(actor), p)) return;
  const field = actor.role === 'department' ? 'sectorIds' : 'villageId';
  const msg = actor.role === 'department' ? '行业领域须包含本部门监管的行业' : '所在村/社区不在您的管辖范围内';
  throw invalid({ [field]: [msg] }, msg);
}

async function assertUsccFree(db: DbOrTx, uscc: string | null, selfId: string | null) {
  if (!uscc) return;
  const other = await repo.findLiveByUscc(db, uscc);
  if (other && other.id !== selfId) throw invalid({ uscc: ['该统一社会信用代码已登记'] });
}

function isUniqueViolation(e: unknown) {
  const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

export async function createEnterprise(ctx: AppContext, actor: Actor, input: TEnterpriseCreate) {
  if (!canCreateEnterprise(actor.role)) throw forbidden();
  const p = await placement(ctx.db, actor, input);
  assertWithinScope(actor, { id: '', ...p, sectorIds: input.sectorIds });
  await assertUsccFree(ctx.db, input.uscc, null);
  const now = ctx.clock.now();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const e = await repo.insertEnterprise(tx, {
        ...input, districtId: p.districtId, townshipId: p.townshipId, createdBy: actor.userId, createdAt: now, updatedAt: now,
      });
      await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action: 'enterprise.create', entityType: 'enterprise', entityId: e.id, after: e });
      return e;
    });
    return presentEnterprise(row, p.villageName, await sectorNameMap(ctx.db, actor.districtId), actor.role);
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ uscc: ['该统一社会信用代码已登记'] });
    throw e;
  }
}

export async function updateEnterprise(ctx: AppContext, actor: Actor, id: string, patch: TEnterpriseUpdate) {
  const scope = enterpriseScopeFor(actor);
  const current = await repo.findEnterpriseInScope(ctx.db, scope, id);
  if (!current) throw notFound('生产经营单位');
  if (current.e.voidedAt) throw new AppError('CONFLICT', '该单位已作废，不能修改');
  if (!enterpriseAllowedActions(actor.role, { voided: false }).includes('edit')) throw forbidden();
  const { version, ...changes } = patch;
  const before = editableFieldsOf(current.e);
  const changed = Object.keys(changes).filter(
    (k) => JSON.stringify((changes as Record<string, unknown>)[k]) !== JSON.stringify((before as Record<string, unknown>)[k]),
  );
  const denied = forbiddenEnterpriseFields(actor.role, changed);
  if (denied.length) throw invalid(Object.fromEntries(denied.map((f) => [f, ['您无权修改此项']])), '您无权修改监管信息，请联系属地或行业部门');
  // Validate the merged record with the create schema: one set of rules for both.
  const merged = EnterpriseCreate.safeParse({ ...before, ...changes });
  if (!merged.success) throw invalid(fieldErrorsOf(merged.error));
  const next = merged.data;
  const p = await placement(ctx.db, actor, next);
  assertWithinScope(actor, { id, ...p, sectorIds: next.sectorIds });
  await assertUsccFree(ctx.db, next.uscc, id);
  const now = ctx.clock.now();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const e = await repo.updateEnterprise(tx, id, version, { ...next, townshipId: p.townshipId, updatedAt: now });
      if (!e) throw conflict();
      await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action: 'enterprise.update', entityType: 'enterprise', entityId: id, before: current.e, after: e });
      return e;
    });
    return presentEnterprise(row, p.villageName, await sectorNameMap(ctx.db, actor.districtId), actor.role);
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ uscc: ['该统一社会信用代码已登记'] });
    throw e;
  }
}

export async function voidEnterprise(ctx: AppContext, actor: Actor, id: string, input: TVoidRequest) {
  const current = await repo.findEnterpriseInScope(ctx.db, enterpriseScopeFor(actor), id);
  if (!current) throw notFound('生产经营单位');
  const dto = presentEnterprise(current.e, current.villageName, new Map(), actor.role);
  if (!dto.allowedActions.includes('void')) {
    if (current.e.voidedAt) throw new AppError('CONFLICT', '该单位已作废');
    throw forbidden();
  }
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const e = await repo.updateEnterprise(tx, id, input.version, { voidedAt: now, voidReason: input.reason, voidedBy: actor.userId, updatedAt: now });
    if (!e) throw conflict();
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action: 'enterprise.void', entityType: 'enterprise', entityId: id, before: { voidedAt: null }, after: { voidedAt: now, voidReason: input.reason } });
    return e;
  });
  return presentEnterprise(row, current.villageName, await sectorNameMap(ctx.db, actor.districtId), actor.role);
}
