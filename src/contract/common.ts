import { z, int, coerceInt } from './zod.ts';
import { isValidDay } from '../domain/common/dates.ts';

export const ERROR_CODES = [
  'VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'ACCOUNT_LOCKED',
  'PASSWORD_CHANGE_REQUIRED', 'TOTP_ENROLLMENT_REQUIRED', 'CSRF', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_FILE', 'INTERNAL', 'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export type TErrorEnvelope = z.infer<typeof ErrorEnvelope>;

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day 'YYYY-MM-DD'; a well-formed but impossible day (2024-02-30) is refused here, not by the database. */
export const DateStr = z
  .string()
  // An empty value is a date not picked yet, which a form words as such.
  .regex(DAY_SHAPE, { error: (iss) => (iss.input === '' ? '请选择日期' : '日期格式应为 YYYY-MM-DD') })
  .refine((d) => !DAY_SHAPE.test(d) || isValidDay(d), '日期不存在');

export const Uuid = z.uuid({ error: '无效的编号' });
export const IdParams = z.object({ id: Uuid });

/** Query-string boolean: "true"/"false" (and 1/0). */
export const QueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const PageQuery = z.object({
  page: coerceInt().min(1).default(1),
  pageSize: coerceInt().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: int(),
    page: int(),
    pageSize: int(),
  });
}
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const OkResponse = z.object({ ok: z.literal(true) });

export const VoidRequest = z.object({
  reason: z.string().trim().min(2, '请填写作废原因（至少2个字）').max(500),
  version: int(),
});
export type TVoidRequest = z.infer<typeof VoidRequest>;

export const MOBILE_OR_LANDLINE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
export const Phone = z
  .string()
  .trim()
  .regex(MOBILE_OR_LANDLINE, '电话格式不正确（手机号11位，或区号-座机号）');
export const OptionalText = (max: number) =>
  z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
