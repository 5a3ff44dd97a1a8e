// The admin:create and audit:verify commands, against a real database.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, orgUnits, users } from '../../server/db/schema/index.ts';
import { verifyPassword } from '../../server/modules/auth/password.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test/db.ts';
import { AdminCreateError, createAdmin, listRegionUnits } from '../admin-create.ts';
import { auditVerify } from '../audit-verify.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.close();
});

const now = new Date('2024-11-20T02:00:00Z');

describe('admin:create', () => {
  it('creates the district and its administrator on an empty database, with audit rows', async () => {
    const db = database.db;
    const r = await createAdmin(db, { username: 'root', displayName: '系统管理员', password: 'Secret#2024x', unit: { newDistrictName: '江北区' }, now });
    const [district] = await db.select().from(orgUnits).where(eq(orgUnits.id, r.unitId));
    expect(district).toMatchObject({ kind: 'district', name: '江北区', districtId: r.unitId });
    const [user] = await db.select().from(users).where(eq(users.id, r.userId));
    expect(user).toMatchObject({ username: 'root', role: 'admin', unitId: r.unitId, districtId: r.unitId, mustChangePassword: false });
    expect(await verifyPassword(user!.passwordHash, 'Secret#2024x')).toBe(true);
    const audit = await db.select().from(auditLog).orderBy(auditLog.seq);
    expect(audit.map((a) => a.action)).toEqual(['unit.create', 'user.create']);
    expect(JSON.stringify(audit)).not.toContain('Secret#2024x');
    expect(JSON.stringify(audit)).not.toContain(user!.passwordHash);
    expect((await auditVerify(db)).exitCode).toBe(0);
  });

  it('adds an administrator to an existing township', async () => {
    const db = database.db;
    const first = await createAdmin(db, { username: 'root', displayName: 'A', password: 'Secret#2024x', unit: { newDistrictName: '渝北区' }, now });
    const townshipId = crypto.randomUUID();
    await db.insert(orgUnits).values({ id: townshipId, districtId: first.districtId, kind: 'township', name: '大盛镇', parentId: first.unitId });
    expect((await listRegionUnits(db)).map((u) => u.name)).toEqual(['渝北区', '大盛镇']);
    const second = await createAdmin(db, { username: 'ops', displayName: 'B', password: 'Secret#2024x', unit: { unitId: townshipId }, now });
    expect(second).toMatchObject({ unitId: townshipId, districtId: first.districtId });
  });

  it('refuses a weak password, a bad or taken username and a unit that is not a region', async () => {
    const db = database.db;
    const base = { displayName: 'A', password: 'Secret#2024x', unit: { newDistrictName: '渝北区' }, now };
    await expect(createAdmin(db, { ...base, username: 'root', password: 'password' })).rejects.toThrow(AdminCreateError);
    await expect(createAdmin(db, { ...base, username: 'a b' })).rejects.toThrow(AdminCreateError);
    const r = await createAdmin(db, { ...base, username: 'root' });
    await expect(createAdmin(db, { ...base, username: 'ROOT', unit: { unitId: r.unitId } })).rejects.toThrow(/username taken/);
    const villageId = crypto.randomUUID();
    await db.insert(orgUnits).values({ id: villageId, districtId: r.districtId, kind: 'village', name: '明月村', parentId: r.unitId });
    await expect(createAdmin(db, { ...base, username: 'other', unit: { unitId: villageId } })).rejects.toThrow(AdminCreateError);
    expect(await db.select().from(users)).toHaveLength(1);
  });

  it.each([
    ['the username', { username: 'Ops.Admin24', password: 'ops.admin24' }, /密码不能与用户名相同.*must not be the username/],
    ['the display name', { username: 'ops', displayName: 'Li Ming 2024', password: 'LiMing2024' }, /密码不能与姓名相同.*must not be the display name/],
    ['the demo password', { username: 'ops', password: 'Anzhi@2024' }, /不能使用演示账号的公开密码.*demo password/],
  ])('refuses %s as the password', async (_n, o, message) => {
    const db = database.db;
    const input = { displayName: '系统管理员', unit: { newDistrictName: '渝北区' }, now, ...o };
    await expect(createAdmin(db, input)).rejects.toThrow(message);
    expect(await db.select().from(users)).toHaveLength(0);
  });
});

describe('audit:verify', () => {
  it('reports an intact chain, then names the first row someone altered', async () => {
    const db = database.db;
    await createAdmin(db, { username: 'root', displayName: 'A', password: 'Secret#2024x', unit: { newDistrictName: '渝北区' }, now });
    await createAdmin(db, { username: 'ops', displayName: 'B', password: 'Secret#2024x', unit: { newDistrictName: '江北区' }, now });
    const intact = await auditVerify(db);
    expect(intact.exitCode).toBe(0);
    expect(intact.message).toMatch(/^审计链完整 \/ audit chain intact: 4 rows\n {2}最后一行 \/ last row: seq 4, hash [0-9a-f]{64}/);

    // An attacker with database access bypasses the append-only trigger and edits row 2.
    await database.sql('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await database.sql(`UPDATE audit_log SET after = '{"username":"mallory"}' WHERE seq = 2`);
    const verdict = await auditVerify(db);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.message).toMatch(/^审计链在第 2 行断开 \(seq 2, hash_mismatch\) \/ chain broken at seq 2/);
  });
});
