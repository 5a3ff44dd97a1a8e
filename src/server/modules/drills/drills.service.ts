// 应急演练 / 安全培训: records (an enterprise's own, or an org unit's 执法人员培训), verification by a
// supervising unit, voiding, the district's requirement and who is behind. One transaction per
// write, with its audit row.
import { sql } from 'drizzle-orm';
import type {
  TComplianceQuery, TComplianceResponse, TDrillCreate, TDrillDetail, TDrillFilter, TDrillListResponse, TDrillRequirementResponse,
} from '../../../contract/drills.ts';
import type { TVoidRequest } from '../../../contract/common.ts';
import { can } from '../../../domain/access/permissions.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { drillAllowedActions, mayChangeRequirement } from '../../../domain/drills/drill-policy.ts';
import { DEFAULT_REQUIREMENT, type Requirement, type TimesPerYear, categoryOf } from '../../../domain/drills/drill-requirement.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { drillRequirements, enterprises } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findEnterpriseInScope, scopeSql } from '../enterprises/index.ts';
import { attachFiles, listFilesOf, presentFile } from '../files/index.ts';
import { complianceRows } from './drills.compliance.ts';
import * as repo from './drills.repository.ts';
import { drillScopeSql, mayRecordStaffOf, townshipOfUnit } from './drills.scope.ts';

export const DRILL_FILE_OWNER = 'safety_activity';

function present(row: repo.DrillListRow) {
  const r = row.r;
  return {
    id: r.id, category: r.category, kind: r.kind, heldOn: r.heldOn, participants: r.participants, content: r.content,
    enterprise: r.enterpriseId ? { id: r.enterpriseId, name: row.enterpriseName ?? '' } : null,
    unit: r.unitId ? { id: r.unitId, name: row.unitName ?? '' } : null,
    verified: r.verifiedAt !== null, verifiedAt: r.verifiedAt?.toISOString() ?? null, verifiedByName: row.verifiedByName ?? null,
    voided: r.voidedAt !== null, version: r.version,
  };
}

async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findInScope(db, drillScopeSql(actor), id);
  if (!row) throw notFound('演练/培训记录');
  return row;
}

function actionsOf(actor: Actor, r: repo.DrillRow) {
  const recordedByMyUnit = actor.role === 'enterprise' ? r.byEnterprise && r.enterpriseId === actor.enterpriseId : !r.byEnterprise && r.createdByUnitId === actor.unitId;
  return drillAllowedActions({ role: actor.role, recordedByMyUnit, staffOfMyUnit: r.unitId === actor.unitId, verified: r.verifiedAt !== null, voided: r.voidedAt !== null });
}

export async function getDrill(ctx: AppContext, actor: Actor, id: string): Promise<TDrillDetail> {
  const row = await loadInScope(ctx.db, actor, id);
  const [files, createdByName, creatorUnit, voidedByName] = await Promise.all([
    listFilesOf(ctx.db, DRILL_FILE_OWNER, [id]), repo.findUserName(ctx.db, row.r.createdBy), repo.findUnit(ctx.db, row.r.districtId, row.r.createdByUnitId),
    row.r.voidedBy ? repo.findUserName(ctx.db, row.r.voidedBy) : Promise.resolve(null),
  ]);
  const mine = files.get(id) ?? [];
  return {
    ...present(row), createdByName, createdByUnitName: row.r.byEnterprise ? (row.enterpriseName ?? '') : (creatorUnit?.name ?? ''),
    createdAt: row.r.createdAt.toISOString(), voidReason: row.r.voidReason, voidedAt: row.r.voidedAt?.toISOString() ?? null, voidedByName,
    photos: mine.filter((f) => f.purpose === 'evidence').map(presentFile), signInSheets: mine.filter((f) => f.purpose === 'report').map(presentFile),
    allowedActions: actionsOf(actor, row.r),
  };
}

/** Whether a file of this record may be downloaded: the record is in the actor's scope. */
export async function drillVisibleTo(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  return (await repo.findInScope(ctx.db, drillScopeSql(actor), id)) !== null;
}

export async function listDrills(ctx: AppContext, actor: Actor, q: TDrillFilter & { page: number; pageSize: number }): Promise<TDrillListResponse> {
  const { rows, total, counts } = await repo.drillList.page(ctx.db, { f: q, scope: drillScopeSql(actor) }, q);
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize, counts: { drill: counts.drill.n, training: counts.training.n } };
}

async function subjectOf(ctx: AppContext, actor: Actor, input: TDrillCreate) {
  if (input.enterpriseId) {
    // An enterprise account's scope is itself: another enterprise answers 404.
    const e = (await findEnterpriseInScope(ctx.db, enterpriseScopeFor(actor), input.enterpriseId))?.e;
    if (!e || e.voidedAt) throw notFound('生产经营单位');
    return { enterpriseId: e.id, unitId: null, townshipId: e.townshipId };
  }
  if (!can(actor.role, 'record:staff_training')) throw forbidden();
  const unit = await repo.findUnit(ctx.db, actor.districtId, input.unitId!);
  if (!unit || !mayRecordStaffOf(actor, unit)) throw invalid({ unitId: ['只能登记本单位或本辖区单位的执法人员培训'] });
  const parent = unit.parentId ? await repo.findUnit(ctx.db, actor.districtId, unit.parentId) : null;
  return { enterpriseId: null, unitId: unit.id, townshipId: townshipOfUnit(unit, parent?.kind ?? null) };
}

export async function createDrill(ctx: AppContext, actor: Actor, input: TDrillCreate): Promise<TDrillDetail> {
  const now = ctx.clock.now();
  if (input.heldOn > shanghaiDay(now)) throw invalid({ heldOn: ['日期不能晚于今天'] });
  const subject = await subjectOf(ctx, actor, input);
  const id = await ctx.db.transaction(async (tx) => {
    const r = await repo.insertDrill(tx, {
      ...subject, districtId: actor.districtId, category: categoryOf(input.kind), kind: input.kind, heldOn: input.heldOn,
      participants: input.participants, content: input.content, createdBy: actor.userId, createdByUnitId: actor.unitId,
      byEnterprise: actor.role === 'enterprise', createdAt: now, updatedAt: now,
    });
    await attachFiles(tx, actor, { ids: input.photoIds, ownerType: DRILL_FILE_OWNER, ownerId: r.id, purpose: 'evidence', kind: 'photo', field: 'photoIds' });
    await attachFiles(tx, actor, { ids: input.signInFileIds, ownerType: DRILL_FILE_OWNER, ownerId: r.id, purpose: 'report', field: 'signInFileIds' });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'safety_activity.create', entityType: 'safety_activity', entityId: r.id, after: r });
    return r.id;
  });
  return getDrill(ctx, actor, id);
}

async function act(ctx: AppContext, actor: Actor, id: string, o: { action: 'verify' | 'void'; version: number; set: (now: Date) => Partial<repo.DrillRow> }) {
  const row = await loadInScope(ctx.db, actor, id);
  if (!actionsOf(actor, row.r).includes(o.action)) throw forbidden();
  if (o.version !== row.r.version) throw conflict();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateDrill(tx, id, o.version, { ...o.set(now), updatedAt: now });
    if (!after) throw conflict();
    await recordAudit(tx, { at: now, districtId: row.r.districtId, actor, action: `safety_activity.${o.action}`, entityType: 'safety_activity', entityId: id, before: row.r, after });
  });
  return getDrill(ctx, actor, id);
}

export const verifyDrill = (ctx: AppContext, actor: Actor, id: string, version: number) =>
  act(ctx, actor, id, { action: 'verify', version, set: (now) => ({ verifiedAt: now, verifiedBy: actor.userId, verifiedByUnitId: actor.unitId }) });

export const voidDrill = (ctx: AppContext, actor: Actor, id: string, body: TVoidRequest) =>
  act(ctx, actor, id, { action: 'void', version: body.version, set: (now) => ({ voidedAt: now, voidedBy: actor.userId, voidReason: body.reason }) });

// ---- the requirement and who is behind ----

/** The district's requirement (the default without a row), for counting. */
export async function requirementOf(db: DbOrTx, districtId: string): Promise<Requirement & { isDefault: boolean; version: number }> {
  const r = await repo.findRequirement(db, districtId);
  if (!r) return { ...DEFAULT_REQUIREMENT, isDefault: true, version: 0 };
  const t = (n: number) => n as TimesPerYear;
  return {
    drill: { normal: t(r.drillNormal), highRisk: t(r.drillHighRisk) }, training: { normal: t(r.trainingNormal), highRisk: t(r.trainingHighRisk) },
    isDefault: false, version: r.version,
  };
}

/** The requirement as the caller sees it, with whether it may change it. */
export async function getRequirement(ctx: AppContext, actor: Actor): Promise<TDrillRequirementResponse> {
  return { ...(await requirementOf(ctx.db, actor.districtId)), allowedActions: mayChangeRequirement(actor) ? ['update'] : [] };
}

export async function putRequirement(ctx: AppContext, actor: Actor, body: Requirement & { version: number }): Promise<TDrillRequirementResponse> {
  if (!mayChangeRequirement(actor)) throw forbidden();
  const before = await repo.findRequirement(ctx.db, actor.districtId);
  if ((before?.version ?? 0) !== body.version) throw conflict();
  const now = ctx.clock.now();
  const set = { drillNormal: body.drill.normal, drillHighRisk: body.drill.highRisk, trainingNormal: body.training.normal, trainingHighRisk: body.training.highRisk, updatedBy: actor.userId, updatedAt: now };
  await ctx.db.transaction(async (tx) => {
    const [after] = before
      ? await tx.update(drillRequirements).set({ ...set, version: sql`${drillRequirements.version} + 1` }).where(sql`${drillRequirements.id} = ${before.id} and ${drillRequirements.version} = ${body.version}`).returning()
      : await tx.insert(drillRequirements).values({ ...set, districtId: actor.districtId, createdAt: now }).onConflictDoNothing().returning();
    if (!after) throw conflict();
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'drill_requirement.update', entityType: 'drill_requirement', entityId: after.id, before: before ?? undefined, after });
  });
  return getRequirement(ctx, actor);
}

export async function compliance(ctx: AppContext, actor: Actor, q: TComplianceQuery): Promise<TComplianceResponse> {
  const today = shanghaiDay(ctx.clock.now());
  const year = q.year ?? Number(today.slice(0, 4));
  const req = await requirementOf(ctx.db, actor.districtId);
  const scope = sql`e.id in (select ${enterprises.id} from ${enterprises} where ${scopeSql(enterpriseScopeFor(actor))})`;
  const { rows, total, counts } = await complianceRows(ctx.db, { scope, q, req, year, today });
  return {
    year, today, total, page: q.page, pageSize: q.pageSize, counts,
    items: rows.map((r) => ({ enterprise: { id: r.id, name: r.name, villageName: r.villageName, isHighRisk: r.isHighRisk }, drill: r.drill, training: r.training })),
  };
}

/** 工作台: the enterprise's own drill or training whose open window closes within 30 days unmet (an earlier missed window does not hide it). */
export async function drillWorkbench(ctx: AppContext, actor: Actor, today: string) {
  if (actor.role !== 'enterprise' || !actor.enterpriseId) return [];
  const { items } = await compliance(ctx, actor, { enterpriseId: actor.enterpriseId, year: Number(today.slice(0, 4)), page: 1, pageSize: 1 });
  const me = items[0];
  if (!me) return [];
  const due = (['drill', 'training'] as const).flatMap((c) => {
    const s = me[c];
    const days = s.dueOn ? (Date.parse(`${s.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000 : -1;
    return s.dueOn && days >= 0 && days <= 30 ? [{ category: c, dueOn: s.dueOn! }] : [];
  });
  return due;
}
