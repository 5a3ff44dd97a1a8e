// The enforcement case workflow as the server runs it (kernel/run-action.ts): how a case is loaded
// in the actor's scope, its facts and the actor's relations, how it is updated, how refusals map
// onto the form's fields, and its action handlers (actions/).
import type { TCaseActionRequest, TCaseDetail } from '../../../contract/cases.ts';
import {
  type CaseRelation, type CaseWorkflowFacts, type CaseWorkflowInput, type CaseWorkflowRefusal, caseRelations, caseWorkflow,
  type CaseAllowedAction,
} from '../../../domain/enforcement/case-workflow.ts';
import { CASE_ACTIONS, CASE_ACTION_LABELS, type CaseAction, type CaseStatus, type EnforcementMeasure, type MeasureProblem, MEASURE_PROBLEM_MESSAGES, measureProblem } from '../../../domain/enforcement/enforcement.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { ServerWorkflow } from '../../kernel/run-action.ts';
import { findEnterpriseInScope } from '../enterprises/index.ts';
import { caseActionHandlers } from './actions/index.ts';
import { measureFromInput } from './actions/case-action.ts';
import { measureOf } from './cases.presenter.ts';
import * as repo from './cases.repository.ts';
import { caseScopeSql } from './cases.scope.ts';

export type CaseServerWorkflow = ServerWorkflow<
  CaseStatus, CaseAllowedAction, CaseWorkflowFacts, CaseRelation, CaseWorkflowInput, CaseWorkflowRefusal, repo.CaseRow, TCaseActionRequest, TCaseDetail
>;

export async function caseFacts(db: DbOrTx, c: repo.CaseRow): Promise<CaseWorkflowFacts> {
  const measures = await repo.measuresOf(db, c.id);
  return { status: c.status, measures: measures.map(measureOf), published: c.published };
}

export async function caseRelationsOf(db: DbOrTx, actor: Actor, c: repo.CaseRow): Promise<CaseRelation[]> {
  const enterpriseInScope = (await findEnterpriseInScope(db, enterpriseScopeFor(actor), c.enterpriseId)) !== null;
  return caseRelations({ role: actor.role, enterpriseInScope, isHandlingUnit: c.unitId === actor.unitId });
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

/** Refusals that belong to a field of the form, or that are conflicts rather than mistakes. */
function caseRefusalError(refusal: CaseWorkflowRefusal | 'not_in_state', body: TCaseActionRequest, msg: string): AppError | undefined {
  switch (refusal) {
    case 'measure_invalid':
      return invalid(measureErrors(body.action === 'decide' ? body.measures.map(measureFromInput) : []), msg);
    case 'decision_contradictory':
      return invalid({ noPenaltyReason: [msg] }, msg);
    case 'decision_missing':
      return invalid({ measures: [msg] }, msg);
    case 'note_missing':
      return invalid({ note: [msg] }, msg);
    case 'already_published':
    case 'not_published':
      return new AppError('CONFLICT', msg);
    default:
      return undefined;
  }
}

export function caseServerWorkflow(presentAfterAction: CaseServerWorkflow['presentAfterAction']): CaseServerWorkflow {
  return {
    def: caseWorkflow,
    audit: { entityType: 'enforcement_case', actionPrefix: 'case' },
    label: '执法案件',
    forbiddenMessage: '您无权办理该执法案件',
    load: async (db, actor, id) => (await repo.findCaseInScope(db, caseScopeSql(actor), id))?.c ?? null,
    facts: caseFacts,
    relations: (db, actor, row) => caseRelationsOf(db, actor, row),
    update: (tx, id, version, set, now) => repo.updateCase(tx, id, version, { ...set, updatedAt: now }),
    handlers: caseActionHandlers,
    // A step of the case tells the rest of the handling unit (the actor is never told).
    notifications: ({ actor, row, body }) => (CASE_ACTIONS as readonly string[]).includes(body.action)
      ? [{
        districtId: row.districtId, kind: 'case.step', title: `执法案件 ${row.number} ${row.title}`,
        body: `${actor.unitName} ${actor.displayName}：${CASE_ACTION_LABELS[body.action as CaseAction]}`,
        href: `/cases/${row.id}`, entity: { type: 'enforcement_case', id: row.id }, audience: { unitIds: [row.unitId] }, actorId: actor.userId,
      }]
      : [],
    refusalError: caseRefusalError,
    presentAfterAction,
  };
}
