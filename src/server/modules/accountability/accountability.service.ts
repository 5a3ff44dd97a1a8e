// Accountability records (追责问责, 约谈通报): against officials and units of the region, never
// enterprises. Each write is one transaction with its audit row.
import type {
  TAccountabilityCreate, TAccountabilityDetail, TAccountabilityFilter, TAccountabilityListResponse, TAccountabilityUpdate,
} from '../../../contract/accountability.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { accountabilityAllowedActions } from '../../../domain/inspections/inspection-policy.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findHazardInScope } from '../hazards/index.ts';
import { hazardScopeSql } from '../hazards/index.ts';
import { presentAccountabilityDetail, presentAccountabilityItem } from './accountability.presenter.ts';
import * as repo from './accountability.repository.ts';
import { accountabilityScopeSql, townshipOf, unitInRegion } from './accountability.scope.ts';

/** Enterprises answer in enforcement cases (约谈、曝光、联合惩戒 are case measures), not here. */
export const ENTERPRISE_TARGET_MESSAGE = '问责对象不能是生产经营单位，对企业的约谈、通报请在执法案件中登记';

async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findRecordInScope(db, accountabilityScopeSql(actor), id);
  if (!row) throw notFound('问责记录');
  return row;
}

async function detailOf(db: DbOrTx, actor: Actor, row: repo.AccountabilityListRow): Promise<TAccountabilityDetail> {
  return presentAccountabilityDetail(row, await repo.findUserName(db, row.r.createdBy), accountabilityAllowedActions(actor.role));
}

export async function getRecord(ctx: AppContext, actor: Actor, id: string) {
  return detailOf(ctx.db, actor, await loadInScope(ctx.db, actor, id));
}

export async function listRecords(ctx: AppContext, actor: Actor, q: TAccountabilityFilter & { page: number; pageSize: number }): Promise<TAccountabilityListResponse> {
  const scope = accountabilityScopeSql(actor);
  const { rows, total, counts } = await repo.accountabilityList.page(ctx.db, { f: q, scope }, q);
  return {
    items: rows.map(presentAccountabilityItem), total, page: q.page, pageSize: q.pageSize,
    counts: { accountability: counts.accountability.n, interviewNotice: counts.interview_notice.n },
  };
}

/** The filtered records in the list's order, a batch at a time (the export streams it). */
export async function* recordBatches(ctx: AppContext, actor: Actor, f: TAccountabilityFilter) {
  for await (const rows of repo.accountabilityList.iterate(ctx.db, { f, scope: accountabilityScopeSql(actor) })) yield rows.map(presentAccountabilityItem);
}

/** The stored fields of a request, checked against the caller's region and view. */
async function fieldsOf(ctx: AppContext, actor: Actor, input: TAccountabilityCreate) {
  if (input.decidedOn > shanghaiDay(ctx.clock.now())) throw invalid({ decidedOn: ['决定日期不能晚于今天'] });
  let targetName = input.targetName;
  if (input.targetUnitId) {
    const unit = await repo.findUnit(ctx.db, actor.districtId, input.targetUnitId);
    if (!unit || !unitInRegion(actor, unit)) throw invalid({ targetUnitId: ['只能选择本辖区的部门、村（社区）或镇街'] });
    // A unit target is named by the unit itself.
    if (input.targetType === 'unit') targetName = unit.name;
  }
  if (!targetName) throw invalid({ targetName: ['请填写问责对象'] });
  if (input.targetType === 'unit' && !input.targetUnitId && (await repo.enterpriseNamed(ctx.db, actor.districtId, targetName))) {
    throw invalid({ targetName: [ENTERPRISE_TARGET_MESSAGE] }, ENTERPRISE_TARGET_MESSAGE);
  }
  if (input.hazardId && !(await findHazardInScope(ctx.db, hazardScopeSql(actor), input.hazardId))) {
    throw invalid({ hazardId: ['隐患不存在或不在您的管辖范围内'] });
  }
  return {
    kind: input.kind, targetType: input.targetType, targetName, targetUnitId: input.targetUnitId,
    position: input.targetType === 'person' ? input.position : null, measure: input.measure, reason: input.reason,
    hazardId: input.hazardId, accident: input.accident, decidedOn: input.decidedOn, decidedBy: input.decidedBy, documentNo: input.documentNo,
  };
}

export async function createRecord(ctx: AppContext, actor: Actor, input: TAccountabilityCreate): Promise<TAccountabilityDetail> {
  const fields = await fieldsOf(ctx, actor, input);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const r = await repo.insertRecord(tx, {
      ...fields, districtId: actor.districtId, townshipId: townshipOf(actor), createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action: 'accountability.create', entityType: 'accountability', entityId: r.id, after: r });
    return r.id;
  });
  return getRecord(ctx, actor, id);
}

export async function updateRecord(ctx: AppContext, actor: Actor, id: string, input: TAccountabilityUpdate): Promise<TAccountabilityDetail> {
  const before = (await loadInScope(ctx.db, actor, id)).r;
  if (input.version !== before.version) throw conflict();
  const fields = await fieldsOf(ctx, actor, input);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateRecord(tx, id, input.version, { ...fields, updatedAt: now });
    if (!after) throw conflict();
    await recordAudit(tx, { at: now, districtId: before.districtId, actor: actor, action: 'accountability.update', entityType: 'accountability', entityId: id, before, after });
  });
  return getRecord(ctx, actor, id);
}
