// Gap-free record numbers per district, kind and year (inspections 'inspection', enforcement
// cases 'case'): one counter row bumped by an upsert inside the record's own transaction, so a
// rolled-back record gives its number back and concurrent writers never share one.
import { sql } from 'drizzle-orm';
import type { RecordNumberKind } from '../../domain/record-number.ts';
import type { DbOrTx } from './client.ts';
import { recordCounters } from './schema/index.ts';

export async function nextRecordSeq(tx: DbOrTx, districtId: string, kind: RecordNumberKind, year: number): Promise<number> {
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
