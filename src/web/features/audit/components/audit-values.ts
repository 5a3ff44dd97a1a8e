// An audit entry's fields as people read them: Chinese field names, coded values by their names,
// ids by the names of their records (the page's refs), instants in Beijing time, money in 元,
// yes/no for flags. The entry itself stays as recorded (and hashed); only its showing changes.
import { AUDIT_HIDDEN_FIELDS, auditFieldLabel, auditValueLabel } from '../../../../contract/audit-fields.ts';
import { formatDateTime } from '../../../lib/format.ts';

export interface ValueContext {
  entityType: string;
  /** Names of the records mentioned by id, from the list response. */
  refs: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** A record whose name the server could not give (not kept, or of a kind it does not name). */
export const UNNAMED_RECORD = '（无名称的记录）';

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** One value of `field` as text; nested records are written out field by field. */
export function auditValueText(ctx: ValueContext, field: string, value: unknown): string {
  if (value === undefined) return '';
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    if (field.endsWith('Fen')) return `${(value / 100).toFixed(2)} 元`;
    return auditValueLabel(ctx.entityType, field, value) ?? String(value);
  }
  if (typeof value === 'string') {
    const label = auditValueLabel(ctx.entityType, field, value);
    if (label) return label;
    if (UUID.test(value)) return ctx.refs[value] ?? UNNAMED_RECORD;
    if (INSTANT.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((v) => auditValueText(ctx, field, v)).join(value.some(isRecord) ? '\n' : '、');
  }
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([k, v]) => !AUDIT_HIDDEN_FIELDS.includes(k) && v !== undefined)
      .map(([k, v]) => `${auditFieldLabel(ctx.entityType, k, field)}：${auditValueText(ctx, k, v)}`)
      .join('；');
  }
  return String(value);
}

export interface DiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/**
 * One row per field of before ∪ after (the record's id and district left out), each named and
 * written out; a before or after that is not a record (a list of rows, a value) is one row.
 */
export function diffRows(ctx: ValueContext, before: unknown, after: unknown): DiffRow[] {
  const asRecord = (v: unknown) => (v == null ? {} : isRecord(v) ? v : { content: v });
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !AUDIT_HIDDEN_FIELDS.includes(k));
  return keys.map((key) => ({
    key,
    label: key === 'content' && !isRecord(before) && !isRecord(after) ? '内容' : auditFieldLabel(ctx.entityType, key),
    before: auditValueText(ctx, key, b[key]),
    after: auditValueText(ctx, key, a[key]),
    changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
}
