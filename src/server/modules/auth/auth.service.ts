import { createHash, randomBytes } from 'node:crypto';
import type { TFailedAttempts, TMeResponse } from '../../../contract/auth.ts';
import { LOGIN_MESSAGES, loginGate, sourceAfterFailure } from '../../../domain/access/login-throttle.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit, seededAsDemo } from '../audit/index.ts';
import * as repo from './auth.repository.ts';
import * as sources from './login-sources.repository.ts';
import { assertPasswordPolicy, dummyHash, hashPassword, verifyPassword } from './password.ts';
import { abilitiesOf } from '../../../domain/access/permissions.ts';

export const SESSION_COOKIE = 'anzhi_sid';
const TOUCH_EVERY_MS = 30_000;

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

const LOGIN_FAILED = '用户名或密码错误';
/** An address that only ever failed is forgotten a day after its last failure (unless locked). */
const FORGET_FAILED_ADDRESS_MS = 24 * 60 * 60_000;

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
  failedAttempts: TFailedAttempts | null;
}

/**
 * Signs in, throttled per account and source address (domain/access/login-throttle.ts). A locked
 * or delayed attempt is refused before the password is checked and counts nothing.
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const user = await repo.findUserByUsername(ctx.db, input.username);
  if (!user || !user.active) {
    await verifyPassword(await dummyHash(), input.password);
    throw new AppError('UNAUTHENTICATED', LOGIN_FAILED);
  }
  const address = input.ip ?? '';
  const limits = { maxFailures: ctx.config.loginMaxFailures, lockoutMinutes: ctx.config.lockoutMinutes };
  const gate = loginGate(limits, { count: user.failedLoginCount, lastAt: user.lastFailedLoginAt }, await sources.findSource(ctx.db, user.id, address), now);
  if (gate.kind === 'address_locked') throw new AppError('ACCOUNT_LOCKED', LOGIN_MESSAGES.addressLocked(gate.waitMs));
  if (gate.kind === 'account_delayed') throw new AppError('RATE_LIMITED', LOGIN_MESSAGES.accountDelayed(gate.waitMs));

  const ok = await verifyPassword(user.passwordHash, input.password);
  const actorRef = { userId: user.id, displayName: user.displayName };
  const key = { districtId: user.districtId, userId: user.id, address };
  if (!ok) {
    const next = await ctx.db.transaction(async (tx) => {
      const account = await sources.lockAccount(tx, user.id);
      const state = sourceAfterFailure(limits, await sources.findSource(tx, user.id, address), now);
      await sources.saveFailure(tx, key, { ...state, at: now });
      await repo.updateUserLogin(tx, user.id, {
        failedLoginCount: account.failedLoginCount + 1, lastFailedLoginAt: now, lastFailedLoginAddress: address,
      });
      await sources.pruneSources(tx, user.id, new Date(now.getTime() - FORGET_FAILED_ADDRESS_MS), now);
      await recordAudit(tx, {
        at: now, districtId: user.districtId, actor: actorRef, action: state.locked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user', entityId: user.id,
        after: { failures: state.failures, ip: input.ip, ...(state.locked ? { lockedUntil: state.lockedUntil } : {}) },
      });
      return state;
    });
    if (next.locked) throw new AppError('ACCOUNT_LOCKED', LOGIN_MESSAGES.lockedNow(next.failures, limits.lockoutMinutes));
    throw new AppError('UNAUTHENTICATED', LOGIN_FAILED);
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const failedAttempts = user.failedLoginCount > 0 && user.lastFailedLoginAt
    ? { count: user.failedLoginCount, lastAt: user.lastFailedLoginAt.toISOString(), lastAddress: user.lastFailedLoginAddress ?? '' }
    : null;
  await ctx.db.transaction(async (tx) => {
    await repo.updateUserLogin(tx, user.id, { failedLoginCount: 0, lastLoginAt: now });
    await sources.saveSuccess(tx, key, now);
    await repo.insertSession(tx, {
      id: sessionIdOf(token), districtId: user.districtId, userId: user.id, csrfToken,
      createdAt: now, lastSeenAt: now, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, {
      at: now, districtId: user.districtId, actor: actorRef, action: 'auth.login', entityType: 'user', entityId: user.id,
      after: { ip: input.ip, ...(failedAttempts ? { failuresSinceLastLogin: failedAttempts.count } : {}) },
    });
  });
  return { token, csrfToken, userId: user.id, failedAttempts };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await repo.deleteSession(ctx.db, actor.sessionId);
}

export type SessionResult = { actor: Actor } | { actor: null; expired: boolean };

/** Resolves a cookie token to the actor, ending the session after the idle timeout. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionResult> {
  const id = sessionIdOf(token);
  const session = await repo.findSession(ctx.db, id);
  if (!session) return { actor: null, expired: false };
  const now = ctx.clock.now();
  if (now.getTime() - session.lastSeenAt.getTime() > ctx.config.sessionIdleMinutes * 60_000) {
    await repo.deleteSession(ctx.db, id);
    return { actor: null, expired: true };
  }
  const actor = await loadActor(ctx, session.userId, { id, csrfToken: session.csrfToken });
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
  if (!user || !user.active) return null;
  const unit = await repo.findUnit(ctx.db, user.unitId);
  if (!unit) return null;
  let departmentRegion: Actor['departmentRegion'] = null;
  if (unit.kind === 'department' && unit.parentId) {
    const parent = await repo.findUnit(ctx.db, unit.parentId);
    if (parent && (parent.kind === 'district' || parent.kind === 'township')) departmentRegion = { level: parent.kind, id: parent.id };
  }
  const groupAssignments = user.role === 'supervision_group' ? await repo.groupAssignmentsOf(ctx.db, user.id) : null;
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
    mustChangePassword: user.mustChangePassword,
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
    await repo.updateUserLogin(tx, user.id, { passwordHash, mustChangePassword: false, updatedAt: now });
    await repo.deleteSessionsOfUser(tx, user.id, actor.sessionId); // other devices must sign in again
    await recordAudit(tx, {
      at: now, districtId: user.districtId, actor: { userId: user.id, displayName: user.displayName },
      action: 'auth.password_changed', entityType: 'user', entityId: user.id,
    });
  });
}
