/**
 * A value already written as JSON text. insertAsJson sends it inside the rows' JSON as is, and the
 * audit chain's canonicalJson writes it as is: a bulk append hashes and stores each record's JSON
 * once instead of converting, hashing and serialising the record three times over.
 */
export class JsonText {
  constructor(readonly text: string) {}
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
 * JSON.stringify of the value with every object's keys in sorted order: the audit chain's canonical
 * JSON of a value as jsonb reads it back (audit.chain.ts canonicalJsonValue). Null when an object
 * has an index-like or __proto__ key, which no copy can put in order.
 */
export function sortedJson(value: unknown): string | null {
  try {
    return JSON.stringify(sortedCopy(value)) ?? 'null';
  } catch (e) {
    if (e instanceof UnsortableKeys) return null;
    throw e;
  }
}
