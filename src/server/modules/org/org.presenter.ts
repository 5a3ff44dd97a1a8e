import type { TLoginLock, TSector, TUnit, TUser } from '../../../contract/org.ts';
import type { orgUnits, sectors, users } from '../../db/schema/index.ts';
import type { LoginLockRow } from './org.repository.ts';

export function presentUnit(u: typeof orgUnits.$inferSelect, parentName: string | null): TUnit {
  return {
    id: u.id, districtId: u.districtId, kind: u.kind, name: u.name, code: u.code, parentId: u.parentId, parentName,
    sectorIds: u.sectorIds, sortOrder: u.sortOrder, active: u.active, version: u.version,
  };
}

export function presentSector(s: typeof sectors.$inferSelect): TSector {
  return { id: s.id, name: s.name, sortOrder: s.sortOrder, active: s.active, version: s.version };
}

export function presentUser(r: { user: typeof users.$inferSelect; unitName: string; enterpriseName: string | null; lockedAddresses: number }): TUser {
  const u = r.user;
  return {
    id: u.id, username: u.username, displayName: u.displayName, phone: u.phone, enforcementCertificateNo: u.enforcementCertificateNo, leaderPost: u.leaderPost, role: u.role, unitId: u.unitId,
    unitName: r.unitName, enterpriseId: u.enterpriseId, enterpriseName: r.enterpriseName, active: u.active,
    lockedAddresses: Number(r.lockedAddresses), mustChangePassword: u.mustChangePassword, totpEnabled: u.totpEnabledAt !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null, version: u.version,
  };
}

export function presentLoginLock(r: LoginLockRow): TLoginLock {
  return {
    id: r.s.id, userId: r.s.userId, username: r.username, displayName: r.displayName, unitName: r.unitName, address: r.s.address,
    failures: r.s.failures, lockedUntil: r.s.lockedUntil!.toISOString(), lastFailureAt: r.s.lastFailureAt?.toISOString() ?? null,
    accountFailures: r.accountFailures,
  };
}

/** What the audit trail keeps of a user: never the password hash. */
export function auditUser(u: typeof users.$inferSelect) {
  const { passwordHash: _omit, totpSecret: _secret, totpPendingSecret: _pending, ...rest } = u;
  return rest;
}
