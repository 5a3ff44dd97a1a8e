// Inspections (检查记录): by the authorities or an enterprise's own 日/周/月 self-inspection.
import { z, int } from './zod.ts';
import { CONFORMITY_RESULTS } from '../domain/checklists/checklist.ts';
import { HAZARD_LEVELS, HAZARD_STATUSES } from '../domain/hazards/hazard-machine.ts';
import { INSPECTION_METHOD_TAGS, INSPECTION_TYPES } from '../domain/inspections/inspection-rules.ts';
import { INSPECTION_ACTIONS } from '../domain/inspections/inspection-policy.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, QueryBool, Uuid, pageOf } from './common.ts';
import { ChecklistVersionView } from './checklists.ts';
import { StoredFile } from './files.ts';

const Optional = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const FileIds = z.array(Uuid).max(9, '每个检查项最多9张照片');

export const INSPECTION_STATUSES = ['draft', 'completed'] as const;
export const INSPECTION_STATUS_LABELS = { draft: '填写中', completed: '已完成' } as const;

// ---- list
export const InspectionFilter = z.object({
  q: z.string().trim().max(100).optional(), // number or enterprise name
  type: z.enum(INSPECTION_TYPES).optional(),
  /** 'authority': every type but self-inspections; 'self': only self-inspections. */
  kind: z.enum(['authority', 'self']).optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
  methodTag: z.enum(INSPECTION_METHOD_TAGS).optional(),
  enterpriseId: Uuid.optional(),
  villageId: Uuid.optional(),
  unitId: Uuid.optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  hasFailed: QueryBool.optional(),
  /** Only inspections the caller is an inspector of. */
  mine: QueryBool.optional(),
});
export const InspectionListQuery = PageQuery.extend(InspectionFilter.shape);

export const InspectionListItem = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(INSPECTION_TYPES),
  methodTags: z.array(z.enum(INSPECTION_METHOD_TAGS)),
  inspectedOn: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  villageName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  templateCode: z.string(),
  templateName: z.string(),
  templateVersion: int(),
  status: z.enum(INSPECTION_STATUSES),
  /** Items answered 不符合 (for a draft: so far). */
  failedCount: int(),
  /** Hazards created from it (completed inspections). */
  hazardCount: int(),
  inspectorNames: z.array(z.string()),
  completedAt: z.string().nullable(),
});
export type TInspectionListItem = z.output<typeof InspectionListItem>;
export const InspectionListResponse = pageOf(InspectionListItem).extend({
  counts: z.object({ draft: int(), completed: int() }),
});

// ---- create
export const InspectionCreate = z.object({
  type: z.enum(INSPECTION_TYPES, { error: '请选择检查类型' }),
  enterpriseId: Uuid,
  inspectedOn: DateStr,
  /** The newest published version of this template is used. */
  templateCode: z.string().trim().min(1, '请选择检查表').max(64),
  methodTags: z.array(z.enum(INSPECTION_METHOD_TAGS)).max(4).default([]),
  /** Besides the caller, who is always an inspector. */
  coInspectorUserIds: z.array(Uuid).max(10).default([]),
  location: Optional(200),
  planEntryId: Uuid.nullish().transform((v) => v ?? null),
});
export type TInspectionCreate = z.output<typeof InspectionCreate>;

// ---- header edits of a draft
export const InspectionUpdate = z.object({
  version: int(),
  inspectedOn: DateStr.optional(),
  methodTags: z.array(z.enum(INSPECTION_METHOD_TAGS)).max(4).optional(),
  coInspectorUserIds: z.array(Uuid).max(10).optional(),
  location: Optional(200).optional(),
  summary: Optional(4000).optional(),
});

// ---- a non-conforming answer's hazard, as the inspector confirms it
export const HazardDraft = z.object({
  level: z.enum(HAZARD_LEVELS, { error: '请选择隐患等级' }),
  description: z.string().trim().min(1, '请填写隐患描述').max(2000),
  location: z.string().trim().min(1, '请填写隐患部位').max(200),
  sectorId: Uuid,
  criterion: Optional(500),
  dueDate: DateStr.nullish().transform((v) => v ?? null),
});
export type THazardDraft = z.output<typeof HazardDraft>;

// ---- one answer, saved as the inspector goes (a draft only)
export const AnswerSave = z.object({
  result: z.enum(CONFORMITY_RESULTS).nullish().transform((v) => v ?? null),
  number: z.number().finite().nullish().transform((v) => v ?? null),
  text: Optional(2000),
  comment: Optional(2000),
  /** The answer's photos, all of them: new uploads are attached, missing ones detached. */
  photoIds: FileIds.default([]),
  /** Required with 不符合 at completion; pre-filled by the form from the item and the enterprise. */
  hazardDraft: HazardDraft.nullish().transform((v) => v ?? null),
});
export type TAnswerSave = z.output<typeof AnswerSave>;
export const AnswerParams = z.object({ id: Uuid, itemKey: z.string().min(1).max(64) });

export const InspectionAnswer = z.object({
  itemKey: z.string(),
  result: z.enum(CONFORMITY_RESULTS).nullable(),
  number: z.number().nullable(),
  text: z.string().nullable(),
  comment: z.string().nullable(),
  photos: z.array(StoredFile),
  hazardDraft: HazardDraft.nullable(),
  /** The hazard created from this answer at completion. */
  hazard: z.object({ id: z.string(), number: z.string(), status: z.enum(HAZARD_STATUSES), level: z.enum(HAZARD_LEVELS) }).nullable(),
  updatedAt: z.string(),
});

export const InspectionInspector = z.object({
  userId: z.string(),
  name: z.string(),
  certificateNo: z.string().nullable(),
  signedAt: z.string().nullable(),
  /** Signed the record as it is now (a later change before completion voids a signature). */
  signed: z.boolean(),
});

export const RepresentativeSignature = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signed'), name: z.string().trim().min(1, '请被检查单位负责人签名').max(32) }),
  z.object({ kind: z.literal('refused'), note: z.string().trim().min(2, '请记录拒签情况（至少2个字）').max(500) }),
]);

export const InspectionDetail = InspectionListItem.extend({
  townshipId: z.string(),
  villageId: z.string(),
  enterpriseAddress: z.string(),
  location: z.string().nullable(),
  summary: z.string().nullable(),
  periodKey: z.string().nullable(),
  planEntryId: z.string().nullable(),
  template: ChecklistVersionView,
  inspectors: z.array(InspectionInspector),
  answers: z.array(InspectionAnswer),
  /** What still stands in the way of completion, in template order (empty when none). */
  problems: z.array(z.object({ itemKey: z.string().nullable(), message: z.string() })),
  progress: z.object({ answered: int(), total: int() }),
  representative: z
    .object({ name: z.string().nullable(), refusalNote: z.string().nullable(), signedAt: z.string().nullable() })
    .nullable(),
  /** SHA-256 of the record as signed (completed only). */
  signatureHash: z.string().nullable(),
  /** Completed only: whether the stored record still hashes to signatureHash (false: altered after signing). */
  signatureValid: z.boolean().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  /** What the caller may do now (domain/inspection-policy); the server enforces the same rules. */
  allowedActions: z.array(z.enum(INSPECTION_ACTIONS)),
  version: int(),
});
export type TInspectionDetail = z.output<typeof InspectionDetail>;

export const InspectionSign = z.object({ version: int() });
export const InspectionComplete = z.object({
  version: int(),
  summary: Optional(4000),
  /** Required for inspections by the authorities; absent for self-inspections. */
  representative: RepresentativeSignature.nullish().transform((v) => v ?? null),
});
export const InspectionDiscard = z.object({ version: int(), reason: z.string().trim().min(2, '请填写删除原因（至少2个字）').max(500) });

// ---- options for the create form
export const InspectionOptionsQuery = z.object({ enterpriseId: Uuid.optional() });
export const InspectionOptions = z.object({
  /** Types the caller may start (domain/inspection-policy.ts). */
  types: z.array(z.enum(INSPECTION_TYPES)),
  /** Published, active templates: code, name, audience, current version. */
  templates: z.array(z.object({ code: z.string(), name: z.string(), audience: z.string(), version: int(), itemCount: int() })),
  /** Colleagues who may be co-inspectors: the caller's unit's active users, with their certificate numbers. */
  coInspectors: z.array(z.object({ userId: z.string(), name: z.string(), certificateNo: z.string().nullable() })),
  /** The caller's own certificate number (enforcement needs it). */
  myCertificateNo: z.string().nullable(),
});

export const inspectionRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/inspections', summary: '检查记录（按数据范围）', tag: 'inspections', query: InspectionListQuery, response: InspectionListResponse }),
  exportXlsx: defineRoute({ method: 'GET', path: '/api/inspections/export', summary: '导出检查记录（xlsx）', tag: 'inspections', query: InspectionFilter, responseType: 'xlsx' }),
  options: defineRoute({ method: 'GET', path: '/api/inspections/options', summary: '新建检查的可选项（类型、检查表、同行检查人员）', tag: 'inspections', query: InspectionOptionsQuery, response: InspectionOptions }),
  create: defineRoute({ method: 'POST', path: '/api/inspections', summary: '开始一次检查（草稿）', tag: 'inspections', body: InspectionCreate, response: InspectionDetail }),
  get: defineRoute({ method: 'GET', path: '/api/inspections/:id', summary: '检查记录详情', tag: 'inspections', params: IdParams, response: InspectionDetail }),
  update: defineRoute({ method: 'PATCH', path: '/api/inspections/:id', summary: '修改检查信息（仅草稿）', tag: 'inspections', params: IdParams, body: InspectionUpdate, response: InspectionDetail }),
  saveAnswer: defineRoute({ method: 'PUT', path: '/api/inspections/:id/answers/:itemKey', summary: '填写一个检查项（仅草稿）', tag: 'inspections', params: AnswerParams, body: AnswerSave, response: InspectionDetail }),
  sign: defineRoute({ method: 'POST', path: '/api/inspections/:id/sign', summary: '检查人员签名（对当前记录内容）', tag: 'inspections', params: IdParams, body: InspectionSign, response: InspectionDetail }),
  complete: defineRoute({ method: 'POST', path: '/api/inspections/:id/complete', summary: '完成检查：签名、生成隐患、锁定记录', tag: 'inspections', params: IdParams, body: InspectionComplete, response: InspectionDetail }),
  discard: defineRoute({ method: 'POST', path: '/api/inspections/:id/discard', summary: '删除草稿', tag: 'inspections', params: IdParams, body: InspectionDiscard, response: z.object({ ok: z.literal(true) }) }),
  recordPdf: defineRoute({ method: 'GET', path: '/api/inspections/:id/record.pdf', summary: '现场检查记录（PDF）', tag: 'inspections', params: IdParams, responseType: 'file' }),
};
