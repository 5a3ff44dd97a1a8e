// Admins see the sign-in locks current now, of the users they manage, and lift them (audited).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, type UnitRow, buildDistrict, buildTownship, buildUser, buildVillage } from '../../test/factories.ts';
import { type Session, attemptLogin, errorOf, loginAs } from '../../test/http.ts';

let t: TestApp;
let district: UnitRow;
let township: UnitRow;
let otherTownship: UnitRow;
let adminUser: BuiltUser;
let townshipAdminUser: BuiltUser;
let admin: Session;
let townshipAdmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  township = await buildTownship(t.db, { district });
  otherTownship = await buildTownship(t.db, { district });
  adminUser = await buildUser(t.db, { role: 'admin', unit: district });
  townshipAdminUser = await buildUser(t.db, { role: 'admin', unit: township });
  await signInAdmins();
});
afterAll(() => t?.close());

/** Fresh admin sessions (a test that moves the clock past the idle timeout ends the old ones). */
async function signInAdmins() {
  admin = await loginAs(t.app, adminUser.username, adminUser.password);
  townshipAdmin = await loginAs(t.app, townshipAdminUser.username, townshipAdminUser.password);
}

/**
 * The account is locked at each of `ips`: signed in from each first (so the delay across
 * addresses holds none of the wrong passwords back), then five wrong passwords from each.
 */
async function lockAt(u: BuiltUser, ...ips: string[]) {
  for (const ip of ips) expect((await attemptLogin(t.app, u.username, u.password, ip)).statusCode).toBe(200);
  for (const ip of ips) {
    for (let i = 0; i < 5; i++) await attemptLogin(t.app, u.username, 'Wrong@2024pw', ip);
    expect((await attemptLogin(t.app, u.username, u.password, ip)).statusCode).toBe(423);
  }
}
type Lock = { userId: string; username: string; displayName: string; unitName: string; address: string; failures: number; lockedUntil: string; accountFailures: number };
const locksOf = async (s: Session, q = '') => (await s.get(`/api/login-locks?pageSize=100${q}`)).json() as { items: Lock[]; total: number };

describe('the list of current locks', () => {
  it('shows who is locked at which address, until when, for the admin', async () => {
    const village = await buildVillage(t.db, { township, name: '锁定测试村' });
    const u = await buildUser(t.db, { role: 'village', unit: village, displayName: '被锁的人' });
    await lockAt(u, '10.20.0.1');
    const lockedAt = t.clock.now();
    const { items } = await locksOf(admin, `&q=${u.username}`);
    expect(items).toEqual([{
      id: expect.any(String), userId: u.id, username: u.username, displayName: '被锁的人', unitName: '锁定测试村', address: '10.20.0.1',
      failures: 5, lockedUntil: new Date(lockedAt.getTime() + 30 * 60_000).toISOString(), lastFailureAt: lockedAt.toISOString(), accountFailures: 5,
    }]);
    // searchable by address and by name
    expect((await locksOf(admin, '&q=10.20.0.1')).items.map((l) => l.userId)).toEqual([u.id]);
    expect((await locksOf(admin, `&q=${encodeURIComponent('被锁的人')}`)).items.map((l) => l.userId)).toEqual([u.id]);
  });

  it('drops a lock once it has run out', async () => {
    const u = await buildUser(t.db, { role: 'office', unit: township });
    await lockAt(u, '10.21.0.1');
    expect((await locksOf(admin, `&q=${u.username}`)).total).toBe(1);
    t.clock.advance({ minutes: 31 });
    await signInAdmins();
    expect((await locksOf(admin, `&q=${u.username}`)).total).toBe(0);
  });

  it('shows a township admin only its own users’ locks', async () => {
    const mine = await buildUser(t.db, { role: 'office', unit: township });
    const theirs = await buildUser(t.db, { role: 'office', unit: otherTownship });
    await lockAt(mine, '10.22.0.1');
    await lockAt(theirs, '10.22.0.2');
    const ids = (await locksOf(townshipAdmin)).items.map((l) => l.userId);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect((await townshipAdmin.request('POST', `/api/users/${theirs.id}/unlock`, { address: '10.22.0.2' })).statusCode).toBe(404);
  });

  it('is for admins only', async () => {
    const office = await buildUser(t.db, { role: 'office', unit: township });
    const s = await loginAs(t.app, office.username, office.password);
    expect((await s.get('/api/login-locks')).statusCode).toBe(403);
    expect((await s.request('POST', `/api/users/${office.id}/unlock`, {})).statusCode).toBe(403);
  });
});

describe('lifting a lock', () => {
  it('lifts the lock at one address, leaving the others, and audits what it lifted', async () => {
    const u = await buildUser(t.db, { role: 'office', unit: township });
    await lockAt(u, '10.30.0.1', '10.30.0.2');
    const res = await admin.request('POST', `/api/users/${u.id}/unlock`, { address: '10.30.0.1' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await locksOf(admin, `&q=${u.username}`)).items.map((l) => l.address)).toEqual(['10.30.0.2']);
    expect((await attemptLogin(t.app, u.username, u.password, '10.30.0.2')).statusCode).toBe(423);
    expect((await attemptLogin(t.app, u.username, u.password, '10.30.0.1')).statusCode).toBe(200);

    const [row] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.unlock')));
    expect(row).toMatchObject({ actorName: admin.me.displayName, after: { address: '10.30.0.1' } });
    expect((row!.before as { locks: { address: string; failures: number }[] }).locks).toMatchObject([{ address: '10.30.0.1', failures: 5 }]);
  });

  it('lifts every lock of the account and its delay across addresses at once', async () => {
    const u = await buildUser(t.db, { role: 'office', unit: township });
    await lockAt(u, '10.31.0.1', '10.31.0.2', '10.31.0.3');
    expect((await admin.get(`/api/users?q=${u.username}`)).json().items[0].lockedAddresses).toBe(3);
    expect((await attemptLogin(t.app, u.username, u.password, '10.31.9.9')).statusCode).toBe(429); // the delay across addresses (15 failures)
    const res = await admin.request('POST', `/api/users/${u.id}/unlock`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect((await locksOf(admin, `&q=${u.username}`)).total).toBe(0);
    // no wait on a new address either
    expect((await attemptLogin(t.app, u.username, u.password, '10.31.9.9')).statusCode).toBe(200);
  });

  it('answers 404 for an address with no current lock', async () => {
    const u = await buildUser(t.db, { role: 'office', unit: township });
    const res = await admin.request('POST', `/api/users/${u.id}/unlock`, { address: '10.32.0.1' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).message).toBe('该地址的登录锁定不存在或无权查看');
  });

  it('an admin reset lifts the locks with the password', async () => {
    const u = await buildUser(t.db, { role: 'office', unit: township });
    await lockAt(u, '10.33.0.1');
    expect((await admin.request('POST', `/api/users/${u.id}/reset-password`, { newPassword: 'Reset@2024x' })).statusCode).toBe(200);
    expect((await attemptLogin(t.app, u.username, 'Reset@2024x', '10.33.0.1')).statusCode).toBe(200);
  });
});
