import { z, int } from './zod.ts';
import {
  ENTERPRISE_KINDS, ENTERPRISE_STATUSES, RISK_GRADES, VENUE_TYPES, usccRequired,
} from '../domain/enterprises/enterprise-rules.ts';
import { USCC_PROBLEM_MESSAGES, checkUscc, normalizeUscc } from '../domain/enterprises/uscc.ts';
import { defineRoute } from './route.ts';
import { IdParams, OptionalText, PageQuery, Phone, QueryBool, Uuid, VoidRequest, pageOf } from './common.ts';

import { ENTERPRISE_ACTIONS } from '../domain/enterprises/enterprise-policy.ts';

const OptionalPhone = z
  .union([z.literal(''), z.null(), Phone])
  .optional()
  .transform((v) => (v ? v : null));

const UsccField = z
  .string()
  .nullish()
  .transform((v) => (v && v.trim() ? normalizeUscc(v) : null));

const enterpriseFields = {
  name: z.string().trim().min(1, '请输入单位名称').max(100, '单位名称不超过100字'),
  uscc: UsccField,
  kind: z.enum(ENTERPRISE_KINDS, { error: '请选择单位类型' }),
  venueType: z.enum(VENUE_TYPES).nullish().transform((v) => v ?? null),
  address: z.string().trim().min(1, '请输入地址').max(200),
  villageId: Uuid,
  sectorIds: z.array(Uuid).min(1, '请至少选择一个行业领域').max(10),
  employeeCount: int({ type: '从业人数应为数字' }).min(0, '从业人数不能为负').max(1000000).nullish().transform((v) => v ?? null),
  principalName: z.string().trim().min(1, '请输入主要负责人').max(32),
  principalPhone: Phone,
  safetyManagerName: OptionalText(32),
  safetyManagerPhone: OptionalPhone,
  riskGrade: z.enum(RISK_GRADES).nullish().transform((v) => v ?? null),
  isKey: z.boolean().default(false),
  isHighRisk: z.boolean().default(false),
  status: z.enum(ENTERPRISE_STATUSES).default('operating'),
};

type Fields = { uscc: string | null; kind: (typeof ENTERPRISE_KINDS)[number]; venueType: string | null };
/** Cross-field rules shared by create, update (after merging) and import. */
export function refineEnterprise(v: Partial<Fields>, ctx: z.RefinementCtx) {
  if (v.uscc) {
    const problem = checkUscc(v.uscc);
    if (problem) ctx.addIssue({ code: 'custom', path: ['uscc'], message: USCC_PROBLEM_MESSAGES[problem] });
  } else if (v.kind && usccRequired(v.kind) && v.uscc !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['uscc'], message: '企业须填写统一社会信用代码' });
  }
  if (v.kind === 'small_venue' && v.venueType === null) {
    ctx.addIssue({ code: 'custom', path: ['venueType'], message: '九小场所须选择场所类型' });
  }
}

export const EnterpriseCreate = z.object(enterpriseFields).superRefine(refineEnterprise);
export type TEnterpriseCreate = z.output<typeof EnterpriseCreate>;

export const EnterpriseUpdate = z
  .object({ ...Object.fromEntries(Object.entries(enterpriseFields).map(([k, s]) => [k, s.optional()])), version: int() })
  .superRefine((v, ctx) => refineEnterprise(v as Partial<Fields>, ctx)) as unknown as z.ZodType<
    Partial<TEnterpriseCreate> & { version: number },
    Partial<z.input<typeof EnterpriseCreate>> & { version: number }
  >;
export type TEnterpriseUpdate = Partial<TEnterpriseCreate> & { version: number };

export const Enterprise = z.object({
  id: z.string(),
  districtId: z.string(),
  townshipId: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  kind: z.enum(ENTERPRISE_KINDS),
  venueType: z.enum(VENUE_TYPES).nullable(),
  address: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  sectorIds: z.array(z.string()),
  sectorNames: z.array(z.string()),
  employeeCount: int().nullable(),
  isSmall: z.boolean(),
  principalName: z.string(),
  principalPhone: z.string(),
  safetyManagerName: z.string().nullable(),
  safetyManagerPhone: z.string().nullable(),
  riskGrade: z.enum(RISK_GRADES).nullable(),
  isKey: z.boolean(),
  isHighRisk: z.boolean(),
  status: z.enum(ENTERPRISE_STATUSES),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: int(),
  allowedActions: z.array(z.enum(ENTERPRISE_ACTIONS)),
});
export type TEnterprise = z.infer<typeof Enterprise>;

export const ENTERPRISE_SORTS = ['name', 'createdAt', 'updatedAt', 'employeeCount', 'riskGrade'] as const;

export const EnterpriseFilter = z.object({
  q: z.string().trim().max(64).optional(),
  villageId: Uuid.optional(),
  sectorId: Uuid.optional(),
  kind: z.enum(ENTERPRISE_KINDS).optional(),
  riskGrade: z.enum(RISK_GRADES).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  isKey: QueryBool.optional(),
  isSmall: QueryBool.optional(),
  includeVoided: QueryBool.optional(),
  sort: z.enum(ENTERPRISE_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TEnterpriseFilter = z.output<typeof EnterpriseFilter>;
export const EnterpriseListQuery = EnterpriseFilter.extend(PageQuery.shape);
export type TEnterpriseListQuery = z.output<typeof EnterpriseListQuery>;

export const EnterpriseListResponse = pageOf(Enterprise);

// ---- import (preview, then commit)
// Shared by every import with a preview and a commit (enterprises, hazards, checklists).
export const ImportRowError = z.object({
  row: int(),
  column: z.string(),
  message: z.string(),
  /** The unit the row names (the enterprise's name, or the row's identifying value); '' for a problem of the file or its header. */
  label: z.string(),
});
export type TImportRowError = z.infer<typeof ImportRowError>;
const MatchHow = z.enum(['exact', 'synonym', 'remembered', 'chosen', 'none']);
/** How the file's columns and values were read (imports of enterprises and hazards); the person may change any of it. */
export const ImportMappingInfo = z.object({
  /** The fields the import reads: key, our header, required, and the labels of an enum-like one. */
  fields: z.array(z.object({ key: z.string(), header: z.string(), required: z.boolean(), options: z.array(z.string()).nullable() })),
  /** Every header of the file, with the field it was read as (null: not read) and how that was decided. */
  headers: z.array(z.object({ header: z.string(), key: z.string().nullable(), how: MatchHow })),
  /** Headers not read as any field. */
  unmatched: z.array(z.string()),
  /** Required fields with neither a column nor a value for the whole file. */
  missing: z.array(z.string()),
  /** The distinct values of enum-like columns, each with our label it reads as (null: not recognised). */
  values: z.array(z.object({
    field: z.string(),
    more: z.boolean(),
    values: z.array(z.object({ value: z.string(), count: int(), target: z.string().nullable(), how: MatchHow })),
  })),
  /** Values for the whole file, by field (for a blank cell or a missing column). */
  defaults: z.record(z.string(), z.string()),
  /** What a person may pick as a whole file's value of a field that is not a fixed list: the district's villages, its sectors. */
  suggestions: z.record(z.string(), z.array(z.string())),
  /** Whether the district's remembered choices were applied. */
  remembered: z.boolean(),
});
export type TImportMappingInfo = z.infer<typeof ImportMappingInfo>;
const MapKey = z.string().max(100);
const bounded = <T extends z.ZodTypeAny>(v: T, max = 300) => z.record(MapKey, v).refine((r) => Object.keys(r).length <= max, '对应项过多');
/**
 * The person's choices, sent with the file (multipart field `mapping`, JSON): file header → field key ('' ignores it), field → value →
 * our label (for 单位名称: → the registered name, '' for none), field → value for the whole file.
 */
export const ImportMappingInput = z.object({
  columns: bounded(z.string().max(40)).default({}),
  // a value's label, or for 单位名称 the registered name a ledger's short name means (up to 100 characters)
  // per field up to 1,000: a ledger's short names may be adopted 200 at a time, file after file
  values: bounded(bounded(z.string().max(100), 1000)).default({}),
  defaults: bounded(z.string().max(200)).default({}),
});
export type TImportMappingInput = z.infer<typeof ImportMappingInput>;

/** A file-wide value of 所在村/社区 that reads each row's village from its address (a registry's 住所). */
export const VILLAGE_FROM_ADDRESS = '从地址识别';

export const ImportPreview = z.object({
  batchId: z.string(),
  fileName: z.string(),
  totalRows: int(),
  validRows: int(),
  toCreate: int(),
  toUpdate: int(),
  /** The first problems (sheet by sheet, row by row); the rest page through …/import/:batchId/errors. */
  errors: z.array(ImportRowError),
  /** How many problems there are in all. */
  errorTotal: int(),
  /** What an error's `label` names, e.g. 单位名称. */
  labelTitle: z.string(),
  /** Rows with a problem, each counted once: the commit skips them, and they download with their reasons (…/import/:batchId/rejects). */
  rejectedRows: int(),
  expiresAt: z.string(),
  /** Imports that read other files' columns (enterprises, hazards): how this file was read. */
  mapping: ImportMappingInfo.optional(),
  /**
   * Enterprises: the first rows that update a registered unit, found by its credit code, under
   * another name (a rename, or a mistyped code that would overwrite another unit), and how many.
   */
  renames: z.array(z.object({ row: int(), from: z.string(), to: z.string() })).optional(),
  renameTotal: int().optional(),
  /** Enterprises: rows of companies deregistered (注销/撤销/迁出) and never registered here: not imported, not errors. */
  deregistered: int().optional(),
  /** Enterprises: the first registered units the file says are deregistered (to be closed, nothing else changed), and how many. */
  closing: z.array(z.object({ row: int(), name: z.string() })).optional(),
  closingTotal: int().optional(),
  /** Hazards: rows already in the ledger (same unit, found day and description), not imported twice and not errors. */
  alreadyImported: int().optional(),
  /**
   * Hazards: unit names of the file that are not registered but were read as a registered unit
   * (the person's choice, or the district's from an earlier file), with how many rows each.
   */
  nameAliases: z.array(z.object({ name: z.string(), target: z.string(), rows: int(), how: z.enum(['chosen', 'remembered']) })).optional(),
  /** Hazards: unit names not registered that likely mean a registered unit, to adopt in the preview, with how many rows each. */
  nameSuggestions: z.array(z.object({ name: z.string(), suggestion: z.string(), rows: int() })).optional(),
});
export type TImportPreview = z.infer<typeof ImportPreview>;
/** skipped: the rows of the file not imported, those the preview found wrong included. */
export const ImportCommitResult = z.object({
  created: int(), updated: int(), skipped: int(),
  /** Enterprises: rows of deregistered companies never registered here, passed over (not among `skipped`, not in the download). */
  deregistered: int().optional(),
  /** Hazards: rows already in the ledger, not imported twice (not among `skipped`). */
  alreadyImported: int().optional(),
});
export const BatchParams = z.object({ batchId: Uuid });
export const ImportErrorsResponse = pageOf(ImportRowError);


export const enterpriseRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/enterprises', summary: '生产经营单位列表（按数据范围）', tag: 'enterprises', query: EnterpriseListQuery, response: EnterpriseListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/enterprises', summary: '新增生产经营单位', tag: 'enterprises', body: EnterpriseCreate, response: Enterprise }),
  get: defineRoute({ method: 'GET', path: '/api/enterprises/:id', summary: '生产经营单位详情', tag: 'enterprises', params: IdParams, response: Enterprise }),
  update: defineRoute({ method: 'PATCH', path: '/api/enterprises/:id', summary: '修改生产经营单位', tag: 'enterprises', params: IdParams, body: EnterpriseUpdate, response: Enterprise }),
  void: defineRoute({ method: 'POST', path: '/api/enterprises/:id/void', summary: '作废（须填原因）', tag: 'enterprises', params: IdParams, body: VoidRequest, response: Enterprise }),
  exportXlsx: defineRoute({ method: 'GET', path: '/api/enterprises/export', summary: '导出筛选结果（xlsx）', tag: 'enterprises', query: EnterpriseFilter, responseType: 'xlsx' }),
  importTemplate: defineRoute({ method: 'GET', path: '/api/enterprises/import/template', summary: '下载导入模板（xlsx）', tag: 'enterprises', responseType: 'xlsx' }),
  importPreview: defineRoute({ method: 'POST', path: '/api/enterprises/import/preview', summary: '上传xlsx并预检', tag: 'enterprises', multipart: true, response: ImportPreview }),
  importCommit: defineRoute({ method: 'POST', path: '/api/enterprises/import/:batchId/commit', summary: '提交导入（仅写入无误的行）', tag: 'enterprises', params: BatchParams, response: ImportCommitResult }),
  importErrors: defineRoute({ method: 'GET', path: '/api/enterprises/import/:batchId/errors', summary: '预检发现的问题（分页）', tag: 'enterprises', params: BatchParams, query: PageQuery, response: ImportErrorsResponse }),
  importRejects: defineRoute({ method: 'GET', path: '/api/enterprises/import/:batchId/rejects', summary: '下载未导入的行（含错误原因，改正后可直接重新导入）', tag: 'enterprises', params: BatchParams, responseType: 'xlsx' }),
};
