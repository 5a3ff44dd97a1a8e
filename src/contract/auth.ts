import { z, int } from './zod.ts';
import { PERMISSION_NAMES, type Permission } from '../domain/access/permissions.ts';
import { ROLES, UNIT_KINDS } from '../domain/access/roles.ts';
import { defineRoute } from './route.ts';
import { OkResponse } from './common.ts';

export const LoginRequest = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const NewPassword = z.string().max(128);

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: NewPassword,
});

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  districtId: z.string(),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) }),
  enterpriseId: z.string().nullable(),
  /** The password must be changed before anything else (after an admin reset, or when it expired). */
  mustChangePassword: z.boolean(),
  /** The password is older than PASSWORD_MAX_AGE_DAYS (the reason mustChangePassword is on, if so). */
  passwordExpired: z.boolean(),
  /** The district requires a second factor of this account, which has none yet: enrollment before anything else. */
  mustEnrollTotp: z.boolean(),
  /** The account signs in with a TOTP code after its password. */
  totpEnabled: z.boolean(),
  /** 行政执法证号, if any. */
  enforcementCertificateNo: z.string().nullable().optional(),
  /** What the user may do at all (domain/permissions.ts): the menu, the home page and page-level buttons follow it. */
  abilities: z.array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]])),
});
export type TMe = z.infer<typeof Me>;

export const MeResponse = z.object({ user: Me, csrfToken: z.string() });
export type TMeResponse = z.infer<typeof MeResponse>;

/** Failed sign-ins to the account since its previous successful one, the last with its time and source address. */
export const FailedAttempts = z.object({ count: int(), lastAt: z.string(), lastAddress: z.string() });
export type TFailedAttempts = z.infer<typeof FailedAttempts>;

export const LoginSuccess = MeResponse.extend({
  /** What happened since the last sign-in (null when nothing failed): the web tells the user. */
  failedAttempts: FailedAttempts.nullable(),
});
export type TLoginSuccess = z.infer<typeof LoginSuccess>;

/** The password was right and the account has TOTP on: send a code with this token (no session yet). */
export const LoginSecondStep = z.object({
  totpRequired: z.literal(true),
  pendingToken: z.string(),
  expiresAt: z.string(),
});
export const LoginResponse = z.union([LoginSuccess, LoginSecondStep]);
export type TLoginResponse = z.infer<typeof LoginResponse>;

/** A 6-digit code from the authenticator app, or one of the recovery codes (xxxxx-xxxxx). */
export const TotpCode = z.string().trim().min(1, '请输入验证码').max(16, '验证码格式不正确');

export const LoginTotpRequest = z.object({
  pendingToken: z.string().min(1).max(100),
  code: TotpCode,
});

export const authRoutes = {
  health: defineRoute({
    method: 'GET', path: '/api/health', summary: '健康检查', tag: 'system', public: true,
    response: z.object({ ok: z.boolean(), database: z.enum(['pglite', 'postgres']), time: z.string() }),
  }),
  login: defineRoute({
    method: 'POST', path: '/api/auth/login', summary: '登录', tag: 'auth', public: true,
    body: LoginRequest, response: LoginResponse,
  }),
  logout: defineRoute({ method: 'POST', path: '/api/auth/logout', summary: '退出登录', tag: 'auth', response: OkResponse }),
  me: defineRoute({ method: 'GET', path: '/api/auth/me', summary: '当前用户', tag: 'auth', response: MeResponse }),
  loginTotp: defineRoute({
    method: 'POST', path: '/api/auth/login/totp', summary: '登录第二步：动态验证码', tag: 'auth', public: true,
    body: LoginTotpRequest, response: LoginSuccess,
  }),
  changePassword: defineRoute({
    method: 'POST', path: '/api/auth/password', summary: '修改密码', tag: 'auth',
    body: ChangePasswordRequest, response: OkResponse,
  }),
};
