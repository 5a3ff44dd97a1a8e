import { z, int } from './zod.ts';
import { ROLES, UNIT_KINDS } from '../domain/access/roles.ts';
import { LEADER_POSTS } from '../domain/supervision/leadership.ts';
import { defineRoute } from './route.ts';
import { IdParams, OkResponse, PageQuery, Phone, QueryBool, Uuid, pageOf } from './common.ts';

// ---- units: regions (district/township/village) and departments
export const Unit = z.object({
  id: z.string(),
  districtId: z.string(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  /** District only: prefix of its hazard numbers, e.g. YB → YB-2024-000123. */
  code: z.string().nullable(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  sectorIds: z.array(z.string()),
  sortOrder: int(),
  active: z.boolean(),
  version: int(),
});
export type TUnit = z.infer<typeof Unit>;

export const UnitCreate = z.object({
  kind: z.enum(['township', 'village', 'department']),
  name: z.string().trim().min(1, '请输入名称').max(64),
  parentId: Uuid,
  sectorIds: z.array(Uuid).default([]),
  sortOrder: int().min(0).max(9999).default(0),
});
export const UnitUpdate = z.object({
  name: z.string().trim().min(1, '请输入名称').max(64).optional(),
  code: z.string().trim().regex(/^[A-Z]{1,6}$/, '编号前缀为1-6位大写字母').optional(),
  sectorIds: z.array(Uuid).optional(),
  sortOrder: int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
  version: int(),
});
export const UnitListQuery = z.object({
  kind: z.enum(UNIT_KINDS).optional(),
  parentId: Uuid.optional(),
  includeInactive: QueryBool.optional(),
});

// ---- sectors (行业领域)
export const Sector = z.object({
  id: z.string(),
  name: z.string(),
  sortOrder: int(),
  active: z.boolean(),
  version: int(),
});
export type TSector = z.infer<typeof Sector>;
export const SectorCreate = z.object({
  name: z.string().trim().min(1, '请输入行业领域名称').max(32),
  sortOrder: int().min(0).max(9999).default(0),
});
export const SectorUpdate = z.object({
  name: z.string().trim().min(1).max(32).optional(),
  sortOrder: int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
  version: int(),
});

// ---- users
export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  /** 行政执法证号 (enforcement inspections need two certified inspectors). */
  enforcementCertificateNo: z.string().nullable(),
  /** 领导职务: whose activities a campaign's required frequencies bind (domain/supervision/leadership.ts). */
  leaderPost: z.enum(LEADER_POSTS).nullable(),
  role: z.enum(ROLES),
  unitId: z.string(),
  unitName: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  active: z.boolean(),
  /** Addresses the account is locked at now (too many wrong passwords from there). */
  lockedAddresses: int(),
  mustChangePassword: z.boolean(),
  /** The account signs in with a TOTP code too (an admin can reset it when the phone is lost). */
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: int(),
});
export type TUser = z.infer<typeof User>;

export const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为3-32位字母、数字、下划线、点或连字符');

const CertificateNo = z.string().trim().max(32, '行政执法证号不能超过32个字');

export const UserCreate = z.object({
  username: Username,
  displayName: z.string().trim().min(1, '请输入姓名').max(32),
  phone: Phone.nullish().or(z.literal('').transform(() => null)),
  enforcementCertificateNo: CertificateNo.nullish().transform((v) => v || null),
  leaderPost: z.enum(LEADER_POSTS, { error: '请选择领导职务' }).nullish().transform((v) => v ?? null),
  role: z.enum(ROLES),
  unitId: Uuid,
  enterpriseId: Uuid.nullish(),
  password: z.string().max(128),
});
export const UserUpdate = z.object({
  displayName: z.string().trim().min(1, '请输入姓名').max(32).optional(),
  phone: Phone.nullish().or(z.literal('').transform(() => null)),
  /** Omitted: unchanged; null or empty: cleared. */
  enforcementCertificateNo: CertificateNo.nullish().transform((v) => (v === undefined ? undefined : v || null)),
  /** Omitted: unchanged; null: cleared. */
  leaderPost: z.enum(LEADER_POSTS, { error: '请选择领导职务' }).nullish(),
  role: z.enum(ROLES).optional(),
  unitId: Uuid.optional(),
  enterpriseId: Uuid.nullish(),
  active: z.boolean().optional(),
  version: int(),
});
export const ResetPasswordRequest = z.object({ newPassword: z.string().max(128) });
export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
  unitId: Uuid.optional(),
});

/** An account locked at one source address (domain/access/login-throttle.ts). */
export const LoginLock = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitName: z.string(),
  address: z.string(),
  /** Consecutive wrong passwords from this address. */
  failures: int(),
  lockedUntil: z.string(),
  lastFailureAt: z.string().nullable(),
  /** The account's wrong passwords since its last sign-in, from every address. */
  accountFailures: int(),
});
export type TLoginLock = z.infer<typeof LoginLock>;
export const LoginLockListQuery = PageQuery.extend({
  /** Username, name or address. */
  q: z.string().trim().max(64).optional(),
});
/** One address's lock, or (without an address) all of the account's and the delay across addresses. */
export const UnlockRequest = z.object({ address: z.string().trim().min(1).max(64).optional() });

export const orgRoutes = {
  listUnits: defineRoute({ method: 'GET', path: '/api/units', summary: '组织单元（区、镇、村、部门）', tag: 'org', query: UnitListQuery, response: z.object({ items: z.array(Unit) }) }),
  createUnit: defineRoute({ method: 'POST', path: '/api/units', summary: '新增组织单元', tag: 'org', body: UnitCreate, response: Unit }),
  updateUnit: defineRoute({ method: 'PATCH', path: '/api/units/:id', summary: '修改组织单元', tag: 'org', params: IdParams, body: UnitUpdate, response: Unit }),
  listSectors: defineRoute({ method: 'GET', path: '/api/sectors', summary: '行业领域', tag: 'org', query: z.object({ includeInactive: QueryBool.optional() }), response: z.object({ items: z.array(Sector) }) }),
  createSector: defineRoute({ method: 'POST', path: '/api/sectors', summary: '新增行业领域', tag: 'org', body: SectorCreate, response: Sector }),
  updateSector: defineRoute({ method: 'PATCH', path: '/api/sectors/:id', summary: '修改行业领域', tag: 'org', params: IdParams, body: SectorUpdate, response: Sector }),
  listUsers: defineRoute({ method: 'GET', path: '/api/users', summary: '用户列表', tag: 'org', query: UserListQuery, response: pageOf(User) }),
  createUser: defineRoute({ method: 'POST', path: '/api/users', summary: '新增用户', tag: 'org', body: UserCreate, response: User }),
  updateUser: defineRoute({ method: 'PATCH', path: '/api/users/:id', summary: '修改用户', tag: 'org', params: IdParams, body: UserUpdate, response: User }),
  resetPassword: defineRoute({ method: 'POST', path: '/api/users/:id/reset-password', summary: '重置密码（下次登录须修改）', tag: 'org', params: IdParams, body: ResetPasswordRequest, response: OkResponse }),
  unlockUser: defineRoute({ method: 'POST', path: '/api/users/:id/unlock', summary: '解除登录锁定', tag: 'org', params: IdParams, body: UnlockRequest, response: OkResponse }),
  listLoginLocks: defineRoute({ method: 'GET', path: '/api/login-locks', summary: '当前的登录锁定', tag: 'org', query: LoginLockListQuery, response: pageOf(LoginLock) }),
};
