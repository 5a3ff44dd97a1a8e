// What every hazard action handler is typed with: the stored row, the workflow's facts, the
// action's own request body.
import type { THazardActionRequest } from '../../../../contract/hazards.ts';
import type { HazardStatus } from '../../../../domain/hazards/hazard-machine.ts';
import type { HazardWorkflowFacts, HazardWorkflowInput } from '../../../../domain/hazards/hazard-workflow.ts';
import type { ActionHandler } from '../../../kernel/run-action.ts';
import type { HazardRow } from '../hazards.repository.ts';

export type HazardActionName = THazardActionRequest['action'];
export type HazardBody<K extends HazardActionName> = Extract<THazardActionRequest, { action: K }>;
export type HazardHandler<K extends HazardActionName> = ActionHandler<HazardRow, HazardWorkflowFacts, HazardBody<K>, HazardStatus, HazardWorkflowInput>;

/** Files of a hazard (before/after photos, evidence) and of its plans (contingency documents). */
export const HAZARD_FILE_OWNER = 'hazard';
export const PLAN_FILE_OWNER = 'hazard_plan';
