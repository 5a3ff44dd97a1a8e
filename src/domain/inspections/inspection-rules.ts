// Inspections (检查): who may inspect, when a filled checklist is complete, which items failed
// (they become hazards), and the content that inspectors and the enterprise sign
// (谁检查、谁签名、谁负责, seed 002 三.(二)4). Pure: no IO; hashing and storing are server work.
import { CONFORMITY_RESULTS, type ChecklistItem, type ConformityResult } from '../checklists/checklist.ts';
import type { SelfInspectionFrequency } from '../schedules/self-inspection-schedule.ts';

export const INSPECTION_TYPES = ['enforcement', 'assistance', 'supervision', 'spot_check', 'self_daily', 'self_weekly', 'self_monthly'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];
export const INSPECTION_TYPE_LABELS: Record<InspectionType, string> = {
  enforcement: '执法检查',
  assistance: '帮扶指导',
  supervision: '督导检查',
  spot_check: '抽查',
  self_daily: '企业自查（日）',
  self_weekly: '企业自查（周）',
  self_monthly: '企业自查（月）',
};

const SELF_TYPE_BY_FREQUENCY = { daily: 'self_daily', weekly: 'self_weekly', monthly: 'self_monthly' } as const satisfies Record<SelfInspectionFrequency, InspectionType>;
export type SelfInspectionType = (typeof SELF_TYPE_BY_FREQUENCY)[SelfInspectionFrequency];
/** The enterprise's own 日周月 checks: what counts toward its self-inspection schedule. */
export const SELF_INSPECTION_TYPES: readonly SelfInspectionType[] = Object.values(SELF_TYPE_BY_FREQUENCY);
/** Inspections by the authorities (every other type): what covers an annual plan's entry. */
export const AUTHORITY_INSPECTION_TYPES: readonly InspectionType[] = INSPECTION_TYPES.filter((t) => !SELF_INSPECTION_TYPES.includes(t as SelfInspectionType));

export function isSelfInspection(type: InspectionType): boolean {
  return frequencyOfInspection(type) !== null;
}

/** The 日周月 frequency of a self-inspection type; null for inspections by the authorities. */
export function frequencyOfInspection(type: InspectionType): SelfInspectionFrequency | null {
  const hit = Object.entries(SELF_TYPE_BY_FREQUENCY).find(([, t]) => t === type);
  return hit ? (hit[0] as SelfInspectionFrequency) : null;
}

export function selfInspectionType(frequency: SelfInspectionFrequency): SelfInspectionType {
  return SELF_TYPE_BY_FREQUENCY[frequency];
}

/** Ways of inspecting named in the plans (seed 002 三.(二)5). */
export const INSPECTION_METHOD_TAGS = ['four_no_two_direct', 'covert_visit', 'cross_region', 'cross_check'] as const;
export type InspectionMethodTag = (typeof INSPECTION_METHOD_TAGS)[number];
export const INSPECTION_METHOD_TAG_LABELS: Record<InspectionMethodTag, string> = {
  four_no_two_direct: '四不两直',
  covert_visit: '明查暗访',
  cross_region: '异地执法',
  cross_check: '交叉互检',
};

export type MethodTagRefusal = 'tags_on_self_inspection' | 'cross_region_not_enforcement' | 'tag_duplicate';

/** Tags describe inspections by the authorities; 异地执法 is enforcement by definition. */
export function methodTagsRefusal(type: InspectionType, tags: readonly InspectionMethodTag[]): MethodTagRefusal | null {
  if (tags.length > 0 && isSelfInspection(type)) return 'tags_on_self_inspection';
  if (new Set(tags).size !== tags.length) return 'tag_duplicate';
  if (tags.includes('cross_region') && type !== 'enforcement') return 'cross_region_not_enforcement';
  return null;
}

/** Whether an inspection of the type may carry the tag at all (the form offers only those). */
export const methodTagAllowed = (type: InspectionType, tag: InspectionMethodTag): boolean => methodTagsRefusal(type, [tag]) === null;

export interface Inspector {
  userId: string;
  /** 行政执法证 number; required for enforcement. */
  certificateNo: string | null;
}

export type InspectorRefusal = 'inspector_missing' | 'inspector_duplicate' | 'enforcement_needs_two' | 'certificate_missing' | 'certificate_duplicate';

const blank = (s: string | null | undefined) => s == null || s.trim().length === 0;

/** Any inspection has an inspector, each once; enforcement needs two or more, each with a certificate number of their own. */
export function inspectorRuleRefusal(type: InspectionType, inspectors: readonly Inspector[]): InspectorRefusal | null {
  if (inspectors.length === 0) return 'inspector_missing';
  if (new Set(inspectors.map((i) => i.userId)).size !== inspectors.length) return 'inspector_duplicate';
  if (type !== 'enforcement') return null;
  if (inspectors.length < 2) return 'enforcement_needs_two';
  if (inspectors.some((i) => blank(i.certificateNo))) return 'certificate_missing';
  return new Set(inspectors.map((i) => i.certificateNo!.trim())).size !== inspectors.length ? 'certificate_duplicate' : null;
}

/** One item's answer; only the fields of the item's response type are read. */
export interface ChecklistAnswer {
  itemKey: string;
  result?: ConformityResult | null;
  number?: number | null;
  text?: string | null;
  /** 检查情况说明; required with 不符合. */
  comment?: string | null;
  /** Stored file ids (or content hashes) of the photos. */
  photoIds?: readonly string[];
}

export type AnswerProblem =
  | 'unanswered'
  | 'result_invalid'
  | 'number_invalid'
  | 'comment_missing'
  | 'photo_missing'
  | 'unknown_item'
  | 'duplicate_answer';

export const ANSWER_PROBLEM_MESSAGES: Record<AnswerProblem, string> = {
  unanswered: '尚未填写',
  result_invalid: '检查结果应为符合、不符合或不适用',
  number_invalid: '请填写有效数值',
  comment_missing: '发现问题（不符合）的检查项须填写情况说明',
  photo_missing: '该检查项须上传照片',
  unknown_item: '检查表中没有该检查项',
  duplicate_answer: '该检查项填写了多次',
};

/** What is wrong with one item's answer, or null when it is complete. */
export function answerProblem(item: ChecklistItem, a: ChecklistAnswer | undefined): AnswerProblem | null {
  if (a === undefined) return 'unanswered';
  const photos = a.photoIds?.length ?? 0;
  switch (item.responseType) {
    case 'conformity':
      if (a.result == null) return 'unanswered';
      if (!CONFORMITY_RESULTS.includes(a.result)) return 'result_invalid';
      if (a.result === 'nonconform' && blank(a.comment)) return 'comment_missing';
      return item.photoRequired && a.result !== 'not_applicable' && photos === 0 ? 'photo_missing' : null;
    case 'number':
      if (a.number == null) return 'unanswered';
      if (!Number.isFinite(a.number)) return 'number_invalid';
      return item.photoRequired && photos === 0 ? 'photo_missing' : null;
    case 'text':
      if (blank(a.text)) return 'unanswered';
      return item.photoRequired && photos === 0 ? 'photo_missing' : null;
    case 'photo':
      return photos === 0 ? 'photo_missing' : null;
  }
}

export interface AnswerProblemAt {
  itemKey: string;
  problem: AnswerProblem;
}

/** Every problem of a filled checklist: items in template order, then answers to no item or given twice. */
export function completionProblems(items: readonly ChecklistItem[], answers: readonly ChecklistAnswer[]): AnswerProblemAt[] {
  const byKey = new Map<string, ChecklistAnswer>();
  const extra: AnswerProblemAt[] = [];
  const keys = new Set(items.map((i) => i.key));
  for (const a of answers) {
    if (!keys.has(a.itemKey)) extra.push({ itemKey: a.itemKey, problem: 'unknown_item' });
    else if (byKey.has(a.itemKey)) extra.push({ itemKey: a.itemKey, problem: 'duplicate_answer' });
    else byKey.set(a.itemKey, a);
  }
  const out: AnswerProblemAt[] = [];
  for (const item of items) {
    const problem = answerProblem(item, byKey.get(item.key));
    if (problem) out.push({ itemKey: item.key, problem });
  }
  return [...out, ...extra];
}

/** Null when every item is answered as its type requires; otherwise the problems. */
export function completionRefusal(items: readonly ChecklistItem[], answers: readonly ChecklistAnswer[]): { refusal: 'answers_incomplete'; problems: AnswerProblemAt[] } | null {
  const problems = completionProblems(items, answers);
  return problems.length === 0 ? null : { refusal: 'answers_incomplete', problems };
}

/** The items answered 不符合, in template order, with their answers: each becomes a hazard. */
export function failedItems(items: readonly ChecklistItem[], answers: readonly ChecklistAnswer[]): { item: ChecklistItem; answer: ChecklistAnswer }[] {
  const byKey = new Map<string, ChecklistAnswer>();
  for (const a of answers) if (!byKey.has(a.itemKey)) byKey.set(a.itemKey, a);
  return items.flatMap((item) => {
    const answer = byKey.get(item.key);
    return item.responseType === 'conformity' && answer?.result === 'nonconform' ? [{ item, answer }] : [];
  });
}

/** The enterprise's side: its representative signs, or refuses and the inspectors record it (拒签). */
export type RepresentativeSignature = { kind: 'signed'; name: string } | { kind: 'refused'; note: string };

export interface InspectionSignatures {
  /** Inspectors who have signed. */
  inspectorUserIds: readonly string[];
  representative: RepresentativeSignature | null;
}

export type InspectionCompletionRefusal =
  | { refusal: InspectorRefusal }
  | { refusal: 'answers_incomplete'; problems: AnswerProblemAt[] }
  | { refusal: 'inspector_signature_missing'; userIds: string[] }
  | { refusal: 'signer_not_inspector'; userIds: string[] }
  | { refusal: 'representative_signature_missing' }
  | { refusal: 'representative_refusal_note_missing' };

export const INSPECTION_COMPLETION_REFUSAL_MESSAGES: Record<InspectionCompletionRefusal['refusal'], string> = {
  inspector_missing: '请填写检查人员',
  inspector_duplicate: '检查人员重复',
  enforcement_needs_two: '执法检查须有两名以上执法人员',
  certificate_missing: '执法人员须填写执法证号',
  certificate_duplicate: '执法证号重复：每名执法人员应使用本人的执法证',
  answers_incomplete: '检查表尚未填写完整',
  inspector_signature_missing: '每名检查人员都须签名（谁检查、谁签名、谁负责）',
  signer_not_inspector: '签名人不是本次检查的检查人员',
  representative_signature_missing: '须由被检查单位负责人签名',
  representative_refusal_note_missing: '被检查单位拒绝签名的，须记录拒签情况',
};

/**
 * Whether an inspection can be completed: the inspectors satisfy the rules, every item is
 * answered, every inspector (and no one else) has signed, and — for inspections by the
 * authorities — the enterprise's representative has signed or the refusal is recorded.
 */
export function inspectionCompletionRefusal(o: {
  type: InspectionType;
  inspectors: readonly Inspector[];
  items: readonly ChecklistItem[];
  answers: readonly ChecklistAnswer[];
  signatures: InspectionSignatures;
}): InspectionCompletionRefusal | null {
  const inspectorRefusal = inspectorRuleRefusal(o.type, o.inspectors);
  if (inspectorRefusal) return { refusal: inspectorRefusal };
  const answers = completionRefusal(o.items, o.answers);
  if (answers) return answers;
  const inspectorIds = new Set(o.inspectors.map((i) => i.userId));
  const signed = new Set(o.signatures.inspectorUserIds);
  const strangers = [...signed].filter((id) => !inspectorIds.has(id));
  if (strangers.length > 0) return { refusal: 'signer_not_inspector', userIds: strangers };
  const unsigned = [...inspectorIds].filter((id) => !signed.has(id));
  if (unsigned.length > 0) return { refusal: 'inspector_signature_missing', userIds: unsigned };
  if (isSelfInspection(o.type)) return null;
  const r = o.signatures.representative;
  if (r === null || (r.kind === 'signed' && blank(r.name))) return { refusal: 'representative_signature_missing' };
  if (r.kind === 'refused' && blank(r.note)) return { refusal: 'representative_refusal_note_missing' };
  return null;
}

export interface SignaturePayload {
  schema: 'anzhi.inspection.v1';
  inspectionId: string;
  type: InspectionType;
  enterpriseId: string;
  inspectedOn: string;
  template: { code: string; version: number };
  methodTags: InspectionMethodTag[];
  inspectors: { userId: string; certificateNo: string | null }[];
  answers: { itemKey: string; result: ConformityResult | null; number: number | null; text: string | null; comment: string | null; photoIds: string[] }[];
}

/**
 * The content every signer signs, in one canonical shape: inspectors by user id, answers in
 * template order with only their item's fields, photo ids and tags sorted, absent values null.
 * The server hashes canonicalJson(payload) and stores the hash with each signature.
 */
export function signaturePayload(o: {
  inspectionId: string;
  type: InspectionType;
  enterpriseId: string;
  inspectedOn: string;
  template: { code: string; version: number };
  methodTags: readonly InspectionMethodTag[];
  inspectors: readonly Inspector[];
  items: readonly ChecklistItem[];
  answers: readonly ChecklistAnswer[];
}): SignaturePayload {
  const byKey = new Map<string, ChecklistAnswer>();
  for (const a of o.answers) if (!byKey.has(a.itemKey)) byKey.set(a.itemKey, a);
  const trimmed = (s: string | null | undefined) => (blank(s) ? null : s!.trim());
  return {
    schema: 'anzhi.inspection.v1',
    inspectionId: o.inspectionId,
    type: o.type,
    enterpriseId: o.enterpriseId,
    inspectedOn: o.inspectedOn,
    template: { code: o.template.code, version: o.template.version },
    methodTags: [...o.methodTags].sort(),
    inspectors: [...o.inspectors]
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
      .map((i) => ({ userId: i.userId, certificateNo: trimmed(i.certificateNo) })),
    answers: o.items.map((item) => {
      const a = byKey.get(item.key);
      return {
        itemKey: item.key,
        result: item.responseType === 'conformity' ? (a?.result ?? null) : null,
        number: item.responseType === 'number' ? (a?.number ?? null) : null,
        text: item.responseType === 'text' ? trimmed(a?.text) : null,
        comment: trimmed(a?.comment),
        photoIds: [...(a?.photoIds ?? [])].sort(),
      };
    }),
  };
}

/** JSON with object keys sorted at every level and no whitespace: the same content gives the same string. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new Error(`canonicalJson: ${typeof value} is not JSON`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type InspectedOnRefusal = 'in_future' | 'self_not_today';
export const INSPECTED_ON_REFUSAL_MESSAGES: Record<InspectedOnRefusal, string> = {
  in_future: '检查日期不能晚于今天',
  self_not_today: '企业自查只能记录当天的检查，不能补填以前的日期',
};

/**
 * The date an inspection may carry: never a future day; a self-inspection is done and recorded on
 * the phone the same day, so it carries today — a back-dated one would fill a missed day after the fact.
 * Inspections by the authorities may be entered later from the paper record.
 */
export function inspectedOnRefusal(type: InspectionType, inspectedOn: string, today: string): InspectedOnRefusal | null {
  if (inspectedOn > today) return 'in_future';
  return isSelfInspection(type) && inspectedOn !== today ? 'self_not_today' : null;
}

/**
 * Whether an enterprise user sees an inspection of its own enterprise: its self-inspections
 * always; an inspection by the authorities once it is completed and signed (a draft is the
 * inspectors' working copy, hazard drafts included).
 */
export function enterpriseSeesInspection(type: InspectionType, status: 'draft' | 'completed'): boolean {
  return isSelfInspection(type) || status === 'completed';
}
