// Gap-free record numbers per district, kind and year (hazards, inspections, enforcement cases):
// one counter row bumped by an upsert inside the record's own transaction, so a rolled-back record
// gives its number back and concurrent writers never share one.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { recordCounters } from '../db/schema/index.ts';

/** What is numbered; the number's format is the domain's (record-number.ts, hazard-machine.ts). */
export type CounterKind = 'hazard' | 'inspection' | 'case' | 'public_report';

export async function nextRecordSeq(tx: DbOrTx, districtId: string, kind: CounterKind, year: number): Promise<number> {
  const [r] = await tx
    .insert(recordCounters)
    .values({ districtId, kind, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [recordCounters.districtId, recordCounters.kind, recordCounters.year],
      set: { lastSeq: sql`${recordCounters.lastSeq} + 1` },
    })
    .returning({ seq: recordCounters.lastSeq });
  return r!.seq;
}

/**
 * Reserves `count` consecutive numbers in one step (bulk imports): returns the first; the numbers
 * first … first + count - 1 are the caller's, exactly those `count` calls of nextRecordSeq would give.
 */
export async function reserveRecordSeqs(tx: DbOrTx, districtId: string, kind: CounterKind, year: number, count: number): Promise<number> {
  if (count < 1) throw new Error('reserveRecordSeqs: count must be at least 1');
  const [r] = await tx
    .insert(recordCounters)
    .values({ districtId, kind, year, lastSeq: count })
    .onConflictDoUpdate({
      target: [recordCounters.districtId, recordCounters.kind, recordCounters.year],
      set: { lastSeq: sql`${recordCounters.lastSeq} + ${count}` },
    })
    .returning({ seq: recordCounters.lastSeq });
  return r!.seq - count + 1;
}
