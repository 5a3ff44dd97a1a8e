// Sends the due webhook deliveries to the district's group robot, one POST each, and keeps the
// log: delivered, or the error and when it is tried again, or failed after the last try.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { nextAttemptAfter, robotAccepted } from '../../../domain/notifications/notifications.ts';
import type { Db } from '../../db/client.ts';
import { webhookDeliveries } from '../../db/schema/index.ts';

const BATCH = 20;
const TIMEOUT_MS = 10_000;

/** How a delivery is posted (tests and the server use fetch; a test may pass its own). */
export type Poster = (url: string, payload: unknown) => Promise<{ status: number; body: unknown }>;

export const fetchPoster: Poster = async (url, payload) => {
  const res = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null; // not JSON: the status alone decides
  }
  return { status: res.status, body };
};

/** Tries every delivery due by `now` once (at most a batch); returns how many were delivered. */
export async function deliverDue(db: Db, now: Date, post: Poster = fetchPoster): Promise<{ tried: number; delivered: number }> {
  const due = await db.select().from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id)).limit(BATCH);
  let delivered = 0;
  for (const d of due) {
    let outcome: { ok: true } | { ok: false; error: string };
    try {
      const res = await post(d.url, d.payload);
      outcome = robotAccepted(res.status, res.body);
    } catch (e) {
      outcome = { ok: false, error: (e as Error).name === 'TimeoutError' ? '连接超时' : `无法连接：${(e as Error).message}`.slice(0, 500) };
    }
    const attempts = d.attempts + 1;
    if (outcome.ok) {
      delivered += 1;
      await db.update(webhookDeliveries).set({ status: 'delivered', attempts, deliveredAt: now, lastError: null })
        .where(eq(webhookDeliveries.id, d.id));
    } else {
      const next = nextAttemptAfter(attempts, now);
      await db.update(webhookDeliveries)
        .set({ attempts, lastError: outcome.error, status: next ? 'pending' : 'failed', nextAttemptAt: next ?? sql`${webhookDeliveries.nextAttemptAt}` })
        .where(eq(webhookDeliveries.id, d.id));
    }
  }
  return { tried: due.length, delivered };
}
