// Sign-in attempts per account and source address (domain/access/login-throttle.ts decides, these
// queries keep the state).
import { and, eq, gt, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { loginSources, users } from '../../db/schema/index.ts';

export type LoginSourceRow = typeof loginSources.$inferSelect;

export function findSource(db: DbOrTx, userId: string, address: string) {
  return db
    .select()
    .from(loginSources)
    .where(and(eq(loginSources.userId, userId), eq(loginSources.address, address)))
    .limit(1)
    .then((r) => r[0] ?? null);
}

/**
 * The account's failure count, with its row locked until the transaction ends: failures of one
 * account are counted one after the other, so concurrent wrong passwords cannot lose a count.
 */
export function lockAccount(db: DbOrTx, userId: string) {
  return db
    .select({ failedLoginCount: users.failedLoginCount })
    .from(users)
    .where(eq(users.id, userId))
    .for('update')
    .then((r) => r[0]!);
}

interface SourceKey {
  districtId: string;
  userId: string;
  address: string;
}

export async function saveFailure(db: DbOrTx, key: SourceKey, state: { failures: number; lockedUntil: Date | null; at: Date }) {
  const set = { failures: state.failures, lockedUntil: state.lockedUntil, lastFailureAt: state.at };
  await db
    .insert(loginSources)
    .values({ ...key, ...set })
    .onConflictDoUpdate({ target: [loginSources.userId, loginSources.address], set });
}

export async function saveSuccess(db: DbOrTx, key: SourceKey, at: Date) {
  const set = { failures: 0, lockedUntil: null, lastSuccessAt: at };
  await db
    .insert(loginSources)
    .values({ ...key, ...set })
    .onConflictDoUpdate({ target: [loginSources.userId, loginSources.address], set });
}

/**
 * Forgets the account's addresses that only ever failed, are not locked and last failed before
 * `before`: a flood from many addresses must not leave a row per address for good.
 */
export async function pruneSources(db: DbOrTx, userId: string, before: Date, now: Date) {
  await db
    .delete(loginSources)
    .where(and(
      eq(loginSources.userId, userId),
      isNull(loginSources.lastSuccessAt),
      or(isNull(loginSources.lockedUntil), lte(loginSources.lockedUntil, now)),
      or(isNull(loginSources.lastFailureAt), lt(loginSources.lastFailureAt, before)),
    ));
}

/**
 * Lifts the account's locks that are current at `now` (one address, or all) and starts their
 * failure counts afresh; returns what was lifted, as it was, for the audit trail.
 */
export async function clearLocks(db: DbOrTx, userId: string, now: Date, address?: string) {
  const where = and(
    eq(loginSources.userId, userId),
    address === undefined ? undefined : eq(loginSources.address, address),
    isNotNull(loginSources.lockedUntil),
    gt(loginSources.lockedUntil, now),
  );
  const lifted = await db
    .select({ address: loginSources.address, lockedUntil: loginSources.lockedUntil, failures: loginSources.failures })
    .from(loginSources)
    .where(where)
    .for('update');
  if (lifted.length > 0) await db.update(loginSources).set({ failures: 0, lockedUntil: null }).where(where);
  return lifted;
}

/** Starts every address's count afresh and ends the delay across addresses (an admin's unlock or reset). */
export async function resetAccountFailures(db: DbOrTx, userId: string) {
  await db.update(loginSources).set({ failures: 0, lockedUntil: null }).where(eq(loginSources.userId, userId));
  await db.update(users).set({ failedLoginCount: 0 }).where(eq(users.id, userId));
}
