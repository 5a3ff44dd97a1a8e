// 等保 2.0 level-3 controls: the second factor (TOTP and recovery codes), a user's own sessions, the
// district's security settings and the security-event view (decision 022).
import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, OkResponse, PageQuery, Uuid, pageOf } from './common.ts';
import { TotpCode } from './auth.ts';

export const TotpStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  /** The district requires it of this account (it cannot be turned off then). */
  required: z.boolean(),
  recoveryCodesLeft: int(),
});
export type TTotpStatus = z.infer<typeof TotpStatus>;

/** A new secret to scan: on only once a code from it is confirmed. */
export const TotpSetup = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });
export type TTotpSetup = z.infer<typeof TotpSetup>;

export const TotpConfirmRequest = z.object({ code: TotpCode });
/** Shown once: each signs in once instead of a code when the phone is lost. */
export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type TRecoveryCodesResponse = z.infer<typeof RecoveryCodesResponse>;
export const TotpDisableRequest = z.object({ password: z.string().min(1, '请输入密码').max(128), code: TotpCode });

export const SessionItem = z.object({
  /** A handle for ending the session (not the session's key). */
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  /** Browser and system, e.g. "Chrome 120 · Windows". */
  device: z.string(),
  current: z.boolean(),
});
export type TSessionItem = z.infer<typeof SessionItem>;
export const SessionsResponse = z.object({ items: z.array(SessionItem) });
export const SessionParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, '无效的编号') });
export const EndedSessionsResponse = z.object({ ended: int() });

export const SECURITY_SETTINGS_ACTIONS = ['edit'] as const;
/** How long a password may be kept, in days; 0: it never expires. */
const PasswordMaxAgeDays = int().min(0, '不能小于0').max(3650, '不能超过3650天');
export const SecuritySettings = z.object({
  totpRequiredForStaff: z.boolean(),
  /** The district's own choice (0: never expires), or null: the server's default, `defaultPasswordMaxAgeDays`. */
  passwordMaxAgeDays: PasswordMaxAgeDays.nullable(),
  /** The server's PASSWORD_MAX_AGE_DAYS (0: never expires): what null means. */
  defaultPasswordMaxAgeDays: int(),
  version: int(),
  /** `edit` for the district's own 管理员 and 安委办. */
  allowedActions: z.array(z.enum(SECURITY_SETTINGS_ACTIONS)),
});
export type TSecuritySettings = z.infer<typeof SecuritySettings>;
export const SecuritySettingsUpdate = z.object({
  totpRequiredForStaff: z.boolean(),
  /** Absent: unchanged. */
  passwordMaxAgeDays: PasswordMaxAgeDays.nullable().optional(),
  version: int(),
});

/** What the security-event view lists, each a set of audit actions. */
export const SECURITY_EVENT_KINDS = [
  'login', 'login_failed', 'locked', 'totp_failed', 'second_factor', 'session_ended', 'password_changed', 'forbidden', 'settings_changed',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
export const SECURITY_EVENT_KIND_LABELS: Record<SecurityEventKind, string> = {
  login: '登录成功',
  login_failed: '登录失败',
  locked: '登录锁定',
  totp_failed: '动态验证码错误',
  second_factor: '双因素认证变更',
  session_ended: '会话结束',
  password_changed: '密码修改/重置',
  forbidden: '越权访问被拒绝',
  settings_changed: '安全设置变更',
};
export const SECURITY_EVENT_ACTIONS: Record<SecurityEventKind, readonly string[]> = {
  login: ['auth.login'],
  login_failed: ['auth.login_failed'],
  locked: ['auth.locked'],
  totp_failed: ['auth.totp_failed'],
  second_factor: ['auth.totp_enabled', 'auth.totp_disabled', 'auth.recovery_codes_regenerated', 'auth.recovery_code_used', 'user.reset_totp'],
  session_ended: ['auth.logout', 'auth.session_ended', 'auth.sessions_ended_others'],
  password_changed: ['auth.password_changed', 'user.reset_password'],
  forbidden: ['auth.forbidden'],
  settings_changed: ['security_settings.update'],
};
export const securityEventKindOf = (action: string): SecurityEventKind | null =>
  SECURITY_EVENT_KINDS.find((k) => SECURITY_EVENT_ACTIONS[k].includes(action)) ?? null;

export const SecurityEventQuery = PageQuery.extend({
  kind: z.enum(SECURITY_EVENT_KINDS).optional(),
  /** The account the event is about (its sign-in, its password…). */
  userId: Uuid.optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
});
export const SecurityEvent = z.object({
  /** The audit entry's id. */
  id: z.string(),
  seq: int(),
  at: z.string(),
  kind: z.enum(SECURITY_EVENT_KINDS),
  action: z.string(),
  userId: z.string().nullable(),
  /** The account's name and unit now. */
  userName: z.string().nullable(),
  /** Who acted (an admin resetting a password; the user otherwise). */
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  /** What else the entry holds, in words (the refused request, the failures, the sessions ended). */
  detail: z.string(),
});
export type TSecurityEvent = z.infer<typeof SecurityEvent>;
export const SecurityEventsResponse = pageOf(SecurityEvent);

export const securityRoutes = {
  totpStatus: defineRoute({ method: 'GET', path: '/api/auth/totp', summary: '双因素认证状态', tag: 'auth', response: TotpStatus }),
  totpSetup: defineRoute({ method: 'POST', path: '/api/auth/totp/setup', summary: '开始绑定动态验证码（生成密钥和二维码）', tag: 'auth', response: TotpSetup }),
  totpEnable: defineRoute({
    method: 'POST', path: '/api/auth/totp/enable', summary: '确认绑定动态验证码', tag: 'auth', body: TotpConfirmRequest, response: RecoveryCodesResponse,
  }),
  totpRecoveryCodes: defineRoute({
    method: 'POST', path: '/api/auth/totp/recovery-codes', summary: '重新生成恢复码', tag: 'auth', body: TotpConfirmRequest, response: RecoveryCodesResponse,
  }),
  totpDisable: defineRoute({ method: 'POST', path: '/api/auth/totp/disable', summary: '关闭双因素认证', tag: 'auth', body: TotpDisableRequest, response: OkResponse }),
  sessions: defineRoute({ method: 'GET', path: '/api/auth/sessions', summary: '我的登录会话', tag: 'auth', response: SessionsResponse }),
  endSession: defineRoute({
    method: 'POST', path: '/api/auth/sessions/:id/end', summary: '结束一个会话', tag: 'auth', params: SessionParams, response: OkResponse,
  }),
  endOtherSessions: defineRoute({
    method: 'POST', path: '/api/auth/sessions/end-others', summary: '结束其他全部会话', tag: 'auth', response: EndedSessionsResponse,
  }),
  resetUserTotp: defineRoute({
    method: 'POST', path: '/api/users/:id/totp/reset', summary: '重置用户的双因素认证（手机丢失时）', tag: 'org', params: IdParams, response: OkResponse,
  }),
  settings: defineRoute({ method: 'GET', path: '/api/security/settings', summary: '本区安全设置', tag: 'security', response: SecuritySettings }),
  updateSettings: defineRoute({
    method: 'PATCH', path: '/api/security/settings', summary: '修改本区安全设置', tag: 'security', body: SecuritySettingsUpdate, response: SecuritySettings,
  }),
  events: defineRoute({
    method: 'GET', path: '/api/security/events', summary: '安全事件', tag: 'security', query: SecurityEventQuery, response: SecurityEventsResponse,
  }),
};
