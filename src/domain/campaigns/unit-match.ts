// The 责任单位 cell of a plan's annex ("党政办、应急办", "各相关科室", "应急办、各村（居）") matched to
// the township's real units. Plans abbreviate office names and name whole sets of units, so a
// token matches by exact name, then by name with or without a common suffix, then by an alias the
// office has recorded, then as a set. Nothing is guessed by similarity: a token that matches no
// unit, or more than one by name, comes back unmatched for a person to resolve (usually by adding
// an alias), because a task silently given to the wrong unit goes undone.

export type UnitKind = 'village' | 'department' | 'township' | 'district';

export interface UnitRef {
  id: string;
  name: string;
  kind: UnitKind;
}

/**
 * What matching reads of a unit. The kind is a plain string as a database row types it; a kind
 * outside UnitKind matches by name and alias but is never part of a set.
 */
export type MatchableUnit = Omit<UnitRef, 'kind'> & { kind: UnitKind | (string & {}) };

export interface UnitAlias {
  alias: string;
  unitId: string;
}

export type MatchVia = 'name' | 'alias' | 'set' | 'none';

export interface UnitMatch {
  tokens: { token: string; unitIds: string[]; via: MatchVia }[];
  /** Tokens that name no unit (or only an empty set), in the order written. */
  unmatched: string[];
}

type SetKind = 'departments' | 'villages' | 'both';

/**
 * Phrases that name a set of units. Some contain a separator ("镇级各科室、部门", "各科室、村居")
 * and are recognised before splitting: split first, "部门" and "村居" alone would name nothing.
 * Compared in half-width form, so "各村（居）" and "各村(居)" are one phrase.
 */
const SET_PHRASES: readonly (readonly [string, SetKind])[] = [
  ['各科室、村居', 'both'], ['各科室、村(居)', 'both'], ['各科室、村(社区)', 'both'], ['各科室、各村(居)', 'both'],
  ['各科室、各村居', 'both'], ['镇级各科室、部门', 'departments'], ['镇级各科室、单位', 'departments'],
  ['各相关科室', 'departments'], ['各相关部门', 'departments'], ['相关科室', 'departments'], ['镇级各科室', 'departments'],
  ['镇级各部门', 'departments'], ['各科室', 'departments'], ['各部门', 'departments'], ['各站所', 'departments'],
  ['各村(居)', 'villages'], ['各村(社区)', 'villages'], ['各村居', 'villages'], ['各村社区', 'villages'],
  ['各村(居)委会', 'villages'], ['各社区', 'villages'], ['各村', 'villages'],
].map(([p, k]) => [halfWidth(p as string), k as SetKind] as const).sort((a, b) => b[0].length - a[0].length);

const SEPARATORS = new Set(['、', ',', ';', '/', '|', '。', '\n', '\r', '\t', ' ']);

/**
 * The unit names in a 责任单位 cell, as written, in order, without repeats. Separators are
 * 、，,；; slashes, spaces and line breaks, full-width or half-width; a set phrase is one token even
 * when it contains a separator ("镇级各科室、部门").
 */
export function splitUnitText(text: string): string[] {
  // halfWidth maps one character to one character, so positions in it are positions in text.
  const half = halfWidth(text);
  const tokens: string[] = [];
  let i = 0;
  while (i < half.length) {
    if (SEPARATORS.has(half[i]!)) {
      i++;
      continue;
    }
    const phrase = SET_PHRASES.find(([p]) => half.startsWith(p, i) && endsToken(half, i + p.length));
    let end = i + (phrase ? phrase[0].length : 0);
    if (!phrase) while (end < half.length && !SEPARATORS.has(half[end]!)) end++;
    const token = text.slice(i, end).trim();
    if (token !== '' && !tokens.includes(token)) tokens.push(token);
    i = end;
  }
  return tokens;
}

const endsToken = (s: string, at: number) => at >= s.length || SEPARATORS.has(s[at]!);

/**
 * Each token of the cell with the units it names. Order of attempts: exact name; the name with
 * or without a common suffix (办/办公室, 站, 所, 中心: "党政办" is "党政办公室"); the office's
 * aliases (which may deliberately name several units, and so may also narrow a set phrase such
 * as "各相关科室" to the departments really meant); then the set phrases, which expand to every
 * department, every village, or both. Townships and districts are never part of a set.
 */
export function matchUnits(text: string, units: readonly MatchableUnit[], aliases: readonly UnitAlias[]): UnitMatch {
  const known = new Set(units.map((u) => u.id));
  const tokens = splitUnitText(text).map((token) => matchToken(token, units, aliases, known));
  const unmatched = tokens.filter((t) => t.unitIds.length === 0).map((t) => t.token);
  return { tokens, unmatched };
}

function matchToken(token: string, units: readonly MatchableUnit[], aliases: readonly UnitAlias[], known: Set<string>): UnitMatch['tokens'][number] {
  const key = compact(token);
  const byName = units.filter((u) => compact(u.name) === key);
  if (byName.length === 1) return { token, unitIds: [byName[0]!.id], via: 'name' };
  // Two units of one name cannot be told apart here: a person picks (by an alias).
  if (byName.length === 0) {
    const stem = stemOf(key);
    const byStem = stem === null ? [] : units.filter((u) => stemOf(compact(u.name)) === stem);
    if (byStem.length === 1) return { token, unitIds: [byStem[0]!.id], via: 'name' };
  }
  const byAlias = unique(aliases.filter((a) => compact(a.alias) === key && known.has(a.unitId)).map((a) => a.unitId));
  if (byAlias.length > 0) return { token, unitIds: byAlias, via: 'alias' };
  const set = setOf(key);
  if (set) {
    const kinds: string[] = set === 'both' ? ['department', 'village'] : set === 'departments' ? ['department'] : ['village'];
    return { token, unitIds: units.filter((u) => kinds.includes(u.kind)).map((u) => u.id), via: 'set' };
  }
  // "应急办（牵头）": the note in brackets is no part of the name.
  const bare = token.replace(/[(（][^()（）]*[)）]\s*$/, '');
  if (bare !== token && bare.trim() !== '') return { ...matchToken(bare, units, aliases, known), token };
  return { token, unitIds: [], via: 'none' };
}

const setOf = (key: string): SetKind | undefined => SET_PHRASES.find(([p]) => compact(p) === key)?.[1];

/**
 * A name without its office suffix: "党政办公室" and "党政办" are both "党政", "财政所" is "财政".
 * Stems under two characters say too little to match on.
 */
function stemOf(name: string): string | null {
  const stem = name.replace(/(?:办公室|办|中心|站|所)$/, '');
  return stem.length >= 2 ? stem : null;
}

/** A name as compared: half-width, no whitespace. */
const compact = (s: string) => halfWidth(s).replace(/\s+/g, '');

/** Full-width ASCII forms and the ideographic space to half-width, one character for one. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const unique = (ids: string[]) => [...new Set(ids)];
