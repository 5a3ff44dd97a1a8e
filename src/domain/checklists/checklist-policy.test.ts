import { describe, expect, it } from 'vitest';
import { checklistAllowedActions, checklistListAllowedActions } from './checklist-policy.ts';
import { ROLES } from '../access/roles.ts';

describe('checklist templates: the office keeps them', () => {
  it('an active template is published anew, retired or exported; a retired one reactivated or exported', () => {
    expect(checklistAllowedActions('office', { active: true })).toEqual(['publish', 'retire', 'export']);
    expect(checklistAllowedActions('admin', { active: false })).toEqual(['reactivate', 'export']);
  });
  it('every other role only reads', () => {
    for (const r of ROLES.filter((x) => x !== 'office' && x !== 'admin')) expect(checklistAllowedActions(r, { active: true })).toEqual([]);
  });
  it('the built-in templates are offered to the office of a district with none', () => {
    expect(checklistListAllowedActions('office', { templateCount: 0, builtInUpdates: 0 })).toEqual(['load_built_ins']);
    expect(checklistListAllowedActions('office', { templateCount: 1, builtInUpdates: 0 })).toEqual([]);
    expect(checklistListAllowedActions('department', { templateCount: 0, builtInUpdates: 0 })).toEqual([]);
  });
  it('the built-ins’ newer wording is offered to the office while a district copy is behind', () => {
    expect(checklistListAllowedActions('office', { templateCount: 4, builtInUpdates: 1 })).toEqual(['update_built_ins']);
    expect(checklistListAllowedActions('department', { templateCount: 4, builtInUpdates: 1 })).toEqual([]);
  });
});
