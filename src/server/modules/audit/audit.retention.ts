// Audit retention (等保 2.0: no less than 180 days; AUDIT_RETENTION_DAYS): entries older than the
// retention are deleted as a prefix of the chain, never a row recorded within it. The first kept
// row's seq and previous hash become the chain's anchor, so `npm run audit:verify` checks the kept
// chain from there and still notices any row removed after it; the purge is itself audited.
import { sql } from 'drizzle-orm';
import { auditPurgeCutoff } from '../../../domain/access/security-rules.ts';
import type { Db } from '../../db/client.ts';
import { AUDIT_LOCK_KEY, recordAudit } from './audit.service.ts';
import { deleteEntriesBefore, entryAt, firstEntryFrom, lastEntry, saveChainAnchor } from './audit.repository.ts';

export interface PurgeResult {
  purgedRows: number;
  /** The first kept row (null: nothing to purge). */
  firstSeq: number | null;
}

export async function purgeAudit(db: Db, opts: { retentionDays: number; now: Date }): Promise<PurgeResult> {
  const cutoff = auditPurgeCutoff(opts.retentionDays, opts.now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`); // no append meanwhile
    const last = await lastEntry(tx);
    if (!last) return { purgedRows: 0, firstSeq: null };
    // The first row within the retention, or (when every row is older) the last row: the chain keeps one.
    const first = (await firstEntryFrom(tx, cutoff)) ?? (await entryAt(tx, last.seq));
    if (!first) return { purgedRows: 0, firstSeq: null };
    await tx.execute(sql`select set_config('anzhi.audit_purge', 'on', true)`);
    const purgedRows = await deleteEntriesBefore(tx, first.seq);
    await tx.execute(sql`select set_config('anzhi.audit_purge', 'off', true)`);
    if (purgedRows === 0) return { purgedRows: 0, firstSeq: first.seq };
    await saveChainAnchor(tx, { firstSeq: first.seq, prevHash: first.prevHash, purgedAt: opts.now, purgedRows });
    await recordAudit(tx, {
      at: opts.now, districtId: null, actor: null, action: 'audit.purge', entityType: 'audit_log', entityId: null,
      after: { purgedRows, firstSeq: first.seq, cutoff: cutoff.toISOString(), retentionDays: opts.retentionDays },
    });
    return { purgedRows, firstSeq: first.seq };
  });
}

/** Runs the purge now and then every `intervalMs` in this process (main.ts starts it). */
export class AuditRetention {
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  constructor(
    private readonly db: Db,
    private readonly opts: {
      retentionDays: number;
      now: () => Date;
      log: (msg: string, err?: unknown) => void;
      beforeRun?: () => Promise<void>;
      /** The first run's delay after start (default 5 s: after the server is listening). */
      firstDelayMs?: number;
    },
  ) {}

  start(intervalMs: number): void {
    const run = () => {
      if (this.running) return;
      this.running = (async () => {
        try {
          await this.opts.beforeRun?.();
          const r = await purgeAudit(this.db, { retentionDays: this.opts.retentionDays, now: this.opts.now() });
          if (r.purgedRows > 0) this.opts.log(`audit retention: purged ${r.purgedRows} entries older than ${this.opts.retentionDays} days; the chain now starts at seq ${r.firstSeq}`);
        } catch (err) {
          this.opts.log('audit retention: purge failed', err);
        } finally {
          this.running = null;
        }
      })();
    };
    this.first = setTimeout(run, this.opts.firstDelayMs ?? 5_000);
    this.first.unref();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
