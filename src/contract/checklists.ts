// Checklist templates (检查表). The content schema mirrors domain/checklist.ts; the domain's
// templateProblems() is the rule, this only shapes and bounds the input.
import { z } from './zod.ts';
import { CHECK_METHODS, CHECKLIST_AUDIENCES, RESPONSE_TYPES } from '../domain/checklist.ts';

const Line = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const Optional = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

export const ChecklistItemSchema = z.object({
  key: z.string().trim().min(1, '请填写检查项编码').max(64),
  content: Line('检查内容', 2000),
  requirement: Optional(2000),
  howToCheck: z.string().trim().max(2000).default(''),
  checkMethods: z.array(z.enum(CHECK_METHODS)).max(3),
  responseType: z.enum(RESPONSE_TYPES, { error: '请选择检查结果类型' }),
  photoRequired: z.boolean().default(false),
  unit: Optional(16),
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
  version: z.number().int(),
  publishedAt: z.string(),
});
export type TChecklistVersionView = z.output<typeof ChecklistVersionView>;
