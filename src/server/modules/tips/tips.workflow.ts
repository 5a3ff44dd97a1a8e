// The triage workflow as the server runs it (kernel/run-action.ts). 属实 and 部分属实 record the
// hazard through the hazards' own use case (source 群众举报, the report's photos as its before
// photos, linked both ways); 重复 links the earlier report by its number; a department the office
// assigns is told and may record the finding.
import { and, eq, inArray } from 'drizzle-orm';
import type { TTipActionRequest, TTipDetail } from '../../../contract/tips.ts';
import { isOfficeOver } from '../../../domain/tips/tip-scope.ts';
import {
  type TipAction, type TipFacts, type TipInput, type TipRefusal, type TipRelation, type TipState, tipWorkflow,
} from '../../../domain/tips/tip-workflow.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { orgUnits, publicReports as pr } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid } from '../../http/errors.ts';
import type { ServerWorkflow } from '../../kernel/run-action.ts';
import { listFilesOf } from '../files/index.ts';
import { createHazardInTx } from '../hazards/index.ts';
import { TIP_FILE_OWNER } from './tips.public.ts';
import { tipScopeSql } from './tips.scope.ts';

type Row = typeof pr.$inferSelect;

export function tipRelations(actor: Actor, r: Pick<Row, 'districtId' | 'townshipId' | 'assignedUnitId'>): TipRelation[] {
  const rel: TipRelation[] = [];
  if (isOfficeOver(actor, r)) rel.push('office');
  if (actor.role === 'department' && r.assignedUnitId !== null && actor.unitId === r.assignedUnitId) rel.push('assignee');
  return rel;
}

/** A department of the report's township or of its district may be asked to investigate. */
async function checkedDepartment(db: DbOrTx, row: Row, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [u] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(
    eq(orgUnits.id, unitId), eq(orgUnits.kind, 'department'), eq(orgUnits.active, true), eq(orgUnits.districtId, row.districtId),
    inArray(orgUnits.parentId, [row.townshipId, row.districtId]),
  )).limit(1);
  if (!u) throw invalid({ assignedUnitId: ['所选科室不存在或不属于该镇街、区'] });
  return u.id;
}

async function earlierReport(db: DbOrTx, actor: Actor, row: Row, number: string) {
  const [d] = await db.select({ id: pr.id }).from(pr).where(and(eq(pr.number, number.trim().toUpperCase()), eq(pr.districtId, row.districtId), tipScopeSql(actor))).limit(1);
  return d ?? null;
}

const conclusion = (actor: Actor, now: Date, reason: string) => ({ conclusionReason: reason, concludedAt: now, concludedBy: actor.userId });

export function tipServerWorkflow(present: (ctx: AppContext, actor: Actor, id: string) => Promise<TTipDetail>): ServerWorkflow<
  TipState, TipAction, TipFacts, TipRelation, TipInput, TipRefusal, Row, TTipActionRequest, TTipDetail
> {
  return {
    def: tipWorkflow,
    audit: { entityType: 'public_report', actionPrefix: 'public_report' },
    label: '举报',
    forbiddenMessage: '您不能对该举报进行此操作',
    forbiddenMessageFor: (action) => (['accept', 'assign', 'mark_duplicate', 'reject', 'reply'].includes(action) ? '只有镇街或区安委办可以受理、指派和答复举报' : undefined),
    async load(db, actor, id) {
      const [r] = await db.select().from(pr).where(and(eq(pr.id, id), tipScopeSql(actor))).limit(1);
      return r ?? null;
    },
    facts: async (_db, r) => ({ status: r.status }),
    relations: async (_db, actor, r) => tipRelations(actor, r),
    async update(tx, id, version, set, now) {
      const [u] = await tx.update(pr).set({ ...set, version: version + 1, updatedAt: now }).where(and(eq(pr.id, id), eq(pr.version, version))).returning();
      return u ?? null;
    },
    handlers: {
      accept: {
        run: async ({ tx, row, body, now }) => {
          const assignedUnitId = await checkedDepartment(tx, row, body.assignedUnitId);
          return { set: { acceptedAt: now, assignedUnitId }, event: { data: { assignedUnitId } } };
        },
      },
      assign: {
        run: async ({ tx, row, body }) => {
          const assignedUnitId = await checkedDepartment(tx, row, body.assignedUnitId);
          return { set: { assignedUnitId }, event: { data: { assignedUnitId } } };
        },
      },
      substantiate: { run: (c) => recordHazard(c) },
      substantiate_partly: { run: (c) => recordHazard(c) },
      find_unfounded: {
        input: ({ body }) => ({ action: 'find_unfounded', reason: body.reason }),
        run: async ({ actor, now, body }) => ({ set: conclusion(actor, now, body.reason), event: { note: body.reason } }),
      },
      mark_duplicate: {
        input: async ({ tx, actor, row, body }) => {
          const d = await earlierReport(tx, actor, row, body.duplicateOfNumber);
          return { action: 'mark_duplicate', reason: body.reason, duplicateOfOpenable: d !== null, sameReport: d?.id === row.id };
        },
        run: async ({ tx, actor, row, body, now }) => {
          const d = await earlierReport(tx, actor, row, body.duplicateOfNumber);
          return { set: { ...conclusion(actor, now, body.reason), duplicateOfId: d!.id }, event: { note: body.reason, data: { duplicateOfId: d!.id } } };
        },
      },
      reject: {
        input: ({ body }) => ({ action: 'reject', reason: body.reason }),
        run: async ({ actor, now, body }) => ({ set: conclusion(actor, now, body.reason), event: { note: body.reason } }),
      },
      reply: {
        input: ({ body }) => ({ action: 'reply', reply: body.reply }),
        run: async ({ now, body }) => ({ set: { publicReply: body.reply, repliedAt: now }, event: { note: body.reply } }),
      },
      note: { run: async ({ body }) => ({ set: { internalNote: body.note }, event: { note: body.note } }) },
    },
    async notifications({ actor, row, body, set }) {
      if ((body.action !== 'accept' && body.action !== 'assign') || !set.assignedUnitId || set.assignedUnitId === row.assignedUnitId) return [];
      return [{
        districtId: row.districtId, kind: 'tip.assigned', title: `群众举报 ${row.number} 请核查`, body: `${actor.unitName} 指派贵单位核查该举报`,
        href: `/tips/${row.id}`, entity: { type: 'public_report', id: row.id }, audience: { unitIds: [set.assignedUnitId] }, actorId: actor.userId,
      }];
    },
    presentAfterAction: present,
  };
}

interface HazardScene {
  tx: Tx;
  ctx: AppContext;
  actor: Actor;
  row: Row;
  body: Extract<TTipActionRequest, { action: 'substantiate' | 'substantiate_partly' }>;
  now: Date;
}

/** 属实 / 部分属实: the hazard through createHazardInTx (its refusals roll the whole action back). */
async function recordHazard({ tx, ctx, actor, row, body, now }: HazardScene) {
  const h = body.hazard;
  const photos = ((await listFilesOf(tx, TIP_FILE_OWNER, [row.id])).get(row.id) ?? []).filter((f) => f.kind === 'photo');
  const hazardId = await createHazardInTx(tx, ctx, actor, {
    enterpriseId: h.enterpriseId, source: 'public', foundAt: now.toISOString(), description: h.description, location: h.location, sectorId: h.sectorId,
    category: h.category, level: h.level, criterion: null, fixedOnSpot: false, beforePhotoIds: [], afterPhotoIds: [], rectificationNote: null, dueDate: h.dueDate,
  }, undefined, { publicReportId: row.id, note: `群众举报 ${row.number} 核查${body.action === 'substantiate' ? '属实' : '部分属实'}`, copyBeforePhotos: photos });
  return { set: { ...conclusion(actor, now, body.reason), hazardId, enterpriseId: h.enterpriseId }, event: { note: body.reason, data: { hazardId } } };
}
