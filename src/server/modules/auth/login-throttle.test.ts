// Wrong passwords lock an account at the address they come from, and slow the account down
// everywhere else; a stranger's guesses do not lock the real user out (issue 9).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginSources, users } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type UnitRow, buildDistrict, buildTownship, buildUser } from '../../test/factories.ts';
import { attemptLogin, errorOf, loginAs } from '../../test/http.ts';

let t: TestApp;
let township: UnitRow;
beforeAll(async () => {
  t = await createTestApp();
  township = await buildTownship(t.db, { district: await buildDistrict(t.db) });
});
afterAll(() => t?.close());

const newUser = () => buildUser(t.db, { role: 'office', unit: township });
const WRONG = 'Wrong@2024pw';
const HOME = '10.1.1.1';
const ATTACKER = '10.66.6.6';
const fail = (username: string, ip: string) => attemptLogin(t.app, username, WRONG, ip);

describe('a lock per account and address', () => {
  it('locks the account at the address the 5 wrong passwords came from, for 30 minutes', async () => {
    const u = await newUser();
    for (let i = 1; i <= 4; i++) expect((await fail(u.username, HOME)).statusCode, `attempt ${i}`).toBe(401);
    const fifth = await fail(u.username, HOME);
    expect(fifth.statusCode).toBe(423);
    expect(errorOf(fifth)).toEqual({
      code: 'ACCOUNT_LOCKED', message: '连续5次密码错误，该账号在您当前的网络地址已锁定30分钟，请30分钟后再试或联系管理员解锁',
    });
    const right = await attemptLogin(t.app, u.username, u.password, HOME);
    expect(right.statusCode).toBe(423);
    expect(errorOf(right).message).toContain('请30分钟后再试');
    t.clock.advance({ minutes: 29 });
    expect(errorOf(await attemptLogin(t.app, u.username, u.password, HOME)).message).toContain('请1分钟后再试');
    t.clock.advance({ minutes: 2 });
    expect((await attemptLogin(t.app, u.username, u.password, HOME)).statusCode).toBe(200);
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.failedLoginCount).toBe(0);
  });

  it('does not lock the real user out of their own address: five wrong passwords from elsewhere lock only elsewhere', async () => {
    const u = await newUser();
    await loginAs(t.app, u.username, u.password); // an earlier sign-in from their own address
    await attemptLogin(t.app, u.username, u.password, HOME);
    for (let i = 0; i < 5; i++) await fail(u.username, ATTACKER);
    expect((await attemptLogin(t.app, u.username, u.password, ATTACKER)).statusCode).toBe(423);
    expect((await attemptLogin(t.app, u.username, u.password, HOME)).statusCode).toBe(200);
  });

  it('starts a fresh count at the address once its lock has run out', async () => {
    const u = await newUser();
    for (let i = 0; i < 5; i++) await fail(u.username, HOME);
    t.clock.advance({ minutes: 31 });
    expect((await fail(u.username, HOME)).statusCode).toBe(401); // the first of a new count, not the sixth
    t.clock.advance({ seconds: 2 }); // the account's delay after its 6th failure
    expect((await attemptLogin(t.app, u.username, u.password, HOME)).statusCode).toBe(200);
  });

  it('resets the address’s count on a successful sign-in', async () => {
    const u = await newUser();
    for (let i = 0; i < 4; i++) await fail(u.username, HOME);
    expect((await attemptLogin(t.app, u.username, u.password, HOME)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await fail(u.username, HOME)).statusCode).toBe(401);
    expect((await attemptLogin(t.app, u.username, u.password, HOME)).statusCode).toBe(200);
  });

  it('counts per account: locking one user leaves another alone', async () => {
    const a = await newUser();
    const b = await newUser();
    for (let i = 0; i < 5; i++) await fail(a.username, HOME);
    expect((await attemptLogin(t.app, a.username, a.password, HOME)).statusCode).toBe(423);
    expect((await attemptLogin(t.app, b.username, b.password, HOME)).statusCode).toBe(200);
  });

  it('records the failures and the lock, with the address, in the audit trail', async () => {
    const u = await newUser();
    for (let i = 0; i < 5; i++) await fail(u.username, ATTACKER);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, u.id)).orderBy(auditLog.seq);
    expect(rows.map((r) => r.action)).toEqual([...Array(4).fill('auth.login_failed'), 'auth.locked']);
    expect(rows[4]!.after).toMatchObject({ failures: 5, ip: ATTACKER });
  });
});

describe('a growing delay for the account across addresses', () => {
  it('lets a flood from many addresses make a few guesses, then one per delay, the delay doubling', async () => {
    const u = await newUser();
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await fail(u.username, `10.66.0.${i}`)).statusCode);
    expect(codes).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]); // no address failed 5 times: none is locked
    const delayed = await fail(u.username, '10.66.1.1');
    expect(errorOf(delayed)).toEqual({ code: 'RATE_LIMITED', message: '该账号近期登录失败次数较多，为防止密码被猜测，请1秒后再试' });

    const waits: string[] = [];
    for (let round = 0; round < 3; round++) {
      t.clock.advance({ seconds: 2 ** round }); // the delay after 5, 6, 7 failures: 1, 2, 4 s
      expect((await fail(u.username, `10.66.2.${round}`)).statusCode).toBe(401);
      waits.push(errorOf(await fail(u.username, `10.66.3.${round}`)).message.match(/请(\d+秒)后再试/)![1]!);
    }
    expect(waits).toEqual(['2秒', '4秒', '8秒']);
    // the refused tries were never checked: 8 failures counted, not 36
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.failedLoginCount).toBe(8);
  });

  it('slows the real user on a new address by at most 5 minutes, and not at all on their own address', async () => {
    const u = await newUser();
    expect((await attemptLogin(t.app, u.username, u.password, HOME)).statusCode).toBe(200);
    for (let i = 0; i < 40; i++) {
      expect((await fail(u.username, `10.67.0.${i}`)).statusCode).toBe(401);
      t.clock.advance({ minutes: 5 }); // the longest delay
    }
    // right after one more guess the account waits its longest delay…
    await fail(u.username, '10.67.1.1');
    const elsewhere = await attemptLogin(t.app, u.username, u.password, '10.68.0.1');
    expect(elsewhere.statusCode).toBe(429);
    expect(errorOf(elsewhere).message).toContain('请5分钟后再试');
    // …but the user's own address signs in at once, and hears about the flood
    const home = await attemptLogin(t.app, u.username, u.password, HOME);
    expect(home.statusCode).toBe(200);
    expect(home.json().failedAttempts).toEqual({ count: 41, lastAt: t.clock.now().toISOString(), lastAddress: '10.67.1.1' });
    // and a sign-in ends the delay for the new address too
    expect((await attemptLogin(t.app, u.username, u.password, '10.68.0.1')).statusCode).toBe(200);
  });
});

describe('telling the real user', () => {
  it('reports the failures since the last sign-in, the last one’s time and address, once', async () => {
    const u = await newUser();
    await fail(u.username, '10.7.7.1');
    t.clock.advance({ minutes: 3 });
    await fail(u.username, '10.7.7.2');
    const lastAt = t.clock.now().toISOString();
    t.clock.advance({ minutes: 1 });
    const first = await attemptLogin(t.app, u.username, u.password, HOME);
    expect(first.statusCode).toBe(200);
    expect(first.json().failedAttempts).toEqual({ count: 2, lastAt, lastAddress: '10.7.7.2' });
    const rows = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'auth.login')));
    expect(rows.at(-1)!.after).toMatchObject({ failuresSinceLastLogin: 2 });
    const again = await attemptLogin(t.app, u.username, u.password, HOME);
    expect(again.json().failedAttempts).toBeNull();
  });
});

describe('what is kept', () => {
  it('forgets an address that only failed, a day after its last failure', async () => {
    const u = await newUser();
    await fail(u.username, '10.8.8.1');
    t.clock.advance({ hours: 25 });
    await fail(u.username, '10.8.8.2');
    const kept = await t.db.select({ address: loginSources.address }).from(loginSources).where(eq(loginSources.userId, u.id));
    expect(kept.map((r) => r.address)).toEqual(['10.8.8.2']);
  });
});
