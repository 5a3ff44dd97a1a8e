import type { z } from 'zod';
import { AppError } from './errors.ts';

export const VALIDATION_MESSAGE = '提交的内容有误，请检查';
export const NUL_MESSAGE = '不能包含空字符（NUL）';
export const BROKEN_TEXT_MESSAGE = '包含无法识别的字符，请重新输入';
/** Half of a UTF-16 surrogate pair on its own: no character at all, and jsonb refuses its escape. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Enough to show a form its fields; a request with more is junk and need not be listed in full. */
const MAX_NUL_FIELDS = 20;

const keyOf = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : '_');

/** Flattens zod issues into { field: [messages] } for forms. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[keyOf(issue.path)] ??= []).push(issue.message);
  return out;
}

/**
 * The fields of a decoded request (params, query or JSON body) whose text holds a NUL
 * character or a lone surrogate, keyed like zod's paths. PostgreSQL cannot store NUL in text or
 * jsonb, nor a lone surrogate in jsonb, and fails the whole statement, so they are refused here,
 * for every route, before any schema runs. Walks with an explicit stack: a deeply nested body
 * must not overflow the call stack.
 */
export function nulFieldErrors(value: unknown): Record<string, string[]> | null {
  // Each entry points at its parent: paths are built only for the fields reported, so a
  // deeply nested body costs one entry per value, not a copied path per value.
  interface Entry { v: unknown; key: PropertyKey | null; parent: Entry | null }
  const pathOf = (e: Entry | null): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let at = e; at && at.key !== null; at = at.parent) path.unshift(at.key);
    return path;
  };
  const out: Record<string, string[]> = {};
  let found = 0;
  const report = (e: Entry, message: string) => {
    out[keyOf(pathOf(e))] = [message];
    found++;
  };
  const problemOf = (text: string) => (text.includes('\u0000') ? NUL_MESSAGE : LONE_SURROGATE.test(text) ? BROKEN_TEXT_MESSAGE : null);
  const stack: Entry[] = [{ v: value, key: null, parent: null }];
  while (stack.length && found < MAX_NUL_FIELDS) {
    const e = stack.pop()!;
    const v = e.v;
    if (typeof v === 'string') {
      const problem = problemOf(v);
      if (problem) report(e, problem);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], key: i, parent: e });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const problem = problemOf(k);
        if (problem) report(e, problem); // the key itself cannot be a field name: report its object
        else stack.push({ v: child, key: k, parent: e });
      }
    }
  }
  return found ? out : null;
}

/** Validates one part of a request against its schema; any failure is a VALIDATION error with field errors. */
export function parseOrThrow<T extends z.ZodTypeAny>(schema: T, value: unknown): z.output<T> {
  const nul = nulFieldErrors(value);
  if (nul) throw new AppError('VALIDATION', VALIDATION_MESSAGE, nul);
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('VALIDATION', VALIDATION_MESSAGE, fieldErrorsOf(r.error));
  return r.data;
}
