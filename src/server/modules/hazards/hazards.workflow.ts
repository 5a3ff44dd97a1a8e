// The hazard workflow as the server runs it (kernel/run-action.ts): how a hazard is loaded in the
// actor's scope, which facts and relations the domain definition decides on, how it is updated,
// and its action handlers (actions/).
import { sql } from 'drizzle-orm';
import type { THazardActionRequest, THazardDetail } from '../../../contract/hazards.ts';
import type { HazardRefusal, HazardStatus } from '../../../domain/hazards/hazard-machine.ts';
import {
  type HazardRelation, type HazardWorkflowAction, type HazardWorkflowFacts, type HazardWorkflowInput, hazardRelations, hazardWorkflow,
} from '../../../domain/hazards/hazard-workflow.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import type { ServerWorkflow } from '../../kernel/run-action.ts';
import { hazardActionHandlers } from './actions/index.ts';
import * as repo from './hazards.repository.ts';
import { hazardScopeSql } from './hazards.scope.ts';
import { hazardActionNotices } from './hazards.notifications.ts';

export type HazardServerWorkflow = ServerWorkflow<
  HazardStatus, HazardWorkflowAction, HazardWorkflowFacts, HazardRelation, HazardWorkflowInput, Exclude<HazardRefusal, 'not_in_state'>,
  repo.HazardRow, THazardActionRequest, THazardDetail
>;

export async function hazardFacts(db: DbOrTx, h: repo.HazardRow): Promise<HazardWorkflowFacts> {
  const [plans, reports] = await Promise.all([repo.plansOf(db, h.id), repo.reportsOf(db, h.id)]);
  const discovery = (recipient: 'department' | 'government') => reports.some((r) => r.kind === 'discovery' && r.recipient === recipient);
  return {
    status: h.status, level: h.level, hasPlan: plans.length > 0, accepted: h.acceptedAt !== null,
    discoveryReportedToDepartment: discovery('department'), discoveryReportedToGovernment: discovery('government'),
    pendingExtension: h.pendingExtensionId !== null, pendingTransfer: h.pendingTransferId !== null,
  };
}

/** The columns of a hazard that tie an actor to it (the workflow's row, or the 工作台's batch). */
export interface HazardTieColumns {
  enterpriseId: string;
  responsibleUnitId: string;
  rectifiedBy: string | null;
  /** The unit a pending transfer is addressed to, if any. */
  transferTo: string | null;
}

/** One place that says how an actor is tied to a hazard: the actions and the 工作台 both read it. */
export function hazardRelationsFor(actor: Actor, h: HazardTieColumns): HazardRelation[] {
  return hazardRelations({
    role: actor.role,
    isOwnEnterprise: actor.role === 'enterprise' && actor.enterpriseId === h.enterpriseId,
    isResponsibleUnit: (actor.role === 'village' || actor.role === 'department') && actor.unitId === h.responsibleUnitId,
    isTransferTarget: h.transferTo !== null && h.transferTo === actor.unitId,
    reportedRectification: h.rectifiedBy === actor.userId,
  });
}

export async function hazardRelationsOf(db: DbOrTx, actor: Actor, h: repo.HazardRow): Promise<HazardRelation[]> {
  const pending = h.pendingTransferId ? await repo.findTransfer(db, h.pendingTransferId) : null;
  return hazardRelationsFor(actor, { ...h, transferTo: pending?.toUnitId ?? null });
}

/** Built by the service, which owns the presenter (a function so the two modules need not import each other at load). */
export function hazardServerWorkflow(presentAfterAction: HazardServerWorkflow['presentAfterAction']): HazardServerWorkflow {
  return {
    def: hazardWorkflow,
    audit: { entityType: 'hazard', actionPrefix: 'hazard' },
    label: '隐患',
    forbiddenMessage: '您无权对该隐患执行此操作',
    forbiddenMessageFor: (action, relations) =>
      (action === 'verify_pass' || action === 'verify_fail') && relations.includes('verifyingSide') && !relations.includes('independentVerifier')
        ? '整改完成是您报告的，验收须由另一名工作人员进行'
        : undefined,
    load: async (db, actor, id) => (await repo.findHazardInScope(db, hazardScopeSql(actor), id))?.h ?? null,
    facts: hazardFacts,
    relations: (db, actor, row) => hazardRelationsOf(db, actor, row),
    update: (tx, id, version, set, now) => repo.updateHazard(tx, id, version, { ...set, updatedAt: now }),
    handlers: hazardActionHandlers,
    notifications: hazardActionNotices,
    presentAfterAction,
  };
}

/** Any hazard by id, whatever the scope: only for presenting the one an actor has just acted on. */
export const findHazardUnscoped = (db: DbOrTx, id: string) => repo.findHazardInScope(db, sql`true`, id);
