// The hash chain of the audit trail: hash = SHA-256(prevHash + canonical content of the row).
import { createHash } from 'node:crypto';
import { JsonText } from '../../kernel/json-text.ts';

export { JsonText };

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  seq: number;
  at: Date;
  districtId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** JSON with sorted object keys, so the same value always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof JsonText) return value.text;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Values as they will read back from jsonb: dates become ISO strings, undefined keys vanish. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

// Sorted keys per object shape: the rows of one import share a few shapes, so each is sorted once.
const sortedShapes = new Map<string, string[] | null>();
const SHAPES_KEPT = 1000;

/** The object's keys sorted, or null when one looks like an array index (the engine orders those first) or is __proto__ (a setter). */
function sortedKeys(obj: object): string[] | null {
  const keys = Object.keys(obj);
  const shape = keys.join('\u0000');
  let sorted = sortedShapes.get(shape);
  if (sorted === undefined) {
    sorted = keys.some((k) => /^\d/.test(k) || k === '__proto__') ? null : keys.sort();
    if (sortedShapes.size < SHAPES_KEPT) sortedShapes.set(shape, sorted);
  }
  return sorted;
}

/** A copy whose objects have their keys in sorted order (what JSON.stringify then writes in that order); null if a key forbids it. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const withToJson = value as { toJSON?: (key: string) => unknown };
  if (typeof withToJson.toJSON === 'function') return sortedCopy(withToJson.toJSON(''));
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return value;
  const keys = sortedKeys(value);
  if (!keys) throw new UnsortableKeys();
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = sortedCopy(obj[k]);
  return out;
}
class UnsortableKeys extends Error {}

/**
 * canonicalJson(toJsonValue(value)), the JSON a record's audit row hashes, in one native
 * JSON.stringify of a key-sorted copy instead of a round trip through JSON and a hand-written
 * serialiser (twice as fast for an imported record). Objects with index-like keys take the long way.
 */
export function canonicalJsonValue(value: unknown): string {
  if (value === undefined) return 'null';
  if (value instanceof JsonText) return value.text;
  try {
    return JSON.stringify(sortedCopy(value)) ?? 'null';
  } catch (e) {
    if (!(e instanceof UnsortableKeys)) throw e;
    return canonicalJson(toJsonValue(value));
  }
}

export function chainHash(prevHash: string, c: ChainedContent): string {
  const content = canonicalJson({
    seq: c.seq,
    at: c.at.toISOString(),
    districtId: c.districtId,
    actorId: c.actorId,
    actorName: c.actorName,
    action: c.action,
    entityType: c.entityType,
    entityId: c.entityId,
    before: c.before ?? null,
    after: c.after ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}
