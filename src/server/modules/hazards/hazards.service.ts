// Hazard use cases: each one transaction that re-checks the state, writes the change, the
// timeline event and the audit row together. Rules come from domain/hazard-machine.ts and
// domain/hazard-policy.ts; this file only loads facts, applies them and stores the result.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { THazardActionRequest, THazardCreate, THazardDetail } from '../../../contract/hazards.ts';
import type { TStoredFile } from '../../../contract/files.ts';
import { mayOpenCaseOnHazard } from '../../../domain/case-policy.ts';
import { shanghaiDay } from '../../../domain/dates.ts';
import {
  DEFAULT_HAZARD_NUMBER_PREFIX, HAZARD_ACTIONS, HAZARD_REFUSAL_MESSAGES, HAZARD_TRANSITIONS, type HazardAction, type HazardActionInput, type HazardFacts, type HazardLevel, type HazardStatus,
  applyHazardAction, canChangeHazardLevel, criterionRefusal, formatHazardNumber, initialHazardStatus, isPlanComplete, readyToRectify,
} from '../../../domain/hazard-machine.ts';
import {
  TRANSFER_TARGET_MESSAGE, dueDateRefusal, extensionDateRefusal, isTransferTarget, responsibleUnitChoice, transferDecisionRefusal,
} from '../../../domain/hazard-assignment.ts';
import {
  type HazardAllowedAction, hazardAllowedActions, hazardSourceRefusal, mayImportHazards, mayReportHazard,
} from '../../../domain/hazard-policy.ts';
import { enterpriseScopeFor } from '../../../domain/scope.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { canonicalJson } from '../audit/audit.chain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findEnterpriseInScope } from '../enterprises/enterprises.repository.ts';
import { findSector, listUnits } from '../org/org.repository.ts';
import { presentFile } from '../files/files.presenter.ts';
import { type FileRow, attachFiles, copyFilesTo, listFilesOf } from '../files/files.service.ts';
import { presentHazardDetail, presentHazardItem } from './hazards.presenter.ts';
import * as repo from './hazards.repository.ts';
import { hazardScopeSql } from './hazards.scope.ts';

const todayOf = (ctx: AppContext) => shanghaiDay(ctx.clock.now());
const who = (a: Actor) => ({ userId: a.userId, displayName: a.displayName });

/** Hazards fixed on the spot need the "after" photos as evidence; others get them at rectification. */
const HAZARD_FILE_OWNER = 'hazard';
const PLAN_FILE_OWNER = 'hazard_plan';

async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findHazardInScope(db, hazardScopeSql(actor), id);
  if (!row) throw notFound('隐患');
  return row;
}

async function factsOf(db: DbOrTx, h: repo.HazardRow): Promise<HazardFacts> {
  const [plans, reports] = await Promise.all([repo.plansOf(db, h.id), repo.reportsOf(db, h.id)]);
  const discovery = (recipient: 'department' | 'government') => reports.some((r) => r.kind === 'discovery' && r.recipient === recipient);
  return {
    status: h.status, level: h.level, hasPlan: plans.length > 0, accepted: h.acceptedAt !== null,
    discoveryReportedToDepartment: discovery('department'), discoveryReportedToGovernment: discovery('government'),
  };
}

async function allowedActionsFor(db: DbOrTx, actor: Actor, h: repo.HazardRow): Promise<HazardAllowedAction[]> {
  const pending = h.pendingTransferId ? await repo.findTransfer(db, h.pendingTransferId) : null;
  return hazardAllowedActions(
    {
      role: actor.role,
      isOwnEnterprise: actor.role === 'enterprise' && actor.enterpriseId === h.enterpriseId,
      isResponsibleUnit: (actor.role === 'village' || actor.role === 'department') && actor.unitId === h.responsibleUnitId,
      isTransferTarget: pending !== null && pending.toUnitId === actor.unitId,
    },
    {
      status: h.status, level: h.level, accepted: h.acceptedAt !== null,
      pendingExtension: h.pendingExtensionId !== null, pendingTransfer: h.pendingTransferId !== null,
    },
  );
}

export async function getHazard(ctx: AppContext, actor: Actor, id: string): Promise<THazardDetail> {
  const row = await loadInScope(ctx.db, actor, id);
  return detailOf(ctx.db, actor, row, todayOf(ctx));
}

async function detailOf(db: DbOrTx, actor: Actor, row: repo.HazardListRow, today: string): Promise<THazardDetail> {
  const h = row.h;
  const [plans, extensions, listings, transfers, reports, events, foundByName, foundByUnit, allowedActions] = await Promise.all([
    repo.plansOf(db, h.id), repo.extensionsOf(db, h.id), repo.listingsOf(db, h.id), repo.transfersOf(db, h.id),
    repo.reportsOf(db, h.id), repo.eventsOf(db, h.id), repo.findUserName(db, h.foundByUserId), repo.findUnitRow(db, h.foundByUnitId),
    allowedActionsFor(db, actor, h),
  ]);
  const hazardFiles = (await listFilesOf(db, HAZARD_FILE_OWNER, [h.id])).get(h.id) ?? [];
  const planFiles = await listFilesOf(db, PLAN_FILE_OWNER, plans.map((p) => p.id));
  const byPurpose = (p: string) => hazardFiles.filter((f) => f.purpose === p).map(presentFile);
  const plan = new Map<string, TStoredFile[]>([...planFiles].map(([id, rows]) => [id, rows.map(presentFile)]));
  const transferTargets = allowedActions.includes('transfer') ? await transferTargetsOf(db, h) : [];
  const inspectionNumber = h.inspectionId ? await repo.findInspectionNumber(db, h.inspectionId) : null;
  const inspection = h.inspectionId && inspectionNumber ? { id: h.inspectionId, number: inspectionNumber, itemKey: h.inspectionItemKey } : null;
  return presentHazardDetail({
    inspection,
    row, today, foundByName, foundByUnitName: foundByUnit?.name ?? '',
    files: { before: byPurpose('before'), after: byPurpose('after'), evidence: byPurpose('evidence'), plan },
    plans, extensions, listings, transfers, reports, events, allowedActions, transferTargets,
    canOpenCase: mayOpenCaseOnHazard(actor.role, h.status),
  });
}

/** The departments the responsible unit may hand the hazard to, for the UI to offer. */
async function transferTargetsOf(db: DbOrTx, h: repo.HazardRow) {
  const from = await repo.findUnitRow(db, h.responsibleUnitId);
  if (!from) return [];
  const departments = await listUnits(db, { districtId: h.districtId, kind: 'department' });
  return departments
    .filter((d) => isTransferTarget(from, d.unit, h))
    .map((d) => ({ id: d.unit.id, name: d.unit.name, parentName: d.parentName }));
}

export async function listHazards(ctx: AppContext, actor: Actor, q: Parameters<typeof repo.listHazards>[2] & { page: number; pageSize: number }) {
  const today = todayOf(ctx);
  const scope = hazardScopeSql(actor);
  const [{ items, total }, counts] = await Promise.all([
    repo.listHazards(ctx.db, scope, q, today, q.page, q.pageSize),
    repo.statusCounts(ctx.db, scope, q, today),
  ]);
  const statusCounts = { reported: 0, rectifying: 0, awaiting_verification: 0, closed: 0, voided: 0 };
  let overdueCount = 0;
  for (const c of counts) {
    statusCounts[c.status] = c.n;
    overdueCount += c.overdue;
  }
  // 全部 is the list without a status filter, which leaves 已作废 out unless included (repository filterSql).
  const allCount = Object.entries(statusCounts).reduce((n, [s, c]) => (s === 'voided' && !q.includeVoided ? n : n + c), 0);
  return {
    items: items.map((r) => presentHazardItem(r, today)),
    total, page: q.page, pageSize: q.pageSize, statusCounts, allCount, overdueCount,
    canCreate: mayReportHazard(actor.role),
    canImport: mayImportHazards(actor.role),
  };
}

interface EventInput {
  action: string;
  from: HazardStatus | null;
  to: HazardStatus | null;
  note?: string | null;
  data?: unknown;
}

function eventWriter(tx: Tx, actor: Actor, h: { id: string; districtId: string }, at: Date) {
  return (e: EventInput) =>
    repo.insertEvent(tx, {
      districtId: h.districtId, hazardId: h.id, at, actorId: actor.userId, actorName: actor.displayName,
      actorUnitName: actor.unitName, action: e.action, fromStatus: e.from, toStatus: e.to, note: e.note ?? null,
      data: e.data ?? null,
    });
}

/** The responsible unit of a new hazard (the rule is responsibleUnitChoice); shared with the import. */
export async function responsibleUnitFor(
  db: DbOrTx, reporter: Pick<Actor, 'role' | 'unitId'>, ent: { townshipId: string; villageId: string }, sectorId: string, level: HazardLevel,
): Promise<string> {
  const choice = responsibleUnitChoice(reporter.role, level);
  if (choice.kind === 'reporter') return reporter.unitId;
  const dept = await repo.supervisingDepartment(db, ent.townshipId, sectorId);
  return dept?.id ?? (choice.otherwise === 'reporter' ? reporter.unitId : ent.villageId);
}

/** What links a hazard to the inspection item it came from (see inspections.complete.ts). */
export interface HazardInspectionLink {
  inspectionId: string;
  itemKey: string;
  /** The timeline note of the report event, naming the inspection. */
  note: string;
  /** The answer's photos: copied as the hazard's before photos (new rows, same stored bytes). */
  copyBeforePhotos: readonly FileRow[];
}

export async function createHazard(ctx: AppContext, actor: Actor, input: THazardCreate): Promise<THazardDetail> {
  const id = await ctx.db.transaction((tx) => createHazardInTx(tx, ctx, actor, input));
  return getHazard(ctx, actor, id);
}

/**
 * The quick-report use case inside the caller's transaction (a completed inspection creates its
 * hazards together with the record); returns the new hazard's id. Refusals throw and roll back
 * the caller's whole transaction.
 */
export async function createHazardInTx(tx: Tx, ctx: AppContext, actor: Actor, input: THazardCreate, link?: HazardInspectionLink): Promise<string> {
  if (!mayReportHazard(actor.role)) throw forbidden('领导账号只读，不能直接报告隐患');
  const ent = await findEnterpriseInScope(tx, enterpriseScopeFor(actor), input.enterpriseId);
  if (!ent || ent.e.voidedAt) throw invalid({ enterpriseId: ['生产经营单位不存在或不在您的管辖范围内'] });
  const sourceProblem = hazardSourceRefusal(actor.role, input.source);
  if (sourceProblem) throw invalid({ source: [sourceProblem] });
  const sector = await findSector(tx, actor.districtId, input.sectorId);
  if (!sector || !sector.active) throw invalid({ sectorId: ['行业领域不存在'] });
  const now = ctx.clock.now();
  const foundAt = new Date(input.foundAt);
  if (foundAt.getTime() > now.getTime() + 5 * 60_000) throw invalid({ foundAt: ['发现时间不能晚于当前时间'] });
  const dueProblem = input.dueDate ? dueDateRefusal(input.dueDate, shanghaiDay(now)) : null;
  if (dueProblem) throw invalid({ dueDate: [dueProblem] });
  const responsibleUnitId = await responsibleUnitFor(tx, actor, ent.e, input.sectorId, input.level);
  const district = await repo.findUnitRow(tx, actor.districtId);
  const status = initialHazardStatus(input.fixedOnSpot);

  const year = Number(shanghaiDay(foundAt).slice(0, 4));
  const seq = await repo.nextHazardSeq(tx, actor.districtId, year);
  const h = await repo.insertHazard(tx, {
    districtId: actor.districtId, townshipId: ent.e.townshipId, villageId: ent.e.villageId, enterpriseId: ent.e.id,
    number: formatHazardNumber(district?.code ?? DEFAULT_HAZARD_NUMBER_PREFIX, year, seq), source: input.source, foundAt,
    foundByUserId: actor.userId, foundByUnitId: actor.unitId, description: input.description, location: input.location,
    sectorId: input.sectorId, category: input.category, level: input.level, criterion: input.criterion,
    fixedOnSpot: input.fixedOnSpot, status, responsibleUnitId, dueDate: input.dueDate,
    rectificationNote: input.fixedOnSpot ? input.rectificationNote : null, rectifiedAt: input.fixedOnSpot ? now : null,
    inspectionId: link?.inspectionId ?? null, inspectionItemKey: link?.itemKey ?? null,
    createdBy: actor.userId, createdAt: now, updatedAt: now,
  });
  await attachFiles(tx, actor, { ids: input.beforePhotoIds, ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'before', kind: 'photo', field: 'beforePhotoIds' });
  if (input.fixedOnSpot) {
    await attachFiles(tx, actor, { ids: input.afterPhotoIds, ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'after', kind: 'photo', field: 'afterPhotoIds' });
  }
  // The inspection keeps its photos; the hazard gets its own rows on the same stored bytes
  // (stored objects are never deleted while a row names them), so each record's files stay its own.
  const copied = link ? await copyFilesTo(tx, link.copyBeforePhotos, { ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'before', at: now }) : [];
  const event = eventWriter(tx, actor, h, now);
  const note = input.fixedOnSpot ? `即查即改：${input.rectificationNote}` : (link?.note ?? null);
  await event({ action: 'report', from: null, to: status, note, data: link ? { inspectionId: link.inspectionId, itemKey: link.itemKey } : undefined });
  await recordAudit(tx, {
    at: now, districtId: actor.districtId, actor: who(actor), action: 'hazard.create', entityType: 'hazard', entityId: h.id,
    after: link ? { ...h, beforePhotoIds: copied.map((f) => f.id) } : h,
  });
  return h.id;
}

/** The state-machine input for an action request, with the counts its guards need. */
function machineInput(body: THazardActionRequest, evidenceCount: number): HazardActionInput | null {
  switch (body.action) {
    case 'submit_plan':
      return {
        action: 'submit_plan',
        plan: {
          complete: isPlanComplete({
            owner: body.plan.owner, measures: body.plan.measures, fundsFen: Math.round(body.plan.fundsYuan * 100),
            dueDate: body.plan.dueDate, contingencyPlan: body.plan.contingencyPlan, contingencyFileCount: body.plan.contingencyFileIds.length,
          }),
        },
      };
    case 'accept':
      return { action: 'accept' };
    case 'report_rectification':
      return { action: 'report_rectification', note: body.note, afterPhotoCount: body.afterPhotoIds.length };
    case 'verify_pass':
      return { action: 'verify_pass', evidenceCount, signed: body.signerName.trim().length > 0 };
    case 'verify_fail':
      return { action: 'verify_fail', reason: body.reason };
    case 'recheck_pass':
      return { action: 'recheck_pass', note: body.note };
    case 'recheck_reopen':
      return { action: 'recheck_reopen', reason: body.reason };
    case 'void':
      return { action: 'void', reason: body.reason };
    default:
      return null; // side actions do not move the state machine
  }
}

function refuse(refusal: keyof typeof HAZARD_REFUSAL_MESSAGES): never {
  const msg = HAZARD_REFUSAL_MESSAGES[refusal];
  if (refusal === 'not_in_state') throw new AppError('CONFLICT', msg);
  throw new AppError('VALIDATION', msg, { _: [msg] });
}

export async function actOnHazard(ctx: AppContext, actor: Actor, id: string, body: THazardActionRequest): Promise<THazardDetail> {
  const row = await loadInScope(ctx.db, actor, id);
  const h = row.h;
  if (body.version !== h.version) throw conflict();
  const isMachine = (HAZARD_ACTIONS as readonly string[]).includes(body.action);
  if (isMachine && HAZARD_TRANSITIONS[h.status][body.action as HazardAction] === undefined) refuse('not_in_state');
  const allowed = await allowedActionsFor(ctx.db, actor, h);
  if (!allowed.includes(body.action)) throw forbidden('您无权对该隐患执行此操作');

  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  await ctx.db.transaction(async (tx) => {
    const event = eventWriter(tx, actor, h, now);
    const audit = (after: unknown) =>
      recordAudit(tx, { at: now, districtId: h.districtId, actor: who(actor), action: `hazard.${body.action}`, entityType: 'hazard', entityId: h.id, before: { status: h.status, version: h.version }, after });
    /** Writes the hazard row conditionally on the version; zero rows → conflict, nothing written. */
    const save = async (set: Partial<repo.HazardRow>) => {
      const updated = await repo.updateHazard(tx, h.id, h.version, { ...set, updatedAt: now });
      if (!updated) throw conflict();
      return updated;
    };
    const facts = await factsOf(tx, h);
    /** A hazard that is closed or voided settles the requests still waiting on it. */
    const settlePending = async (why: string) => {
      if (h.pendingExtensionId) {
        await repo.decideExtension(tx, h.pendingExtensionId, { status: 'rejected', decidedBy: actor.userId, decidedAt: now, decisionNote: `${why}，延期申请自动失效` });
        await event({ action: 'reject_extension', from: h.status, to: h.status, note: `${why}，延期申请自动失效`, data: { extensionId: h.pendingExtensionId } });
      }
      if (h.pendingTransferId) {
        await repo.decideTransfer(tx, h.pendingTransferId, { status: 'returned', decidedBy: actor.userId, decidedAt: now, decisionReason: `${why}，移送自动撤回` });
        await event({ action: 'return_transfer', from: h.status, to: h.status, note: `${why}，移送自动撤回`, data: { transferId: h.pendingTransferId } });
      }
      return { pendingExtensionId: null, pendingTransferId: null };
    };
    const evidenceCount =
      body.action === 'verify_pass' ? body.evidenceFileIds.length + ((await listFilesOf(tx, HAZARD_FILE_OWNER, [h.id])).get(h.id) ?? []).filter((f) => f.purpose === 'after').length : 0;
    const input = machineInput(body, evidenceCount);
    let to: HazardStatus = h.status;
    if (input) {
      const result = applyHazardAction(facts, input);
      if (!result.ok) refuse(result.refusal);
      to = result.to;
    }

    switch (body.action) {
      case 'submit_plan': {
        const dueProblem = dueDateRefusal(body.plan.dueDate, today);
        if (dueProblem) throw invalid({ 'plan.dueDate': [dueProblem] }, dueProblem);
        const plan = await repo.insertPlan(tx, {
          districtId: h.districtId, hazardId: h.id, owner: body.plan.owner, measures: body.plan.measures,
          fundsFen: Math.round(body.plan.fundsYuan * 100), dueDate: body.plan.dueDate, contingencyPlan: body.plan.contingencyPlan,
          createdBy: actor.userId, createdAt: now,
        });
        await attachFiles(tx, actor, { ids: body.plan.contingencyFileIds, ownerType: PLAN_FILE_OWNER, ownerId: plan.id, purpose: 'plan', field: 'plan.contingencyFileIds' });
        await event({ action: 'submit_plan', from: h.status, to, note: `责任人：${body.plan.owner}；时限：${body.plan.dueDate}；资金：${body.plan.fundsYuan}元`, data: { planId: plan.id } });
        const next = { ...facts, hasPlan: true };
        if (h.status === 'reported' && readyToRectify(next)) {
          await event({ action: 'start_rectification', from: 'reported', to: 'rectifying' });
          to = 'rectifying';
        }
        await save({ status: to, dueDate: body.plan.dueDate });
        break;
      }
      case 'accept': {
        await event({ action: 'accept', from: h.status, to, note: body.note ?? null });
        const next = { ...facts, accepted: true };
        if (readyToRectify(next)) {
          await event({ action: 'start_rectification', from: 'reported', to: 'rectifying' });
          to = 'rectifying';
        }
        await save({ status: to, acceptedAt: now, acceptedBy: actor.userId });
        break;
      }
      case 'report_rectification': {
        await attachFiles(tx, actor, { ids: body.afterPhotoIds, ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'after', kind: 'photo', field: 'afterPhotoIds' });
        await event({ action: 'report_rectification', from: h.status, to, note: body.note });
        await save({ status: to, rectificationNote: body.note, rectifiedAt: now });
        break;
      }
      case 'verify_pass': {
        const evidence = await attachFiles(tx, actor, { ids: body.evidenceFileIds, ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'evidence', field: 'evidenceFileIds' });
        const allFiles = (await listFilesOf(tx, HAZARD_FILE_OWNER, [h.id])).get(h.id) ?? [];
        const latestPlan = (await repo.plansOf(tx, h.id))[0] ?? null;
        // The signature covers the record as it is closed: content, plan, evidence hashes, signer and time.
        const signed = {
          hazardId: h.id, number: h.number, enterpriseId: h.enterpriseId, description: h.description, level: h.level,
          location: h.location, rectificationNote: h.rectificationNote, plan: latestPlan,
          files: allFiles.map((f) => ({ id: f.id, purpose: f.purpose, sha256: f.sha256 })).sort((a, b) => a.id.localeCompare(b.id)),
          signerId: actor.userId, signerName: body.signerName, signedAt: now.toISOString(), status: 'closed',
        };
        const signatureHash = createHash('sha256').update(canonicalJson(signed)).digest('hex');
        const settled = await settlePending('隐患已销号');
        await event({ action: 'verify_pass', from: h.status, to, note: body.note ?? null, data: { signerName: body.signerName, signatureHash, evidence: evidence.length } });
        await save({ status: to, closedAt: now, verifiedBy: actor.userId, verifierName: body.signerName, signatureHash, ...settled });
        break;
      }
      case 'verify_fail':
        await event({ action: 'verify_fail', from: h.status, to, note: body.reason });
        await save({ status: to });
        break;
      case 'recheck_pass':
        await event({ action: 'recheck_pass', from: h.status, to, note: body.note });
        await save({});
        break;
      case 'recheck_reopen':
        await event({ action: 'recheck_reopen', from: h.status, to, note: body.reason });
        await save({ status: to, closedAt: null, reopenCount: h.reopenCount + 1, signatureHash: null, verifierName: null, verifiedBy: null });
        break;
      case 'void': {
        const settled = await settlePending('隐患已作废');
        await event({ action: 'void', from: h.status, to, note: body.reason });
        await save({ status: to, voidedAt: now, voidReason: body.reason, ...settled });
        break;
      }
      case 'request_extension': {
        const dateProblem = extensionDateRefusal(body.newDueDate, h.dueDate, today);
        if (dateProblem) throw invalid({ newDueDate: [dateProblem] }, dateProblem);
        const ext = await repo.insertExtension(tx, {
          districtId: h.districtId, hazardId: h.id, oldDueDate: h.dueDate, newDueDate: body.newDueDate, reason: body.reason,
          status: 'pending', requestedBy: actor.userId, requestedAt: now,
        });
        await event({ action: 'request_extension', from: h.status, to: h.status, note: `申请延期至${body.newDueDate}：${body.reason}`, data: { extensionId: ext.id, oldDueDate: h.dueDate, newDueDate: body.newDueDate } });
        await save({ pendingExtensionId: ext.id });
        break;
      }
      case 'decide_extension': {
        const ext = h.pendingExtensionId ? await repo.findExtension(tx, h.pendingExtensionId) : null;
        if (!ext) throw conflict('没有待审批的延期申请');
        await repo.decideExtension(tx, ext.id, { status: body.approve ? 'approved' : 'rejected', decidedBy: actor.userId, decidedAt: now, decisionNote: body.note ?? null });
        await event({ action: body.approve ? 'approve_extension' : 'reject_extension', from: h.status, to: h.status, note: body.note ?? null, data: { extensionId: ext.id, oldDueDate: ext.oldDueDate, newDueDate: ext.newDueDate } });
        await save({ pendingExtensionId: null, ...(body.approve ? { dueDate: ext.newDueDate } : {}) });
        break;
      }
      case 'transfer': {
        const target = await repo.findUnitRow(tx, body.toUnitId);
        const from = await repo.findUnitRow(tx, h.responsibleUnitId);
        if (!from || !target || target.districtId !== h.districtId || !isTransferTarget(from, target, h)) {
          throw invalid({ toUnitId: [from ? TRANSFER_TARGET_MESSAGE(from) : '只能移送给上级部门'] });
        }
        const t = await repo.insertTransfer(tx, {
          districtId: h.districtId, hazardId: h.id, fromUnitId: h.responsibleUnitId, toUnitId: target.id, reason: body.reason,
          status: 'pending', requestedBy: actor.userId, requestedAt: now,
        });
        await event({ action: 'transfer', from: h.status, to: h.status, note: `移送${target.name}：${body.reason}`, data: { transferId: t.id, toUnitId: target.id } });
        await save({ pendingTransferId: t.id });
        break;
      }
      case 'decide_transfer': {
        const t = h.pendingTransferId ? await repo.findTransfer(tx, h.pendingTransferId) : null;
        if (!t) throw conflict('没有待接收的移送');
        const reasonProblem = transferDecisionRefusal(body.accept, body.reason);
        if (reasonProblem) throw invalid({ reason: [reasonProblem] });
        await repo.decideTransfer(tx, t.id, { status: body.accept ? 'accepted' : 'returned', decidedBy: actor.userId, decidedAt: now, decisionReason: body.reason ?? null });
        await event({ action: body.accept ? 'accept_transfer' : 'return_transfer', from: h.status, to: h.status, note: body.reason ?? null, data: { transferId: t.id } });
        await save(body.accept
          ? { pendingTransferId: null, responsibleUnitId: t.toUnitId, transferCount: h.transferCount + 1 }
          : { pendingTransferId: null });
        break;
      }
      case 'list':
        await repo.insertListing(tx, {
          districtId: h.districtId, hazardId: h.id, level: body.level, leaderName: body.leaderName, listedOn: body.listedOn,
          documentNo: body.documentNo, createdBy: actor.userId, createdAt: now,
        });
        await event({ action: 'list', from: h.status, to: h.status, note: `${body.documentNo}，督办领导：${body.leaderName}`, data: { level: body.level } });
        await save({ listingLevel: body.level });
        break;
      case 'record_dual_report':
        await repo.insertReport(tx, {
          districtId: h.districtId, hazardId: h.id, kind: body.kind, recipient: body.recipient, reportedAt: new Date(body.reportedAt),
          reportedBy: body.reportedBy, reportedTo: body.reportedTo, method: body.method, createdBy: actor.userId, createdAt: now,
        });
        await event({ action: 'record_dual_report', from: h.status, to: h.status, note: `${body.reportedBy} → ${body.reportedTo}（${body.method}）`, data: { kind: body.kind, recipient: body.recipient } });
        await save({});
        break;
      case 'edit': {
        const { action: _a, version: _v, ...changes } = body;
        const level = changes.level ?? h.level;
        if (level !== h.level && !canChangeHazardLevel(facts)) {
          throw invalid({ level: ['隐患等级只能在整改开始前、方案审核前修改'] }, '隐患等级只能在整改开始前、方案审核前修改');
        }
        const criterion = changes.criterion !== undefined ? changes.criterion : h.criterion;
        const criterionProblem = criterionRefusal(level, criterion);
        if (criterionProblem) throw invalid({ criterion: [criterionProblem] });
        if (changes.sectorId) {
          const sector = await findSector(tx, h.districtId, changes.sectorId);
          if (!sector) throw invalid({ sectorId: ['行业领域不存在'] });
        }
        const sectorName = async (sid: string) => (await findSector(tx, h.districtId, sid))?.name ?? null;
        await event({
          action: 'edit', from: h.status, to: h.status,
          data: {
            before: { description: h.description, location: h.location, sectorId: h.sectorId, sectorName: await sectorName(h.sectorId), category: h.category, level: h.level, criterion: h.criterion },
            after: { ...changes, ...(changes.sectorId ? { sectorName: await sectorName(changes.sectorId) } : {}) },
          },
        });
        // A major hazard downgraded before acceptance may start rectifying on its plan at once.
        if (h.status === 'reported' && readyToRectify({ ...facts, level })) {
          await event({ action: 'start_rectification', from: 'reported', to: 'rectifying' });
          to = 'rectifying';
        }
        await save({ ...changes, status: to, category: changes.category === undefined ? h.category : changes.category ?? null, criterion: criterion ?? null });
        break;
      }
    }
    await audit({ status: to, action: body.action });
  });
  // The actor just acted on it, so they get its new state even if the action took it out of their
  // scope (a returned transfer); from now on it answers 404 to them like any other record.
  const after = (await repo.findHazardInScope(ctx.db, hazardScopeSql(actor), id)) ?? (await repo.findHazardInScope(ctx.db, sql`true`, id));
  return detailOf(ctx.db, actor, after!, todayOf(ctx));
}

export async function hazardVisibleTo(ctx: AppContext, actor: Actor, hazardId: string): Promise<boolean> {
  return (await repo.findHazardInScope(ctx.db, hazardScopeSql(actor), hazardId)) !== null;
}

export async function planVisibleTo(ctx: AppContext, actor: Actor, planId: string): Promise<boolean> {
  const plan = await repo.findPlan(ctx.db, planId);
  return plan !== null && hazardVisibleTo(ctx, actor, plan.hazardId);
}
