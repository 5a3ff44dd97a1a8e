// Checklist templates (检查表). The content schema mirrors domain/checklist.ts; the domain's
// templateProblems() is the rule, this only shapes and bounds the input.
import { z, int, coerceInt } from './zod.ts';
import { ANSWER_LABEL_MAX, CHECK_METHODS, CHECKLIST_AUDIENCES, RESPONSE_TYPES } from '../domain/checklists/checklist.ts';
import { CHECKLIST_ACTIONS, CHECKLIST_LIST_ACTIONS } from '../domain/checklists/checklist-policy.ts';
import { defineRoute } from './route.ts';
import { IdParams, PageQuery, QueryBool, Uuid, pageOf } from './common.ts';
import { BatchParams, ImportCommitResult, ImportPreview } from './enterprises.ts';

const Line = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const Optional = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

const AnswerWord = (of: string) =>
  z.string().trim().min(1, `请填写“${of}”的回答文字`).max(ANSWER_LABEL_MAX, `回答文字不能超过${ANSWER_LABEL_MAX}个字`);
/** The words of the three answers (符合/不符合/不适用 stay the stored results). */
export const AnswerLabelsSchema = z.object({ conform: AnswerWord('符合'), nonconform: AnswerWord('不符合'), not_applicable: AnswerWord('不适用') });

export const ChecklistItemSchema = z.object({
  key: z.string().trim().min(1, '请填写检查项编码').max(64),
  content: Line('检查内容', 2000),
  requirement: Optional(2000),
  howToCheck: z.string().trim().max(2000).default(''),
  checkMethods: z.array(z.enum(CHECK_METHODS)).max(3),
  responseType: z.enum(RESPONSE_TYPES, { error: '请选择检查结果类型' }),
  photoRequired: z.boolean().default(false),
  unit: Optional(16),
  // Absent in versions published before they existed: null, as the domain's defaults.
  question: Optional(2000),
  finding: Optional(2000),
  answerLabels: AnswerLabelsSchema.nullish().transform((v) => v ?? null),
});
export type TChecklistItem = z.output<typeof ChecklistItemSchema>;

export const ChecklistGroupSchema = z.object({
  title: Line('分组名称', 200),
  items: z.array(ChecklistItemSchema).max(200, '每个分组最多200个检查项'),
});

export const ChecklistContentSchema = z.object({
  code: z.string().trim().min(1, '请填写检查表编码').max(64),
  name: Line('检查表名称', 200),
  audience: z.enum(CHECKLIST_AUDIENCES, { error: '请选择适用对象' }),
  source: Optional(200),
  description: Optional(2000),
  groups: z.array(ChecklistGroupSchema).max(50, '最多50个分组'),
});
export type TChecklistContent = z.output<typeof ChecklistContentSchema>;

/** One published version as inspections see it. */
export const ChecklistVersionView = ChecklistContentSchema.extend({
  templateId: z.string(),
  versionId: z.string(),
  version: int(),
  publishedAt: z.string(),
});
export type TChecklistVersionView = z.output<typeof ChecklistVersionView>;

// ---- templates: list, detail, versions, publish, retire, diff, built-ins, xlsx

export const ChecklistListQuery = z
  .object({
    q: z.string().trim().max(64).optional(),
    audience: z.enum(CHECKLIST_AUDIENCES).optional(),
    /** Omitted: active templates only; false: retired only. */
    active: QueryBool.optional(),
  })
  .extend(PageQuery.shape);

export const ChecklistListItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  audience: z.enum(CHECKLIST_AUDIENCES),
  active: z.boolean(),
  currentVersion: int(),
  itemCount: int(),
  source: z.string().nullable(),
  publishedAt: z.string(),
  /** Inspections that used any version of the template. */
  usedCount: int(),
  version: int(),
});
export type TChecklistListItem = z.output<typeof ChecklistListItem>;

export const ChecklistListResponse = pageOf(ChecklistListItem).extend({
  /** load_built_ins: the district has no template at all and the caller may load the built-in ones. */
  allowedActions: z.array(z.enum(CHECKLIST_LIST_ACTIONS)),
});

export const ChecklistVersionSummary = z.object({
  versionId: z.string(),
  version: int(),
  itemCount: int(),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
  usedCount: int(),
});

export const ChecklistDetail = ChecklistListItem.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The current (newest) version in full. */
  current: ChecklistVersionView,
  /** Newest first. */
  versions: z.array(ChecklistVersionSummary),
  /** What the caller may do to the template now (domain/checklist-policy). */
  allowedActions: z.array(z.enum(CHECKLIST_ACTIONS)),
});
export type TChecklistDetail = z.output<typeof ChecklistDetail>;

/** A version number in a URL; bounded so that a huge one is a 400, not a database integer overflow. */
const VersionNo = coerceInt().min(1, '版本号无效').max(1_000_000, '版本号无效');
export const ChecklistVersionParams = z.object({ id: Uuid, version: VersionNo });

/** An edit of the current version; baseVersion is the version the editor started from. */
export const ChecklistPublish = ChecklistContentSchema.extend({ baseVersion: int().min(1) });
export type TChecklistPublish = z.output<typeof ChecklistPublish>;

export const ChecklistActive = z.object({ active: z.boolean(), version: int() });

const DiffItem = ChecklistItemSchema.extend({ groupTitle: z.string() });
export const ChecklistDiff = z.object({
  fromVersion: int(),
  toVersion: int(),
  /** Template fields other than the items that differ: name, audience, source, description. */
  infoChanged: z.array(z.enum(['name', 'audience', 'source', 'description'])),
  added: z.array(DiffItem),
  removed: z.array(DiffItem),
  changed: z.array(z.object({ key: z.string(), before: DiffItem, after: DiffItem })),
});
export type TChecklistDiff = z.output<typeof ChecklistDiff>;
export const ChecklistDiffQuery = z.object({ from: VersionNo, to: VersionNo });

export const BuiltInsResult = z.object({ created: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })) });
/** The district copies that took the built-ins' newer wording, each with its new version number. */
export const BuiltInsUpdateResult = z.object({ updated: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), version: int() })) });

/** Preview of one template workbook: which code, and whether it is new or the next version. */
export const ChecklistImportPreview = ImportPreview.extend({
  code: z.string().nullable(),
  name: z.string().nullable(),
  /** The existing template's current version, null when the code is new. */
  fromVersion: int().nullable(),
  diff: ChecklistDiff.nullable(),
});
export type TChecklistImportPreview = z.output<typeof ChecklistImportPreview>;

export const checklistRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/checklists', summary: '检查表列表', tag: 'checklists', query: ChecklistListQuery, response: ChecklistListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/checklists', summary: '新建检查表（第1版）', tag: 'checklists', body: ChecklistContentSchema, response: ChecklistDetail }),
  loadBuiltIns: defineRoute({ method: 'POST', path: '/api/checklists/built-ins', summary: '载入内置检查表（已有的编码跳过）', tag: 'checklists', response: BuiltInsResult }),
  updateBuiltIns: defineRoute({ method: 'POST', path: '/api/checklists/built-ins/update', summary: '更新内置检查表：未修改过的内置检查表发布新表述为新版本', tag: 'checklists', response: BuiltInsUpdateResult }),
  importTemplate: defineRoute({ method: 'GET', path: '/api/checklists/import/template', summary: '下载检查表导入模板（xlsx）', tag: 'checklists', responseType: 'xlsx' }),
  importPreview: defineRoute({ method: 'POST', path: '/api/checklists/import/preview', summary: '上传检查表xlsx并预检（不写入）', tag: 'checklists', multipart: true, response: ChecklistImportPreview }),
  importCommit: defineRoute({ method: 'POST', path: '/api/checklists/import/:batchId/commit', summary: '提交导入：新建检查表或发布新版本', tag: 'checklists', params: BatchParams, response: ImportCommitResult }),
  importRejects: defineRoute({ method: 'GET', path: '/api/checklists/import/:batchId/rejects', summary: '下载标注了错误原因的文件（改正后可直接重新导入）', tag: 'checklists', params: BatchParams, responseType: 'xlsx' }),
  get: defineRoute({ method: 'GET', path: '/api/checklists/:id', summary: '检查表详情（含版本历史）', tag: 'checklists', params: IdParams, response: ChecklistDetail }),
  getVersion: defineRoute({ method: 'GET', path: '/api/checklists/:id/versions/:version', summary: '检查表某一版本的完整内容', tag: 'checklists', params: ChecklistVersionParams, response: ChecklistVersionView }),
  previewPublish: defineRoute({ method: 'POST', path: '/api/checklists/:id/versions/preview', summary: '发布前预览：与当前版本的差异（不写入）', tag: 'checklists', params: IdParams, body: ChecklistPublish, response: ChecklistDiff }),
  publish: defineRoute({ method: 'POST', path: '/api/checklists/:id/versions', summary: '发布修改为新版本', tag: 'checklists', params: IdParams, body: ChecklistPublish, response: ChecklistDetail }),
  setActive: defineRoute({ method: 'POST', path: '/api/checklists/:id/active', summary: '停用或重新启用检查表', tag: 'checklists', params: IdParams, body: ChecklistActive, response: ChecklistDetail }),
  diff: defineRoute({ method: 'GET', path: '/api/checklists/:id/diff', summary: '两个版本之间的差异', tag: 'checklists', params: IdParams, query: ChecklistDiffQuery, response: ChecklistDiff }),
  exportVersion: defineRoute({ method: 'GET', path: '/api/checklists/:id/versions/:version/export', summary: '导出检查表某一版本（xlsx）', tag: 'checklists', params: ChecklistVersionParams, responseType: 'xlsx' }),
};

// ---- district work calendar (法定节假日, 调休上班日)
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export const CALENDAR_DAY_KIND_LABELS = { holiday: '法定节假日', workday: '调休上班' } as const;
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const CalendarDay = z.object({ day: Day, kind: z.enum(CALENDAR_DAY_KINDS), name: z.string() });
export type TCalendarDay = z.output<typeof CalendarDay>;
export const CalendarDayInput = z.object({
  kind: z.enum(CALENDAR_DAY_KINDS, { error: '请选择类型' }),
  name: z.string().trim().min(1, '请填写名称（如 春节）').max(32, '名称不能超过32个字'),
});
export const CalendarYearParams = z.object({ year: coerceInt().min(2000, '年份无效').max(2100, '年份无效') });
export const CalendarDayParams = z.object({ day: Day });
export const CalendarYear = z.object({ year: int(), days: z.array(CalendarDay) });
export const CalendarYearSet = z.object({ days: z.array(CalendarDayInput.extend({ day: Day })).max(120, '一年最多120天') });

export const calendarRoutes = {
  year: defineRoute({ method: 'GET', path: '/api/work-calendar/:year', summary: '工作日历：某年的节假日和调休上班日', tag: 'work-calendar', params: CalendarYearParams, response: CalendarYear }),
  setYear: defineRoute({ method: 'PUT', path: '/api/work-calendar/:year', summary: '设置某年的全部节假日和调休上班日', tag: 'work-calendar', params: CalendarYearParams, body: CalendarYearSet, response: CalendarYear }),
  putDay: defineRoute({ method: 'PUT', path: '/api/work-calendar/days/:day', summary: '新增或修改一天', tag: 'work-calendar', params: CalendarDayParams, body: CalendarDayInput, response: CalendarDay }),
  deleteDay: defineRoute({ method: 'DELETE', path: '/api/work-calendar/days/:day', summary: '删除一天', tag: 'work-calendar', params: CalendarDayParams, response: z.object({ ok: z.literal(true) }) }),
};
