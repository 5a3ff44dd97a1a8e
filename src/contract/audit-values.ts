// An audit entry's fields as people read them: Chinese field names, coded values by their names,
// ids by the names of their records (the page's refs), instants in Beijing time, money in 元,
// yes/no for flags. The entry itself stays as recorded (and hashed); only its showing changes.
// Shared by the 审计日志 page and the server's export of it, so both read the same.
import { shanghaiDateTime } from '../domain/common/dates.ts';
import { AUDIT_HIDDEN_FIELDS, auditFieldLabel, auditValueLabel } from './audit-fields.ts';

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
    if (INSTANT.test(value)) return shanghaiDateTime(new Date(value));
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
  // An update of a stored record (its row before, id and all) may record only the fields it set
  // (a user's 修改): the others kept their value. An entry of facts (locks lifted…) is read as it is.
  const kept = isRecord(before) && isRecord(after) && 'id' in before;
  const afterOf = (key: string) => (kept && !(key in a) ? b[key] : a[key]);
  return keys.map((key) => ({
    key,
    label: key === 'content' && !isRecord(before) && !isRecord(after) ? '内容' : auditFieldLabel(ctx.entityType, key),
    before: auditValueText(ctx, key, b[key]),
    after: auditValueText(ctx, key, afterOf(key)),
    changed: JSON.stringify(b[key]) !== JSON.stringify(afterOf(key)),
  }));
}

/**
 * What an entry changed, one line a field: "字段：前 → 后" for a change, "字段：值" for a record
 * created (nothing before) or "字段：值（删除）" for one removed. The export's 变更内容 column.
 */
export function changeText(ctx: ValueContext, before: unknown, after: unknown): string {
  const created = before == null;
  const removed = after == null;
  return diffRows(ctx, before, after)
    .filter((r) => r.changed)
    .map((r) => (created ? `${r.label}：${r.after}` : removed ? `${r.label}：${r.before}（删除）` : `${r.label}：${r.before || '—'} → ${r.after || '—'}`))
    .join('\n');
}
