// What may be done with checklist templates: the office keeps them (manage:checklist); everyone
// else reads the active ones. Pure: the server sends these as allowedActions.
import { can } from '../access/permissions.ts';
import type { Role } from '../access/roles.ts';

/** What may be done to one template: publish a new version, retire or reactivate it, export it. */
export const CHECKLIST_ACTIONS = ['publish', 'retire', 'reactivate', 'export'] as const;
export type ChecklistAction = (typeof CHECKLIST_ACTIONS)[number];

/** What may be done to the district's list of templates: load the built-in ones while it has none. */
export const CHECKLIST_LIST_ACTIONS = ['load_built_ins'] as const;
export type ChecklistListAction = (typeof CHECKLIST_LIST_ACTIONS)[number];

/** A retired template is reactivated before a new version is published. */
export function checklistAllowedActions(role: Role, t: { active: boolean }): ChecklistAction[] {
  if (!can(role, 'manage:checklist')) return [];
  return t.active ? ['publish', 'retire', 'export'] : ['reactivate', 'export'];
}

/** The built-in templates are offered only to a district that has no template at all. */
export function checklistListAllowedActions(role: Role, district: { templateCount: number }): ChecklistListAction[] {
  return can(role, 'manage:checklist') && district.templateCount === 0 ? ['load_built_ins'] : [];
}
