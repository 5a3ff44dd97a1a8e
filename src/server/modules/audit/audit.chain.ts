// The hash chain of the audit trail: hash = SHA-256(prevHash + canonical content of the row).
import { createHash } from 'node:crypto';
import { JsonText, sortedJson } from '../../kernel/json-text.ts';

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

/**
 * canonicalJson(toJsonValue(value)), the JSON a record's audit row hashes, in one native
 * JSON.stringify of a key-sorted copy instead of a round trip through JSON and a hand-written
 * serialiser (twice as fast for an imported record). Objects with index-like keys take the long way.
 */
export function canonicalJsonValue(value: unknown): string {
  if (value === undefined) return 'null';
  if (value instanceof JsonText) return value.text;
  return sortedJson(value) ?? canonicalJson(toJsonValue(value));
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
