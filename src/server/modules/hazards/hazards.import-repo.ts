// The bulk queries of the hazard ledger import: duplicates found for many rows at once, and the
// hazards, plans and reports of a batch written many rows per statement.
import { and, sql, type SQL } from 'drizzle-orm';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import type { DbOrTx } from '../../db/client.ts';
import { hazardPlans, hazardReports, hazards } from '../../db/schema/index.ts';
import { INSERT_BATCH, chunked, lookupInBatches, pgArray } from '../../kernel/bulk.ts';
import type { HazardRow } from './hazards.repository.ts';

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

export async function insertHazards(db: DbOrTx, rows: (typeof hazards.$inferInsert)[]): Promise<HazardRow[]> {
  const out: HazardRow[] = [];
  for (const batch of chunked(rows, INSERT_BATCH)) out.push(...(await db.insert(hazards).values(batch).returning()));
  return out;
}

export async function insertPlans(db: DbOrTx, rows: (typeof hazardPlans.$inferInsert)[]): Promise<void> {
  for (const batch of chunked(rows, INSERT_BATCH)) await db.insert(hazardPlans).values(batch);
}

export async function insertReports(db: DbOrTx, rows: (typeof hazardReports.$inferInsert)[]): Promise<void> {
  for (const batch of chunked(rows, INSERT_BATCH)) await db.insert(hazardReports).values(batch);
}
