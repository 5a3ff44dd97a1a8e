// Inspection use cases: start a draft, edit its header, answer items, sign, discard, read and
// list. Completion lives in inspections.complete.ts. Each write is one transaction with its
// audit row; rules come from domain/inspection-rules.ts and domain/inspection-policy.ts.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { INSPECTION_STATUSES } from '../../../contract/inspections.ts';
import type {
  InspectionFilter, TAnswerSave, TInspectionCreate, TInspectionDetail, InspectionUpdate, InspectionOptions,
} from '../../../contract/inspections.ts';
import { itemsOf } from '../../../domain/checklists/checklist.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { INSPECTION_TYPES_BY_ROLE, mayStartInspection, inspectionAllowedActions } from '../../../domain/inspections/inspection-policy.ts';
import {
  INSPECTED_ON_REFUSAL_MESSAGES, INSPECTION_COMPLETION_REFUSAL_MESSAGES, INSPECTION_TYPES, INSPECTION_TYPE_LABELS, type InspectionType,
  type MethodTagRefusal, enterpriseSeesInspection, frequencyOfInspection, inspectedOnRefusal, inspectorRuleRefusal,
  methodTagsRefusal,
} from '../../../domain/inspections/inspection-rules.ts';
import { DEFAULT_HAZARD_NUMBER_PREFIX } from '../../../domain/hazards/hazard-machine.ts';
import { formatRecordNumber } from '../../../domain/common/record-number.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { mayLinkPlanEntry } from '../../../domain/inspections/inspection-plan.ts';
import { isoWeekKey } from '../../../domain/schedules/self-inspection-schedule.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { nextRecordSeq } from '../../kernel/record-counter.ts';
import { inspections } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findEnterpriseInScope, scopeSql } from '../enterprises/index.ts';
import { attachFiles, detachFiles, listFilesOf } from '../files/index.ts';
import { findSector } from '../org/index.ts';
import { presentInspectionDetail, presentInspectionItem } from './inspections.presenter.ts';
import * as repo from './inspections.repository.ts';
import { INSPECTION_FILE_OWNER, SIGNED_LOCK_MESSAGE, draftProblems, hashOfPayload, loadState, payloadOf } from './inspections.state.ts';
import { currentTemplateVersion, publishedTemplates, templateVersionById } from './inspections.templates.ts';
import { type NotificationInput, notify } from '../notifications/index.ts';

type Filter = z.output<typeof InspectionFilter>;


export const METHOD_TAG_REFUSAL_MESSAGES: Record<MethodTagRefusal, string> = {
  tags_on_self_inspection: '企业自查不使用检查方式标签',
  cross_region_not_enforcement: '异地执法只能用于执法检查',
  tag_duplicate: '检查方式重复',
};

/**
 * The caller's inspections: those of enterprises in their scope, in their district; an enterprise
 * user sees the authorities' inspections of it only once signed (domain enterpriseSeesInspection).
 * A whole region (office, admin, leader) is a condition on the inspection's own indexed
 * township_id / district_id: the region it was done in, as for hazards and cases, so the list's
 * counts need no join. Sectors, a village or an enterprise are the enterprise's, through the join.
 */
export function inspectionScope(actor: Actor): repo.InspectionScope {
  const scope = enterpriseScopeFor(actor);
  const onInspections = scope.kind === 'region';
  const own = onInspections
    ? scope.region.level === 'district' ? eq(inspections.districtId, scope.region.id) : eq(inspections.townshipId, scope.region.id)
    : scopeSql(scope);
  const base = and(eq(inspections.districtId, actor.districtId), own)!;
  if (actor.role !== 'enterprise') return { where: base, joinsEnterprises: !onInspections };
  const visible = INSPECTION_TYPES.flatMap((t) =>
    INSPECTION_STATUSES.filter((st) => enterpriseSeesInspection(t, st)).map((st) => sql`(${inspections.type} = ${t} and ${inspections.status} = ${st})`),
  );
  return { where: and(base, sql`(${sql.join(visible, sql` or `)})`)!, joinsEnterprises: true };
}

/** The scope as one condition, for queries that join the enterprises anyway. */
export const inspectionScopeSql = (actor: Actor): SQL => inspectionScope(actor).where;

export async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findInspectionInScope(db, inspectionScopeSql(actor), id);
  if (!row) throw notFound('检查记录');
  return row;
}

/** A completed record is signed: nothing about it may change any more. */
export function assertDraft(row: repo.InspectionRow): void {
  if (row.status !== 'draft') throw new AppError('CONFLICT', SIGNED_LOCK_MESSAGE);
}

/** An inspection's co-inspectors are told it awaits their signature (the actor never is). */
function inspectionNotice(i: Pick<repo.InspectionRow, 'id' | 'districtId' | 'number'>, actor: Actor, body: string, userIds: string[]): NotificationInput {
  return {
    districtId: i.districtId, kind: 'inspection.awaiting_signature', title: `检查记录 ${i.number}`, body: `${actor.displayName}${body}`,
    href: `/inspections/${i.id}`, entity: { type: 'inspection', id: i.id }, audience: { userIds }, actorId: actor.userId,
  };
}

export function assertInspector(inspectors: readonly repo.InspectorRow[], actor: Actor): void {
  if (!inspectors.some((i) => i.userId === actor.userId)) throw forbidden('只有本次检查的检查人员可以填写、修改和签名');
}

/** The 日周月 period a self-inspection on that day fulfils; null for inspections by the authorities. */
export function periodKeyOf(type: InspectionType, inspectedOn: string): string | null {
  switch (frequencyOfInspection(type)) {
    case 'daily':
      return inspectedOn;
    case 'weekly':
      return isoWeekKey(inspectedOn);
    case 'monthly':
      return inspectedOn.slice(0, 7);
    case null:
      return null;
  }
}

function checkMethodTags(type: InspectionType, tags: TInspectionCreate['methodTags']) {
  const refusal = methodTagsRefusal(type, tags);
  if (refusal) throw invalid({ methodTags: [METHOD_TAG_REFUSAL_MESSAGES[refusal]] }, METHOD_TAG_REFUSAL_MESSAGES[refusal]);
}

function checkInspectedOn(ctx: AppContext, type: InspectionType, day: string) {
  const refusal = inspectedOnRefusal(type, day, shanghaiDay(ctx.clock.now()));
  if (refusal) throw invalid({ inspectedOn: [INSPECTED_ON_REFUSAL_MESSAGES[refusal]] }, INSPECTED_ON_REFUSAL_MESSAGES[refusal]);
}

export interface InspectorInput {
  userId: string;
  name: string;
  certificateNo: string | null;
}

/**
 * The inspectors of an inspection: its creator and the co-inspectors, who must be active users
 * of the creator's unit (and, for an enterprise, of the same enterprise), with their names and
 * certificate numbers as they are now; the domain's inspector rule applies.
 */
async function resolveInspectors(db: DbOrTx, type: InspectionType, creatorId: string, coIds: readonly string[]): Promise<InspectorInput[]> {
  const [creator] = await repo.usersFull(db, [creatorId]);
  if (!creator) throw notFound('检查人员');
  const co = await repo.colleaguesAmong(db, { districtId: creator.districtId, unitId: creator.unitId, enterpriseId: creator.enterpriseId, ids: [...new Set(coIds)] });
  const byId = new Map(co.map((u) => [u.id, u]));
  const strangers = coIds.filter((id) => id !== creatorId && !byId.has(id));
  if (strangers.length > 0) throw invalid({ coInspectorUserIds: ['同行检查人员须为本单位在岗人员'] }, '同行检查人员须为本单位在岗人员');
  const self: InspectorInput = { userId: creator.id, name: creator.displayName, certificateNo: creator.enforcementCertificateNo };
  // The creator named again among the co-inspectors stays in the list: the rule reports the duplicate.
  const list: InspectorInput[] = [self, ...coIds.map((id) => (id === creatorId ? self : { userId: id, name: byId.get(id)!.name, certificateNo: byId.get(id)!.certificateNo }))];
  const refusal = inspectorRuleRefusal(type, list);
  if (refusal) {
    const msg = INSPECTION_COMPLETION_REFUSAL_MESSAGES[refusal];
    throw invalid({ coInspectorUserIds: [msg] }, msg);
  }
  return list;
}

const inspectorRows = (districtId: string, inspectionId: string, list: readonly InspectorInput[]) =>
  list.map((x, n) => ({ districtId, inspectionId, userId: x.userId, name: x.name, certificateNo: x.certificateNo, sortOrder: n }));

// ---- read

export async function getInspection(ctx: AppContext, actor: Actor, id: string): Promise<TInspectionDetail> {
  return detailOf(ctx.db, actor, await loadInScope(ctx.db, actor, id));
}

export async function detailOf(db: DbOrTx, actor: Actor, listRow: repo.InspectionListRow): Promise<TInspectionDetail> {
  const state = await loadState(db, listRow);
  const row = state.row;
  const [hazards, createdByName] = await Promise.all([repo.hazardsOf(db, row.id), repo.findUserName(db, row.createdBy)]);
  const currentHash = hashOfPayload(payloadOf(state));
  const draft = row.status === 'draft';
  // A signed record must still hash to what was signed, both as stored and as re-read from its rows.
  const signatureValid = draft ? null : row.signatureHash === currentHash && row.signedPayload !== null && hashOfPayload(row.signedPayload) === row.signatureHash;
  const isInspector = state.inspectors.some((i) => i.userId === actor.userId);
  const mine = state.inspectors.find((i) => i.userId === actor.userId);
  return presentInspectionDetail({
    state, hazards, currentHash, signatureValid, createdByName,
    problems: draft ? draftProblems(state, currentHash, isInspector ? actor.userId : null) : [],
    allowedActions: inspectionAllowedActions(actor.role, row, {
      isInspector, signedAsItStands: !!(mine?.signedAt && mine.signatureHash === currentHash), isCreator: row.createdBy === actor.userId,
    }),
  });
}

const listArgs = (actor: Actor, f: Filter): repo.InspectionListArgs => ({ f, scope: inspectionScope(actor), caller: { userId: actor.userId, districtId: actor.districtId } });

export async function listInspections(ctx: AppContext, actor: Actor, q: Filter & { page: number; pageSize: number }) {
  const { rows, total, counts } = await repo.inspectionList.page(ctx.db, listArgs(actor, q), q);
  return { items: rows.map(presentInspectionItem), total, page: q.page, pageSize: q.pageSize, counts: { draft: counts.draft.n, completed: counts.completed.n } };
}

/** The filtered inspections in the list's order, a batch at a time (the export streams it). */
export async function* inspectionBatches(ctx: AppContext, actor: Actor, f: Filter) {
  for await (const rows of repo.inspectionList.iterate(ctx.db, listArgs(actor, f))) yield rows.map(presentInspectionItem);
}

export async function inspectionOptions(ctx: AppContext, actor: Actor, q: { enterpriseId?: string | undefined }): Promise<z.input<typeof InspectionOptions>> {
  if (q.enterpriseId && !(await findEnterpriseInScope(ctx.db, enterpriseScopeFor(actor), q.enterpriseId))) throw notFound('生产经营单位');
  const [templates, coInspectors, me] = await Promise.all([
    publishedTemplates(ctx.db, actor.districtId),
    repo.colleaguesOf(ctx.db, { districtId: actor.districtId, unitId: actor.unitId, enterpriseId: actor.enterpriseId, exceptUserId: actor.userId }),
    repo.usersFull(ctx.db, [actor.userId]),
  ]);
  return { types: [...INSPECTION_TYPES_BY_ROLE[actor.role]], templates, coInspectors, myCertificateNo: me[0]?.enforcementCertificateNo ?? null };
}

// ---- writes

export async function createInspection(ctx: AppContext, actor: Actor, input: TInspectionCreate): Promise<TInspectionDetail> {
  if (!mayStartInspection(actor.role, input.type)) throw forbidden(`您的角色不能开展${INSPECTION_TYPE_LABELS[input.type]}`);
  const ent = await findEnterpriseInScope(ctx.db, enterpriseScopeFor(actor), input.enterpriseId);
  if (!ent || ent.e.voidedAt || ent.e.districtId !== actor.districtId) {
    throw invalid({ enterpriseId: ['生产经营单位不存在、已作废或不在您的检查范围内'] }, '生产经营单位不存在、已作废或不在您的检查范围内');
  }
  checkMethodTags(input.type, input.methodTags);
  checkInspectedOn(ctx, input.type, input.inspectedOn);
  const template = await currentTemplateVersion(ctx.db, actor.districtId, input.templateCode);
  if (!template) throw invalid({ templateCode: ['检查表不存在或已停用'] }, '检查表不存在或已停用');
  const inspectors = await resolveInspectors(ctx.db, input.type, actor.userId, input.coInspectorUserIds);
  if (input.planEntryId) {
    const entry = await repo.findPlanEntry(ctx.db, actor.districtId, input.planEntryId);
    if (!entry || !mayLinkPlanEntry(entry, { enterpriseId: ent.e.id, unitId: actor.unitId, type: input.type })) {
      throw invalid({ planEntryId: ['检查计划中没有该单位的这一项'] });
    }
  }
  const now = ctx.clock.now();
  const prefix = (await repo.findUnitCode(ctx.db, actor.districtId)) ?? DEFAULT_HAZARD_NUMBER_PREFIX;
  const year = Number(input.inspectedOn.slice(0, 4));
  const id = await ctx.db.transaction(async (tx) => {
    const seq = await nextRecordSeq(tx, actor.districtId, 'inspection', year);
    const row = await repo.insertInspection(tx, {
      districtId: actor.districtId, townshipId: ent.e.townshipId, villageId: ent.e.villageId, enterpriseId: ent.e.id,
      number: formatRecordNumber(prefix, 'inspection', year, seq), type: input.type, methodTags: input.methodTags,
      inspectedOn: input.inspectedOn, unitId: actor.unitId, templateVersionId: template.versionId, templateCode: template.content.code,
      templateVersion: template.version, periodKey: periodKeyOf(input.type, input.inspectedOn), planEntryId: input.planEntryId,
      location: input.location, createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    await repo.replaceInspectors(tx, row.id, inspectorRows(actor.districtId, row.id, inspectors));
    await notify(tx, inspectionNotice(row, actor, '将您列为检查人员，检查完成后请签名', inspectors.map((i) => i.userId)));
    await recordAudit(tx, {
      at: now, districtId: actor.districtId, actor: actor, action: 'inspection.create', entityType: 'inspection', entityId: row.id,
      after: { ...row, inspectors: inspectors.map((i) => i.userId) },
    });
    return row.id;
  });
  return getInspection(ctx, actor, id);
}

export async function updateInspection(ctx: AppContext, actor: Actor, id: string, body: z.output<typeof InspectionUpdate>): Promise<TInspectionDetail> {
  const { i: row } = await loadInScope(ctx.db, actor, id);
  assertDraft(row);
  assertInspector(await repo.inspectorsOf(ctx.db, id), actor);
  if (body.version !== row.version) throw conflict();
  const set: Partial<repo.InspectionRow> = {};
  if (body.inspectedOn !== undefined) {
    checkInspectedOn(ctx, row.type, body.inspectedOn);
    set.inspectedOn = body.inspectedOn;
    set.periodKey = periodKeyOf(row.type, body.inspectedOn);
  }
  if (body.methodTags !== undefined) {
    checkMethodTags(row.type, body.methodTags);
    set.methodTags = body.methodTags;
  }
  if (body.location !== undefined) set.location = body.location;
  if (body.summary !== undefined) set.summary = body.summary;
  const inspectors = body.coInspectorUserIds ? await resolveInspectors(ctx.db, row.type, row.createdBy, body.coInspectorUserIds.filter((u) => u !== row.createdBy)) : null;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateInspection(tx, id, row.version, { ...set, updatedAt: now });
    if (!updated) throw conflict();
    if (inspectors) await repo.replaceInspectors(tx, id, inspectorRows(row.districtId, id, inspectors));
    else await repo.clearSignatures(tx, id);
    await recordAudit(tx, {
      at: now, districtId: row.districtId, actor: actor, action: 'inspection.update', entityType: 'inspection', entityId: id,
      before: { version: row.version }, after: { ...set, ...(inspectors ? { inspectors: inspectors.map((i) => i.userId) } : {}) },
    });
  });
  return getInspection(ctx, actor, id);
}

const itemKeyOfFile = (f: { meta: unknown }) => ((f.meta ?? {}) as { itemKey?: unknown }).itemKey;

export async function saveAnswer(ctx: AppContext, actor: Actor, id: string, itemKey: string, body: TAnswerSave): Promise<TInspectionDetail> {
  const { i: row } = await loadInScope(ctx.db, actor, id);
  assertDraft(row);
  assertInspector(await repo.inspectorsOf(ctx.db, id), actor);
  const template = await templateVersionById(ctx.db, row.templateVersionId);
  const item = template ? itemsOf(template.content).find((x) => x.key === itemKey) : undefined;
  if (!item) throw notFound('检查项');
  // Loose while drafting: only fields the item's response type takes; completeness is checked at completion.
  const errors: Record<string, string[]> = {};
  if (body.result !== null && item.responseType !== 'conformity') errors.result = ['该检查项不填写符合/不符合'];
  if (body.number !== null && item.responseType !== 'number') errors.number = ['该检查项不填写数值'];
  if (body.text !== null && item.responseType !== 'text') errors.text = ['该检查项不填写文字'];
  const hazardDraft = body.result === 'nonconform' ? body.hazardDraft : null;
  if (hazardDraft) {
    const sector = await findSector(ctx.db, row.districtId, hazardDraft.sectorId);
    if (!sector || !sector.active) errors['hazardDraft.sectorId'] = ['行业领域不存在'];
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const current = ((await listFilesOf(tx, INSPECTION_FILE_OWNER, [id])).get(id) ?? []).filter((f) => itemKeyOfFile(f) === itemKey).map((f) => f.id);
    const wanted = [...new Set(body.photoIds)];
    await attachFiles(tx, actor, {
      ids: wanted.filter((f) => !current.includes(f)), ownerType: INSPECTION_FILE_OWNER, ownerId: id, purpose: 'inspection', field: 'photoIds', meta: { itemKey },
    });
    await detachFiles(tx, { ids: current.filter((f) => !wanted.includes(f)), ownerType: INSPECTION_FILE_OWNER, ownerId: id });
    await repo.upsertAnswer(tx, {
      districtId: row.districtId, inspectionId: id, itemKey, result: body.result, number: body.number, text: body.text, comment: body.comment,
      hazardDraft, updatedBy: actor.userId, updatedAt: now,
    });
    const updated = await repo.updateInspection(tx, id, row.version, { failedCount: await repo.countFailed(tx, id), updatedAt: now });
    if (!updated) throw conflict();
    await repo.clearSignatures(tx, id);
    await recordAudit(tx, {
      at: now, districtId: row.districtId, actor: actor, action: 'inspection.answer', entityType: 'inspection', entityId: id,
      after: { itemKey, result: body.result, number: body.number, text: body.text, comment: body.comment, photoIds: wanted, hazardDraft },
    });
  });
  return getInspection(ctx, actor, id);
}

export async function signInspection(ctx: AppContext, actor: Actor, id: string, version: number): Promise<TInspectionDetail> {
  const listRow = await loadInScope(ctx.db, actor, id);
  assertDraft(listRow.i);
  const state = await loadState(ctx.db, listRow);
  assertInspector(state.inspectors, actor);
  if (version !== listRow.i.version) throw conflict();
  const hash = hashOfPayload(payloadOf(state));
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateInspection(tx, id, version, { updatedAt: now });
    if (!updated) throw conflict();
    await repo.signInspector(tx, id, actor.userId, now, hash);
    // The co-inspectors who have not signed this content yet are now awaited.
    const waiting = state.inspectors.filter((i) => i.userId !== actor.userId && i.signatureHash !== hash).map((i) => i.userId);
    await notify(tx, inspectionNotice(listRow.i, actor, `已签名，等待您核对并签名`, waiting));
    await recordAudit(tx, {
      at: now, districtId: listRow.i.districtId, actor: actor, action: 'inspection.sign', entityType: 'inspection', entityId: id, after: { signatureHash: hash },
    });
  });
  return getInspection(ctx, actor, id);
}

export async function discardInspection(ctx: AppContext, actor: Actor, id: string, body: { version: number; reason: string }): Promise<{ ok: true }> {
  const { i: row } = await loadInScope(ctx.db, actor, id);
  assertDraft(row);
  if (row.createdBy !== actor.userId) throw forbidden('只有创建人可以删除检查草稿');
  if (body.version !== row.version) throw conflict();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const photos = (await listFilesOf(tx, INSPECTION_FILE_OWNER, [id])).get(id) ?? [];
    await detachFiles(tx, { ids: photos.map((f) => f.id), ownerType: INSPECTION_FILE_OWNER, ownerId: id });
    const answers = await repo.answersOf(tx, id);
    if (!(await repo.updateInspection(tx, id, row.version, { updatedAt: now }))) throw conflict();
    await repo.deleteInspection(tx, id);
    await recordAudit(tx, {
      at: now, districtId: row.districtId, actor: actor, action: 'inspection.discard', entityType: 'inspection', entityId: id,
      before: { ...row, answers }, after: { reason: body.reason },
    });
  });
  return { ok: true };
}

export async function inspectionVisibleTo(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  return (await repo.findInspectionInScope(ctx.db, inspectionScopeSql(actor), id)) !== null;
}
