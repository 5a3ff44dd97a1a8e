// Which column of a user's spreadsheet holds which field, and which of its words means which of
// ours: header synonyms (a 市场监管 registry's 企业名称 is our 单位名称), value synonyms (its
// 登记状态 存续/在业 is our 经营状态 在营), what a district chose last time, and what the person
// chooses now. Pure: the tables and the choices are passed in.

/** A field an import reads, with the other names its column goes by. */
export interface ImportField {
  key: string;
  /** The template's header (the field's own name). */
  header: string;
  synonyms?: readonly string[];
  /** The project's labels of an enum-like field (its values are listed and mapped in the preview). */
  options?: readonly string[];
  /** Other words for an option's label: exact words, or patterns tried in order. */
  valueSynonyms?: readonly (readonly [string | RegExp, string])[];
}

/**
 * A person's (or a district's remembered) choices, keyed by normalised text:
 * columns: file header → field key ('' ignores the column); values: field key → file value → our label;
 * defaults: field key → the value of every row whose cell is blank or whose column is missing.
 */
export interface ColumnMapping {
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
  defaults: Record<string, string>;
}

export const EMPTY_MAPPING: ColumnMapping = { columns: {}, values: {}, defaults: {} };

export type MatchHow = 'exact' | 'synonym' | 'remembered' | 'chosen' | 'none';

export interface HeaderMatch {
  /** Column number, 1-based. */
  col: number;
  header: string;
  key: string | null;
  how: MatchHow;
}

/**
 * Header or value text as compared: full-width to half-width (NFKC), no spaces, no "*" marks,
 * no notes in brackets ((元), 【必填】), one kind of slash, lower case, no trailing colon.
 */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\(.*?\)|\[.*?\]|【.*?】|〔.*?〕/g, '')
    .replace(/[\s*\u3000:]/g, '')
    .replace(/[\\|]/g, '/')
    .toLowerCase();
}

/** Merges choices: later ones win, field by field and value by value. */
export function mergeMappings(...ms: (ColumnMapping | null | undefined)[]): ColumnMapping {
  const out: ColumnMapping = { columns: {}, values: {}, defaults: {} };
  for (const m of ms) {
    if (!m) continue;
    Object.assign(out.columns, m.columns);
    Object.assign(out.defaults, m.defaults);
    for (const [k, v] of Object.entries(m.values)) out.values[k] = { ...out.values[k], ...v };
  }
  return out;
}

/**
 * Each header's field: the person's choice, else the district's remembered one, else the field's
 * own header, else a synonym. A field is taken by its first column only; blank headers stay unmatched.
 */
export function matchHeaders(
  headers: readonly string[], fields: readonly ImportField[], o: { remembered?: ColumnMapping | null; chosen?: ColumnMapping | null } = {},
): HeaderMatch[] {
  const keys = new Set(fields.map((f) => f.key));
  const own = new Map(fields.map((f) => [normalizeText(f.header), f.key]));
  const syn = new Map<string, string>();
  for (const f of fields) for (const s of f.synonyms ?? []) if (!syn.has(normalizeText(s))) syn.set(normalizeText(s), f.key);
  const taken = new Set<string>();
  return headers.map((header, i) => {
    const n = normalizeText(header);
    const pick = (): { key: string | null; how: MatchHow } => {
      if (n === '') return { key: null, how: 'none' };
      for (const [m, how] of [[o.chosen, 'chosen'], [o.remembered, 'remembered']] as const) {
        const k = m?.columns[n];
        if (k === '') return { key: null, how };
        if (k !== undefined && keys.has(k)) return { key: k, how };
      }
      if (own.has(n)) return { key: own.get(n)!, how: 'exact' };
      if (syn.has(n)) return { key: syn.get(n)!, how: 'synonym' };
      return { key: null, how: 'none' };
    };
    const p = pick();
    if (p.key && taken.has(p.key)) return { col: i + 1, header, key: null, how: 'none' };
    if (p.key) taken.add(p.key);
    return { col: i + 1, header, ...p };
  });
}

/** Our label for a file's value of an enum-like field, and how it was found (null: no suggestion). */
export function suggestValue(field: ImportField, value: string, o: { remembered?: ColumnMapping | null; chosen?: ColumnMapping | null } = {}): { target: string | null; how: MatchHow } {
  const options = field.options ?? [];
  const n = normalizeText(value);
  for (const [m, how] of [[o.chosen, 'chosen'], [o.remembered, 'remembered']] as const) {
    const t = m?.values[field.key]?.[n];
    if (t !== undefined && options.includes(t)) return { target: t, how };
  }
  const exact = options.find((opt) => opt === value || normalizeText(opt) === n);
  if (exact !== undefined) return { target: exact, how: 'exact' };
  for (const [word, label] of field.valueSynonyms ?? []) {
    const hit = typeof word === 'string' ? normalizeText(word) === n : word.test(value.normalize('NFKC'));
    if (hit && options.includes(label)) return { target: label, how: 'synonym' };
  }
  return { target: null, how: 'none' };
}

/** What a cell's value reads as: its mapped label when one is known, else the value itself. */
export function mapValue(field: ImportField, value: string, o: { remembered?: ColumnMapping | null; chosen?: ColumnMapping | null } = {}): string {
  if (value === '' || !field.options) return value;
  return suggestValue(field, value, o).target ?? value;
}

/** Distinct values of a column with their counts, up to `limit` (more: the column is not enum-like). */
export class DistinctValues {
  readonly counts = new Map<string, number>();
  more = false;
  constructor(private readonly limit = 50) {}
  add(value: string) {
    if (value === '') return;
    const n = this.counts.get(value);
    if (n !== undefined) this.counts.set(value, n + 1);
    else if (this.counts.size < this.limit) this.counts.set(value, 1);
    else this.more = true;
  }
}

/** The field whose values a person may say mean a registered unit's name (a ledger's short names). */
export const NAME_ALIAS_FIELD = 'enterprise';

/**
 * A unit name as an alias is keyed: full-width to half-width and no spaces, but brackets kept
 * (normalizeText drops them, which would make 翠峰机械（一车间） and 翠峰机械（二车间） one name).
 */
export const nameAliasKey = (name: string): string => name.normalize('NFKC').replace(/\s/g, '');

/**
 * The registered name a file's unit name was said to mean: the person's choice now, else the
 * district's from an earlier file; '' chosen now undoes a remembered one. The caller reads it only
 * for a name that is not itself registered, so an alias never hides a unit of that very name.
 */
export function nameAliasOf(name: string, o: { remembered?: ColumnMapping | null; chosen?: ColumnMapping | null }): { target: string; how: 'chosen' | 'remembered' } | null {
  const n = nameAliasKey(name);
  for (const [m, how] of [[o.chosen, 'chosen'], [o.remembered, 'remembered']] as const) {
    const t = m?.values[NAME_ALIAS_FIELD]?.[n];
    if (t === '') return null;
    if (t !== undefined && t !== name) return { target: t, how };
  }
  return null;
}
