// Who may do what with inspections, plans, cases and accountability records, by role.
// The data scope (which enterprises) comes from domain/scope.ts; this says which kinds.
// Pure: the server enforces it, the web only mirrors what the server answers.
import type { Role } from '../access/roles.ts';
import { mayOpenCaseOnInspection } from '../enforcement/case-policy.ts';
import { type InspectionType, SELF_INSPECTION_TYPES } from './inspection-rules.ts';
import { can } from '../access/permissions.ts';

/**
 * The inspection types each role may start. Enforcement is the departments' (they hold the
 * powers and the certificates); villages and grid officers assist and spot-check; the office
 * and supervision groups supervise and spot-check; an enterprise only inspects itself.
 */
export const INSPECTION_TYPES_BY_ROLE: Record<Role, readonly InspectionType[]> = {
  admin: ['assistance', 'supervision', 'spot_check'],
  office: ['assistance', 'supervision', 'spot_check'],
  leader: [],
  department: ['enforcement', 'assistance', 'supervision', 'spot_check'],
  village: ['assistance', 'spot_check'],
  enterprise: ['self_daily', 'self_weekly', 'self_monthly'],
  supervision_group: ['supervision', 'spot_check'],
};

export function mayStartInspection(role: Role, type: InspectionType): boolean {
  return INSPECTION_TYPES_BY_ROLE[role].includes(type);
}

/** What may be done to one inspection record (its allowedActions); open_case is 立案 on it. */
export const INSPECTION_ACTIONS = ['edit', 'sign', 'complete', 'discard', 'open_case'] as const;
export type InspectionAction = (typeof INSPECTION_ACTIONS)[number];

/**
 * The actions offered on an inspection now: its inspectors fill in, sign (unless they signed
 * what it holds now) and complete a draft; its creator discards a draft; the roles that run
 * cases open one on a completed inspection that found something (case-policy).
 */
export function inspectionAllowedActions(
  role: Role,
  i: { status: 'draft' | 'completed'; failedCount: number; type: InspectionType },
  tie: { isInspector: boolean; signedAsItStands: boolean; isCreator: boolean },
): InspectionAction[] {
  const draft = i.status === 'draft';
  const out: InspectionAction[] = [];
  if (draft && tie.isInspector) out.push('edit');
  if (draft && tie.isInspector && !tie.signedAsItStands) out.push('sign');
  if (draft && tie.isInspector) out.push('complete');
  if (draft && tie.isCreator) out.push('discard');
  if (mayOpenCaseOnInspection(role, i)) out.push('open_case');
  return out;
}

/** What may be done to an enterprise's 日周月 schedule (the schedule view's allowedActions). */
export const SCHEDULE_ACTIONS = ['edit'] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];
/** What may be done with an enterprise's self-inspections due today (the today card's allowedActions). */
export const TODAY_TASK_ACTIONS = ['start'] as const;
export type TodayTaskAction = (typeof TODAY_TASK_ACTIONS)[number];

/** Whether the actor may set the 日周月 schedule of an enterprise it sees: an editor role, and the enterprise not voided. */
export function mayEditSchedule(role: Role, enterprise: { voided: boolean }): boolean {
  return can(role, 'edit:schedule') && !enterprise.voided;
}

/** Self-inspections are the enterprise's own: only its account starts them, on its own enterprise. */
export function mayStartSelfInspection(actor: { role: Role; enterpriseId: string | null }, enterpriseId: string): boolean {
  return SELF_INSPECTION_TYPES.every((t) => mayStartInspection(actor.role, t)) && actor.enterpriseId === enterpriseId;
}

export const scheduleAllowedActions = (role: Role, enterprise: { voided: boolean }): ScheduleAction[] =>
  mayEditSchedule(role, enterprise) ? ['edit'] : [];

export const todayTaskAllowedActions = (actor: { role: Role; enterpriseId: string | null }, enterpriseId: string): TodayTaskAction[] =>
  mayStartSelfInspection(actor, enterpriseId) ? ['start'] : [];

/** What may be done to an accountability record (追责问责, 约谈通报): the office keeps them. */
export const ACCOUNTABILITY_ACTIONS = ['edit'] as const;
export type AccountabilityAction = (typeof ACCOUNTABILITY_ACTIONS)[number];

export const accountabilityAllowedActions = (role: Role): AccountabilityAction[] => (can(role, 'edit:accountability') ? ['edit'] : []);
