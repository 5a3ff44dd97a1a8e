// Publicity records (宣传/曝光): list, detail, record, edit and void, each write one transaction with
// its audit row and its record_events step. The office of a region keeps the region's records
// (decision 020); an exposure names enterprises of the recorder's scope; files go through the files
// module. Out of scope answers 404.
import type { TPublicityCreate, TPublicityDetail, TPublicityFilter, TPublicityListResponse, TPublicityUpdate } from '../../../contract/publicity.ts';
import type { TVoidRequest } from '../../../contract/common.ts';
import { can } from '../../../domain/access/permissions.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { keptPublicityRegion, publicityAllowedActions } from '../../../domain/publicity/publicity-policy.ts';
import { publicityDateProblems } from '../../../domain/publicity/publicity.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { eventWriter, eventsOf } from '../../kernel/record-events.ts';
import { recordAudit } from '../audit/index.ts';
import { scopeSql as enterpriseScopeSql } from '../enterprises/index.ts';
import { attachFiles, detachFiles, listFilesOf, presentFile } from '../files/index.ts';
import { presentPublicityDetail, presentPublicityItem } from './publicity.presenter.ts';
import * as repo from './publicity.repository.ts';
import { publicityScopeSql } from './publicity.scope.ts';

const OWNER = repo.PUBLICITY_FILE_OWNER;
const ENTITY = 'publicity_record';
const ENTERPRISE_OUT_OF_SCOPE = '生产经营单位不存在或不在您的管辖范围内';

async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findInScope(db, publicityScopeSql(actor), id);
  if (!row) throw notFound('宣传/曝光记录');
  return row;
}

const actionsOf = (actor: Actor, r: repo.PublicityRow) =>
  publicityAllowedActions(actor, { districtId: r.districtId, townshipId: r.townshipId, voided: r.voidedAt !== null });

/** Whether the actor may see the record (its files are served to the same people). */
export async function publicityVisibleTo(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  return can(actor.role, 'read:publicity') && (await repo.findInScope(ctx.db, publicityScopeSql(actor), id)) !== null;
}

export async function getPublicity(ctx: AppContext, actor: Actor, id: string): Promise<TPublicityDetail> {
  const row = await loadInScope(ctx.db, actor, id);
  const [files, createdByName, events] = await Promise.all([listFilesOf(ctx.db, OWNER, [id]), repo.userName(ctx.db, row.p.createdBy), eventsOf(ctx.db, ENTITY, id)]);
  return presentPublicityDetail(row, { files: (files.get(id) ?? []).map(presentFile), createdByName, events, allowedActions: actionsOf(actor, row.p) });
}

export async function listPublicity(ctx: AppContext, actor: Actor, q: TPublicityFilter & { page: number; pageSize: number }): Promise<TPublicityListResponse> {
  const { rows, total, counts } = await repo.publicityList.page(ctx.db, { f: q, scope: publicityScopeSql(actor) }, q);
  return {
    items: rows.map(presentPublicityItem), total, page: q.page, pageSize: q.pageSize,
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.n])) as TPublicityListResponse['counts'],
  };
}

/** The stored fields of a request, checked against today and the caller's enterprise scope (`named`: those the record named already). */
async function fieldsOf(ctx: AppContext, actor: Actor, input: TPublicityCreate, named: readonly string[] = []) {
  const problems = publicityDateProblems(input, shanghaiDay(ctx.clock.now()));
  if (Object.keys(problems).length) throw invalid(Object.fromEntries(Object.entries(problems).map(([k, m]) => [k, [m]])));
  const enterpriseIds = [...new Set(input.enterpriseIds)];
  const found = await repo.enterprisesAmong(ctx.db, enterpriseScopeSql(enterpriseScopeFor(actor)), enterpriseIds, named);
  if (found.length !== enterpriseIds.length) throw invalid({ enterpriseIds: [ENTERPRISE_OUT_OF_SCOPE] }, ENTERPRISE_OUT_OF_SCOPE);
  return {
    kind: input.kind, channel: input.channel, mainstream: input.mainstream, outlet: input.outlet, publishedOn: input.publishedOn, endsOn: input.endsOn,
    title: input.title, link: input.link, enterpriseIds, summary: input.summary,
  };
}

const noteOf = (r: { title: string }) => r.title.slice(0, 200);

export async function createPublicity(ctx: AppContext, actor: Actor, input: TPublicityCreate): Promise<TPublicityDetail> {
  const region = keptPublicityRegion(actor);
  if (!region) throw forbidden('只有区、乡镇（街道）安委办可以登记宣传/曝光记录');
  const fields = await fieldsOf(ctx, actor, input);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const r = await repo.insertRecord(tx, {
      ...fields, districtId: actor.districtId, townshipId: region.townshipId, unitId: actor.unitId, createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    await attachFiles(tx, actor, { ids: input.fileIds, ownerType: OWNER, ownerId: r.id, purpose: 'evidence' });
    await eventWriter(tx, { entityType: ENTITY, entityId: r.id, districtId: r.districtId, actor, at: now })({ action: 'create', from: null, to: 'active', note: noteOf(r) });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'publicity_record.create', entityType: ENTITY, entityId: r.id, after: { ...r, fileIds: input.fileIds } });
    return r.id;
  });
  return getPublicity(ctx, actor, id);
}

/** The record in scope, which the actor must keep and which must still be live at the version read. */
async function loadKept(ctx: AppContext, actor: Actor, id: string, version: number) {
  const before = (await loadInScope(ctx.db, actor, id)).p;
  if (before.voidedAt) throw conflict('该记录已作废');
  if (actionsOf(actor, before).length === 0) throw forbidden(before.townshipId ? '乡镇（街道）的宣传/曝光记录由该乡镇（街道）安委办维护' : '区级宣传/曝光记录由区安委办维护');
  if (version !== before.version) throw conflict();
  return before;
}

export async function updatePublicity(ctx: AppContext, actor: Actor, id: string, input: TPublicityUpdate): Promise<TPublicityDetail> {
  const before = await loadKept(ctx, actor, id, input.version);
  // an enterprise voided since the record named it stays nameable on the record
  const fields = await fieldsOf(ctx, actor, input, before.enterpriseIds);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateRecord(tx, id, input.version, { ...fields, updatedAt: now });
    if (!after) throw conflict();
    const current = ((await listFilesOf(tx, OWNER, [id])).get(id) ?? []).map((f) => f.id);
    const removed = current.filter((f) => !input.fileIds.includes(f));
    if (removed.length) await detachFiles(tx, { ids: removed, ownerType: OWNER, ownerId: id });
    await attachFiles(tx, actor, { ids: input.fileIds.filter((f) => !current.includes(f)), ownerType: OWNER, ownerId: id, purpose: 'evidence' });
    await eventWriter(tx, { entityType: ENTITY, entityId: id, districtId: before.districtId, actor, at: now })({ action: 'update', from: 'active', to: 'active', note: noteOf(after) });
    await recordAudit(tx, {
      at: now, districtId: before.districtId, actor, action: 'publicity_record.update', entityType: ENTITY, entityId: id,
      before: { ...before, fileIds: current }, after: { ...after, fileIds: input.fileIds },
    });
  });
  return getPublicity(ctx, actor, id);
}

export async function voidPublicity(ctx: AppContext, actor: Actor, id: string, input: TVoidRequest): Promise<TPublicityDetail> {
  const before = await loadKept(ctx, actor, id, input.version);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateRecord(tx, id, input.version, { voidedAt: now, voidReason: input.reason, voidedBy: actor.userId, updatedAt: now });
    if (!after) throw conflict();
    await eventWriter(tx, { entityType: ENTITY, entityId: id, districtId: before.districtId, actor, at: now })({ action: 'void', from: 'active', to: 'voided', note: input.reason });
    await recordAudit(tx, { at: now, districtId: before.districtId, actor, action: 'publicity_record.void', entityType: ENTITY, entityId: id, before, after });
  });
  return getPublicity(ctx, actor, id);
}
