// 安全事件: the audit trail's sign-in, second-factor, session, password and refusal entries, listed
// by kind, account and day (the list kernel over audit_log; the entries stay as hashed).
import { type SQL, and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import {
  SECURITY_EVENT_ACTIONS, SECURITY_EVENT_KINDS, type SecurityEventKind, type TSecurityEvent, securityEventKindOf,
} from '../../../contract/security.ts';
import { auditActionLabel } from '../../../contract/audit-labels.ts';
import { passwordMaxAgeText } from '../../../domain/access/security-rules.ts';
import { shanghaiDateTime, shanghaiDayStart } from '../../../domain/common/dates.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { defineListQuery } from '../../kernel/list-query.ts';
import { recordNames } from '../audit/index.ts';

type AuditRow = typeof auditLog.$inferSelect;
interface EventFilter {
  districtId: string;
  kind?: SecurityEventKind | undefined;
  userId?: string | undefined;
  fromInstant?: Date | undefined;
  toInstant?: Date | undefined;
}

const ALL_ACTIONS = SECURITY_EVENT_KINDS.flatMap((k) => SECURITY_EVENT_ACTIONS[k]);
const actionIn = (actions: readonly string[]): SQL => sql`${auditLog.action} in (${sql.join(actions.map((a) => sql`${a}`), sql`, `)})`;

const eventList = defineListQuery<EventFilter, AuditRow>({
  from: sql`from ${auditLog}`,
  id: sql`${auditLog.seq}::text`,
  where: (f) => [
    eq(auditLog.districtId, f.districtId),
    actionIn(f.kind ? SECURITY_EVENT_ACTIONS[f.kind] : ALL_ACTIONS),
    f.userId ? eq(auditLog.entityId, f.userId) : undefined,
    f.fromInstant ? gte(auditLog.at, f.fromInstant) : undefined,
    f.toInstant ? lt(auditLog.at, f.toInstant) : undefined,
  ],
  sort: () => [{ expr: auditLog.seq, dir: 'desc' }],
  rows: (db: DbOrTx, ids) => db.select().from(auditLog).where(and(inArray(auditLog.seq, ids.map(Number)))),
  rowId: (r) => String(r.seq),
});

const time = (iso: unknown) => (typeof iso === 'string' ? shanghaiDateTime(new Date(iso)) : '');

const days = (v: unknown) => passwordMaxAgeText(typeof v === 'number' ? v : null);
const yesNo = (v: unknown) => (v === true ? '是' : '否');

/** A change of the district's settings, each setting that changed as before → after. */
function settingsChange(before: unknown, after: Record<string, unknown>): string {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (b.totpRequiredForStaff !== after.totpRequiredForStaff) parts.push(`须启用双因素认证：${yesNo(b.totpRequiredForStaff)} → ${yesNo(after.totpRequiredForStaff)}`);
  if ((b.passwordMaxAgeDays ?? null) !== (after.passwordMaxAgeDays ?? null)) parts.push(`密码有效期：${days(b.passwordMaxAgeDays)} → ${days(after.passwordMaxAgeDays)}`);
  return parts.join('，') || '未改变';
}

/** What else an entry holds, in words. */
export function eventDetail(action: string, after: Record<string, unknown>, before: unknown = null): string {
  if (action === 'security_settings.update') return settingsChange(before, after);
  // A kind that holds several actions (双因素认证变更: turned on, off, new codes…) says which one.
  const kind = securityEventKindOf(action);
  const parts: string[] = kind && SECURITY_EVENT_ACTIONS[kind].length > 1 ? [auditActionLabel(action)] : [];
  if (action === 'auth.forbidden') parts.push(`${String(after.method ?? '')} ${String(after.path ?? '')}`.trim(), String(after.message ?? ''));
  if (typeof after.failures === 'number') parts.push(`连续失败 ${after.failures} 次`);
  if (after.lockedUntil) parts.push(`锁定至 ${time(after.lockedUntil)}`);
  if (after.secondFactor === 'totp') parts.push('动态验证码');
  if (after.secondFactor === 'recovery_code') parts.push('恢复码');
  if (typeof after.failuresSinceLastLogin === 'number') parts.push(`此前失败 ${after.failuresSinceLastLogin} 次`);
  if (typeof after.device === 'string') parts.push(after.device);
  if (after.current === true) parts.push('当前会话');
  if (typeof after.endedSessions === 'number') parts.push(`结束其他会话 ${after.endedSessions} 个`);
  if (after.expired === true) parts.push('密码已过期');
  if (typeof after.recoveryCodes === 'number') parts.push(`生成恢复码 ${after.recoveryCodes} 个`);
  if (typeof after.left === 'number') parts.push(`剩余恢复码 ${after.left} 个`);
  if (after.mustChangePassword === true) parts.push('须修改密码');
  return parts.filter(Boolean).join('，');
}

export async function listSecurityEvents(
  ctx: AppContext,
  actor: Actor,
  q: { kind?: SecurityEventKind | undefined; userId?: string | undefined; from?: string | undefined; to?: string | undefined; page: number; pageSize: number },
) {
  const { rows, total } = await eventList.page(ctx.db, {
    districtId: actor.districtId, kind: q.kind, userId: q.userId,
    fromInstant: q.from ? shanghaiDayStart(q.from) : undefined, toInstant: q.to ? shanghaiDayStart(q.to, 1) : undefined,
  }, q);
  const names = await recordNames(ctx.db, actor.districtId, rows.flatMap((r) => (r.entityId ? [r.entityId] : [])));
  const items: TSecurityEvent[] = rows.map((r) => {
    const after = (r.after && typeof r.after === 'object' ? r.after : {}) as Record<string, unknown>;
    const kind = securityEventKindOf(r.action)!;
    return {
      id: r.id, seq: r.seq, at: r.at.toISOString(), kind, action: r.action,
      // a settings change is the district's, about no account: who made it is its 操作人
      ...(kind === 'settings_changed' ? { userId: null, userName: null } : { userId: r.entityId, userName: r.entityId ? (names.get(r.entityId) ?? null) : null }),
      actorName: r.actorName, ip: typeof after.ip === 'string' ? after.ip : null, detail: eventDetail(r.action, after, r.before),
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}
