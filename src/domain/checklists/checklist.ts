// Checklist templates (检查表 / 自查重点事项清单 / 重点任务提示清单) as data.
// A template is groups of items; each item says what to check (content), how
// (排查要点及方式: 问 ask, 查 records, 看 look) and what answer it takes.
// Templates are versioned: a stored version is never edited once it is published or used;
// an edit becomes version n+1 and past inspections keep the version they used.
// The server stores versions as they come out of these functions. Pure: no IO.

export const CHECKLIST_AUDIENCES = ['enterprise_small', 'small_venue', 'department_village', 'spot_check', 'enterprise'] as const;
export type ChecklistAudience = (typeof CHECKLIST_AUDIENCES)[number];
export const CHECKLIST_AUDIENCE_LABELS: Record<ChecklistAudience, string> = {
  enterprise_small: '小微企业',
  small_venue: '九小场所',
  department_village: '科室、村居',
  spot_check: '抽查检查',
  enterprise: '生产经营单位',
};

/** 排查要点及方式: 问 (ask people), 查 (check records and certificates), 看 (look on site). */
export const CHECK_METHODS = ['ask', 'records', 'look'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];
export const CHECK_METHOD_LABELS: Record<CheckMethod, string> = { ask: '问', records: '查', look: '看' };

export const RESPONSE_TYPES = ['conformity', 'number', 'text', 'photo'] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];
export const RESPONSE_TYPE_LABELS: Record<ResponseType, string> = {
  conformity: '符合/不符合/不适用',
  number: '数值',
  text: '文字',
  photo: '照片',
};

export const CONFORMITY_RESULTS = ['conform', 'nonconform', 'not_applicable'] as const;
export type ConformityResult = (typeof CONFORMITY_RESULTS)[number];
export const CONFORMITY_RESULT_LABELS: Record<ConformityResult, string> = {
  conform: '符合',
  nonconform: '不符合',
  not_applicable: '不适用',
};

/**
 * The words a conformity item's three answers read as. Results are always stored as
 * conform/nonconform/not_applicable (figures and forms count those); only the words differ, so an
 * item asked as "是否存在……的情形？" answers 否 (conform) or 是 (nonconform, the finding).
 */
export type AnswerLabels = Record<ConformityResult, string>;
export const ANSWER_LABEL_MAX = 8;

/** The wordings the editor offers; a template may set any three distinct words. */
export const ANSWER_LABEL_PRESETS = {
  conformity: CONFORMITY_RESULT_LABELS,
  /** The question asks whether the violation is there: 是 is the finding. */
  finding_yes: { conform: '否', nonconform: '是', not_applicable: '不适用' },
  /** The question asks whether the requirement is met: 否 is the finding. */
  requirement_yes: { conform: '是', nonconform: '否', not_applicable: '不适用' },
} as const satisfies Record<string, AnswerLabels>;
export type AnswerLabelPreset = keyof typeof ANSWER_LABEL_PRESETS;
export const ANSWER_LABEL_PRESET_NAMES: Record<AnswerLabelPreset, string> = {
  conformity: '符合/不符合/不适用',
  finding_yes: '否/是/不适用（“是”为发现问题）',
  requirement_yes: '是/否/不适用（“否”为发现问题）',
};

export interface ChecklistItem {
  /** Stable within a template across versions: answers and form figures refer to it. */
  key: string;
  /** What is checked, word for word from the source. */
  content: string;
  /** The requirement behind the item (e.g. the plan's clause), when the source gives one. */
  requirement: string | null;
  /** 排查要点及方式, word for word; '' when the source gives none. */
  howToCheck: string;
  /** Derived from howToCheck by checkMethodsOf unless the source describes methods in other words. */
  checkMethods: CheckMethod[];
  responseType: ResponseType;
  /** At least one photo with every answer except 不适用 (a 'photo' item always needs one). */
  photoRequired: boolean;
  /** Unit of a number answer (e.g. '人'), else null. */
  unit: string | null;
  /**
   * The question as the page and the record put it (e.g. '是否存在“…”的情形？'), when the content
   * does not read as one; null: the content is shown.
   */
  question: string | null;
  /**
   * What a 不符合 answer found, worded as the violation: the drafted hazard's description starts
   * with it. null: the content.
   */
  finding: string | null;
  /** The words of the three answers; null: 符合/不符合/不适用. Conformity items only. */
  answerLabels: AnswerLabels | null;
}

/** The item as the fill page, the detail page and the printed record ask it. */
export const itemQuestion = (i: Pick<ChecklistItem, 'content' | 'question'>): string => i.question ?? i.content;
/** The violation a failed item records (a hazard's description, the 不符合项 list). */
export const itemFinding = (i: Pick<ChecklistItem, 'content' | 'finding'>): string => i.finding ?? i.content;
/** The words of an item's answers. */
export const answerLabelsOf = (i: Pick<ChecklistItem, 'answerLabels'>): AnswerLabels => i.answerLabels ?? CONFORMITY_RESULT_LABELS;

export interface ChecklistGroup {
  title: string;
  items: ChecklistItem[];
}

/** A template's content: everything an edit may change except the code. */
export interface ChecklistTemplateContent {
  /** Stable across versions, e.g. 'dasheng-small-enterprise'. */
  code: string;
  name: string;
  audience: ChecklistAudience;
  /** Where the wording comes from, e.g. '大盛府发〔2024〕31号 附件2-1'. */
  source: string | null;
  description: string | null;
  groups: ChecklistGroup[];
}

export interface ChecklistTemplateVersion extends ChecklistTemplateContent {
  version: number;
}

/** Every item in template order, with its group's title. */
export function itemsOf(t: Pick<ChecklistTemplateContent, 'groups'>): (ChecklistItem & { groupTitle: string })[] {
  return t.groups.flatMap((g) => g.items.map((i) => ({ ...i, groupTitle: g.title })));
}

// 查 inside 检查/排查/调查/督查/抽查/巡查 names the whole activity, not the records check;
// 问 in 问题/问责 is a noun. 查看/察看 are looking.
const NOT_RECORDS_BEFORE = new Set([...'检排调督抽巡']);
const NOT_ASK_AFTER = new Set([...'题责']);

/** The methods named in a 排查要点及方式 text, in the order 问, 查, 看. */
export function checkMethodsOf(text: string): CheckMethod[] {
  const found = new Set<CheckMethod>();
  const chars = [...text];
  chars.forEach((c, i) => {
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    if (c === '问' && !NOT_ASK_AFTER.has(next)) found.add('ask');
    if (c === '查' && !NOT_RECORDS_BEFORE.has(prev) && next !== '看') found.add('records');
    if (c === '看') found.add('look');
  });
  return CHECK_METHODS.filter((m) => found.has(m));
}

/** An item with the defaults filled in; checkMethods derived from howToCheck unless given. */
export function checklistItem(i: {
  key: string;
  content: string;
  requirement?: string | null;
  howToCheck?: string;
  checkMethods?: CheckMethod[];
  responseType?: ResponseType;
  photoRequired?: boolean;
  unit?: string | null;
  question?: string | null;
  finding?: string | null;
  answerLabels?: AnswerLabels | null;
}): ChecklistItem {
  const howToCheck = i.howToCheck ?? '';
  const responseType = i.responseType ?? 'conformity';
  return {
    key: i.key,
    content: i.content,
    requirement: i.requirement ?? null,
    howToCheck,
    checkMethods: i.checkMethods ?? checkMethodsOf(howToCheck),
    responseType,
    photoRequired: responseType === 'photo' ? true : (i.photoRequired ?? false),
    unit: i.unit ?? null,
    question: i.question ?? null,
    finding: i.finding ?? null,
    answerLabels: i.answerLabels ? { ...i.answerLabels } : null,
  };
}

/** A stored item of a version published before a field existed: the missing fields get their defaults. */
type StoredItem = Omit<ChecklistItem, 'requirement' | 'unit' | 'question' | 'finding' | 'answerLabels'> &
  Partial<Pick<ChecklistItem, 'requirement' | 'unit' | 'question' | 'finding' | 'answerLabels'>>;
export type StoredTemplateContent = Omit<ChecklistTemplateContent, 'groups'> & { groups: { title: string; items: StoredItem[] }[] };

/** A version's content as stored, with every field of today (stored versions are never rewritten). */
export function withItemDefaults(c: StoredTemplateContent): ChecklistTemplateContent {
  return {
    ...c,
    source: c.source ?? null,
    description: c.description ?? null,
    groups: c.groups.map((g) => ({
      title: g.title,
      items: g.items.map((i) => ({
        ...i,
        requirement: i.requirement ?? null,
        unit: i.unit ?? null,
        question: i.question ?? null,
        finding: i.finding ?? null,
        answerLabels: i.answerLabels ?? null,
      })),
    })),
  };
}

export type TemplateProblem =
  | { problem: 'code_invalid' }
  | { problem: 'name_missing' }
  | { problem: 'audience_invalid' }
  | { problem: 'no_groups' }
  | { problem: 'group_title_missing'; group: number }
  | { problem: 'group_empty'; group: number }
  | { problem: 'item_key_invalid'; key: string }
  | { problem: 'item_key_duplicate'; key: string }
  | { problem: 'item_content_missing'; key: string }
  | { problem: 'response_type_invalid'; key: string }
  | { problem: 'check_methods_invalid'; key: string }
  | { problem: 'unit_not_number'; key: string }
  | { problem: 'answer_labels_invalid'; key: string }
  | { problem: 'wording_not_conformity'; key: string };

export const TEMPLATE_PROBLEM_MESSAGES: Record<TemplateProblem['problem'], string> = {
  code_invalid: '检查表编码只能使用小写字母、数字和连字符',
  name_missing: '请填写检查表名称',
  audience_invalid: '适用对象无效',
  no_groups: '检查表至少要有一个分组',
  group_title_missing: '请填写分组名称',
  group_empty: '每个分组至少要有一个检查项',
  item_key_invalid: '检查项编码只能使用小写字母、数字和连字符',
  item_key_duplicate: '检查项编码重复',
  item_content_missing: '请填写检查内容',
  response_type_invalid: '检查结果类型无效',
  check_methods_invalid: '排查方式无效或重复',
  unit_not_number: '只有数值型检查项可以填写单位',
  answer_labels_invalid: `回答文字须为三个不同的词，每个不超过${ANSWER_LABEL_MAX}个字`,
  wording_not_conformity: '只有“符合/不符合/不适用”类检查项可以设置回答文字和发现问题表述',
};

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const blank = (s: string | null | undefined) => s == null || s.trim().length === 0;

/** Everything wrong with a template's content; [] when it can be stored. */
export function templateProblems(t: ChecklistTemplateContent): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  if (!CODE.test(t.code)) out.push({ problem: 'code_invalid' });
  if (blank(t.name)) out.push({ problem: 'name_missing' });
  if (!CHECKLIST_AUDIENCES.includes(t.audience)) out.push({ problem: 'audience_invalid' });
  if (t.groups.length === 0) out.push({ problem: 'no_groups' });
  const seen = new Set<string>();
  t.groups.forEach((g, group) => {
    if (blank(g.title)) out.push({ problem: 'group_title_missing', group });
    if (g.items.length === 0) out.push({ problem: 'group_empty', group });
    for (const i of g.items) {
      if (!CODE.test(i.key)) out.push({ problem: 'item_key_invalid', key: i.key });
      else if (seen.has(i.key)) out.push({ problem: 'item_key_duplicate', key: i.key });
      seen.add(i.key);
      if (blank(i.content)) out.push({ problem: 'item_content_missing', key: i.key });
      if (!RESPONSE_TYPES.includes(i.responseType)) out.push({ problem: 'response_type_invalid', key: i.key });
      if (new Set(i.checkMethods).size !== i.checkMethods.length || i.checkMethods.some((m) => !CHECK_METHODS.includes(m))) {
        out.push({ problem: 'check_methods_invalid', key: i.key });
      }
      if (i.unit !== null && i.responseType !== 'number') out.push({ problem: 'unit_not_number', key: i.key });
      if (i.answerLabels && !answerLabelsValid(i.answerLabels)) out.push({ problem: 'answer_labels_invalid', key: i.key });
      if ((i.answerLabels || i.finding) && i.responseType !== 'conformity') out.push({ problem: 'wording_not_conformity', key: i.key });
    }
  });
  return out;
}

function answerLabelsValid(l: AnswerLabels): boolean {
  const words = CONFORMITY_RESULTS.map((r) => (typeof l[r] === 'string' ? l[r].trim() : ''));
  return words.every((w) => w.length > 0 && [...w].length <= ANSWER_LABEL_MAX) && new Set(words).size === words.length;
}

/** The content in one fixed shape (key order, nulls), so two contents compare as strings. */
function canonicalContent(t: ChecklistTemplateContent) {
  return {
    code: t.code,
    name: t.name,
    audience: t.audience,
    source: t.source ?? null,
    description: t.description ?? null,
    groups: t.groups.map((g) => ({
      title: g.title,
      items: g.items.map(canonicalItem),
    })),
  };
}

function canonicalItem(i: ChecklistItem) {
  return {
    key: i.key,
    content: i.content,
    requirement: i.requirement ?? null,
    howToCheck: i.howToCheck,
    checkMethods: [...i.checkMethods],
    responseType: i.responseType,
    photoRequired: i.photoRequired,
    unit: i.unit ?? null,
    question: i.question ?? null,
    finding: i.finding ?? null,
    answerLabels: i.answerLabels ? CONFORMITY_RESULTS.map((r) => i.answerLabels![r]) : null,
  };
}

/** Whether two template contents differ in anything but the version number. */
export function templateChanged(a: ChecklistTemplateContent, b: ChecklistTemplateContent): boolean {
  return JSON.stringify(canonicalContent(a)) !== JSON.stringify(canonicalContent(b));
}

/** Item keys added, removed and changed between two versions (for the publish dialog). */
export function templateDiff(a: ChecklistTemplateContent, b: ChecklistTemplateContent): { added: string[]; removed: string[]; changed: string[] } {
  // An item moved to another group counts as changed.
  const index = (t: ChecklistTemplateContent) =>
    new Map(itemsOf(t).map(({ groupTitle, ...i }) => [i.key, JSON.stringify([groupTitle, canonicalItem(i)])]));
  const before = index(a);
  const after = index(b);
  return {
    added: [...after.keys()].filter((k) => !before.has(k)),
    removed: [...before.keys()].filter((k) => !after.has(k)),
    changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)),
  };
}

export type TemplateVersionRefusal = 'invalid' | 'unchanged' | 'code_changed';
export const TEMPLATE_VERSION_REFUSAL_MESSAGES: Record<TemplateVersionRefusal, string> = {
  invalid: '检查表内容有误，请修改后再发布',
  unchanged: '检查表没有改动，无需发布新版本',
  code_changed: '检查表编码不能修改；如需新的检查表请另行创建',
};

export type TemplateVersionResult =
  | { ok: true; template: ChecklistTemplateVersion }
  | { ok: false; refusal: TemplateVersionRefusal; problems: TemplateProblem[] };

/** Version 1 of a new template. */
export function firstTemplateVersion(content: ChecklistTemplateContent): TemplateVersionResult {
  const problems = templateProblems(content);
  if (problems.length > 0) return { ok: false, refusal: 'invalid', problems };
  return { ok: true, template: { ...structuredClone(content), version: 1 } };
}

/** An edit of the current version, published as the next version; the current one stays as it was. */
export function nextTemplateVersion(current: ChecklistTemplateVersion, edited: ChecklistTemplateContent): TemplateVersionResult {
  if (edited.code !== current.code) return { ok: false, refusal: 'code_changed', problems: [] };
  const problems = templateProblems(edited);
  if (problems.length > 0) return { ok: false, refusal: 'invalid', problems };
  if (!templateChanged(current, edited)) return { ok: false, refusal: 'unchanged', problems: [] };
  return { ok: true, template: { ...structuredClone(edited), code: current.code, version: current.version + 1 } };
}

export type EditInPlaceRefusal = 'published_immutable' | 'used_by_inspections';
export const EDIT_IN_PLACE_REFUSAL_MESSAGES: Record<EditInPlaceRefusal, string> = {
  published_immutable: '已发布的检查表版本不能修改，修改后将发布为新版本',
  used_by_inspections: '该版本已被检查记录使用，不能修改，修改后将发布为新版本',
};

/**
 * Whether a stored version may be changed in place: only an unpublished draft that no
 * inspection uses. Anything else is immutable, and an edit goes through nextTemplateVersion.
 */
export function editInPlaceRefusal(v: { publishedAt: string | null }, usedByInspections: boolean): EditInPlaceRefusal | null {
  if (usedByInspections) return 'used_by_inspections';
  return v.publishedAt !== null ? 'published_immutable' : null;
}

/** The version a new inspection uses: the highest published one, or null if none is published. */
export function currentPublishedVersion<V extends { version: number; publishedAt: string | null }>(versions: readonly V[]): V | null {
  let best: V | null = null;
  for (const v of versions) if (v.publishedAt !== null && (best === null || v.version > best.version)) best = v;
  return best;
}
