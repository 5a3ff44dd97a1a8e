// How an import reads a file whose columns are not the template's (decision 023): the file's
// headers matched to our fields (the person's choices, then the district's remembered ones, then
// our headers and their synonyms), enum-like values read as our labels, values for the whole file,
// and the distinct values found, all told back in the preview. The choices a commit carried are
// remembered for the district (import_mappings), audited.
import { and, eq } from 'drizzle-orm';
import { ImportMappingInput, type TImportMappingInfo } from '../../contract/enterprises.ts';
import {
  type ColumnMapping, DistinctValues, EMPTY_MAPPING, type HeaderMatch, type ImportField, NAME_ALIAS_FIELD, mapValue, matchHeaders, mergeMappings, nameAliasKey,
  normalizeText, suggestValue,
} from '../../domain/imports/column-mapping.ts';
import type { DbOrTx } from '../db/client.ts';
import { importMappings } from '../db/schema/index.ts';
import { recordAudit } from '../modules/audit/index.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

export interface ImportFieldDef extends ImportField {
  required: boolean;
}

/** The person's choices sent with the file (multipart field `mapping`, JSON), keyed by normalised text. */
export function parseMappingField(raw: string | undefined): ColumnMapping | null {
  if (raw === undefined || raw.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION', '列对应设置格式有误', { mapping: ['不是有效的 JSON'] });
  }
  const parsed = ImportMappingInput.safeParse(json);
  if (!parsed.success) throw new AppError('VALIDATION', '列对应设置格式有误', { mapping: parsed.error.issues.map((i) => i.message) });
  const m = parsed.data;
  const norm = <T>(r: Record<string, T>, key = normalizeText) => Object.fromEntries(Object.entries(r).map(([k, v]) => [key(k), v]));
  return {
    columns: norm(m.columns),
    // a unit name's alias keeps its brackets (nameAliasKey); a value of a fixed list is compared loosely
    values: Object.fromEntries(Object.entries(m.values).map(([f, vs]) => [f, norm(vs, f === NAME_ALIAS_FIELD ? nameAliasKey : normalizeText)])),
    defaults: Object.fromEntries(Object.entries(m.defaults).map(([f, v]) => [f, v.trim()]).filter(([, v]) => v !== '')),
  };
}

const isEmpty = (m: ColumnMapping | null) => !m || (Object.keys(m.columns).length === 0 && Object.keys(m.values).length === 0 && Object.keys(m.defaults).length === 0);

export async function rememberedMapping(db: DbOrTx, districtId: string, kind: string): Promise<ColumnMapping | null> {
  const [r] = await db.select({ mapping: importMappings.mapping }).from(importMappings)
    .where(and(eq(importMappings.districtId, districtId), eq(importMappings.kind, kind))).limit(1);
  return r ? mergeMappings(EMPTY_MAPPING, r.mapping as ColumnMapping) : null;
}

/** Remembers the choices a committed batch carried, over the district's earlier ones; audited when they change. */
export async function rememberMapping(tx: DbOrTx, actor: Actor, kind: string, chosen: ColumnMapping | null | undefined, now: Date): Promise<void> {
  if (!chosen || isEmpty(chosen)) return;
  const [before] = await tx.select().from(importMappings)
    .where(and(eq(importMappings.districtId, actor.districtId), eq(importMappings.kind, kind))).limit(1).for('update');
  const mapping = mergeMappings(before?.mapping as ColumnMapping | undefined, chosen);
  if (before && JSON.stringify(before.mapping) === JSON.stringify(mapping)) return;
  const [after] = before
    ? await tx.update(importMappings).set({ mapping, updatedBy: actor.userId, updatedAt: now }).where(eq(importMappings.id, before.id)).returning()
    : await tx.insert(importMappings).values({ districtId: actor.districtId, kind, mapping, updatedBy: actor.userId, updatedAt: now }).returning();
  await recordAudit(tx, {
    at: now, districtId: actor.districtId, actor: { userId: actor.userId, displayName: actor.displayName }, action: 'import_mapping.update',
    entityType: 'import_mapping', entityId: after!.id, before: before ?? undefined, after,
  });
}

/** Whether a row of the first five is the header: it names the anchor field, or three fields. */
export function headerTest(fields: readonly ImportFieldDef[], anchorKey: string, remembered: ColumnMapping | null, chosen: ColumnMapping | null) {
  return (texts: string[]) => {
    const keys = matchHeaders(texts, fields, { remembered, chosen }).map((m) => m.key).filter(Boolean);
    return keys.includes(anchorKey) || keys.length >= 3;
  };
}

const MAPPED_KEPT = 10_000;

/** One file read through the choices: cell text by field, mapped values, distinct values seen. */
export class SheetReading {
  readonly matches: HeaderMatch[];
  private readonly col = new Map<string, number>();
  private readonly byKey: Map<string, ImportFieldDef>;
  private readonly distinct = new Map<string, DistinctValues>();
  private readonly mapped = new Map<string, Map<string, string>>();
  private readonly choices: { remembered: ColumnMapping | null; chosen: ColumnMapping | null };
  readonly defaults: Record<string, string>;

  constructor(
    sheet: { header: string[] }, private readonly fields: readonly ImportFieldDef[],
    o: { remembered: ColumnMapping | null; chosen: ColumnMapping | null; ignoreHeaders?: string[] },
  ) {
    this.choices = { remembered: o.remembered, chosen: o.chosen };
    this.byKey = new Map(fields.map((f) => [f.key, f]));
    this.matches = matchHeaders(sheet.header, fields, this.choices).map((m) =>
      o.ignoreHeaders?.includes(normalizeText(m.header)) ? { ...m, key: null, how: 'none' as const } : m);
    for (const m of this.matches) if (m.key) this.col.set(m.key, m.col - 1);
    for (const f of fields) if (f.options && this.col.has(f.key)) this.distinct.set(f.key, new DistinctValues());
    this.defaults = { ...o.remembered?.defaults, ...o.chosen?.defaults };
    for (const k of Object.keys(this.defaults)) if (!this.byKey.has(k)) delete this.defaults[k];
  }

  has(key: string): boolean {
    return this.col.has(key) || this.defaults[key] !== undefined;
  }

  hasColumn(key: string): boolean {
    return this.col.has(key);
  }

  columnOf(key: string): number | undefined {
    return this.col.get(key);
  }

  /** Notes the row's values of enum-like columns (once per row). */
  observe(values: readonly string[]): void {
    for (const [key, d] of this.distinct) d.add(values[this.col.get(key)!] ?? '');
  }

  /** The cell of a field as the import reads it: the file's text (an enum-like one as our label), else the file-wide value. */
  /** The cell as written in the file, before defaults and value mapping ('' when the column is absent). */
  raw(values: readonly string[], key: string): string {
    const i = this.col.get(key);
    return i === undefined ? '' : values[i] ?? '';
  }

  text(values: readonly string[], key: string): string {
    const i = this.col.get(key);
    const raw = i === undefined ? '' : values[i] ?? '';
    if (raw === '') return this.defaults[key] ?? '';
    const f = this.byKey.get(key);
    if (!f?.options) return raw;
    // An enum-like column repeats a few words down 100,000 rows: each is mapped once.
    let mapped = this.mapped.get(key);
    if (!mapped) this.mapped.set(key, (mapped = new Map()));
    let label = mapped.get(raw);
    if (label === undefined) {
      label = mapValue(f, raw, this.choices);
      if (mapped.size < MAPPED_KEPT) mapped.set(raw, label);
    }
    return label;
  }

  /** Required fields with neither a column nor a file-wide value, less those the import can infer. */
  missing(inferable: readonly string[] = []): ImportFieldDef[] {
    return this.fields.filter((f) => f.required && !this.has(f.key) && !inferable.includes(f.key));
  }

  info(inferable: readonly string[] = [], suggestions: Record<string, string[]> = {}): TImportMappingInfo {
    return {
      suggestions,
      fields: this.fields.map((f) => ({ key: f.key, header: f.header, required: f.required, options: f.options ? [...f.options] : null })),
      headers: this.matches.map((m) => ({ header: m.header, key: m.key, how: m.how })),
      unmatched: this.matches.filter((m) => !m.key && m.header !== '').map((m) => m.header),
      missing: this.missing(inferable).map((f) => f.key),
      values: [...this.distinct].map(([field, d]) => ({
        field,
        more: d.more,
        values: [...d.counts].map(([value, count]) => ({ value, count, ...suggestValue(this.byKey.get(field)!, value, this.choices) })),
      })),
      defaults: this.defaults,
      remembered: !isEmpty(this.choices.remembered),
    };
  }
}
