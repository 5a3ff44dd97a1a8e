// Who may do what to a leaders' activity record (领导活动), and which leaders a unit may record:
// the unit that recorded it edits and voids it, so does the office (or admin) over its region; a
// department records its own head only, as 安委会成员单位负责人. Pure.
import { type ScopeActor, standsOver } from '../access/scope.ts';
import type { LeaderPost } from './leadership.ts';

/** The township an actor's record belongs to (null: the district's own). */
export function activityTownshipOf(a: ScopeActor): string | null {
  if (a.unitKind === 'township') return a.unitId;
  if (a.unitKind === 'department' && a.departmentRegion?.level === 'township') return a.departmentRegion.id;
  return null;
}

/** The office (or admin) over a record's region: the district's over all, a township's over its own. */
export function keepsActivityRegion(a: ScopeActor, r: { districtId: string; townshipId: string | null }): boolean {
  return (a.role === 'office' || a.role === 'admin') && standsOver(a, r);
}

export const ACTIVITY_ACTIONS = ['edit', 'void'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];
export const ACTIVITY_ACTION_LABELS: Record<ActivityAction, string> = { edit: '修改', void: '作废' };

export interface ActivityTies {
  /** The caller's role may record activities at all (record:leadership). */
  mayRecord: boolean;
  /** The caller's unit recorded it. */
  ownUnit: boolean;
  /** The caller is the office or admin of the region it belongs to. */
  keepsRegion: boolean;
  voided: boolean;
}

export function activityAllowedActions(t: ActivityTies): ActivityAction[] {
  if (t.voided || !t.mayRecord || !(t.ownUnit || t.keepsRegion)) return [];
  return ['edit', 'void'];
}

/** The posts a recorder may name: a department its own head (安委会成员单位负责人), anyone else every post. */
export function postsRecordableBy(recorderUnitKind: 'district' | 'township' | 'village' | 'department'): readonly LeaderPost[] {
  return recorderUnitKind === 'department' ? ['member_unit_head'] : ['party_secretary', 'government_head', 'deputy', 'member_unit_head'];
}

/** Requirements of a campaign: its office keeps them. */
export const REQUIREMENT_ACTIONS = ['create', 'edit', 'void'] as const;
export type RequirementAction = (typeof REQUIREMENT_ACTIONS)[number];
export const requirementAllowedActions = (keepsCampaign: boolean): RequirementAction[] => (keepsCampaign ? ['create', 'edit', 'void'] : []);
