import { describe, expect, it } from 'vitest';
import {
  ANSWER_LABEL_PRESETS, type StoredTemplateContent, answerLabelsOf, itemFinding, itemQuestion, withItemDefaults,
  CHECK_METHODS, CHECK_METHOD_LABELS, CHECKLIST_AUDIENCES, CHECKLIST_AUDIENCE_LABELS, CONFORMITY_RESULTS, CONFORMITY_RESULT_LABELS,
  type ChecklistTemplateContent, type ChecklistTemplateVersion, type CheckMethod, EDIT_IN_PLACE_REFUSAL_MESSAGES, RESPONSE_TYPES,
  RESPONSE_TYPE_LABELS, TEMPLATE_PROBLEM_MESSAGES, TEMPLATE_VERSION_REFUSAL_MESSAGES, type TemplateProblem, checkMethodsOf,
  checklistItem, currentPublishedVersion, editInPlaceRefusal, firstTemplateVersion, itemsOf, nextTemplateVersion, templateChanged,
  templateDiff, templateProblems,
} from './checklist.ts';

const content = (o: Partial<ChecklistTemplateContent> = {}): ChecklistTemplateContent => ({
  code: 'fire-safety',
  name: '消防安全检查表',
  audience: 'enterprise',
  source: null,
  description: null,
  groups: [
    {
      title: '消防设施',
      items: [
        checklistItem({ key: 'extinguishers', content: '灭火器配置齐全、在有效期内', howToCheck: '看现场，查维保记录' }),
        checklistItem({ key: 'exits', content: '安全出口畅通', howToCheck: '看现场', photoRequired: true }),
      ],
    },
    {
      title: '人员',
      items: [
        checklistItem({ key: 'staff-count', content: '在岗人数', responseType: 'number', unit: '人' }),
        checklistItem({ key: 'duty-note', content: '值班情况', responseType: 'text', howToCheck: '问值班人员' }),
      ],
    },
  ],
  ...o,
});
const v1 = (): ChecklistTemplateVersion => ({ ...content(), version: 1 });

/** A copy of a content with one item changed. */
function editItem(t: ChecklistTemplateContent, key: string, change: Partial<ChecklistTemplateContent['groups'][number]['items'][number]>): ChecklistTemplateContent {
  return { ...t, groups: t.groups.map((g) => ({ ...g, items: g.items.map((i) => (i.key === key ? { ...i, ...change } : i)) })) };
}

describe('labels', () => {
  it.each([
    ['audiences', CHECKLIST_AUDIENCES, CHECKLIST_AUDIENCE_LABELS],
    ['check methods', CHECK_METHODS, CHECK_METHOD_LABELS],
    ['response types', RESPONSE_TYPES, RESPONSE_TYPE_LABELS],
    ['conformity results', CONFORMITY_RESULTS, CONFORMITY_RESULT_LABELS],
  ] as const)('every one of the %s has a Chinese label', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const l of Object.values(labels)) expect(l).toMatch(/[\u4e00-\u9fff]/);
  });

  it('问/查/看 and 符合/不符合/不适用 read as in the plans', () => {
    expect(CHECK_METHODS.map((m) => CHECK_METHOD_LABELS[m]).join('/')).toBe('问/查/看');
    expect(CONFORMITY_RESULTS.map((r) => CONFORMITY_RESULT_LABELS[r]).join('/')).toBe('符合/不符合/不适用');
  });

  it.each([TEMPLATE_PROBLEM_MESSAGES, TEMPLATE_VERSION_REFUSAL_MESSAGES, EDIT_IN_PLACE_REFUSAL_MESSAGES])('refusal messages are Chinese', (m) => {
    for (const s of Object.values(m)) expect(s).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('checkMethodsOf: 问/查/看 in 排查要点及方式', () => {
  it.each<[string, CheckMethod[]]>([
    ['问主要负责人和安全管理人员；查考核制度和责任落实情况。', ['ask', 'records']],
    ['查制度建立情况，是否切合企业实际，问员工操作规程。', ['ask', 'records']],
    ['问经费投入情况，看设施设备、培训、劳保等维护情况。', ['ask', 'look']],
    ['看现场、查证件、问作业要点', ['ask', 'records', 'look']],
    ['查预案编制、培训和演练资料，并现场问是否掌握。', ['ask', 'records']],
    ['问业主或安全管理人员', ['ask']],
    ['查风险辨识台账等是否登记 ，看警示标志', ['records', 'look']],
    // 检查 and 排查 name the activity, not a records check
    ['看隐患台账，问作业人员是怎么做的，现场检查安全隐患', ['ask', 'look']],
    ['现场检查', []],
    ['开展排查、调查、督查、抽查、巡查', []],
    ['查“日周月”排查及整改记录', ['records']],
    ['核查证照，审查台账', ['records']],
    // 问题 and 问责 are nouns; 询问 is asking
    ['发现问题及时问责', []],
    ['询问值班人员', ['ask']],
    // 查看 and 察看 are looking
    ['查看消防通道', ['look']],
    ['察看现场', ['look']],
    ['', []],
    ['符合要求', []],
  ])('%j → %j', (text, methods) => {
    expect(checkMethodsOf(text)).toEqual(methods);
  });
});

describe('checklistItem defaults', () => {
  it('derives check methods from howToCheck unless they are given', () => {
    expect(checklistItem({ key: 'a', content: 'x', howToCheck: '看现场、问员工' }).checkMethods).toEqual(['ask', 'look']);
    expect(checklistItem({ key: 'a', content: 'x', howToCheck: '现场检查', checkMethods: ['look'] }).checkMethods).toEqual(['look']);
  });

  it('a conformity item without photos, requirement, unit or wording of its own by default', () => {
    expect(checklistItem({ key: 'a', content: 'x' })).toEqual({
      key: 'a', content: 'x', requirement: null, howToCheck: '', checkMethods: [], responseType: 'conformity', photoRequired: false, unit: null,
      question: null, finding: null, answerLabels: null,
    });
  });

  it.each([
    [undefined, false],
    [false, false],
    [true, true],
  ] as const)('a photo item always requires a photo (photoRequired %s → %s for conformity)', (photoRequired, conformityRequires) => {
    expect(checklistItem({ key: 'a', content: 'x', responseType: 'photo', photoRequired }).photoRequired).toBe(true);
    expect(checklistItem({ key: 'a', content: 'x', photoRequired }).photoRequired).toBe(conformityRequires);
  });
});

describe('itemsOf', () => {
  it('flattens the groups in order with the group title', () => {
    expect(itemsOf(content()).map((i) => [i.groupTitle, i.key])).toEqual([
      ['消防设施', 'extinguishers'], ['消防设施', 'exits'], ['人员', 'staff-count'], ['人员', 'duty-note'],
    ]);
  });
});

describe('templateProblems', () => {
  const item = content().groups[0]!.items[0]!;
  it.each<[string, ChecklistTemplateContent, TemplateProblem[]]>([
    ['a valid template', content(), []],
    ['a code with capitals', content({ code: 'Fire' }), [{ problem: 'code_invalid' }]],
    ['a code with a trailing hyphen', content({ code: 'fire-' }), [{ problem: 'code_invalid' }]],
    ['a blank name', content({ name: '  ' }), [{ problem: 'name_missing' }]],
    ['an unknown audience', content({ audience: 'nobody' as never }), [{ problem: 'audience_invalid' }]],
    ['no groups', content({ groups: [] }), [{ problem: 'no_groups' }]],
    ['a blank group title', content({ groups: [{ title: '', items: [item] }] }), [{ problem: 'group_title_missing', group: 0 }]],
    ['an empty group', content({ groups: [{ title: 'a', items: [item] }, { title: 'b', items: [] }] }), [{ problem: 'group_empty', group: 1 }]],
    ['a bad item key', content({ groups: [{ title: 'a', items: [{ ...item, key: '灭火器' }] }] }), [{ problem: 'item_key_invalid', key: '灭火器' }]],
    [
      'a key used in two groups',
      content({ groups: [{ title: 'a', items: [item] }, { title: 'b', items: [item] }] }),
      [{ problem: 'item_key_duplicate', key: 'extinguishers' }],
    ],
    ['blank content', editItem(content(), 'exits', { content: ' ' }), [{ problem: 'item_content_missing', key: 'exits' }]],
    ['an unknown response type', editItem(content(), 'exits', { responseType: 'yes_no' as never }), [{ problem: 'response_type_invalid', key: 'exits' }]],
    ['a repeated check method', editItem(content(), 'exits', { checkMethods: ['look', 'look'] }), [{ problem: 'check_methods_invalid', key: 'exits' }]],
    ['an unknown check method', editItem(content(), 'exits', { checkMethods: ['smell' as never] }), [{ problem: 'check_methods_invalid', key: 'exits' }]],
    ['a unit on a text item', editItem(content(), 'duty-note', { unit: '人' }), [{ problem: 'unit_not_number', key: 'duty-note' }]],
    ['the finding-first words 否/是/不适用', editItem(content(), 'exits', { answerLabels: ANSWER_LABEL_PRESETS.finding_yes }), []],
    ['a question on a number item', editItem(content(), 'staff-count', { question: '在岗多少人？' }), []],
    ['a blank answer word', editItem(content(), 'exits', { answerLabels: { conform: '否', nonconform: ' ', not_applicable: '不适用' } }), [{ problem: 'answer_labels_invalid', key: 'exits' }]],
    ['two answers in the same word', editItem(content(), 'exits', { answerLabels: { conform: '是', nonconform: '是', not_applicable: '不适用' } }), [{ problem: 'answer_labels_invalid', key: 'exits' }]],
    ['an answer word over 8 characters', editItem(content(), 'exits', { answerLabels: { conform: '否', nonconform: '是，存在该情形的问题', not_applicable: '不适用' } }), [{ problem: 'answer_labels_invalid', key: 'exits' }]],
    ['answer words on a text item', editItem(content(), 'duty-note', { answerLabels: ANSWER_LABEL_PRESETS.finding_yes }), [{ problem: 'wording_not_conformity', key: 'duty-note' }]],
    ['a finding on a number item', editItem(content(), 'staff-count', { finding: '人数不足' }), [{ problem: 'wording_not_conformity', key: 'staff-count' }]],
  ])('%s', (_name, t, problems) => {
    expect(templateProblems(t)).toEqual(problems);
  });
});

describe('template versioning', () => {
  it('version 1 of a valid template; an invalid one is refused with its problems', () => {
    expect(firstTemplateVersion(content())).toEqual({ ok: true, template: { ...content(), version: 1 } });
    expect(firstTemplateVersion(content({ name: '' }))).toEqual({ ok: false, refusal: 'invalid', problems: [{ problem: 'name_missing' }] });
  });

  const edits: [string, (t: ChecklistTemplateContent) => ChecklistTemplateContent][] = [
    ['the name', (t) => ({ ...t, name: '消防安全检查表（2025版）' })],
    ['the audience', (t) => ({ ...t, audience: 'small_venue' })],
    ['the source', (t) => ({ ...t, source: '某某文件' })],
    ['the description', (t) => ({ ...t, description: '说明' })],
    ['a group title', (t) => ({ ...t, groups: [{ ...t.groups[0]!, title: '消防设施设备' }, t.groups[1]!] })],
    ['an item content', (t) => editItem(t, 'exits', { content: '安全出口、疏散通道畅通' })],
    ['an item requirement', (t) => editItem(t, 'exits', { requirement: '《消防法》第二十八条' })],
    ['how to check', (t) => editItem(t, 'exits', { howToCheck: '看现场、问员工', checkMethods: ['ask', 'look'] })],
    ['the check methods alone', (t) => editItem(t, 'exits', { checkMethods: ['look', 'ask'] })],
    ['the response type', (t) => editItem(t, 'exits', { responseType: 'photo' })],
    ['photo required', (t) => editItem(t, 'exits', { photoRequired: false })],
    ['the unit', (t) => editItem(t, 'staff-count', { unit: '名' })],
    ['the question', (t) => editItem(t, 'exits', { question: '安全出口是否畅通？' })],
    ['the finding', (t) => editItem(t, 'exits', { finding: '安全出口堵塞' })],
    ['the answer words', (t) => editItem(t, 'exits', { answerLabels: ANSWER_LABEL_PRESETS.requirement_yes })],
    ['an item added', (t) => ({ ...t, groups: [t.groups[0]!, { ...t.groups[1]!, items: [...t.groups[1]!.items, checklistItem({ key: 'new', content: '新增项' })] }] })],
    ['an item removed', (t) => ({ ...t, groups: [{ ...t.groups[0]!, items: t.groups[0]!.items.slice(1) }, t.groups[1]!] })],
    ['items reordered', (t) => ({ ...t, groups: [{ ...t.groups[0]!, items: [...t.groups[0]!.items].reverse() }, t.groups[1]!] })],
    ['groups reordered', (t) => ({ ...t, groups: [...t.groups].reverse() })],
  ];

  it.each(edits)('changing %s publishes the next version and leaves the current one as it was', (_name, edit) => {
    const current = v1();
    const before = structuredClone(current);
    const edited = edit(content());
    expect(templateChanged(current, edited)).toBe(true);
    const r = nextTemplateVersion(current, edited);
    expect(r).toEqual({ ok: true, template: { ...edited, version: 2 } });
    expect(current).toEqual(before);
    // the new version shares nothing with the edit, so later changes to either stay apart
    if (r.ok) expect(r.template.groups).not.toBe(edited.groups);
  });

  it('counts on from any version', () => {
    const r = nextTemplateVersion({ ...content(), version: 7 }, { ...content(), name: '新名称' });
    expect(r.ok && r.template.version).toBe(8);
  });

  it('an unchanged template is no new version; the version number itself is not content', () => {
    expect(templateChanged(v1(), content())).toBe(false);
    const v5: ChecklistTemplateVersion = { ...content(), version: 5 };
    expect(templateChanged(v1(), v5)).toBe(false);
    expect(nextTemplateVersion(v1(), content())).toEqual({ ok: false, refusal: 'unchanged', problems: [] });
  });

  it('the code stays: a different code is another template', () => {
    expect(nextTemplateVersion(v1(), content({ code: 'other' }))).toEqual({ ok: false, refusal: 'code_changed', problems: [] });
  });

  it('an invalid edit is refused with its problems', () => {
    expect(nextTemplateVersion(v1(), editItem(content(), 'exits', { key: 'extinguishers' }))).toEqual({
      ok: false, refusal: 'invalid', problems: [{ problem: 'item_key_duplicate', key: 'extinguishers' }],
    });
  });

  it('templateDiff names the items added, removed and changed (moving an item to another group changes it)', () => {
    const t = content();
    const edited: ChecklistTemplateContent = {
      ...t,
      groups: [
        { ...t.groups[0]!, items: [editItem(t, 'extinguishers', { content: '灭火器完好' }).groups[0]!.items[0]!] },
        { ...t.groups[1]!, items: [t.groups[0]!.items[1]!, t.groups[1]!.items[0]!, checklistItem({ key: 'gas', content: '燃气管道' })] },
      ],
    };
    expect(templateDiff(t, edited)).toEqual({ added: ['gas'], removed: ['duty-note'], changed: ['extinguishers', 'exits'] });
    expect(templateDiff(t, content())).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('an item’s wording: its question, its finding and the words of its answers', () => {
  const plain = checklistItem({ key: 'exits', content: '安全出口畅通' });
  const spot = checklistItem({
    key: 'certificates', content: '电焊等特种作业岗位人员无证上岗作业', requirement: '严禁无证上岗',
    question: '是否存在“电焊等特种作业岗位人员无证上岗作业”的情形？', answerLabels: ANSWER_LABEL_PRESETS.finding_yes,
  });

  it('without wording of its own an item asks its content, finds its content and answers 符合/不符合/不适用', () => {
    expect([itemQuestion(plain), itemFinding(plain), answerLabelsOf(plain)]).toEqual(['安全出口畅通', '安全出口畅通', CONFORMITY_RESULT_LABELS]);
  });

  it('an item worded as the violation asks whether it is there and answers 否 when it is not: never “… — 符合”', () => {
    expect(itemQuestion(spot)).toBe('是否存在“电焊等特种作业岗位人员无证上岗作业”的情形？');
    expect(answerLabelsOf(spot)).toEqual({ conform: '否', nonconform: '是', not_applicable: '不适用' });
    // what a 是 (nonconform) finds is the content itself, the violation; the requirement stays the requirement
    expect(itemFinding(spot)).toBe('电焊等特种作业岗位人员无证上岗作业');
    expect(itemFinding({ ...spot, finding: '焊工无证' })).toBe('焊工无证');
  });

  it('a version stored before the wording existed reads with the defaults, and is the same content as one with them', () => {
    const { question: _q, finding: _f, answerLabels: _a, ...old } = plain;
    const stored: StoredTemplateContent = { ...content(), groups: [{ title: '消防设施', items: [old] }] };
    const read = withItemDefaults(stored);
    expect(read.groups[0]!.items[0]).toEqual(plain);
    expect(templateChanged(read, { ...content(), groups: [{ title: '消防设施', items: [plain] }] })).toBe(false);
    expect(templateChanged(stored as ChecklistTemplateContent, read)).toBe(false);
  });
});

describe('a stored version is edited in place only as an unused draft', () => {
  it.each([
    [null, false, null],
    [null, true, 'used_by_inspections'],
    ['2024-11-15T08:00:00.000Z', false, 'published_immutable'],
    ['2024-11-15T08:00:00.000Z', true, 'used_by_inspections'],
  ] as const)('published at %s, used by inspections %s → %s', (publishedAt, used, refusal) => {
    expect(editInPlaceRefusal({ publishedAt }, used)).toBe(refusal);
  });

  it('a new inspection uses the highest published version', () => {
    const at = '2024-11-15T08:00:00.000Z';
    expect(currentPublishedVersion([])).toBeNull();
    expect(currentPublishedVersion([{ version: 1, publishedAt: null }])).toBeNull();
    expect(currentPublishedVersion([{ version: 2, publishedAt: at }, { version: 3, publishedAt: null }, { version: 1, publishedAt: at }])).toEqual({ version: 2, publishedAt: at });
    expect(currentPublishedVersion([{ version: 1, publishedAt: at }, { version: 3, publishedAt: at }, { version: 2, publishedAt: at }])?.version).toBe(3);
  });
});
