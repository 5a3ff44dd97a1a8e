// Field errors, from the server's envelope or from the contract's zod schema, onto antd Form fields.
import type { FormInstance } from 'antd';
import type { z } from '../../contract/zod.ts';
import { ApiError, errorMessage } from '../lib/api.ts';

export type FieldErrors = Record<string, string[]>;

/** zod issues keyed by top-level field name, like the server's `fieldErrors`. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** zod issues keyed by their whole path (`plan.owner`, `measures.0.kind`), as the server keys `fieldErrors`. */
export function zodPathErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Shows each error on its field. Returns the messages that match no field on the form,
 * so the caller can show them elsewhere.
 */
export function applyFieldErrors(form: FormInstance, fieldErrors: FieldErrors): string[] {
  const registered = new Set(form.getFieldsError().map((f) => String(f.name[0])));
  const unmatched: string[] = [];
  const fields: { name: string; errors: string[] }[] = [];
  for (const [name, errors] of Object.entries(fieldErrors)) {
    const top = name.split('.')[0] ?? name;
    if (registered.has(top)) fields.push({ name: top, errors });
    else unmatched.push(...errors);
  }
  form.setFields(fields);
  if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
  return unmatched;
}

/**
 * Like applyFieldErrors, and an error of an item of a Form.List (`measures.0.kind`) goes onto
 * that item's input.
 */
export function applyListFieldErrors(form: FormInstance, fieldErrors: FieldErrors): string[] {
  const nested: { name: (string | number)[]; errors: string[] }[] = [];
  const flat: FieldErrors = {};
  for (const [key, errors] of Object.entries(fieldErrors)) {
    const m = /^(\w+)\.(\d+)\.(\w+)$/.exec(key);
    if (m) nested.push({ name: [m[1]!, Number(m[2]), m[3]!], errors });
    else flat[key] = errors;
  }
  form.setFields(nested);
  return applyFieldErrors(form, flat);
}

/**
 * Handles a failed form submission. Validation errors go onto the fields; everything
 * else (and validation messages with no field) is returned as a message to display.
 */
export function formErrorMessage(form: FormInstance, e: unknown): string | null {
  if (e instanceof ApiError && e.code === 'VALIDATION' && e.fieldErrors) {
    const unmatched = applyFieldErrors(form, e.fieldErrors);
    return unmatched.length ? unmatched.join('；') : null;
  }
  return errorMessage(e);
}

export type SchemaCheck<T> = { ok: true; data: T } | { ok: false; unmatched: string[] };

/**
 * Validates form values with a contract schema. On failure the fields show their errors,
 * and messages that belong to no field on the form are returned for display.
 */
export function parseWithSchema<S extends z.ZodTypeAny>(form: FormInstance, schema: S, values: unknown): SchemaCheck<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, unmatched: applyFieldErrors(form, zodFieldErrors(parsed.error)) };
}

/**
 * An onValuesChange handler that clears the errors a field was given by setFields (from the
 * schema or the server) as soon as it is edited: such errors have no rule to re-run.
 */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: Record<string, unknown>) => {
    const names = Object.keys(changed).filter((name) => form.getFieldError(name).length > 0);
    if (names.length) form.setFields(names.map((name) => ({ name, errors: [] })));
  };
}
