// Queries of the second factor, pending sign-ins and the district's security settings.
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { pendingLogins, recoveryCodes, securitySettings, sessions, users } from '../../db/schema/index.ts';

export type PendingLoginRow = typeof pendingLogins.$inferSelect;

export async function insertPendingLogin(db: DbOrTx, row: typeof pendingLogins.$inferInsert) {
  await db.insert(pendingLogins).values(row);
}
export function findPendingLogin(db: DbOrTx, id: string) {
  return db.select().from(pendingLogins).where(eq(pendingLogins.id, id)).limit(1).then((r) => r[0] ?? null);
}
export async function deletePendingLogin(db: DbOrTx, id: string) {
  await db.delete(pendingLogins).where(eq(pendingLogins.id, id));
}
/** Counts a wrong code against the token; returns the count now. */
export function countPendingAttempt(db: DbOrTx, id: string) {
  return db
    .update(pendingLogins)
    .set({ attempts: sql`${pendingLogins.attempts} + 1` })
    .where(eq(pendingLogins.id, id))
    .returning({ attempts: pendingLogins.attempts })
    .then((r) => r[0]?.attempts ?? 0);
}
export async function deleteExpiredPendingLogins(db: DbOrTx, now: Date) {
  await db.delete(pendingLogins).where(lt(pendingLogins.expiresAt, now));
}

/** The district's settings (the defaults when it never changed them). */
/** A district's settings before it saves any: nothing required. */
export const defaultSettings = (districtId: string) => ({ districtId, totpRequiredForStaff: false, passwordMaxAgeDays: null, version: 0, updatedAt: null });

export function settingsOf(db: DbOrTx, districtId: string) {
  return db
    .select()
    .from(securitySettings)
    .where(eq(securitySettings.districtId, districtId))
    .limit(1)
    .then((r) => r[0] ?? defaultSettings(districtId));
}
/** Writes the settings if still at `version` (0: never saved); false on a conflict. */
export async function saveSettings(db: DbOrTx, districtId: string, version: number, set: { totpRequiredForStaff: boolean; passwordMaxAgeDays: number | null; updatedAt: Date }) {
  if (version === 0) {
    const r = await db.insert(securitySettings).values({ districtId, ...set, version: 1 }).onConflictDoNothing().returning();
    return r.length > 0;
  }
  const r = await db
    .update(securitySettings)
    .set({ ...set, version: version + 1 })
    .where(and(eq(securitySettings.districtId, districtId), eq(securitySettings.version, version)))
    .returning();
  return r.length > 0;
}

export async function setTotp(db: DbOrTx, userId: string, set: Partial<Pick<typeof users.$inferInsert, 'totpSecret' | 'totpPendingSecret' | 'totpEnabledAt' | 'totpLastStep'>>) {
  await db.update(users).set(set).where(eq(users.id, userId));
}
/** Records the step a code was accepted for, if no later one was (two requests with one code: one wins). */
export function claimTotpStep(db: DbOrTx, userId: string, step: number) {
  return db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
    .returning({ id: users.id })
    .then((r) => r.length > 0);
}

export async function replaceRecoveryCodes(db: DbOrTx, user: { id: string; districtId: string }, hashes: string[], at: Date) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
  if (hashes.length) await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ districtId: user.districtId, userId: user.id, codeHash, createdAt: at })));
}
/** Uses an unused recovery code once: true if it was there and unused. */
export function useRecoveryCode(db: DbOrTx, userId: string, codeHash: string, at: Date) {
  return db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id })
    .then((r) => r.length > 0);
}
export function recoveryCodesLeft(db: DbOrTx, userId: string) {
  return db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .then((r) => Number(r[0]?.n ?? 0));
}

export function sessionsOfUser(db: DbOrTx, userId: string) {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(sql`${sessions.lastSeenAt} desc`);
}

/** Turns a user's second factor off and drops the recovery codes (an admin's reset). */
export async function clearSecondFactor(db: DbOrTx, userId: string) {
  await setTotp(db, userId, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
