// Inputs for the API fuzz test, generated from the OpenAPI document's JSON Schemas: a plausible
// value for every schema (so that one bad field at a time gets past the others), the leaves of a
// body, and the junk that each kind of field is fed. Pure and seeded: the same requests every run.
import { Rand } from '../../cli/demo/prng.ts';

export type Js = Record<string, any>;
export type Path = (string | number)[];

export const DAY = '2024-06-03';
const NESTING = 2_000;

/** A v4-shaped UUID from the PRNG (crypto.randomUUID would differ between runs). */
export function seededUuid(r: Rand): string {
  const hex = (n: number) => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

/** The options of a union, nulls last (a plausible value is the non-null one). */
const optionsOf = (s: Js): Js[] | null => {
  const opts = (s.anyOf ?? s.oneOf) as Js[] | undefined;
  return opts ? [...opts].sort((a, b) => Number(a.type === 'null') - Number(b.type === 'null')) : null;
};

/** Names of real records to put in id fields, so requests get past "not found" to the code behind it. */
export type IdFor = (name: string) => string | undefined;

/** A plausible value for a schema (not necessarily accepted: cross-field rules are not known here). */
export function sample(s: Js, r: Rand, idFor: IdFor, name = ''): unknown {
  const opts = optionsOf(s);
  if (opts) return sample(opts[0]!, r, idFor, name);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return idFor(name) ?? seededUuid(r);
      if (typeof s.pattern === 'string' && s.pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return DAY;
      if (s.format === 'date-time') return `${DAY}T02:00:00.000Z`;
      return '测试内容'.slice(0, Math.max(s.minLength ?? 2, Math.min(4, s.maxLength ?? 4)));
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, Math.min(1, s.maximum ?? 1));
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const n = s.minItems ?? 0;
      const itemName = name.endsWith('Ids') ? name.slice(0, -1) : name;
      return Array.from({ length: Math.max(n, s.items ? 1 : 0) }, () => sample(s.items ?? {}, r, idFor, itemName)).slice(0, Math.max(n, 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries((s.properties ?? {}) as Record<string, Js>)) out[k] = sample(p, r, idFor, k);
      return out;
    }
    default:
      return null;
  }
}

/**
 * Values to try, in turn, for a field the server refused in a generated body: the field left
 * out, then values that pass common rules (a phone, a day, a strong password, a code). Making
 * the base body valid lets one junk field at a time reach the services and the database.
 */
export function repairCandidates(name: string, r: Rand, usccOf: () => string): unknown[] {
  const byName: Record<string, unknown> = {
    uscc: usccOf(), phone: '13800000000', principalPhone: '13800000000', contactPhone: '13800000000',
    password: 'Fuzz@2024pass!', newPassword: 'Fuzz@2024pass!', username: `fuzz_${r.int(1000, 9999)}`, code: `FUZZ${r.int(100, 999)}`,
  };
  return [...(name in byName ? [byName[name]] : []), undefined, null, DAY, '13800000000', 1, true, [], 'abcdefgh', `${DAY}T02:00:00.000Z`];
}

/** A field error's key ("measures.0.kind") as a path. */
export const pathOfKey = (key: string): Path => key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

export function deleteAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> | undefined = copy;
  for (const key of path.slice(0, -1)) at = at?.[key] as Record<string | number, unknown> | undefined;
  if (at && typeof at === 'object') delete at[path[path.length - 1]!];
  return copy;
}

/** Every leaf of a schema next to its path (objects and arrays are walked; unions use their first option). */
export function leaves(s: Js, path: Path = [], out: { path: Path; schema: Js }[] = []): { path: Path; schema: Js }[] {
  const opts = optionsOf(s);
  const t = opts ? opts[0]! : s;
  out.push({ path, schema: s });
  if (t.type === 'object') for (const [k, p] of Object.entries((t.properties ?? {}) as Record<string, Js>)) leaves(p, [...path, k], out);
  if (t.type === 'array' && t.items) leaves(t.items, [...path, 0], out);
  return out;
}

export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (at[key] === null || typeof at[key] !== 'object') at[key] = typeof path[i + 1] === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  at[path[path.length - 1]!] = value;
  return copy;
}

const deep = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

/** Junk for a JSON field, the kind's own first (each leaf gets at least that one). */
export function junkFor(s: Js): unknown[] {
  const t = optionsOf(s)?.[0] ?? s;
  const any = [null, [], {}, deep(50), 'zz-unknown', true, -1];
  switch (t.type) {
    case 'integer':
      return [2 ** 40, -(2 ** 40), 1.5, '12', 2 ** 31, -(2 ** 31) - 1, 1e308, ...any];
    case 'number':
      return [1e308, -1e308, '1', 2 ** 53 + 1, -0.001, ...any];
    case 'string': {
      const own = t.format === 'uuid'
        ? ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'a\u0000b']
        : t.enum ? ['zz-unknown-value', 'a\u0000b'] : ['a\u0000b', 'x'.repeat(70_000), '\ud800', '9999-99-99', '2024-02-30', '', ' '];
      return [...own, 12345, 2 ** 40, ...any];
    }
    case 'boolean':
      return ['true', 1, ...any];
    case 'array':
      return [{}, 'x', Array.from({ length: 5_000 }, () => 'x'), [null], ...any];
    case 'object':
      return [[], 'x', { '\u0000': 1 }, JSON.parse('{"__proto__":{"admin":true}}'), ...any];
    default:
      return any;
  }
}

/** Whole-body junk: raw payloads sent with a JSON content type (and one that is not JSON). */
export function bodyJunk(): { payload: string; contentType?: string; name: string }[] {
  return [
    { name: 'empty body', payload: '' },
    { name: 'null', payload: 'null' },
    { name: 'array', payload: '[]' },
    { name: 'string', payload: '"x"' },
    { name: 'number', payload: '1099511627776' },
    { name: 'truncated JSON', payload: '{"a":' },
    { name: 'deep nesting', payload: `${'['.repeat(NESTING * 50)}${']'.repeat(NESTING * 50)}` },
    { name: 'deep object', payload: JSON.stringify(deep(NESTING)) },
    { name: 'over the body limit', payload: JSON.stringify({ x: 'x'.repeat(1_100_000) }) },
    { name: 'not JSON', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { name: 'text', payload: 'hello', contentType: 'text/plain' },
  ];
}

/** Junk for one query parameter, as raw (already URL-encoded) text. */
export function queryJunk(s: Js): string[] {
  const t = optionsOf(s)?.[0] ?? s;
  const common = ['a%00b', '%00', 'x'.repeat(5_000), '%E0%A4%A', '%', '1099511627776', '-1', '1.5', '', 'zz-unknown', '[]', '%5B%5D'];
  if (t.type === 'integer' || t.type === 'number') return ['1099511627776', '-1099511627776', '1.5', '1e308', 'NaN', ...common];
  return common;
}

/** Junk for a path segment, raw. */
export const PATH_JUNK = ['not-a-uuid', '%00', 'a%00b', '1099511627776', '-1', '00000000-0000-0000-0000-000000000000', 'x'.repeat(2_000), '%E0%A4%A', '..%2F..%2Fetc', '%20'];

export { Rand };
