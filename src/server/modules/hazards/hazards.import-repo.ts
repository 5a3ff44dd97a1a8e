// The bulk queries of the hazard ledger import: duplicates found for many rows at once.
import { and, sql, type SQL } from 'drizzle-orm';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import type { DbOrTx } from '../../db/client.ts';
import { hazards } from '../../db/schema/index.ts';
import { lookupInBatches, pgArray } from '../../kernel/bulk.ts';

/** The duplicate key of a hazard: its enterprise, found day (Shanghai) and description. */
export const hazardKey = (h: { enterpriseId: string; foundOn: string; description: string }) => `${h.enterpriseId}|${h.foundOn}|${h.description}`;

/** Which of these keys the ledger (within the scope) already holds: one query per 5,000 rows. */
export async function existingHazardKeys(db: DbOrTx, scope: SQL, rows: { enterpriseId: string; foundOn: string; description: string }[]): Promise<Set<string>> {
  const found = await lookupInBatches(rows, (batch) =>
    db
      .select({ enterpriseId: hazards.enterpriseId, description: hazards.description, foundAt: hazards.foundAt })
      .from(hazards)
      .where(and(
        scope,
        sql`${hazards.enterpriseId} = any(${pgArray([...new Set(batch.map((r) => r.enterpriseId))])}::uuid[])`,
        sql`${hazards.description} = any(${pgArray([...new Set(batch.map((r) => r.description))])}::text[])`,
      )));
  return new Set(found.map((h) => hazardKey({ enterpriseId: h.enterpriseId, foundOn: shanghaiDay(h.foundAt), description: h.description })));
}
