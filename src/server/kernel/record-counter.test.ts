// Record numbers reserved in one step give exactly the numbers one-by-one allocation would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/app.ts';
import { buildDistrict } from '../test/factories.ts';
import { nextRecordSeq, reserveRecordSeqs } from './record-counter.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('reserveRecordSeqs', () => {
  it('reserves a run of numbers after those given one by one, per district, kind and year', async () => {
    const d = await buildDistrict(t.db);
    expect(await reserveRecordSeqs(t.db, d.id, 'hazard', 2024, 3)).toBe(1); // 1, 2, 3
    expect(await nextRecordSeq(t.db, d.id, 'hazard', 2024)).toBe(4);
    expect(await reserveRecordSeqs(t.db, d.id, 'hazard', 2024, 1000)).toBe(5); // 5 … 1004
    expect(await nextRecordSeq(t.db, d.id, 'hazard', 2024)).toBe(1005);
    expect(await reserveRecordSeqs(t.db, d.id, 'hazard', 2025, 2)).toBe(1);
    expect(await nextRecordSeq(t.db, d.id, 'inspection', 2024)).toBe(1);
  });

  it('gives a rolled-back reservation back', async () => {
    const d = await buildDistrict(t.db);
    await t.db.transaction(async (tx) => {
      await reserveRecordSeqs(tx, d.id, 'hazard', 2024, 10);
      tx.rollback();
    }).catch(() => undefined);
    expect(await nextRecordSeq(t.db, d.id, 'hazard', 2024)).toBe(1);
  });
});
