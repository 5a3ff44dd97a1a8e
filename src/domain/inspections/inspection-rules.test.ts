import { describe, expect, it } from 'vitest';
import { type ChecklistItem, checklistItem, itemsOf } from '../checklists/checklist.ts';
import {
  ANSWER_PROBLEM_MESSAGES, type AnswerProblem, type ChecklistAnswer, INSPECTION_COMPLETION_REFUSAL_MESSAGES, INSPECTION_METHOD_TAGS,
  INSPECTION_METHOD_TAG_LABELS, INSPECTION_TYPES, INSPECTION_TYPE_LABELS, type InspectionCompletionRefusal, type InspectionMethodTag,
  type InspectionSignatures, type InspectionType, type Inspector, type InspectorRefusal, type MethodTagRefusal, answerProblem,
  AUTHORITY_INSPECTION_TYPES, SELF_INSPECTION_TYPES, canonicalJson, completionProblems, completionRefusal, enterpriseSeesInspection, failedItems, inspectedOnRefusal, frequencyOfInspection, inspectionCompletionRefusal,
  inspectorRuleRefusal, isSelfInspection, methodTagAllowed, methodTagsRefusal, selfInspectionType, signaturePayload,
} from './inspection-rules.ts';
import { CHONGMING_SPOT_CHECK } from '../checklists/seed-checklists.ts';

const conformity = checklistItem({ key: 'exits', content: '安全出口畅通' });
const conformityPhoto = checklistItem({ key: 'extinguishers', content: '灭火器完好', photoRequired: true });
const numberItem = checklistItem({ key: 'staff', content: '在岗人数', responseType: 'number', unit: '人' });
const numberPhoto = checklistItem({ key: 'meter', content: '压力表读数', responseType: 'number', photoRequired: true });
const textItem = checklistItem({ key: 'note', content: '值班情况', responseType: 'text' });
const textPhoto = checklistItem({ key: 'board', content: '公示牌内容', responseType: 'text', photoRequired: true });
const photoItem = checklistItem({ key: 'site', content: '现场照片', responseType: 'photo' });
const ITEMS: ChecklistItem[] = [conformity, conformityPhoto, numberItem, textItem, photoItem];

/** A complete answer for every item of ITEMS. */
const complete = (): ChecklistAnswer[] => [
  { itemKey: 'exits', result: 'conform' },
  { itemKey: 'extinguishers', result: 'nonconform', comment: '2具灭火器压力不足', photoIds: ['p1'] },
  { itemKey: 'staff', number: 0 },
  { itemKey: 'note', text: '值班人员在岗' },
  { itemKey: 'site', photoIds: ['p2'] },
];

const enforcers: Inspector[] = [
  { userId: 'u-1', certificateNo: '渝执A001' },
  { userId: 'u-2', certificateNo: '渝执A002' },
];

describe('inspection types and method tags', () => {
  it('every type and tag has its Chinese label', () => {
    expect(Object.keys(INSPECTION_TYPE_LABELS).sort()).toEqual([...INSPECTION_TYPES].sort());
    expect(Object.keys(INSPECTION_METHOD_TAG_LABELS).sort()).toEqual([...INSPECTION_METHOD_TAGS].sort());
    expect(INSPECTION_METHOD_TAGS.map((t) => INSPECTION_METHOD_TAG_LABELS[t])).toEqual(['四不两直', '明查暗访', '异地执法', '交叉互检']);
    expect(['enforcement', 'assistance', 'supervision', 'spot_check'].map((t) => INSPECTION_TYPE_LABELS[t as InspectionType])).toEqual(['执法检查', '帮扶指导', '督导检查', '抽查']);
  });

  it.each<[InspectionType, boolean, 'daily' | 'weekly' | 'monthly' | null]>([
    ['enforcement', false, null],
    ['assistance', false, null],
    ['supervision', false, null],
    ['spot_check', false, null],
    ['self_daily', true, 'daily'],
    ['self_weekly', true, 'weekly'],
    ['self_monthly', true, 'monthly'],
  ])('%s: self-inspection %s, frequency %s', (type, self, frequency) => {
    expect(isSelfInspection(type)).toBe(self);
    expect(frequencyOfInspection(type)).toBe(frequency);
    if (frequency) expect(selfInspectionType(frequency)).toBe(type);
    expect((SELF_INSPECTION_TYPES as readonly InspectionType[]).includes(type)).toBe(self);
    expect(AUTHORITY_INSPECTION_TYPES.includes(type)).toBe(!self);
  });

  it.each<[InspectionType, InspectionMethodTag[], MethodTagRefusal | null]>([
    ['enforcement', [], null],
    ['enforcement', ['four_no_two_direct', 'covert_visit', 'cross_region', 'cross_check'], null],
    ['supervision', ['four_no_two_direct', 'covert_visit', 'cross_check'], null],
    ['spot_check', ['four_no_two_direct'], null],
    ['assistance', ['cross_check'], null],
    ['supervision', ['cross_region'], 'cross_region_not_enforcement'],
    ['spot_check', ['cross_region'], 'cross_region_not_enforcement'],
    ['enforcement', ['covert_visit', 'covert_visit'], 'tag_duplicate'],
    ['self_daily', ['four_no_two_direct'], 'tags_on_self_inspection'],
    ['self_monthly', ['cross_check'], 'tags_on_self_inspection'],
    ['self_weekly', [], null],
  ])('%s tagged %j → %s', (type, tags, refusal) => {
    expect(methodTagsRefusal(type, tags)).toBe(refusal);
  });

  it('methodTagAllowed offers 异地执法 to enforcement only, and no tag to a self-inspection', () => {
    const offered = (type: InspectionType) => INSPECTION_METHOD_TAGS.filter((t) => methodTagAllowed(type, t));
    expect(offered('enforcement')).toEqual([...INSPECTION_METHOD_TAGS]);
    expect(offered('supervision')).toEqual(['four_no_two_direct', 'covert_visit', 'cross_check']);
    expect(offered('self_daily')).toEqual([]);
  });
});

describe('inspectorRuleRefusal', () => {
  const u = (userId: string, certificateNo: string | null = null): Inspector => ({ userId, certificateNo });
  const rows: [string, InspectionType, Inspector[], InspectorRefusal | null][] = [
    ['enforcement by two certified inspectors', 'enforcement', enforcers, null],
    ['enforcement by three certified inspectors', 'enforcement', [...enforcers, u('u-3', '渝执A003')], null],
    ['enforcement by one', 'enforcement', [enforcers[0]!], 'enforcement_needs_two'],
    ['enforcement by nobody', 'enforcement', [], 'inspector_missing'],
    ['enforcement by the same person twice', 'enforcement', [enforcers[0]!, enforcers[0]!], 'inspector_duplicate'],
    ['enforcement with one certificate missing', 'enforcement', [enforcers[0]!, u('u-2')], 'certificate_missing'],
    ['enforcement with a blank certificate', 'enforcement', [enforcers[0]!, u('u-2', '  ')], 'certificate_missing'],
    ['enforcement with one certificate for two people', 'enforcement', [enforcers[0]!, u('u-2', ' 渝执A001 ')], 'certificate_duplicate'],
    ...(['assistance', 'supervision', 'spot_check', 'self_daily', 'self_weekly', 'self_monthly'] as const).flatMap((t) => [
      [`${t} by one without a certificate`, t, [u('u-1')], null] as [string, InspectionType, Inspector[], InspectorRefusal | null],
      [`${t} by nobody`, t, [], 'inspector_missing'] as [string, InspectionType, Inspector[], InspectorRefusal | null],
      [`${t} by the same person twice`, t, [u('u-1'), u('u-1')], 'inspector_duplicate'] as [string, InspectionType, Inspector[], InspectorRefusal | null],
    ]),
  ];
  it.each(rows)('%s → %s', (_name, type, inspectors, refusal) => {
    expect(inspectorRuleRefusal(type, inspectors)).toBe(refusal);
  });
});

describe('answerProblem: each response type', () => {
  it.each<[string, ChecklistItem, ChecklistAnswer | undefined, AnswerProblem | null]>([
    ['no answer', conformity, undefined, 'unanswered'],
    ['conformity: 符合', conformity, { itemKey: 'exits', result: 'conform' }, null],
    ['conformity: 不适用', conformity, { itemKey: 'exits', result: 'not_applicable' }, null],
    ['conformity: no result', conformity, { itemKey: 'exits', comment: '说明' }, 'unanswered'],
    ['conformity: null result', conformity, { itemKey: 'exits', result: null }, 'unanswered'],
    ['conformity: an unknown result', conformity, { itemKey: 'exits', result: 'maybe' as never }, 'result_invalid'],
    ['conformity: 不符合 with a comment', conformity, { itemKey: 'exits', result: 'nonconform', comment: '堆放杂物' }, null],
    ['conformity: 不符合 without a comment', conformity, { itemKey: 'exits', result: 'nonconform' }, 'comment_missing'],
    ['conformity: 不符合 with a blank comment', conformity, { itemKey: 'exits', result: 'nonconform', comment: ' \n' }, 'comment_missing'],
    ['photo required, 符合 with a photo', conformityPhoto, { itemKey: 'extinguishers', result: 'conform', photoIds: ['p'] }, null],
    ['photo required, 符合 without', conformityPhoto, { itemKey: 'extinguishers', result: 'conform' }, 'photo_missing'],
    ['photo required, 不符合 with a comment but no photo', conformityPhoto, { itemKey: 'extinguishers', result: 'nonconform', comment: '过期', photoIds: [] }, 'photo_missing'],
    ['photo required, 不符合 with a photo but no comment: the comment first', conformityPhoto, { itemKey: 'extinguishers', result: 'nonconform', photoIds: ['p'] }, 'comment_missing'],
    ['photo required, 不适用 needs none', conformityPhoto, { itemKey: 'extinguishers', result: 'not_applicable' }, null],
    ['number: 0 is an answer', numberItem, { itemKey: 'staff', number: 0 }, null],
    ['number: negative', numberItem, { itemKey: 'staff', number: -1.5 }, null],
    ['number: missing', numberItem, { itemKey: 'staff' }, 'unanswered'],
    ['number: NaN', numberItem, { itemKey: 'staff', number: Number.NaN }, 'number_invalid'],
    ['number: Infinity', numberItem, { itemKey: 'staff', number: Number.POSITIVE_INFINITY }, 'number_invalid'],
    ['number: a result instead', numberItem, { itemKey: 'staff', result: 'conform' }, 'unanswered'],
    ['number with photo required, none', numberPhoto, { itemKey: 'meter', number: 0.4 }, 'photo_missing'],
    ['number with photo required, one', numberPhoto, { itemKey: 'meter', number: 0.4, photoIds: ['p'] }, null],
    ['text: written', textItem, { itemKey: 'note', text: '正常' }, null],
    ['text: blank', textItem, { itemKey: 'note', text: '   ' }, 'unanswered'],
    ['text: missing', textItem, { itemKey: 'note', comment: '备注' }, 'unanswered'],
    ['text with photo required, none', textPhoto, { itemKey: 'board', text: '已公示' }, 'photo_missing'],
    ['text with photo required, one', textPhoto, { itemKey: 'board', text: '已公示', photoIds: ['p'] }, null],
    ['photo: one', photoItem, { itemKey: 'site', photoIds: ['p'] }, null],
    ['photo: several', photoItem, { itemKey: 'site', photoIds: ['p', 'q'] }, null],
    ['photo: none', photoItem, { itemKey: 'site', photoIds: [] }, 'photo_missing'],
    ['photo: only a comment', photoItem, { itemKey: 'site', comment: '无法拍照' }, 'photo_missing'],
  ])('%s → %s', (_name, item, answer, problem) => {
    expect(answerProblem(item, answer)).toBe(problem);
  });

  it('every problem has a Chinese message', () => {
    for (const m of Object.values(ANSWER_PROBLEM_MESSAGES)) expect(m).toMatch(/[\u4e00-\u9fff]/);
    for (const m of Object.values(INSPECTION_COMPLETION_REFUSAL_MESSAGES)) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('completion: every item answered', () => {
  it('a complete checklist has no problems', () => {
    expect(completionProblems(ITEMS, complete())).toEqual([]);
    expect(completionRefusal(ITEMS, complete())).toBeNull();
  });

  it('answer order does not matter', () => {
    expect(completionRefusal(ITEMS, [...complete()].reverse())).toBeNull();
  });

  it('lists the problems in template order, then answers to no item or given twice', () => {
    const answers: ChecklistAnswer[] = [
      { itemKey: 'gas', result: 'conform' },
      { itemKey: 'site', photoIds: [] },
      { itemKey: 'exits', result: 'conform' },
      { itemKey: 'exits', result: 'nonconform' },
      { itemKey: 'extinguishers', result: 'nonconform' },
    ];
    expect(completionRefusal(ITEMS, answers)).toEqual({
      refusal: 'answers_incomplete',
      problems: [
        { itemKey: 'extinguishers', problem: 'comment_missing' },
        { itemKey: 'staff', problem: 'unanswered' },
        { itemKey: 'note', problem: 'unanswered' },
        { itemKey: 'site', problem: 'photo_missing' },
        { itemKey: 'gas', problem: 'unknown_item' },
        { itemKey: 'exits', problem: 'duplicate_answer' },
      ],
    });
  });

  it('nothing answered: every item is unanswered', () => {
    expect(completionProblems(ITEMS, []).map((p) => p.problem)).toEqual(Array(ITEMS.length).fill('unanswered'));
  });

  it('the 崇明 spot check completes when all seven are answered', () => {
    const items = itemsOf(CHONGMING_SPOT_CHECK);
    const answers = items.map((i): ChecklistAnswer => ({ itemKey: i.key, result: 'conform' }));
    expect(completionRefusal(items, answers)).toBeNull();
    expect(completionRefusal(items, answers.slice(1))?.problems).toEqual([{ itemKey: 'principal-study', problem: 'unanswered' }]);
  });
});

describe('failedItems: the 不符合 answers', () => {
  it('in template order with their answers; 符合, 不适用 and other types are not failures', () => {
    const answers: ChecklistAnswer[] = [
      { itemKey: 'extinguishers', result: 'nonconform', comment: '过期', photoIds: ['p1'] },
      { itemKey: 'exits', result: 'nonconform', comment: '堵塞' },
      { itemKey: 'staff', number: 3, result: 'nonconform' },
    ];
    expect(failedItems(ITEMS, answers)).toEqual([
      { item: conformity, answer: answers[1] },
      { item: conformityPhoto, answer: answers[0] },
    ]);
    expect(failedItems(ITEMS, complete()).map((f) => f.item.key)).toEqual(['extinguishers']);
    expect(failedItems(ITEMS, [{ itemKey: 'exits', result: 'conform' }, { itemKey: 'extinguishers', result: 'not_applicable' }])).toEqual([]);
    expect(failedItems(ITEMS, [])).toEqual([]);
  });

  it('a spot check that finds two of the seven counts them', () => {
    const items = itemsOf(CHONGMING_SPOT_CHECK);
    const answers = items.map((i): ChecklistAnswer => (
      ['outsourcing', 'drill-and-escape'].includes(i.key) ? { itemKey: i.key, result: 'nonconform', comment: '未签订安全生产协议' } : { itemKey: i.key, result: 'conform' }
    ));
    expect(failedItems(items, answers).map((f) => f.item.content)).toEqual(['外包外租安全管理混乱', '未按规定开展应急演练、员工不熟悉逃生出口']);
  });
});

describe('inspectionCompletionRefusal', () => {
  const signedBy = (ids: string[], representative: InspectionSignatures['representative'] = { kind: 'signed', name: '张某' }): InspectionSignatures => ({
    inspectorUserIds: ids,
    representative,
  });
  const base = { type: 'enforcement' as InspectionType, inspectors: enforcers, items: ITEMS, answers: complete(), signatures: signedBy(['u-1', 'u-2']) };

  it.each<[string, Partial<typeof base>, InspectionCompletionRefusal | null]>([
    ['an enforcement inspection, all signed', {}, null],
    ['signatures in any order', { signatures: signedBy(['u-2', 'u-1']) }, null],
    ['the representative refused to sign, recorded', { signatures: signedBy(['u-1', 'u-2'], { kind: 'refused', note: '负责人拒绝签字，已录像' }) }, null],
    ['one enforcement inspector', { inspectors: [enforcers[0]!], signatures: signedBy(['u-1']) }, { refusal: 'enforcement_needs_two' }],
    ['a certificate missing', { inspectors: [enforcers[0]!, { userId: 'u-2', certificateNo: null }] }, { refusal: 'certificate_missing' }],
    ['an item unanswered', { answers: complete().slice(1) }, { refusal: 'answers_incomplete', problems: [{ itemKey: 'exits', problem: 'unanswered' }] }],
    ['an inspector has not signed', { signatures: signedBy(['u-1']) }, { refusal: 'inspector_signature_missing', userIds: ['u-2'] }],
    ['nobody has signed', { signatures: signedBy([]) }, { refusal: 'inspector_signature_missing', userIds: ['u-1', 'u-2'] }],
    ['someone else signed', { signatures: signedBy(['u-1', 'u-2', 'u-9']) }, { refusal: 'signer_not_inspector', userIds: ['u-9'] }],
    ['no representative signature', { signatures: signedBy(['u-1', 'u-2'], null) }, { refusal: 'representative_signature_missing' }],
    ['a representative without a name', { signatures: signedBy(['u-1', 'u-2'], { kind: 'signed', name: ' ' }) }, { refusal: 'representative_signature_missing' }],
    ['a refusal without a note', { signatures: signedBy(['u-1', 'u-2'], { kind: 'refused', note: '' }) }, { refusal: 'representative_refusal_note_missing' }],
    ['a spot check by one official', { type: 'spot_check', inspectors: [{ userId: 'u-5', certificateNo: null }], signatures: signedBy(['u-5']) }, null],
    ['a spot check still needs the representative', { type: 'spot_check', inspectors: [{ userId: 'u-5', certificateNo: null }], signatures: signedBy(['u-5'], null) }, { refusal: 'representative_signature_missing' }],
    ['a supervision visit without the representative', { type: 'supervision', signatures: signedBy(['u-1', 'u-2'], null) }, { refusal: 'representative_signature_missing' }],
    ['a self-inspection signed by its inspector alone', { type: 'self_daily', inspectors: [{ userId: 'e-1', certificateNo: null }], signatures: signedBy(['e-1'], null) }, null],
    ['a monthly self-inspection unsigned', { type: 'self_monthly', inspectors: [{ userId: 'e-1', certificateNo: null }], signatures: signedBy([], null) }, { refusal: 'inspector_signature_missing', userIds: ['e-1'] }],
  ])('%s → %j', (_name, o, refusal) => {
    expect(inspectionCompletionRefusal({ ...base, ...o })).toEqual(refusal);
  });
});

describe('signaturePayload and canonicalJson', () => {
  const input = {
    inspectionId: 'i-1',
    type: 'enforcement' as const,
    enterpriseId: 'e-1',
    inspectedOn: '2024-11-20',
    template: { code: 'fire-safety', version: 3 },
    methodTags: ['four_no_two_direct', 'covert_visit'] as InspectionMethodTag[],
    inspectors: [enforcers[1]!, { userId: 'u-1', certificateNo: ' 渝执A001 ' }],
    items: ITEMS,
    answers: [
      { itemKey: 'site', photoIds: ['p9', 'p2'], comment: '' },
      { itemKey: 'exits', result: 'conform', number: 5, text: '忽略' },
      { itemKey: 'extinguishers', result: 'nonconform', comment: ' 2具灭火器压力不足 ', photoIds: ['p1'] },
      { itemKey: 'staff', number: 0 },
      { itemKey: 'note', text: '值班人员在岗' },
    ] as ChecklistAnswer[],
  };

  it('one canonical shape: inspectors by id, answers in template order with only their type’s field, sorted ids, trimmed text', () => {
    expect(signaturePayload(input)).toEqual({
      schema: 'anzhi.inspection.v1',
      inspectionId: 'i-1',
      type: 'enforcement',
      enterpriseId: 'e-1',
      inspectedOn: '2024-11-20',
      template: { code: 'fire-safety', version: 3 },
      methodTags: ['covert_visit', 'four_no_two_direct'],
      inspectors: [{ userId: 'u-1', certificateNo: '渝执A001' }, { userId: 'u-2', certificateNo: '渝执A002' }],
      answers: [
        { itemKey: 'exits', result: 'conform', number: null, text: null, comment: null, photoIds: [] },
        { itemKey: 'extinguishers', result: 'nonconform', number: null, text: null, comment: '2具灭火器压力不足', photoIds: ['p1'] },
        { itemKey: 'staff', result: null, number: 0, text: null, comment: null, photoIds: [] },
        { itemKey: 'note', result: null, number: null, text: '值班人员在岗', comment: null, photoIds: [] },
        { itemKey: 'site', result: null, number: null, text: null, comment: null, photoIds: ['p2', 'p9'] },
      ],
    });
  });

  it('the same content in another order signs the same; a changed answer signs differently', () => {
    const shuffled = { ...input, inspectors: [...input.inspectors].reverse(), answers: [...input.answers].reverse(), methodTags: [...input.methodTags].reverse() };
    expect(canonicalJson(signaturePayload(shuffled))).toBe(canonicalJson(signaturePayload(input)));
    const changed = { ...input, answers: input.answers.map((a) => (a.itemKey === 'staff' ? { ...a, number: 1 } : a)) };
    expect(canonicalJson(signaturePayload(changed))).not.toBe(canonicalJson(signaturePayload(input)));
    const otherVersion = { ...input, template: { code: 'fire-safety', version: 4 } };
    expect(canonicalJson(signaturePayload(otherVersion))).not.toBe(canonicalJson(signaturePayload(input)));
  });

  it.each<[string, unknown, string]>([
    ['keys sorted at every level', { b: 1, a: { d: [1, { z: 0, y: null }], c: '中' } }, '{"a":{"c":"中","d":[1,{"y":null,"z":0}]},"b":1}'],
    ['undefined properties left out', { a: undefined, b: 2 }, '{"b":2}'],
    ['scalars', [null, true, 0, -1.5, 'x'], '[null,true,0,-1.5,"x"]'],
    ['empty containers', { a: [], b: {} }, '{"a":[],"b":{}}'],
  ])('canonicalJson: %s', (_name, value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, undefined, () => 1, 10n])('canonicalJson refuses %s', (value) => {
    expect(() => canonicalJson([value])).toThrow(/canonicalJson/);
  });
});

describe('inspectedOnRefusal', () => {
  it('refuses a future day for every type', () => {
    expect(inspectedOnRefusal('spot_check', '2024-06-04', '2024-06-03')).toBe('in_future');
    expect(inspectedOnRefusal('self_daily', '2024-06-04', '2024-06-03')).toBe('in_future');
  });
  it('lets the authorities enter a past inspection, but a self-inspection only today', () => {
    expect(inspectedOnRefusal('enforcement', '2024-05-20', '2024-06-03')).toBeNull();
    expect(inspectedOnRefusal('self_weekly', '2024-06-02', '2024-06-03')).toBe('self_not_today');
    expect(inspectedOnRefusal('self_monthly', '2024-06-03', '2024-06-03')).toBeNull();
  });
});

describe('enterpriseSeesInspection', () => {
  it('shows self-inspections always and authority inspections once completed', () => {
    expect(enterpriseSeesInspection('self_daily', 'draft')).toBe(true);
    expect(enterpriseSeesInspection('spot_check', 'draft')).toBe(false);
    expect(enterpriseSeesInspection('spot_check', 'completed')).toBe(true);
  });
});
