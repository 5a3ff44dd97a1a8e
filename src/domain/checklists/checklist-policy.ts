// What may be done with checklist templates: the office keeps them (manage:checklist); everyone
// else reads the active ones. Pure: the server sends these as allowedActions.
import { can } from '../access/permissions.ts';
import type { Role } from '../access/roles.ts';

/** What may be done to one template: publish a new version, retire or reactivate it, export it. */
export const CHECKLIST_ACTIONS = ['publish', 'retire', 'reactivate', 'export'] as const;
export type ChecklistAction = (typeof CHECKLIST_ACTIONS)[number];

/**
 * What may be done to the district's list of templates: load the built-in ones while it has none;
 * publish the built-ins' newer wording over the district's untouched copies (built-in-updates.ts).
 */
export const CHECKLIST_LIST_ACTIONS = ['load_built_ins', 'update_built_ins'] as const;
export type ChecklistListAction = (typeof CHECKLIST_LIST_ACTIONS)[number];

/**
 * What update_built_ins changes, for the office deciding whether to take it. Kept here, beside the
 * action, so the page can say it without loading the built-in contents (built-in-updates.ts).
 */
export const BUILT_IN_UPDATE_NOTE =
  '崇明抽查检查表的各项改为按“是否存在……的情形？”提问，回答“否/是”（“是”为发现问题，仍计为不符合）。';

/** A retired template is reactivated before a new version is published. */
export function checklistAllowedActions(role: Role, t: { active: boolean }): ChecklistAction[] {
  if (!can(role, 'manage:checklist')) return [];
  return t.active ? ['publish', 'retire', 'export'] : ['reactivate', 'export'];
}

/** The built-in templates are offered only to a district that has no template at all; their updates while any is pending. */
export function checklistListAllowedActions(role: Role, district: { templateCount: number; builtInUpdates: number }): ChecklistListAction[] {
  if (!can(role, 'manage:checklist')) return [];
  const out: ChecklistListAction[] = [];
  if (district.templateCount === 0) out.push('load_built_ins');
  if (district.builtInUpdates > 0) out.push('update_built_ins');
  return out;
}
