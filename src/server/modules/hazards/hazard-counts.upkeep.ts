// The summary rows' upkeep in a bulk write (migration 0030): the trigger keeps hazard_counts in
// step with every statement, which for an import of 100 statements of 1,000 hazards each means
// upserting the same summary rows 100 times in one transaction, each time past the versions the
// earlier statements left. A bulk write defers them instead: the statements' counts wait in
// hazard_counts_pending and are applied once, before the write returns.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/**
 * Runs `write` with the summary rows' upkeep deferred, then applies it once. Only inside a
 * transaction: the setting is the transaction's (outside one it would hold for one statement, and
 * every statement would apply its own counts as usual). If `write` throws, nothing is applied; the
 * transaction must then roll back, which takes the pending rows with it.
 */
export async function withHazardCountsDeferred<T>(tx: Tx, write: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('anzhi.hazard_counts', 'deferred', true)`);
  const out = await write();
  await tx.execute(sql`select hazard_counts_flush()`);
  await tx.execute(sql`select set_config('anzhi.hazard_counts', '', true)`);
  return out;
}
