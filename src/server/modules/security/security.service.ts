// The district's security settings, and the permission refusals the security-event view lists.
import type { FastifyRequest } from 'fastify';
import type { TSecuritySettings } from '../../../contract/security.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { saveSecuritySettings, securitySettingsOf } from '../auth/index.ts';

/** The district's own 管理员 and 安委办 change its settings; a township's read them. */
const mayEdit = (actor: Actor) => actor.unitKind === 'district' && (actor.role === 'admin' || actor.role === 'office');

export async function getSettings(ctx: AppContext, actor: Actor): Promise<TSecuritySettings> {
  const s = await securitySettingsOf(ctx.db, actor.districtId);
  return {
    totpRequiredForStaff: s.totpRequiredForStaff, passwordMaxAgeDays: s.passwordMaxAgeDays, defaultPasswordMaxAgeDays: ctx.config.passwordMaxAgeDays,
    version: s.version, allowedActions: mayEdit(actor) ? ['edit'] : [],
  };
}

export async function updateSettings(
  ctx: AppContext, actor: Actor, input: { totpRequiredForStaff: boolean; passwordMaxAgeDays?: number | null | undefined; version: number },
): Promise<TSecuritySettings> {
  if (!mayEdit(actor)) throw forbidden('只有区/县的管理员和安委办可以修改安全设置');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await securitySettingsOf(tx, actor.districtId);
    const set = {
      totpRequiredForStaff: input.totpRequiredForStaff,
      passwordMaxAgeDays: input.passwordMaxAgeDays === undefined ? before.passwordMaxAgeDays : input.passwordMaxAgeDays,
    };
    if (!(await saveSecuritySettings(tx, actor.districtId, input.version, { ...set, updatedAt: now }))) throw conflict();
    await recordAudit(tx, {
      at: now, districtId: actor.districtId, actor: { userId: actor.userId, displayName: actor.displayName },
      action: 'security_settings.update', entityType: 'security_settings', entityId: actor.districtId,
      before: { totpRequiredForStaff: before.totpRequiredForStaff, passwordMaxAgeDays: before.passwordMaxAgeDays }, after: set,
    });
  });
  return getSettings(ctx, actor);
}

/**
 * Writes a 403 a signed-in user was given to the audit trail (the security-event view lists them).
 * Never fails the answer: a refusal that cannot be recorded is logged instead.
 */
export async function recordRefusal(ctx: AppContext, req: FastifyRequest, message: string): Promise<void> {
  const actor = req.actor;
  if (!actor) return;
  try {
    await ctx.db.transaction((tx) => recordAudit(tx, {
      at: ctx.clock.now(), districtId: actor.districtId, actor: { userId: actor.userId, displayName: actor.displayName },
      action: 'auth.forbidden', entityType: 'user', entityId: actor.userId,
      after: { method: req.method, path: req.routeOptions.url ?? req.url.split('?')[0], ip: req.ip ?? null, message },
    }));
  } catch (err) {
    req.log.error({ err }, 'could not record a permission refusal');
  }
}
