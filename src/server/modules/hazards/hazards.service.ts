// Hazard use cases: the quick report, reads, and the loop's actions through the workflow kernel
// (kernel/run-action.ts with hazards.workflow.ts and one handler per action in actions/). Rules
// come from the domain (hazard-machine, hazard-workflow, hazard-policy, hazard-assignment).
import type { THazardActionRequest, THazardCreate, THazardDetail, THazardFilter } from '../../../contract/hazards.ts';
import type { TStoredFile } from '../../../contract/files.ts';
import { mayOpenCaseOnHazard } from '../../../domain/enforcement/case-policy.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import {
  DEFAULT_HAZARD_NUMBER_PREFIX, HAZARD_STATUSES, type HazardLevel, type HazardStatus, formatHazardNumber, initialHazardStatus,
} from '../../../domain/hazards/hazard-machine.ts';
import { dueDateRefusal, isTransferTarget, responsibleUnitChoice } from '../../../domain/hazards/hazard-assignment.ts';
import type { HazardAllowedAction } from '../../../domain/hazards/hazard-workflow.ts';
import { hazardSourceRefusal, mayReportHazard } from '../../../domain/hazards/hazard-policy.ts';
import { ledgerStatuses } from '../../../domain/hazards/ledger-tabs.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { nextRecordSeq } from '../../kernel/record-counter.ts';
import { eventWriter, eventsOf } from '../../kernel/record-events.ts';
import { offeredActions, runAction } from '../../kernel/run-action.ts';
import { recordAudit } from '../audit/index.ts';
import { findEnterpriseInScope } from '../enterprises/index.ts';
import { findSector, listUnits } from '../org/index.ts';
import { presentFile } from '../files/index.ts';
import { type FileRow, attachFiles, copyFilesTo, listFilesOf } from '../files/index.ts';
import { presentHazardDetail, presentHazardItem } from './hazards.presenter.ts';
import * as repo from './hazards.repository.ts';
import { hazardReportedNotices } from './hazards.notifications.ts';
import { notify } from '../notifications/index.ts';
import { hazardScopeSql, hazardSummaryRegion } from './hazards.scope.ts';
import { HAZARD_FILE_OWNER, PLAN_FILE_OWNER } from './actions/hazard-action.ts';
import { findHazardUnscoped, hazardServerWorkflow } from './hazards.workflow.ts';

const todayOf = (ctx: AppContext) => shanghaiDay(ctx.clock.now());

async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findHazardInScope(db, hazardScopeSql(actor), id);
  if (!row) throw notFound('隐患');
  return row;
}

async function allowedActionsFor(db: DbOrTx, actor: Actor, h: repo.HazardRow): Promise<HazardAllowedAction[]> {
  return (await offeredActions(db, actor, workflow, h)) as HazardAllowedAction[];
}

export async function getHazard(ctx: AppContext, actor: Actor, id: string): Promise<THazardDetail> {
  const row = await loadInScope(ctx.db, actor, id);
  return detailOf(ctx.db, actor, row, todayOf(ctx));
}

async function detailOf(db: DbOrTx, actor: Actor, row: repo.HazardListRow, today: string): Promise<THazardDetail> {
  const h = row.h;
  const [plans, extensions, listings, transfers, reports, events, foundByName, foundByUnit, allowedActions] = await Promise.all([
    repo.plansOf(db, h.id), repo.extensionsOf(db, h.id), repo.listingsOf(db, h.id), repo.transfersOf(db, h.id),
    repo.reportsOf(db, h.id), eventsOf(db, 'hazard', h.id), repo.findUserName(db, h.foundByUserId), repo.findUnitRow(db, h.foundByUnitId),
    allowedActionsFor(db, actor, h),
  ]);
  const hazardFiles = (await listFilesOf(db, HAZARD_FILE_OWNER, [h.id])).get(h.id) ?? [];
  const planFiles = await listFilesOf(db, PLAN_FILE_OWNER, plans.map((p) => p.id));
  const byPurpose = (p: string) => hazardFiles.filter((f) => f.purpose === p).map(presentFile);
  const plan = new Map<string, TStoredFile[]>([...planFiles].map(([id, rows]) => [id, rows.map(presentFile)]));
  const transferTargets = allowedActions.includes('transfer') ? await transferTargetsOf(db, h) : [];
  const inspectionNumber = h.inspectionId ? await repo.findInspectionNumber(db, h.inspectionId) : null;
  const inspection = h.inspectionId && inspectionNumber ? { id: h.inspectionId, number: inspectionNumber, itemKey: h.inspectionItemKey } : null;
  const publicReport = h.publicReportId ? await repo.findPublicReportNumber(db, h.publicReportId) : null;
  return presentHazardDetail({
    inspection, publicReport,
    row, today, foundByName, foundByUnitName: foundByUnit?.name ?? '',
    files: { before: byPurpose('before'), after: byPurpose('after'), evidence: byPurpose('evidence'), plan },
    plans, extensions, listings, transfers, reports, events, transferTargets,
    // The workflow's actions from the kernel, and 立案 from the case policy.
    allowedActions: mayOpenCaseOnHazard(actor.role, h.status) ? [...allowedActions, 'open_case'] : allowedActions,
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

export async function listHazards(ctx: AppContext, actor: Actor, q: THazardFilter & { page: number; pageSize: number; after?: string | undefined }) {
  const today = todayOf(ctx);
  const { after, ...f } = q;
  const { rows, total, counts, next } = await repo.hazardList.page(ctx.db, { f, scope: hazardScopeSql(actor), today, region: hazardSummaryRegion(actor) }, { ...q, after, cursor: true });
  const statusCounts = Object.fromEntries(HAZARD_STATUSES.map((s) => [s, counts[s].n])) as Record<HazardStatus, number>;
  const overdueCount = HAZARD_STATUSES.reduce((n, s) => n + (counts[s].tallies.overdue ?? 0), 0);
  // 全部 is the list without a status filter, which leaves 已作废 out unless included (repository filterSql).
  const allCount = ledgerStatuses({ includeVoided: q.includeVoided }).reduce((n, s) => n + statusCounts[s], 0);
  return {
    items: rows.map((r) => presentHazardItem(r, today)),
    total, page: q.page, pageSize: q.pageSize, statusCounts, allCount, overdueCount, nextCursor: next,
  };
}

/** The filtered ledger in the list's order, a batch at a time (the export streams it). */
export async function* hazardBatches(ctx: AppContext, actor: Actor, f: THazardFilter) {
  const today = todayOf(ctx);
  for await (const rows of repo.hazardList.iterate(ctx.db, { f, scope: hazardScopeSql(actor), today })) {
    yield rows.map((r) => presentHazardItem(r, today));
  }
}

/** The responsible unit of a new hazard (the rule is responsibleUnitChoice); shared with the import. */
export async function responsibleUnitFor(
  db: DbOrTx, reporter: Pick<Actor, 'role' | 'unitId'>, ent: { townshipId: string; villageId: string }, sectorId: string, level: HazardLevel,
  /** Departments already looked up by township and sector (a bulk import asks once per pair). */
  departments?: Map<string, Promise<{ id: string } | null>>,
): Promise<string> {
  const choice = responsibleUnitChoice(reporter.role, level);
  if (choice.kind === 'reporter') return reporter.unitId;
  const key = `${ent.townshipId}|${sectorId}`;
  let lookup = departments?.get(key);
  if (!lookup) {
    lookup = repo.supervisingDepartment(db, ent.townshipId, sectorId);
    departments?.set(key, lookup);
  }
  const dept = await lookup;
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
/**
 * Where a hazard came from besides an inspection, named in its first event: a 督导检查 of a
 * department or village, or a 群众举报 found true (whose photos become the hazard's before photos).
 */
export type HazardVisitLink =
  | { supervisionVisitId: string; publicReportId?: undefined; note: string; copyBeforePhotos?: undefined }
  | { publicReportId: string; supervisionVisitId?: undefined; note: string; copyBeforePhotos: readonly FileRow[] };

export async function createHazardInTx(
  tx: Tx, ctx: AppContext, actor: Actor, input: THazardCreate, link?: HazardInspectionLink, visit?: HazardVisitLink,
): Promise<string> {
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
  const seq = await nextRecordSeq(tx, actor.districtId, 'hazard', year);
  const h = await repo.insertHazard(tx, {
    districtId: actor.districtId, townshipId: ent.e.townshipId, villageId: ent.e.villageId, enterpriseId: ent.e.id,
    number: formatHazardNumber(district?.code ?? DEFAULT_HAZARD_NUMBER_PREFIX, year, seq), source: input.source, foundAt,
    foundByUserId: actor.userId, foundByUnitId: actor.unitId, description: input.description, location: input.location,
    sectorId: input.sectorId, category: input.category, level: input.level, criterion: input.criterion,
    fixedOnSpot: input.fixedOnSpot, status, responsibleUnitId, dueDate: input.dueDate,
    rectificationNote: input.fixedOnSpot ? input.rectificationNote : null, rectifiedAt: input.fixedOnSpot ? now : null, rectifiedBy: input.fixedOnSpot ? actor.userId : null,
    inspectionId: link?.inspectionId ?? null, inspectionItemKey: link?.itemKey ?? null, supervisionVisitId: visit?.supervisionVisitId ?? null, publicReportId: visit?.publicReportId ?? null,
    createdBy: actor.userId, createdAt: now, updatedAt: now,
  });
  await attachFiles(tx, actor, { ids: input.beforePhotoIds, ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'before', kind: 'photo', field: 'beforePhotoIds' });
  if (input.fixedOnSpot) {
    await attachFiles(tx, actor, { ids: input.afterPhotoIds, ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'after', kind: 'photo', field: 'afterPhotoIds' });
  }
  // The inspection keeps its photos; the hazard gets its own rows on the same stored bytes
  // (stored objects are never deleted while a row names them), so each record's files stay its own.
  const toCopy = link?.copyBeforePhotos ?? visit?.copyBeforePhotos;
  const copied = toCopy ? await copyFilesTo(tx, toCopy, { ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'before', at: now }) : [];
  const event = eventWriter(tx, { entityType: 'hazard', entityId: h.id, districtId: h.districtId, actor, at: now });
  const note = input.fixedOnSpot ? `即查即改：${input.rectificationNote}` : (link?.note ?? visit?.note ?? null);
  const data = link ? { inspectionId: link.inspectionId, itemKey: link.itemKey }
    : visit?.publicReportId ? { publicReportId: visit.publicReportId } : visit ? { supervisionVisitId: visit.supervisionVisitId } : undefined;
  await event({ action: 'report', from: null, to: status, note, data });
  await recordAudit(tx, {
    at: now, districtId: actor.districtId, actor: actor, action: 'hazard.create', entityType: 'hazard', entityId: h.id,
    after: toCopy ? { ...h, beforePhotoIds: copied.map((f) => f.id) } : h,
  });
  await notify(tx, hazardReportedNotices(h, actor));
  return h.id;
}

/** One step of the closed loop or a side action, through the workflow kernel. */
export function actOnHazard(ctx: AppContext, actor: Actor, id: string, body: THazardActionRequest): Promise<THazardDetail> {
  return runAction(ctx, actor, workflow, id, body);
}

// The actor just acted on it, so they get its new state even if the action took it out of their
// scope (a returned transfer); from now on it answers 404 to them like any other record.
const workflow = hazardServerWorkflow(async (ctx, actor, id) => {
  const row = (await repo.findHazardInScope(ctx.db, hazardScopeSql(actor), id)) ?? (await findHazardUnscoped(ctx.db, id));
  if (!row) throw notFound('隐患');
  return detailOf(ctx.db, actor, row, todayOf(ctx));
});

export async function hazardVisibleTo(ctx: AppContext, actor: Actor, hazardId: string): Promise<boolean> {
  return (await repo.findHazardInScope(ctx.db, hazardScopeSql(actor), hazardId)) !== null;
}

export async function planVisibleTo(ctx: AppContext, actor: Actor, planId: string): Promise<boolean> {
  const plan = await repo.findPlan(ctx.db, planId);
  return plan !== null && hazardVisibleTo(ctx, actor, plan.hazardId);
}
