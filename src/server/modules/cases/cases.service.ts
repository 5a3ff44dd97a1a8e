// Enforcement case use cases: each write is one transaction with the timeline event and the
// audit row. Rules come from domain/enforcement.ts (transitions, measures) and
// domain/case-policy.ts (who may act); this file loads facts, applies them and stores the result.
import { sql } from 'drizzle-orm';
import type { TCaseActionRequest, TCaseCreate, TCaseDetail, TCaseFilter, TCaseListResponse, TMeasureInput } from '../../../contract/cases.ts';
import {
  INSPECTION_CASE_REFUSAL_MESSAGES, PUBLISHABLE_STATUSES, PUBLISH_REFUSAL_MESSAGE, caseAllowedActions, hazardOpensCase, inspectionCaseRefusal, mayRunCase,
} from '../../../domain/case-policy.ts';
import { shanghaiDay } from '../../../domain/dates.ts';
import {
  CASE_ACTIONS, CASE_REFUSAL_MESSAGES, CASE_TRANSITIONS, INITIAL_CASE_STATUS, MEASURE_PROBLEM_MESSAGES, type CaseAction, type CaseActionInput,
  type CaseRefusal, type CaseStatus, type EnforcementMeasure, type MeasureProblem, applyCaseAction, finesFen, imposesPenalty, measureProblem,
} from '../../../domain/enforcement.ts';
import { DEFAULT_HAZARD_NUMBER_PREFIX } from '../../../domain/hazard-machine.ts';
import { CASE_EDITOR_ROLES } from '../../../domain/inspection-policy.ts';
import { formatRecordNumber } from '../../../domain/record-number.ts';
import { enterpriseScopeFor } from '../../../domain/scope.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { nextRecordSeq } from '../../db/record-counter.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findEnterpriseInScope } from '../enterprises/enterprises.repository.ts';
import { presentFile } from '../files/files.presenter.ts';
import { attachFiles, listFilesOf } from '../files/files.service.ts';
import { hazardScopeSql } from '../hazards/hazards.scope.ts';
import { findHazardInScope } from '../hazards/hazards.repository.ts';
import { fenToYuan, measureOf, presentCaseDetail, presentCaseItem } from './cases.presenter.ts';
import * as repo from './cases.repository.ts';
import { caseScopeSql } from './cases.scope.ts';

export const CASE_FILE_OWNER = 'enforcement_case';
const todayOf = (ctx: AppContext) => shanghaiDay(ctx.clock.now());
const who = (a: Actor) => ({ userId: a.userId, displayName: a.displayName });
const yuanToFen = (yuan: number) => Math.round(yuan * 100);

async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findCaseInScope(db, caseScopeSql(actor), id);
  if (!row) throw notFound('执法案件');
  return row;
}

async function enterpriseInScope(db: DbOrTx, actor: Actor, enterpriseId: string): Promise<boolean> {
  return (await findEnterpriseInScope(db, enterpriseScopeFor(actor), enterpriseId)) !== null;
}

async function allowedActionsFor(db: DbOrTx, actor: Actor, c: repo.CaseRow, measureCount: number) {
  if (!CASE_EDITOR_ROLES.includes(actor.role)) return [];
  const tie = { role: actor.role, enterpriseInScope: await enterpriseInScope(db, actor, c.enterpriseId), isHandlingUnit: c.unitId === actor.unitId };
  return caseAllowedActions(tie, { status: c.status, published: c.published, measureCount });
}

async function detailOf(db: DbOrTx, actor: Actor, row: repo.CaseListRow): Promise<TCaseDetail> {
  const c = row.c;
  const [measures, events, files, createdByName, inspection, hazard] = await Promise.all([
    repo.measuresOf(db, c.id), repo.eventsOf(db, c.id), listFilesOf(db, CASE_FILE_OWNER, [c.id]), repo.findUserName(db, c.createdBy),
    c.inspectionId ? repo.findInspection(db, c.districtId, c.inspectionId) : null,
    c.hazardId ? repo.findHazardBrief(db, c.hazardId) : null,
  ]);
  return presentCaseDetail({
    row, measures, events, createdByName,
    documents: (files.get(c.id) ?? []).map(presentFile),
    inspection: inspection ? { id: inspection.id, number: inspection.number } : null,
    hazard,
    allowedActions: await allowedActionsFor(db, actor, c, measures.length),
  });
}

export async function getCase(ctx: AppContext, actor: Actor, id: string): Promise<TCaseDetail> {
  return detailOf(ctx.db, actor, await loadInScope(ctx.db, actor, id));
}

async function presentItems(db: DbOrTx, rows: repo.CaseListRow[]) {
  const measures = await repo.measuresOfCases(db, rows.map((i) => i.c.id));
  return rows.map((r) => presentCaseItem(r, measures.filter((m) => m.caseId === r.c.id)));
}

/** One page of the filtered cases without the counts, for the export. */
export async function listCaseItems(ctx: AppContext, actor: Actor, q: TCaseFilter, page: number, pageSize: number) {
  const { items } = await repo.listCases(ctx.db, caseScopeSql(actor), q, page, pageSize);
  return presentItems(ctx.db, items);
}

export async function listCases(ctx: AppContext, actor: Actor, q: TCaseFilter & { page: number; pageSize: number }): Promise<TCaseListResponse> {
  const scope = caseScopeSql(actor);
  const [{ items, total }, counts, summary] = await Promise.all([
    repo.listCases(ctx.db, scope, q, q.page, q.pageSize),
    repo.statusCounts(ctx.db, scope, q),
    repo.summaryOf(ctx.db, scope, q),
  ]);
  const statusCounts: Record<CaseStatus, number> = { filed: 0, investigating: 0, decided: 0, executing: 0, closed: 0 };
  for (const c of counts) statusCounts[c.status] = c.n;
  const kind = (k: string) => summary.byKind.find((b) => b.kind === k);
  return {
    items: await presentItems(ctx.db, items),
    total, page: q.page, pageSize: q.pageSize, statusCounts,
    summary: {
      cases: summary.totals.cases,
      penalized: kind('penalty')?.cases ?? 0,
      finesYuan: fenToYuan(Number(summary.totals.finesFen)),
      dualPenalty: summary.totals.dualPenalty,
      suspensions: kind('suspension')?.cases ?? 0,
      workStops: kind('work_stop')?.cases ?? 0,
      judicialReferrals: kind('judicial_referral')?.cases ?? 0,
      judicialReferralPersons: kind('judicial_referral')?.persons ?? 0,
      closureRequests: kind('closure_request')?.cases ?? 0,
      published: summary.totals.published,
      dangerousOperationCrime: summary.totals.dangerousOperationCrime,
    },
    canCreate: CASE_EDITOR_ROLES.includes(actor.role),
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
    await eventWriter(tx, actor, c, now)({
      action: 'file', from: null, to: INITIAL_CASE_STATUS, note: input.title,
      data: { inspectionId: c.inspectionId, inspectionNumber: inspection?.number ?? null, hazardId: c.hazardId, hazardNumber: hazard?.number ?? null },
    });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor: who(actor), action: 'case.create', entityType: 'enforcement_case', entityId: c.id, after: c });
    return c.id;
  });
  // The creator may not see it through the enterprise scope alone (a department sees its own unit's cases).
  return getCase(ctx, actor, id);
}

interface EventInput {
  action: string;
  from: CaseStatus | null;
  to: CaseStatus | null;
  note?: string | null;
  data?: unknown;
}

function eventWriter(tx: Tx, actor: Actor, c: { id: string; districtId: string }, at: Date) {
  return (e: EventInput) =>
    repo.insertEvent(tx, {
      districtId: c.districtId, caseId: c.id, at, actorId: actor.userId, actorName: actor.displayName, action: e.action,
      fromStatus: e.from, toStatus: e.to, note: e.note ?? null, data: e.data ?? null,
    });
}

/** The domain's measure from the request's, in fen. */
function measureFromInput(m: TMeasureInput): EnforcementMeasure {
  if (m.kind === 'penalty') return { kind: 'penalty', fineOnEnterpriseFen: yuanToFen(m.fineOnEnterpriseYuan), fineOnPrincipalFen: yuanToFen(m.fineOnPrincipalYuan) };
  if (m.kind === 'judicial_referral') return { kind: 'judicial_referral', personCount: m.personCount };
  return { kind: m.kind };
}

/** The request field a measure problem belongs to, so the form marks the right input. */
const PROBLEM_FIELD: Record<MeasureProblem, string> = {
  kind_invalid: 'kind',
  fine_invalid: 'fineOnEnterpriseYuan',
  fine_missing: 'fineOnEnterpriseYuan',
  person_count_invalid: 'personCount',
};

function measureErrors(measures: readonly EnforcementMeasure[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  measures.forEach((m, i) => {
    const p = measureProblem(m);
    if (p) out[`measures.${i}.${PROBLEM_FIELD[p]}`] = [MEASURE_PROBLEM_MESSAGES[p]];
  });
  return out;
}

function refuse(refusal: CaseRefusal, measures: readonly EnforcementMeasure[] = []): never {
  const msg = CASE_REFUSAL_MESSAGES[refusal];
  if (refusal === 'not_in_state') throw new AppError('CONFLICT', msg);
  if (refusal === 'measure_invalid') throw invalid(measureErrors(measures), msg);
  if (refusal === 'decision_contradictory') throw invalid({ noPenaltyReason: [msg] }, msg);
  if (refusal === 'decision_missing') throw invalid({ measures: [msg] }, msg);
  if (refusal === 'note_missing') throw invalid({ note: [msg] }, msg);
  throw new AppError('VALIDATION', msg, { _: [msg] });
}

function machineInput(body: TCaseActionRequest, measures: readonly EnforcementMeasure[]): CaseActionInput | null {
  switch (body.action) {
    case 'investigate':
      return { action: 'investigate' };
    case 'decide':
      return { action: 'decide', measures, noPenaltyReason: body.noPenaltyReason };
    case 'execute':
      return { action: 'execute' };
    case 'close':
      return { action: 'close', note: body.note };
    default:
      return null; // publish, unpublish, attach do not move the case
  }
}

export async function actOnCase(ctx: AppContext, actor: Actor, id: string, body: TCaseActionRequest): Promise<TCaseDetail> {
  const row = await loadInScope(ctx.db, actor, id);
  const c = row.c;
  if (body.version !== c.version) throw conflict();
  const tie = { role: actor.role, enterpriseInScope: await enterpriseInScope(ctx.db, actor, c.enterpriseId), isHandlingUnit: c.unitId === actor.unitId };
  if (!mayRunCase(tie)) throw forbidden('您无权办理该执法案件');
  const isMachine = (CASE_ACTIONS as readonly string[]).includes(body.action);
  if (isMachine && CASE_TRANSITIONS[c.status][body.action as CaseAction] === undefined) refuse('not_in_state');

  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  await ctx.db.transaction(async (tx) => {
    const stored = await repo.measuresOf(tx, c.id);
    const decided = body.action === 'decide' ? body.measures.map(measureFromInput) : [];
    const input = machineInput(body, decided);
    let to: CaseStatus = c.status;
    if (input) {
      const result = applyCaseAction({ status: c.status, measures: stored.map(measureOf) }, input);
      if (!result.ok) refuse(result.refusal, decided);
      to = result.to;
    }
    const event = eventWriter(tx, actor, c, now);
    const save = async (set: Partial<repo.CaseRow>) => {
      const updated = await repo.updateCase(tx, c.id, c.version, { ...set, updatedAt: now });
      if (!updated) throw conflict();
    };
    const notFuture = (field: string, day: string, label: string) => {
      if (day > today) throw invalid({ [field]: [`${label}不能晚于今天`] });
    };
    const notBefore = (field: string, day: string, min: string | null, label: string) => {
      if (min && day < min) throw invalid({ [field]: [`${label}不能早于${min}`] });
    };

    switch (body.action) {
      case 'investigate':
        await event({ action: 'investigate', from: c.status, to, note: body.note });
        await save({ status: to });
        break;
      case 'decide': {
        notFuture('decidedOn', body.decidedOn, '决定日期');
        notBefore('decidedOn', body.decidedOn, c.filedOn, '决定日期');
        if (imposesPenalty(decided) && !body.documentNo) throw invalid({ documentNo: ['作出处罚决定须填写决定书文号'] });
        await repo.insertMeasures(tx, body.measures.map((m, i) => {
          const d = decided[i]!;
          return {
            districtId: c.districtId, caseId: c.id, kind: m.kind, note: m.note, decidedOn: body.decidedOn, createdBy: actor.userId, createdAt: now,
            fineOnEnterpriseFen: d.kind === 'penalty' ? d.fineOnEnterpriseFen : null,
            fineOnPrincipalFen: d.kind === 'penalty' ? d.fineOnPrincipalFen : null,
            personCount: d.kind === 'judicial_referral' ? d.personCount : null,
          };
        }));
        const fines = finesFen(decided);
        const noPenalty = body.noPenaltyReason; // the domain refused it beside a penalty
        await event({
          action: 'decide', from: c.status, to, note: body.documentNo ?? noPenalty,
          data: { measures: body.measures, fineOnEnterpriseFen: fines.onEnterprise, fineOnPrincipalFen: fines.onPrincipal, noPenaltyReason: noPenalty },
        });
        await save({
          status: to, documentNo: body.documentNo, decidedOn: body.decidedOn, noPenaltyReason: noPenalty,
          fineOnEnterpriseFen: fines.onEnterprise, fineOnPrincipalFen: fines.onPrincipal,
        });
        break;
      }
      case 'execute':
        notFuture('executedOn', body.executedOn, '执行日期');
        notBefore('executedOn', body.executedOn, c.decidedOn, '执行日期');
        await repo.markMeasuresExecuted(tx, c.id, body.executedOn);
        await event({ action: 'execute', from: c.status, to, note: body.note, data: { executedOn: body.executedOn } });
        await save({ status: to });
        break;
      case 'close': {
        const closedOn = body.closedOn ?? today;
        notFuture('closedOn', closedOn, '结案日期');
        notBefore('closedOn', closedOn, c.decidedOn, '结案日期');
        await event({ action: 'close', from: c.status, to, note: body.note, data: { closedOn } });
        await save({ status: to, closedOn, closeNote: body.note });
        break;
      }
      case 'publish':
        if (c.published) throw conflict('该案件已公布为典型执法案例');
        if (!PUBLISHABLE_STATUSES.includes(c.status)) throw invalid({ _: [PUBLISH_REFUSAL_MESSAGE] }, PUBLISH_REFUSAL_MESSAGE);
        await event({ action: 'publish', from: c.status, to: c.status, note: body.publicationSummary, data: { dangerousOperationCrime: body.dangerousOperationCrime } });
        await save({ published: true, publishedAt: now, publicationSummary: body.publicationSummary, dangerousOperationCrime: body.dangerousOperationCrime });
        break;
      case 'unpublish':
        if (!c.published) throw conflict('该案件尚未公布');
        await event({ action: 'unpublish', from: c.status, to: c.status });
        await save({ published: false, publishedAt: null });
        break;
      case 'attach': {
        const files = await attachFiles(tx, actor, { ids: body.fileIds, ownerType: CASE_FILE_OWNER, ownerId: c.id, purpose: 'case', field: 'fileIds' });
        await event({ action: 'attach', from: c.status, to: c.status, note: files.map((f) => f.originalName).join('、'), data: { fileIds: files.map((f) => f.id) } });
        await save({});
        break;
      }
    }
    await recordAudit(tx, {
      at: now, districtId: c.districtId, actor: who(actor), action: `case.${body.action}`, entityType: 'enforcement_case', entityId: c.id,
      before: { status: c.status, version: c.version }, after: { status: to, action: body.action },
    });
  });
  const after = (await repo.findCaseInScope(ctx.db, caseScopeSql(actor), id)) ?? (await repo.findCaseInScope(ctx.db, sql`true`, id));
  return detailOf(ctx.db, actor, after!);
}

export async function caseVisibleTo(ctx: AppContext, actor: Actor, caseId: string): Promise<boolean> {
  return (await repo.findCaseInScope(ctx.db, caseScopeSql(actor), caseId)) !== null;
}
