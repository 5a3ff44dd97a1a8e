// Enforcement case use cases: filing, reads, and the case's steps through the workflow kernel
// (kernel/run-action.ts with cases.workflow.ts and one handler per action in actions/). Rules come
// from the domain (enforcement.ts: transitions and measures; case-workflow.ts: who may act).
import { sql } from 'drizzle-orm';
import type { TCaseActionRequest, TCaseCreate, TCaseDetail, TCaseFilter, TCaseListResponse } from '../../../contract/cases.ts';
import { INSPECTION_CASE_REFUSAL_MESSAGES, hazardOpensCase, inspectionCaseRefusal } from '../../../domain/enforcement/case-policy.ts';
import type { CaseAllowedAction } from '../../../domain/enforcement/case-workflow.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { CASE_STATUSES, INITIAL_CASE_STATUS, type CaseStatus } from '../../../domain/enforcement/enforcement.ts';
import { DEFAULT_HAZARD_NUMBER_PREFIX } from '../../../domain/hazards/hazard-machine.ts';
import { formatRecordNumber } from '../../../domain/common/record-number.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { nextRecordSeq } from '../../kernel/record-counter.ts';
import { eventWriter, eventsOf } from '../../kernel/record-events.ts';
import { offeredActions, runAction } from '../../kernel/run-action.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findEnterpriseInScope } from '../enterprises/index.ts';
import { presentFile } from '../files/index.ts';
import {  listFilesOf } from '../files/index.ts';
import { hazardScopeSql } from '../hazards/index.ts';
import { findHazardInScope } from '../hazards/index.ts';
import { CASE_FILE_OWNER } from './actions/case-action.ts';
import { fenToYuan, presentCaseDetail, presentCaseItem } from './cases.presenter.ts';
import * as repo from './cases.repository.ts';
import { caseScopeSql } from './cases.scope.ts';
import { caseServerWorkflow } from './cases.workflow.ts';

export { CASE_FILE_OWNER };

async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findCaseInScope(db, caseScopeSql(actor), id);
  if (!row) throw notFound('执法案件');
  return row;
}

async function enterpriseInScope(db: DbOrTx, actor: Actor, enterpriseId: string): Promise<boolean> {
  return (await findEnterpriseInScope(db, enterpriseScopeFor(actor), enterpriseId)) !== null;
}

async function allowedActionsFor(db: DbOrTx, actor: Actor, c: repo.CaseRow): Promise<CaseAllowedAction[]> {
  return offeredActions(db, actor, workflow, c);
}

async function detailOf(db: DbOrTx, actor: Actor, row: repo.CaseListRow): Promise<TCaseDetail> {
  const c = row.c;
  const [measures, events, files, createdByName, inspection, hazard] = await Promise.all([
    repo.measuresOf(db, c.id), eventsOf(db, 'enforcement_case', c.id), listFilesOf(db, CASE_FILE_OWNER, [c.id]), repo.findUserName(db, c.createdBy),
    c.inspectionId ? repo.findInspection(db, c.districtId, c.inspectionId) : null,
    c.hazardId ? repo.findHazardBrief(db, c.hazardId) : null,
  ]);
  return presentCaseDetail({
    row, measures, events, createdByName,
    documents: (files.get(c.id) ?? []).map(presentFile),
    inspection: inspection ? { id: inspection.id, number: inspection.number } : null,
    hazard,
    allowedActions: await allowedActionsFor(db, actor, c),
  });
}

export async function getCase(ctx: AppContext, actor: Actor, id: string): Promise<TCaseDetail> {
  return detailOf(ctx.db, actor, await loadInScope(ctx.db, actor, id));
}

async function presentItems(db: DbOrTx, rows: repo.CaseListRow[]) {
  const measures = await repo.measuresOfCases(db, rows.map((i) => i.c.id));
  return rows.map((r) => presentCaseItem(r, measures.filter((m) => m.caseId === r.c.id)));
}

/** The filtered cases in the list's order, a batch at a time (the export streams it). */
export async function* caseBatches(ctx: AppContext, actor: Actor, f: TCaseFilter) {
  for await (const rows of repo.caseList.iterate(ctx.db, { f, scope: caseScopeSql(actor) })) yield presentItems(ctx.db, rows);
}

export async function listCases(ctx: AppContext, actor: Actor, q: TCaseFilter & { page: number; pageSize: number }): Promise<TCaseListResponse> {
  const scope = caseScopeSql(actor);
  const [{ rows, total, counts }, byKind] = await Promise.all([
    repo.caseList.page(ctx.db, { f: q, scope }, q),
    repo.measuresByKind(ctx.db, scope, q),
  ]);
  const statusCounts = Object.fromEntries(CASE_STATUSES.map((s) => [s, counts[s].n])) as Record<CaseStatus, number>;
  // The figures are over the filtered cases, the status filter included: the tallies of the statuses it keeps.
  const kept = CASE_STATUSES.filter((s) => !q.status || s === q.status);
  const sum = (name: string) => kept.reduce((n, s) => n + (counts[s].tallies[name] ?? 0), 0);
  const kind = (k: string) => byKind.find((b) => b.kind === k);
  return {
    items: await presentItems(ctx.db, rows),
    total, page: q.page, pageSize: q.pageSize, statusCounts,
    summary: {
      cases: total,
      penalized: kind('penalty')?.cases ?? 0,
      finesYuan: fenToYuan(sum('finesFen')),
      dualPenalty: sum('dualPenalty'),
      suspensions: kind('suspension')?.cases ?? 0,
      workStops: kind('work_stop')?.cases ?? 0,
      judicialReferrals: kind('judicial_referral')?.cases ?? 0,
      judicialReferralPersons: kind('judicial_referral')?.persons ?? 0,
      closureRequests: kind('closure_request')?.cases ?? 0,
      published: sum('published'),
      dangerousOperationCrime: sum('dangerousOperationCrime'),
    },
  };
}

/**
 * How a source that is missing or out of the caller's view is refused: a field error on the
 * create form, 404 on the source read (like every other out-of-scope read).
 */
type Unseen = (field: 'inspectionId' | 'hazardId' | 'enterpriseId', message: string) => AppError;
const unseenAsFieldError: Unseen = (field, message) => invalid({ [field]: [message] });
const unseenAsNotFound: Unseen = (field) => notFound({ inspectionId: '检查记录', hazardId: '隐患', enterpriseId: '生产经营单位' }[field]);

/** Where a new case comes from: its enterprise and the linked inspection or hazard, all in the caller's view. */
async function resolveSource(
  db: DbOrTx, actor: Actor, src: { inspectionId?: string | null | undefined; hazardId?: string | null | undefined; enterpriseId?: string | null | undefined },
  unseen: Unseen = unseenAsFieldError,
) {
  let enterpriseId = src.enterpriseId ?? null;
  let inspection: Awaited<ReturnType<typeof repo.findInspection>> = null;
  let hazard: Awaited<ReturnType<typeof repo.findHazardBrief>> = null;
  if (src.inspectionId) {
    inspection = await repo.findInspection(db, actor.districtId, src.inspectionId);
    if (!inspection || !(await enterpriseInScope(db, actor, inspection.enterpriseId))) throw unseen('inspectionId', '检查记录不存在或不在您的管辖范围内');
    const refusal = inspectionCaseRefusal(inspection);
    if (refusal) throw invalid({ inspectionId: [INSPECTION_CASE_REFUSAL_MESSAGES[refusal]] }, INSPECTION_CASE_REFUSAL_MESSAGES[refusal]);
    enterpriseId = inspection.enterpriseId;
  }
  if (src.hazardId) {
    const visible = await findHazardInScope(db, hazardScopeSql(actor), src.hazardId);
    hazard = visible ? await repo.findHazardBrief(db, src.hazardId) : null;
    if (!hazard) throw unseen('hazardId', '隐患不存在或不在您的管辖范围内');
    if (!hazardOpensCase(hazard.status)) throw invalid({ hazardId: ['隐患已作废，不能立案'] });
    if (inspection && inspection.enterpriseId !== hazard.enterpriseId) throw invalid({ hazardId: ['隐患与检查记录不属于同一生产经营单位'] });
    enterpriseId = hazard.enterpriseId;
  }
  const ent = enterpriseId ? await findEnterpriseInScope(db, enterpriseScopeFor(actor), enterpriseId) : null;
  if (!ent) throw unseen('enterpriseId', '生产经营单位不存在或不在您的管辖范围内');
  if (ent.e.voidedAt) throw invalid({ enterpriseId: ['生产经营单位不存在或不在您的管辖范围内'] });
  return { ent: ent.e, inspection, hazard };
}

export async function caseSource(ctx: AppContext, actor: Actor, q: { inspectionId?: string | undefined; hazardId?: string | undefined; enterpriseId?: string | undefined }) {
  if (!q.inspectionId && !q.hazardId && !q.enterpriseId) throw invalid({ enterpriseId: ['请指定立案来源'] });
  const { ent, inspection, hazard } = await resolveSource(ctx.db, actor, q, unseenAsNotFound);
  const title = hazard ? `${ent.name}${hazard.description}` : inspection ? `${ent.name}安全生产违法行为（检查记录${inspection.number}）` : '';
  return {
    enterpriseId: ent.id, enterpriseName: ent.name,
    inspection: inspection ? { id: inspection.id, number: inspection.number, inspectedOn: inspection.inspectedOn } : null,
    hazard: hazard ? { id: hazard.id, number: hazard.number, description: hazard.description } : null,
    title: title.slice(0, 200),
  };
}

export async function createCase(ctx: AppContext, actor: Actor, input: TCaseCreate): Promise<TCaseDetail> {
  const { ent, inspection, hazard } = await resolveSource(ctx.db, actor, input);
  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  if (input.filedOn > today) throw invalid({ filedOn: ['立案日期不能晚于今天'] });
  const district = await repo.findUnitRow(ctx.db, actor.districtId);
  const id = await ctx.db.transaction(async (tx) => {
    const year = Number(input.filedOn.slice(0, 4));
    const seq = await nextRecordSeq(tx, actor.districtId, 'case', year);
    const c = await repo.insertCase(tx, {
      districtId: actor.districtId, townshipId: ent.townshipId, villageId: ent.villageId, enterpriseId: ent.id,
      number: formatRecordNumber(district?.code ?? DEFAULT_HAZARD_NUMBER_PREFIX, 'case', year, seq),
      // The handling unit: the department, or the office's township (an admin's district).
      unitId: actor.unitId,
      inspectionId: inspection?.id ?? null, hazardId: hazard?.id ?? null, title: input.title, facts: input.facts,
      status: INITIAL_CASE_STATUS, filedOn: input.filedOn, createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    await eventWriter(tx, { entityType: 'enforcement_case', entityId: c.id, districtId: c.districtId, actor, at: now })({
      action: 'file', from: null, to: INITIAL_CASE_STATUS, note: input.title,
      data: { inspectionId: c.inspectionId, inspectionNumber: inspection?.number ?? null, hazardId: c.hazardId, hazardNumber: hazard?.number ?? null },
    });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action: 'case.create', entityType: 'enforcement_case', entityId: c.id, after: c });
    return c.id;
  });
  // The creator may not see it through the enterprise scope alone (a department sees its own unit's cases).
  return getCase(ctx, actor, id);
}

/** One step of a case or a side action, through the workflow kernel. */
export function actOnCase(ctx: AppContext, actor: Actor, id: string, body: TCaseActionRequest): Promise<TCaseDetail> {
  return runAction(ctx, actor, workflow, id, body);
}

// The actor just acted on it, so they get its new state even if it left their scope meanwhile.
const workflow = caseServerWorkflow(async (ctx, actor, id) => {
  const row = (await repo.findCaseInScope(ctx.db, caseScopeSql(actor), id)) ?? (await repo.findCaseInScope(ctx.db, sql`true`, id));
  if (!row) throw notFound('执法案件');
  return detailOf(ctx.db, actor, row);
});

export async function caseVisibleTo(ctx: AppContext, actor: Actor, caseId: string): Promise<boolean> {
  return (await repo.findCaseInScope(ctx.db, caseScopeSql(actor), caseId)) !== null;
}
