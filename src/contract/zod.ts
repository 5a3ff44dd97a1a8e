// One zod instance for server and web, with Chinese messages: the zh-CN locale, a plain
// "必填" for a missing value, and plain wording for numbers (the locale's "期望 number <=9999"
// shows a type name to people).
import { z } from 'zod';

z.config(z.locales.zhCN());
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return '此项为必填';
    if (issue.code === 'invalid_type' && issue.expected === 'int') return '应为整数';
    if (issue.code === 'invalid_type' && issue.expected === 'number') return '应为数字';
    if (issue.code === 'too_big' && issue.origin === 'number') return issue.inclusive ? `不能大于 ${issue.maximum}` : `应小于 ${issue.maximum}`;
    if (issue.code === 'too_small' && issue.origin === 'number') return issue.inclusive ? `不能小于 ${issue.minimum}` : `应大于 ${issue.minimum}`;
    return undefined;
  },
});

export { z };

/**
 * The range of PostgreSQL `integer`, the column every API integer lands in (versions, sort
 * orders, counts, years). zod's own `.int()` only stops at 2^53, so a version of 2^40 used to
 * reach the database and come back as a 500.
 */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;
export const INT_OUT_OF_RANGE = '数值超出范围';
const NOT_AN_INT = '应为整数';

/** Messages for an integer field: a wrong type (missing included), a fraction. */
export interface IntMessages {
  type?: string;
  int?: string;
}

/**
 * The message for a value of the wrong type (a missing one included) only: a schema-level
 * message would also replace the range messages of checks declared without their own.
 */
const typeError = (m: IntMessages, fallback?: string) => (iss: { code: string }) =>
  iss.code === 'invalid_type' ? (m.type ?? fallback) : undefined;

/**
 * The contract's only way to declare an integer: bounded to INT32_MIN..INT32_MAX with Chinese
 * messages. Chain .min()/.max() for tighter bounds. `contract/bounds.test.ts` refuses any
 * `.int()` written elsewhere in the contract and any unbounded integer in a route's input.
 */
export function int(m: IntMessages = {}) {
  return z
    .number({ error: typeError(m) })
    .int(m.int ?? NOT_AN_INT)
    .min(INT32_MIN, INT_OUT_OF_RANGE)
    .max(INT32_MAX, INT_OUT_OF_RANGE);
}

/** int() from text: a query string or path segment, where every value arrives as a string. */
export function coerceInt(m: IntMessages = {}) {
  return z.coerce
    .number({ error: typeError(m, NOT_AN_INT) })
    .int(m.int ?? NOT_AN_INT)
    .min(INT32_MIN, INT_OUT_OF_RANGE)
    .max(INT32_MAX, INT_OUT_OF_RANGE);
}
