// Appends many audit rows in a few statements: the same chain recordAudit() builds one row at a
// time (same lock, same content, same hash), but without two round trips per row. Seeding
// ~360 rows one by one costs 1-2 s on PGlite under load; batched it is a few tens of ms.
// seed-demo.test.ts checks the result with verifyAuditChain, so any drift from recordAudit fails.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.ts';
import { auditLog } from '../../server/db/schema/index.ts';
import { GENESIS_HASH, chainHash, toJsonValue } from '../../server/modules/audit/audit.chain.ts';
import { lastEntry } from '../../server/modules/audit/audit.repository.ts';
import type { AuditEvent } from '../../server/modules/audit/audit.service.ts';

const AUDIT_LOCK_KEY = 7_243_001; // the key recordAudit() serializes appends with

export async function recordAuditBatch(tx: Tx, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const last = await lastEntry(tx);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows: (typeof auditLog.$inferInsert)[] = events.map((e) => {
    seq += 1;
    const content = {
      seq,
      at: new Date(Math.floor(e.at.getTime())),
      districtId: e.districtId,
      actorId: e.actor?.userId ?? null,
      actorName: e.actor?.displayName ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: toJsonValue(e.before),
      after: toJsonValue(e.after),
    };
    const hash = chainHash(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 200) await tx.insert(auditLog).values(rows.slice(i, i + 200));
}
