// Built-in templates whose wording improved after districts had loaded them. A district's template
// that still holds an earlier built-in content, untouched, may take the new one as its next version
// (an office's act, offered as 更新内置检查表: past versions and the inspections that used them stay
// as they were). A template the district edited is its own and is left alone. Pure: no IO.
import { type ChecklistTemplateContent, templateChanged } from './checklist.ts';
import { CHONGMING_SPOT_CHECK, SEED_CHECKLISTS } from './seed-checklists.ts';

/**
 * 崇明 as districts loaded it before items stated their question and answer words: the items are
 * worded as violations and were answered 符合/不符合, so a record read "…无证上岗作业 — 符合".
 */
export const CHONGMING_BEFORE_WORDING: ChecklistTemplateContent = {
  ...CHONGMING_SPOT_CHECK,
  description: '各项为调度表栏目原文；抽查发现企业存在该情形的，判定为“不符合”，计入调度表该栏（家）。',
  groups: CHONGMING_SPOT_CHECK.groups.map((g) => ({ ...g, items: g.items.map((i) => ({ ...i, question: null, answerLabels: null })) })),
};

/** Earlier contents of the built-in templates, as stored by earlier releases (checklist-policy.ts BUILT_IN_UPDATE_NOTE says what changed). */
export const EARLIER_BUILT_INS: readonly ChecklistTemplateContent[] = [CHONGMING_BEFORE_WORDING];

/** The built-in content a template's current version may take, or null: not a built-in, already current, or the district's own edit. */
export function builtInUpdateFor(current: ChecklistTemplateContent): ChecklistTemplateContent | null {
  const latest = SEED_CHECKLISTS.find((t) => t.code === current.code);
  if (!latest || !templateChanged(current, latest)) return null;
  return EARLIER_BUILT_INS.some((e) => e.code === current.code && !templateChanged(e, current)) ? latest : null;
}
