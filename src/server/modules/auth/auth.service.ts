import { createHash, randomBytes } from 'node:crypto';
import type { TFailedAttempts, TMeResponse } from '../../../contract/auth.ts';
import { LOGIN_MESSAGES, loginGate, sourceAfterFailure } from '../../../domain/access/login-throttle.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit, seededAsDemo } from '../audit/index.ts';
import { lookupSession, type SessionLookup } from './auth.session-lookup.ts';
import * as repo from './auth.repository.ts';
import * as sources from './login-sources.repository.ts';
import { assertPasswordPolicy, dummyHash, hashPassword, verifyPassword } from './password.ts';
import { abilitiesOf } from '../../../domain/access/permissions.ts';
import { PENDING_LOGIN_MAX_ATTEMPTS, PENDING_LOGIN_MINUTES, TOTP_REQUIRABLE_ROLES, passwordExpired, passwordMaxAgeDays, totpRequired } from '../../../domain/access/security-rules.ts';
import * as security from './security.repository.ts';
import { CODE_USED, checkSecondFactor, codeUsedBefore, hasTotp } from './second-factor.ts';

export const SESSION_COOKIE = 'anzhi_sid';
const TOUCH_EVERY_MS = 30_000;

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

const LOGIN_FAILED = '用户名或密码错误';
const TOTP_FAILED = '动态验证码错误';
const PENDING_EXPIRED = '登录已超时，请重新输入用户名和密码';
/** An address that only ever failed is forgotten a day after its last failure (unless locked). */
const FORGET_FAILED_ADDRESS_MS = 24 * 60 * 60_000;

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
  failedAttempts: TFailedAttempts | null;
}
/** The password was right; the account's second factor is still to come (no session yet). */
export interface SecondStep {
  totpRequired: true;
  pendingToken: string;
  expiresAt: string;
}
type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;
interface Client {
  ip: string | null;
  userAgent: string | null;
}

const limitsOf = (ctx: AppContext) => ({ maxFailures: ctx.config.loginMaxFailures, lockoutMinutes: ctx.config.lockoutMinutes });

/** Refuses a try while the account is locked at this address or delayed (nothing is checked or counted). */
async function passGate(ctx: AppContext, user: UserRow, address: string, now: Date) {
  const gate = loginGate(limitsOf(ctx), { count: user.failedLoginCount, lastAt: user.lastFailedLoginAt }, await sources.findSource(ctx.db, user.id, address), now);
  if (gate.kind === 'address_locked') throw new AppError('ACCOUNT_LOCKED', LOGIN_MESSAGES.addressLocked(gate.waitMs));
  if (gate.kind === 'account_delayed') throw new AppError('RATE_LIMITED', LOGIN_MESSAGES.accountDelayed(gate.waitMs));
}

/**
 * Counts a wrong password or second-factor code against the account and address (the same limits
 * for both: decision 008), audits it, and throws what the client is told.
 */
async function failAttempt(ctx: AppContext, user: UserRow, client: Client, now: Date, kind: 'password' | 'totp', message?: string): Promise<never> {
  const address = client.ip ?? '';
  const limits = limitsOf(ctx);
  const next = await ctx.db.transaction(async (tx) => {
    const account = await sources.lockAccount(tx, user.id);
    const state = sourceAfterFailure(limits, await sources.findSource(tx, user.id, address), now);
    await sources.saveFailure(tx, { districtId: user.districtId, userId: user.id, address }, { ...state, at: now });
    await repo.updateUserLogin(tx, user.id, {
      failedLoginCount: account.failedLoginCount + 1, lastFailedLoginAt: now, lastFailedLoginAddress: address,
    });
    await sources.pruneSources(tx, user.id, new Date(now.getTime() - FORGET_FAILED_ADDRESS_MS), now);
    await recordAudit(tx, {
      at: now, districtId: user.districtId, actor: { userId: user.id, displayName: user.displayName },
      action: state.locked ? 'auth.locked' : kind === 'totp' ? 'auth.totp_failed' : 'auth.login_failed',
      entityType: 'user', entityId: user.id,
      after: { failures: state.failures, ip: client.ip, ...(kind === 'totp' ? { secondFactor: true } : {}), ...(state.locked ? { lockedUntil: state.lockedUntil } : {}) },
    });
    return state;
  });
  if (next.locked) throw new AppError('ACCOUNT_LOCKED', LOGIN_MESSAGES.lockedNow(next.failures, limits.lockoutMinutes));
  throw new AppError('UNAUTHENTICATED', message ?? (kind === 'totp' ? TOTP_FAILED : LOGIN_FAILED));
}

/** Opens the session of a fully signed-in user: counts cleared, the address remembered, audited. */
async function startSession(ctx: AppContext, user: UserRow, client: Client, now: Date, secondFactor?: 'totp' | 'recovery_code'): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const failedAttempts = user.failedLoginCount > 0 && user.lastFailedLoginAt
    ? { count: user.failedLoginCount, lastAt: user.lastFailedLoginAt.toISOString(), lastAddress: user.lastFailedLoginAddress ?? '' }
    : null;
  await ctx.db.transaction(async (tx) => {
    await repo.updateUserLogin(tx, user.id, { failedLoginCount: 0, lastLoginAt: now });
    await sources.saveSuccess(tx, { districtId: user.districtId, userId: user.id, address: client.ip ?? '' }, now);
    await repo.insertSession(tx, {
      id: sessionIdOf(token), districtId: user.districtId, userId: user.id, csrfToken,
      createdAt: now, lastSeenAt: now, ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, {
      at: now, districtId: user.districtId, actor: { userId: user.id, displayName: user.displayName }, action: 'auth.login',
      entityType: 'user', entityId: user.id,
      after: { ip: client.ip, ...(secondFactor ? { secondFactor } : {}), ...(failedAttempts ? { failuresSinceLastLogin: failedAttempts.count } : {}) },
    });
  });
  return { token, csrfToken, userId: user.id, failedAttempts };
}

/**
 * Signs in, throttled per account and source address (domain/access/login-throttle.ts). A locked
 * or delayed attempt is refused before the password is checked and counts nothing. An account
 * with TOTP on gets a pending token instead of a session (loginWithCode finishes).
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string } & Client,
): Promise<LoginResult | SecondStep> {
  const now = ctx.clock.now();
  const user = await repo.findUserByUsername(ctx.db, input.username);
  if (!user || !user.active) {
    await verifyPassword(await dummyHash(), input.password);
    throw new AppError('UNAUTHENTICATED', LOGIN_FAILED);
  }
  await passGate(ctx, user, input.ip ?? '', now);
  if (!(await verifyPassword(user.passwordHash, input.password))) return failAttempt(ctx, user, input, now, 'password');
  if (!hasTotp(user)) return startSession(ctx, user, input, now);
  // The failure counts stay until the code is right: a known password does not reset them.
  const pendingToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PENDING_LOGIN_MINUTES * 60_000);
  await security.insertPendingLogin(ctx.db, {
    id: sessionIdOf(pendingToken), districtId: user.districtId, userId: user.id, createdAt: now, expiresAt,
    ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { totpRequired: true, pendingToken, expiresAt: expiresAt.toISOString() };
}

/** The second step: a TOTP code or a recovery code for a pending token, under the same limits as the password. */
export async function loginWithCode(ctx: AppContext, input: { pendingToken: string; code: string } & Client): Promise<LoginResult> {
  const now = ctx.clock.now();
  const pendingId = sessionIdOf(input.pendingToken);
  const pending = await security.findPendingLogin(ctx.db, pendingId);
  if (!pending || pending.expiresAt <= now) throw new AppError('UNAUTHENTICATED', PENDING_EXPIRED);
  const user = await repo.findUserById(ctx.db, pending.userId);
  if (!user || !user.active || !hasTotp(user)) {
    await security.deletePendingLogin(ctx.db, pendingId);
    throw new AppError('UNAUTHENTICATED', PENDING_EXPIRED);
  }
  await passGate(ctx, user, input.ip ?? '', now);
  const used = await checkSecondFactor(ctx, user, input.code, now);
  if (!used) {
    if ((await security.countPendingAttempt(ctx.db, pendingId)) >= PENDING_LOGIN_MAX_ATTEMPTS) await security.deletePendingLogin(ctx.db, pendingId);
    // A replayed code still counts as a failure (it may be someone else's), but says why.
    const reused = await codeUsedBefore(ctx, user.id, input.code, now);
    return failAttempt(ctx, user, input, now, 'totp', reused ? CODE_USED : undefined);
  }
  await security.deletePendingLogin(ctx.db, pendingId);
  return startSession(ctx, user, input, now, used);
}

export async function logout(ctx: AppContext, actor: Actor, client: Client): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, actor.sessionId);
    await recordAudit(tx, {
      at: ctx.clock.now(), districtId: actor.districtId, actor: { userId: actor.userId, displayName: actor.displayName },
      action: 'auth.logout', entityType: 'user', entityId: actor.userId, after: { ip: client.ip },
    });
  });
}

export type SessionResult = { actor: Actor } | { actor: null; expired: boolean };

/** Resolves a cookie token to the actor, ending the session after the idle timeout. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionResult> {
  const id = sessionIdOf(token);
  const found = await lookupSession(ctx.db, id);
  if (!found) return { actor: null, expired: false };
  const { session } = found;
  const now = ctx.clock.now();
  if (now.getTime() - session.lastSeenAt.getTime() > ctx.config.sessionIdleMinutes * 60_000) {
    await repo.deleteSession(ctx.db, id);
    return { actor: null, expired: true };
  }
  const settings = found.settings ?? (found.user ? security.defaultSettings(found.user.districtId) : undefined);
  const actor = await actorOf(ctx, found.user, found.unit, settings, { id, csrfToken: session.csrfToken });
  if (!actor) {
    await repo.deleteSession(ctx.db, id);
    return { actor: null, expired: false };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(ctx.db, id, now);
  return { actor };
}

export async function loadActor(
  ctx: AppContext,
  userId: string,
  session: { id: string; csrfToken: string },
): Promise<Actor | null> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) return null;
  return actorOf(ctx, user, await repo.findUnit(ctx.db, user.unitId), undefined, session);
}

type UnitRow = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

/** The actor of an active user of an existing unit; the district's settings are read when not given. */
async function actorOf(
  ctx: AppContext, user: UserRow | null, unit: UnitRow | null, settings: ReturnType<typeof security.defaultSettings> | NonNullable<SessionLookup['settings']> | undefined,
  session: { id: string; csrfToken: string },
): Promise<Actor | null> {
  if (!user || !user.active || !unit) return null;
  let departmentRegion: Actor['departmentRegion'] = null;
  if (unit.kind === 'department' && unit.parentId) {
    const parent = await repo.findUnit(ctx.db, unit.parentId);
    if (parent && (parent.kind === 'district' || parent.kind === 'township')) departmentRegion = { level: parent.kind, id: parent.id };
  }
  const groupAssignments = user.role === 'supervision_group' ? await repo.groupAssignmentsOf(ctx.db, user.id) : null;
  const totpEnabled = hasTotp(user);
  const district = settings ?? await security.settingsOf(ctx.db, user.districtId);
  const mustEnrollTotp = !totpEnabled && TOTP_REQUIRABLE_ROLES.includes(user.role) && totpRequired(user.role, district);
  const expired = passwordExpired(user.passwordChangedAt, passwordMaxAgeDays(district.passwordMaxAgeDays, ctx.config.passwordMaxAgeDays), ctx.clock.now());
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    districtId: user.districtId,
    unitId: unit.id,
    unitKind: unit.kind,
    unitName: unit.name,
    departmentRegion,
    sectorIds: unit.kind === 'department' ? unit.sectorIds : [],
    enterpriseId: user.enterpriseId,
    enforcementCertificateNo: user.enforcementCertificateNo,
    groupAssignments,
    mustChangePassword: user.mustChangePassword || expired,
    passwordExpired: expired,
    mustEnrollTotp,
    totpEnabled,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

export function presentMe(actor: Actor): TMeResponse {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      districtId: actor.districtId,
      unit: { id: actor.unitId, name: actor.unitName, kind: actor.unitKind },
      enterpriseId: actor.enterpriseId,
      mustChangePassword: actor.mustChangePassword,
      passwordExpired: actor.passwordExpired,
      mustEnrollTotp: actor.mustEnrollTotp,
      totpEnabled: actor.totpEnabled,
      enforcementCertificateNo: actor.enforcementCertificateNo ?? null,
      abilities: abilitiesOf(actor.role),
    },
    csrfToken: actor.csrfToken,
  };
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION', '当前密码不正确', { currentPassword: ['当前密码不正确'] });
  }
  const demoAccount = await seededAsDemo(ctx.db, 'user', user.id);
  assertPasswordPolicy(input.newPassword, { username: user.username, displayName: user.displayName, demoAccount });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION', '新密码不能与当前密码相同', { newPassword: ['新密码不能与当前密码相同'] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateUserLogin(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now });
    const ended = await repo.deleteSessionsOfUser(tx, user.id, actor.sessionId); // other devices must sign in again
    await recordAudit(tx, {
      at: now, districtId: user.districtId, actor: { userId: user.id, displayName: user.displayName },
      action: 'auth.password_changed', entityType: 'user', entityId: user.id,
      after: { endedSessions: ended, ...(actor.passwordExpired ? { expired: true } : {}) },
    });
  });
}
