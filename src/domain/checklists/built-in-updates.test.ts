import { describe, expect, it } from 'vitest';
import { CHONGMING_BEFORE_WORDING, builtInUpdateFor } from './built-in-updates.ts';
import { itemsOf, templateDiff } from './checklist.ts';
import { CHONGMING_SPOT_CHECK, DASHENG_SMALL_ENTERPRISE } from './seed-checklists.ts';

describe('built-in templates whose wording improved', () => {
  it('the 崇明 spot check as loaded before differs only in its wording: the question, the answer words and the description', () => {
    expect(templateDiff(CHONGMING_BEFORE_WORDING, CHONGMING_SPOT_CHECK).changed).toHaveLength(7);
    for (const i of itemsOf(CHONGMING_BEFORE_WORDING)) expect([i.question, i.answerLabels, i.finding]).toEqual([null, null, null]);
    const strip = (t: typeof CHONGMING_SPOT_CHECK) => ({ ...t, description: null, groups: t.groups.map((g) => ({ ...g, items: g.items.map((i) => ({ ...i, question: null, answerLabels: null })) })) });
    expect(strip(CHONGMING_BEFORE_WORDING)).toEqual(strip(CHONGMING_SPOT_CHECK));
  });

  it('a district copy still as loaded takes the new wording', () => {
    expect(builtInUpdateFor(structuredClone(CHONGMING_BEFORE_WORDING))).toEqual(CHONGMING_SPOT_CHECK);
  });

  it('a copy already current, one the district edited, and a template of its own are left alone', () => {
    expect(builtInUpdateFor(CHONGMING_SPOT_CHECK)).toBeNull();
    expect(builtInUpdateFor({ ...CHONGMING_BEFORE_WORDING, name: '本区抽查检查表' })).toBeNull();
    expect(builtInUpdateFor(DASHENG_SMALL_ENTERPRISE)).toBeNull();
    expect(builtInUpdateFor({ ...CHONGMING_BEFORE_WORDING, code: 'town-spot-check' })).toBeNull();
  });
});
