// The second factor of a user's own account: enrollment with a QR code confirmed by a code,
// recovery codes (hashed, each good once), turning it off with password and code, and checking a
// code at sign-in. Decision 022.
import QRCode from 'qrcode';
import type { TRecoveryCodesResponse, TTotpSetup, TTotpStatus } from '../../../contract/security.ts';
import { totpRequired } from '../../../domain/access/security-rules.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './auth.repository.ts';
import * as security from './security.repository.ts';
import { verifyPassword } from './password.ts';
import { looksLikeRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, otpauthUri, recoveryCodeHash, totpCodeReused } from './totp.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

export const hasTotp = (u: Pick<UserRow, 'totpSecret' | 'totpEnabledAt'>): boolean => u.totpSecret !== null && u.totpEnabledAt !== null;

const WRONG_CODE = '验证码不正确';
export const CODE_USED = '该验证码已使用过，请等待验证器显示下一个验证码后输入';

/**
 * Why a code was refused: already used (the one just signed in with, typed again), or wrong. Read
 * afresh: the step may have been claimed since `user` was read.
 */
export async function codeUsedBefore(ctx: AppContext, userId: string, code: string, now: Date): Promise<boolean> {
  const user = await repo.findUserById(ctx.db, userId);
  return Boolean(user?.totpSecret) && totpCodeReused(user!.totpSecret!, code.replace(/\s/g, ''), now, user!.totpLastStep);
}
const refusedCode = (message: string) => new AppError('VALIDATION', message, { code: [message] });
const wrongCode = async (ctx: AppContext, user: UserRow, code: string, now: Date) =>
  refusedCode((await codeUsedBefore(ctx, user.id, code, now)) ? CODE_USED : WRONG_CODE);

/**
 * Whether `code` is the account's current TOTP code (not used before) or one of its unused
 * recovery codes; uses it up and says which it was, or null.
 */
export async function checkSecondFactor(ctx: AppContext, user: UserRow, code: string, now: Date): Promise<'totp' | 'recovery_code' | null> {
  if (!user.totpSecret) return null;
  if (looksLikeRecoveryCode(code)) {
    const ok = await ctx.db.transaction(async (tx) => {
      if (!(await security.useRecoveryCode(tx, user.id, recoveryCodeHash(code), now))) return false;
      await recordAudit(tx, {
        at: now, districtId: user.districtId, actor: { userId: user.id, displayName: user.displayName },
        action: 'auth.recovery_code_used', entityType: 'user', entityId: user.id, after: { left: await security.recoveryCodesLeft(tx, user.id) },
      });
      return true;
    });
    return ok ? 'recovery_code' : null;
  }
  const step = matchTotp(user.totpSecret, code.replace(/\s/g, ''), now, user.totpLastStep);
  if (step === null) return null;
  return (await security.claimTotpStep(ctx.db, user.id, step)) ? 'totp' : null;
}

async function userOf(ctx: AppContext, actor: Actor): Promise<UserRow> {
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  return user;
}

export async function totpStatus(ctx: AppContext, actor: Actor): Promise<TTotpStatus> {
  const user = await userOf(ctx, actor);
  return {
    enabled: hasTotp(user),
    enabledAt: hasTotp(user) ? user.totpEnabledAt!.toISOString() : null,
    required: totpRequired(user.role, await security.settingsOf(ctx.db, user.districtId)),
    recoveryCodesLeft: hasTotp(user) ? await security.recoveryCodesLeft(ctx.db, user.id) : 0,
  };
}

/** A new secret to scan (replacing one not confirmed yet); refused while a second factor is on. */
export async function setupTotp(ctx: AppContext, actor: Actor): Promise<TTotpSetup> {
  const user = await userOf(ctx, actor);
  if (hasTotp(user)) throw conflict('已启用双因素认证；如需更换手机，请先关闭再重新绑定');
  const secret = newTotpSecret();
  await security.setTotp(ctx.db, user.id, { totpPendingSecret: secret });
  const uri = otpauthUri(secret, user.username);
  return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 }) };
}

async function issueRecoveryCodes(ctx: AppContext, user: UserRow, now: Date, ip: string | null, action: string, set?: Parameters<typeof security.setTotp>[2]) {
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    if (set) await security.setTotp(tx, user.id, set);
    await security.replaceRecoveryCodes(tx, user, codes.map(recoveryCodeHash), now);
    await recordAudit(tx, {
      at: now, districtId: user.districtId, actor: { userId: user.id, displayName: user.displayName },
      action, entityType: 'user', entityId: user.id, after: { recoveryCodes: codes.length, ip },
    });
  });
  return { recoveryCodes: codes };
}

/** Turns the second factor on with a code from the secret just scanned; answers the recovery codes, once. */
export async function enableTotp(ctx: AppContext, actor: Actor, code: string, ip: string | null): Promise<TRecoveryCodesResponse> {
  const user = await userOf(ctx, actor);
  if (hasTotp(user)) throw conflict('已启用双因素认证');
  if (!user.totpPendingSecret) throw conflict('请先生成二维码并用手机扫描');
  const now = ctx.clock.now();
  const step = matchTotp(user.totpPendingSecret, code.replace(/\s/g, ''), now, null);
  if (step === null) throw refusedCode(WRONG_CODE);
  return issueRecoveryCodes(ctx, user, now, ip, 'auth.totp_enabled', {
    totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step,
  });
}

/** New recovery codes for old ones (all of them end), with a current code. */
export async function regenerateRecoveryCodes(ctx: AppContext, actor: Actor, code: string, ip: string | null): Promise<TRecoveryCodesResponse> {
  const user = await userOf(ctx, actor);
  if (!hasTotp(user)) throw conflict('尚未启用双因素认证');
  const now = ctx.clock.now();
  if (!(await checkSecondFactor(ctx, user, code, now))) throw await wrongCode(ctx, user, code, now);
  return issueRecoveryCodes(ctx, user, now, ip, 'auth.recovery_codes_regenerated');
}

/** Turns the second factor off with the password and a code; refused while the district requires it. */
export async function disableTotp(ctx: AppContext, actor: Actor, input: { password: string; code: string }, ip: string | null): Promise<void> {
  const user = await userOf(ctx, actor);
  if (!hasTotp(user)) throw conflict('尚未启用双因素认证');
  if (totpRequired(user.role, await security.settingsOf(ctx.db, user.districtId))) {
    throw conflict('本区要求管理员和安委办账号启用双因素认证，不能关闭');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError('VALIDATION', '密码不正确', { password: ['密码不正确'] });
  }
  const now = ctx.clock.now();
  if (!(await checkSecondFactor(ctx, user, input.code, now))) throw await wrongCode(ctx, user, input.code, now);
  await ctx.db.transaction(async (tx) => {
    await security.setTotp(tx, user.id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
    await security.replaceRecoveryCodes(tx, user, [], now);
    await recordAudit(tx, {
      at: now, districtId: user.districtId, actor: { userId: user.id, displayName: user.displayName },
      action: 'auth.totp_disabled', entityType: 'user', entityId: user.id, after: { ip },
    });
  });
}
