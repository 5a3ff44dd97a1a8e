import type { z } from 'zod';
import type { SectorCreate, SectorUpdate, UnitCreate, UnitUpdate, UserCreate, UserUpdate } from '../../../contract/org.ts';
import { adminManagesSectors, adminManagesUnit, adminMayCreateUnder } from '../../../domain/access/org-admin.ts';
import { ROLE_LABELS, ROLE_UNIT_KINDS, UNIT_KIND_LABELS, type Role } from '../../../domain/access/roles.ts';
import type { LeaderPost } from '../../../domain/supervision/leadership.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit, seededAsDemo } from '../audit/index.ts';
import { assertPasswordPolicy, clearLocks, clearSecondFactor, deleteSessionsOfUser, hashPassword, resetAccountFailures } from '../auth/index.ts';
import * as repo from './org.repository.ts';
import { auditUser, presentLoginLock, presentSector, presentUnit, presentUser } from './org.presenter.ts';

const adminOf = (a: Actor) => ({ id: a.unitId, kind: a.unitKind });

/** A user outside the admin's region answers 404, like any record out of scope. */
async function findManagedUser(ctx: AppContext, actor: Actor, id: string) {
  const found = await repo.findUserInDistrict(ctx.db, actor.districtId, id, ctx.clock.now());
  if (!found) throw notFound('用户');
  const unit = await repo.findUnitInDistrict(ctx.db, actor.districtId, found.user.unitId);
  if (!unit || !adminManagesUnit(adminOf(actor), unit.unit)) throw notFound('用户');
  return found;
}

function assertManagesSectors(actor: Actor) {
  if (!adminManagesSectors(adminOf(actor))) throw new AppError('FORBIDDEN', '行业领域为全区统一配置，请联系区级管理员');
}

async function audited<T>(ctx: AppContext, actor: Actor, fn: (tx: Tx, audit: (e: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown }) => Promise<void>) => Promise<T>): Promise<T> {
  const at = ctx.clock.now();
  return ctx.db.transaction((tx) =>
    fn(tx, (e) => recordAudit(tx, { at, districtId: actor.districtId, actor: actor, ...e })),
  );
}

// Which parent kinds each unit kind hangs under.
const PARENT_KINDS = { township: ['district'], village: ['township'], department: ['township', 'district'] } as const;

async function assertSectors(ctx: AppContext, districtId: string, ids: string[]) {
  const found = await repo.findSectorsByIds(ctx.db, districtId, ids);
  if (found.length !== new Set(ids).size) throw invalid({ sectorIds: ['行业领域不存在'] });
}

function uniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

export async function listUnits(ctx: AppContext, actor: Actor, q: { kind?: string | undefined; parentId?: string | undefined; includeInactive?: boolean | undefined }) {
  const rows = await repo.listUnits(ctx.db, { districtId: actor.districtId, ...q });
  return { items: rows.map((r) => presentUnit(r.unit, r.parentName)) };
}

export async function createUnit(ctx: AppContext, actor: Actor, input: z.output<typeof UnitCreate>) {
  const parent = await repo.findUnitInDistrict(ctx.db, actor.districtId, input.parentId);
  if (!parent) throw invalid({ parentId: ['上级单位不存在'] });
  if (!adminMayCreateUnder(adminOf(actor), parent.unit)) throw invalid({ parentId: ['上级单位不在您的管理范围内'] });
  if (!(PARENT_KINDS[input.kind] as readonly string[]).includes(parent.unit.kind)) {
    throw invalid({ parentId: [`${UNIT_KIND_LABELS[input.kind]}不能设在${UNIT_KIND_LABELS[parent.unit.kind]}之下`] });
  }
  if (input.kind === 'department') await assertSectors(ctx, actor.districtId, input.sectorIds);
  try {
    return await audited(ctx, actor, async (tx, audit) => {
      const u = await repo.insertUnit(tx, {
        districtId: actor.districtId, kind: input.kind, name: input.name, parentId: parent.unit.id,
        sectorIds: input.kind === 'department' ? input.sectorIds : [], sortOrder: input.sortOrder,
      });
      await audit({ action: 'unit.create', entityType: 'unit', entityId: u.id, after: u });
      return presentUnit(u, parent.unit.name);
    });
  } catch (e) {
    if (uniqueViolation(e)) throw invalid({ name: ['同一上级下已有同名单位'] });
    throw e;
  }
}

export async function updateUnit(ctx: AppContext, actor: Actor, id: string, input: z.output<typeof UnitUpdate>) {
  const current = await repo.findUnitInDistrict(ctx.db, actor.districtId, id);
  if (!current || !adminManagesUnit(adminOf(actor), current.unit)) throw notFound('单位');
  if (input.sectorIds) {
    if (current.unit.kind !== 'department') throw invalid({ sectorIds: ['只有部门可设置监管行业领域'] });
    await assertSectors(ctx, actor.districtId, input.sectorIds);
  }
  if (input.active === false && current.unit.kind === 'district') throw invalid({ active: ['不能停用区/县'] });
  if (input.code !== undefined && current.unit.kind !== 'district') throw invalid({ code: ['只有区/县设置隐患编号前缀'] });
  try {
    return await audited(ctx, actor, async (tx, audit) => {
      const { version, ...set } = input;
      const u = await repo.updateUnit(tx, id, version, { ...set, updatedAt: ctx.clock.now() });
      if (!u) throw conflict();
      await audit({ action: 'unit.update', entityType: 'unit', entityId: id, before: current.unit, after: u });
      return presentUnit(u, current.parentName);
    });
  } catch (e) {
    if (uniqueViolation(e)) throw invalid({ name: ['同一上级下已有同名单位'] });
    throw e;
  }
}

export async function listSectors(ctx: AppContext, actor: Actor, includeInactive: boolean) {
  return { items: (await repo.listSectors(ctx.db, actor.districtId, includeInactive)).map(presentSector) };
}

export async function createSector(ctx: AppContext, actor: Actor, input: z.output<typeof SectorCreate>) {
  assertManagesSectors(actor);
  if (await repo.findSectorByName(ctx.db, actor.districtId, input.name)) throw invalid({ name: ['已有同名行业领域'] });
  return audited(ctx, actor, async (tx, audit) => {
    const s = await repo.insertSector(tx, { districtId: actor.districtId, name: input.name, sortOrder: input.sortOrder });
    await audit({ action: 'sector.create', entityType: 'sector', entityId: s.id, after: s });
    return presentSector(s);
  });
}

export async function updateSector(ctx: AppContext, actor: Actor, id: string, input: z.output<typeof SectorUpdate>) {
  assertManagesSectors(actor);
  const current = await repo.findSector(ctx.db, actor.districtId, id);
  if (!current) throw notFound('行业领域');
  if (input.name && input.name !== current.name && (await repo.findSectorByName(ctx.db, actor.districtId, input.name))) {
    throw invalid({ name: ['已有同名行业领域'] });
  }
  return audited(ctx, actor, async (tx, audit) => {
    const { version, ...set } = input;
    const s = await repo.updateSector(tx, id, actor.districtId, version, { ...set, updatedAt: ctx.clock.now() });
    if (!s) throw conflict();
    await audit({ action: 'sector.update', entityType: 'sector', entityId: id, before: current, after: s });
    return presentSector(s);
  });
}

export async function listUsers(ctx: AppContext, actor: Actor, q: { q?: string | undefined; role?: string | undefined; unitId?: string | undefined; page: number; pageSize: number }) {
  const townshipId = actor.unitKind === 'township' ? actor.unitId : undefined;
  const { items, total } = await repo.listUsers(ctx.db, { districtId: actor.districtId, townshipId, ...q, now: ctx.clock.now() }, q.page, q.pageSize);
  return { items: items.map(presentUser), total, page: q.page, pageSize: q.pageSize };
}

/** A user's unit must suit the role; an enterprise user is bound to one live enterprise in that village. */
async function assertRoleUnit(ctx: AppContext, actor: Actor, role: keyof typeof ROLE_UNIT_KINDS, unitId: string, enterpriseId: string | null | undefined) {
  const unit = await repo.findUnitInDistrict(ctx.db, actor.districtId, unitId);
  if (!unit) throw invalid({ unitId: ['所属单位不存在'] });
  if (!adminManagesUnit(adminOf(actor), unit.unit)) throw invalid({ unitId: ['所属单位不在您的管理范围内'] });
  if (!ROLE_UNIT_KINDS[role].includes(unit.unit.kind)) {
    const kinds = ROLE_UNIT_KINDS[role].map((k) => UNIT_KIND_LABELS[k]).join('或');
    throw invalid({ unitId: [`${ROLE_LABELS[role]}的所属单位应为${kinds}`] });
  }
  if (role === 'enterprise') {
    if (!enterpriseId) throw invalid({ enterpriseId: ['请选择绑定的生产经营单位'] });
    const ent = await repo.findEnterpriseBrief(ctx.db, actor.districtId, enterpriseId);
    if (!ent || ent.voidedAt) throw invalid({ enterpriseId: ['生产经营单位不存在'] });
    if (ent.villageId !== unitId) throw invalid({ unitId: ['所属单位应为该生产经营单位所在村/社区'] });
  } else if (enterpriseId) {
    throw invalid({ enterpriseId: ['只有生产经营单位账号可绑定单位'] });
  }
}

const CERTIFICATE_TAKEN = '该行政执法证号已由本区其他在用账号使用';

async function assertCertificateFree(ctx: AppContext, actor: Actor, certificateNo: string | null, userId: string | null) {
  if (certificateNo && (await repo.certificateTaken(ctx.db, actor.districtId, certificateNo, userId))) {
    throw invalid({ enforcementCertificateNo: [CERTIFICATE_TAKEN] });
  }
}

/** 领导职务 belongs to the government's people: an enterprise or a village account holds none. */
function leaderPostFor(role: Role, post: LeaderPost | null | undefined): LeaderPost | null {
  if (!post) return null;
  if (role === 'enterprise' || role === 'village') throw invalid({ leaderPost: ['生产经营单位和村（社区）账号不设领导职务'] });
  return post;
}

export async function createUser(ctx: AppContext, actor: Actor, input: z.output<typeof UserCreate>) {
  await assertRoleUnit(ctx, actor, input.role, input.unitId, input.enterpriseId);
  await assertCertificateFree(ctx, actor, input.enforcementCertificateNo, null);
  assertPasswordPolicy(input.password, { username: input.username, displayName: input.displayName, demoAccount: false }, 'password');
  if (await repo.usernameTaken(ctx.db, input.username)) throw invalid({ username: ['用户名已被使用'] });
  const passwordHash = await hashPassword(input.password);
  const id = await audited(ctx, actor, async (tx, audit) => {
    const id = await repo.insertUser(tx, {
      districtId: actor.districtId, username: input.username, displayName: input.displayName, phone: input.phone ?? null,
      enforcementCertificateNo: input.enforcementCertificateNo, leaderPost: leaderPostFor(input.role, input.leaderPost), role: input.role, unitId: input.unitId,
      enterpriseId: input.role === 'enterprise' ? input.enterpriseId! : null,
      passwordHash, mustChangePassword: true, // an admin-set password is temporary
    });
    await audit({ action: 'user.create', entityType: 'user', entityId: id, after: { username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId, enterpriseId: input.enterpriseId ?? null, enforcementCertificateNo: input.enforcementCertificateNo, leaderPost: input.leaderPost } });
    return id;
  });
  return presentUser((await repo.findUserInDistrict(ctx.db, actor.districtId, id, ctx.clock.now()))!);
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: z.output<typeof UserUpdate>) {
  const current = await findManagedUser(ctx, actor, id);
  const role = input.role ?? current.user.role;
  const unitId = input.unitId ?? current.user.unitId;
  const enterpriseId = input.enterpriseId !== undefined ? input.enterpriseId : role === 'enterprise' ? current.user.enterpriseId : null;
  if (input.role || input.unitId || input.enterpriseId !== undefined) await assertRoleUnit(ctx, actor, role, unitId, enterpriseId);
  if (id === actor.userId && (input.active === false || (input.role && input.role !== 'admin'))) {
    throw new AppError('FORBIDDEN', '不能停用自己的账号或取消自己的管理员角色');
  }
  // A number stays unique among active users: check a new number, and an old one on reactivation.
  const certificateNo = input.enforcementCertificateNo !== undefined ? input.enforcementCertificateNo : current.user.enforcementCertificateNo;
  const willBeActive = input.active ?? current.user.active;
  if (willBeActive && (input.enforcementCertificateNo !== undefined || (input.active === true && !current.user.active))) {
    await assertCertificateFree(ctx, actor, certificateNo, id);
  }
  await audited(ctx, actor, async (tx, audit) => {
    const { version, ...rest } = input;
    const leaderPost = leaderPostFor(role, input.leaderPost !== undefined ? input.leaderPost : current.user.leaderPost);
    const set = { ...rest, leaderPost, enterpriseId: role === 'enterprise' ? enterpriseId : null, updatedAt: ctx.clock.now() };
    if (!(await repo.updateUser(tx, id, version, set))) throw conflict();
    if (input.active === false || input.role || input.unitId) await deleteSessionsOfUser(tx, id);
    await audit({ action: 'user.update', entityType: 'user', entityId: id, before: auditUser(current.user), after: set });
  });
  return presentUser((await repo.findUserInDistrict(ctx.db, actor.districtId, id, ctx.clock.now()))!);
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string, newPassword: string) {
  const { user } = await findManagedUser(ctx, actor, id);
  const demoAccount = await seededAsDemo(ctx.db, 'user', id);
  assertPasswordPolicy(newPassword, { username: user.username, displayName: user.displayName, demoAccount });
  const passwordHash = await hashPassword(newPassword);
  await audited(ctx, actor, async (tx, audit) => {
    await repo.updateUser(tx, id, null, { passwordHash, mustChangePassword: true, updatedAt: ctx.clock.now() });
    await resetAccountFailures(tx, id); // a fresh password starts with a clean slate everywhere
    await deleteSessionsOfUser(tx, id);
    await audit({ action: 'user.reset_password', entityType: 'user', entityId: id, after: { mustChangePassword: true } });
  });
}

/**
 * Turns a user's second factor off (a lost phone and lost recovery codes): the user signs in with the
 * password alone (or enrolls again where the district requires it); the user's sessions end.
 */
export async function resetTotp(ctx: AppContext, actor: Actor, id: string, ip: string | null) {
  await findManagedUser(ctx, actor, id);
  await audited(ctx, actor, async (tx, audit) => {
    await clearSecondFactor(tx, id);
    await deleteSessionsOfUser(tx, id);
    await audit({ action: 'user.reset_totp', entityType: 'user', entityId: id, after: { ip } }); // the admin's address
  });
}

/** The sign-in locks current now, of the users the admin manages. */
export async function listLoginLocks(ctx: AppContext, actor: Actor, q: { q?: string | undefined; page: number; pageSize: number }) {
  const townshipId = actor.unitKind === 'township' ? actor.unitId : undefined;
  const { rows, total } = await repo.loginLockList.page(ctx.db, { districtId: actor.districtId, townshipId, now: ctx.clock.now(), q: q.q }, q);
  return { items: rows.map(presentLoginLock), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Lifts a sign-in lock: the one at `address`, or (without) every lock of the account together
 * with the delay across addresses. Audited with what was lifted.
 */
export async function unlockUser(ctx: AppContext, actor: Actor, id: string, address?: string) {
  const current = await findManagedUser(ctx, actor, id);
  const now = ctx.clock.now();
  await audited(ctx, actor, async (tx, audit) => {
    const lifted = await clearLocks(tx, id, now, address);
    if (address !== undefined && lifted.length === 0) throw notFound('该地址的登录锁定');
    if (address === undefined) await resetAccountFailures(tx, id);
    await audit({
      action: 'user.unlock', entityType: 'user', entityId: id,
      before: { locks: lifted, failuresSinceLastLogin: current.user.failedLoginCount },
      after: { address: address ?? null },
    });
  });
}
