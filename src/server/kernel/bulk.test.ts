// Bulk inserts by one JSON parameter: the rows as stored, defaults filled in, text that JSON escapes intact.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '../db/schema/index.ts';
import { type TestApp, createTestApp } from '../test/app.ts';
import { buildDistrict } from '../test/factories.ts';
import { INSERT_BATCH, chunked, insertAsJson, pgArray } from './bulk.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('insertAsJson', () => {
  it('writes more rows than one statement holds, in order, and returns them as stored', async () => {
    const d = await buildDistrict(t.db);
    const entityId = crypto.randomUUID();
    const at = new Date('2025-01-10T02:00:00.123Z');
    const notes = Array.from({ length: INSERT_BATCH + 5 }, (_, i) => `第${i}行 "引号" \\反斜杠\\ 𠮷`);
    const rows = await insertAsJson(t.db, recordEvents, notes.map((note) => ({
      districtId: d.id, entityType: 'hazard', entityId, at, action: 'import', fromStatus: null, toStatus: 'reported', note, data: { n: note.length },
    })));
    expect(rows).toHaveLength(notes.length);
    const stored = await t.db.select().from(recordEvents).where(eq(recordEvents.entityId, entityId)).orderBy(recordEvents.seq);
    expect(stored.map((r) => r.note)).toEqual(notes);
    expect(stored.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(stored[0]).toMatchObject({ at, actorId: null, data: { n: notes[0]!.length } });
  });
});

describe('helpers', () => {
  it('chunks and quotes', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pgArray(['a', 'b,c', 'd"e', 'f\\g'])).toBe('{"a","b,c","d\\"e","f\\\\g"}');
  });
});
