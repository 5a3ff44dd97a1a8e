// A user's own sessions (list, end one, end the others), the password change and an admin's reset
// ending sessions, and password expiry enforced by the server.
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema/index.ts';
import { buildUser } from '../../test/factories.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { district, newUser, t, useTownshipApp } from '../../test/township-app.ts';
import { type Session, errorOf, loginAs, sessionCookieOf, sessionFrom } from '../../test/http.ts';

useTownshipApp();

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

async function loginFrom(app: TestApp['app'], u: { username: string; password: string }, ip: string, ua: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: u.password }, remoteAddress: ip, headers: { 'user-agent': ua } });
  expect(res.statusCode, res.body).toBe(200);
  return sessionFrom(app, sessionCookieOf(res)!, res.json().csrfToken, res.json().user);
}

describe('my sessions', () => {
  it('lists each with when, where from and on what, marking this one', async () => {
    const u = await newUser();
    const here = await loginFrom(t.app, u, '10.1.0.1', CHROME);
    await loginFrom(t.app, u, '10.1.0.2', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1');
    const res = await here.get('/api/auth/sessions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; ip: string; device: string; current: boolean; createdAt: string }[];
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.current)).toMatchObject({ ip: '10.1.0.1', device: 'Chrome 120 · Windows' });
    expect(items.find((i) => !i.current)).toMatchObject({ ip: '10.1.0.2', device: 'Safari 17 · iOS' });
    expect(items[0]!.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('ends another session: it is signed out, this one goes on, audited', async () => {
    const u = await newUser();
    const here = await loginFrom(t.app, u, '10.1.1.1', CHROME);
    const there = await loginFrom(t.app, u, '10.1.1.2', CHROME);
    const other = ((await here.get('/api/auth/sessions')).json().items as { id: string; current: boolean }[]).find((i) => !i.current)!;
    expect((await here.request('POST', `/api/auth/sessions/${other.id}/end`)).statusCode).toBe(200);
    expect((await there.get('/api/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(rows.find((r) => r.action === 'auth.session_ended')!.after).toMatchObject({ ip: '10.1.1.2', current: false });
  });

  it('does not end someone else’s session by its handle', async () => {
    const a = await loginAs(t.app, ...creds(await newUser()));
    const b = await loginAs(t.app, ...creds(await newUser()));
    const bs = (await b.get('/api/auth/sessions')).json().items[0].id;
    expect((await a.request('POST', `/api/auth/sessions/${bs}/end`)).statusCode).toBe(404);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('ends all the others at once', async () => {
    const u = await newUser();
    const here = await loginAs(t.app, u.username, u.password);
    const others = [await loginAs(t.app, u.username, u.password), await loginAs(t.app, u.username, u.password)];
    const res = await here.request('POST', '/api/auth/sessions/end-others');
    expect(res.json()).toEqual({ ended: 2 });
    for (const o of others) expect((await o.get('/api/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/auth/sessions')).json().items).toHaveLength(1);
  });

  it('ending this one signs out', async () => {
    const u = await newUser();
    const here = await loginAs(t.app, u.username, u.password);
    const mine = (await here.get('/api/auth/sessions')).json().items[0].id;
    expect((await here.request('POST', `/api/auth/sessions/${mine}/end`)).statusCode).toBe(200);
    expect((await here.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('passwords and sessions', () => {
  it('changing the password ends every other session of the user, audited with how many', async () => {
    const u = await newUser();
    const here = await loginAs(t.app, u.username, u.password);
    const elsewhere = [await loginAs(t.app, u.username, u.password), await loginAs(t.app, u.username, u.password)];
    expect((await here.request('POST', '/api/auth/password', { currentPassword: u.password, newPassword: 'Brand@New2024' })).statusCode).toBe(200);
    for (const s of elsewhere) expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    const row = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, u.id))).find((r) => r.action === 'auth.password_changed')!;
    expect(row.after).toEqual({ endedSessions: 2 });
  });

  it('an admin resetting a password ends all of that user’s sessions', async () => {
    const admin = await loginAs(t.app, ...creds(await buildUser(t.db, { role: 'admin', unit: district })));
    const u = await newUser();
    const sessions = [await loginAs(t.app, u.username, u.password), await loginAs(t.app, u.username, u.password)];
    expect((await admin.request('POST', `/api/users/${u.id}/reset-password`, { newPassword: 'Reset@2024pw' })).statusCode).toBe(200);
    for (const s of sessions) expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('password expiry (PASSWORD_MAX_AGE_DAYS)', () => {
  it('is off by default', async () => {
    const u = await newUser();
    await t.db.update(users).set({ passwordChangedAt: new Date('2000-01-01T00:00:00Z') }).where(eq(users.id, u.id));
    const s = await loginAs(t.app, u.username, u.password);
    expect(s.me).toMatchObject({ mustChangePassword: false, passwordExpired: false });
  });

  it('when on, an expired password must be changed before anything else, then all is open', async () => {
    const expiring = await createTestApp({ database: t.database, clock: t.clock, env: { PASSWORD_MAX_AGE_DAYS: '90' } });
    try {
      const u = await newUser();
      await t.db.update(users).set({ passwordChangedAt: new Date(t.clock.now().getTime() - 91 * 86_400_000) }).where(eq(users.id, u.id));
      const s = await loginAs(expiring.app, u.username, u.password);
      expect(s.me).toMatchObject({ mustChangePassword: true, passwordExpired: true });
      const refused = await s.get('/api/enterprises');
      expect(refused.statusCode).toBe(403);
      expect(errorOf(refused)).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '密码已过期，请先修改密码' });
      expect((await s.request('POST', '/api/auth/password', { currentPassword: u.password, newPassword: 'Fresh@2024pw' })).statusCode).toBe(200);
      expect((await s.get('/api/auth/me')).json().user).toMatchObject({ mustChangePassword: false, passwordExpired: false });
      expect((await s.get('/api/enterprises')).statusCode).toBe(200);
      // a password 89 days old is still good
      const v = await newUser();
      await t.db.update(users).set({ passwordChangedAt: new Date(t.clock.now().getTime() - 89 * 86_400_000) }).where(eq(users.id, v.id));
      expect((await loginAs(expiring.app, v.username, v.password)).me.passwordExpired).toBe(false);
    } finally {
      await expiring.close();
    }
  });
});

function creds(u: { username: string; password: string }): [string, string] {
  return [u.username, u.password];
}

describe('password expiry set by the district (本区安全设置)', () => {
  const daysOld = async (days: number) => {
    const u = await newUser();
    await t.db.update(users).set({ passwordChangedAt: new Date(t.clock.now().getTime() - days * 86_400_000) }).where(eq(users.id, u.id));
    return u;
  };
  const expiredAt = async (app: TestApp['app'], u: { username: string; password: string }) => (await loginAs(app, u.username, u.password)).me.passwordExpired;

  it('overrides the server default either way, is bounded, audited, and set by the district’s admin only', async () => {
    const withDefault = await createTestApp({ database: t.database, clock: t.clock, env: { PASSWORD_MAX_AGE_DAYS: '90' } });
    try {
      const a = await buildUser(t.db, { role: 'admin', unit: district });
      const admin = await loginAs(withDefault.app, a.username, a.password);
      const read = (await admin.get('/api/security/settings')).json();
      expect(read).toMatchObject({ passwordMaxAgeDays: null, defaultPasswordMaxAgeDays: 90, allowedActions: ['edit'] });
      const set = async (passwordMaxAgeDays: number | null) => {
        const version = (await admin.get('/api/security/settings')).json().version;
        return admin.request('PATCH', '/api/security/settings', { totpRequiredForStaff: false, passwordMaxAgeDays, version });
      };

      // 30 days: a password 31 days old has run out, one 29 days old has not
      expect((await set(30)).json()).toMatchObject({ passwordMaxAgeDays: 30, defaultPasswordMaxAgeDays: 90 });
      expect(await expiredAt(withDefault.app, await daysOld(31))).toBe(true);
      expect(await expiredAt(withDefault.app, await daysOld(29))).toBe(false);
      // 0: never, whatever the server's default
      await set(0);
      expect(await expiredAt(withDefault.app, await daysOld(400))).toBe(false);
      // null: back to the server's 90 days
      await set(null);
      expect(await expiredAt(withDefault.app, await daysOld(100))).toBe(true);
      // leaving it out of a change keeps it
      await set(45);
      const version = (await admin.get('/api/security/settings')).json().version;
      expect((await admin.request('PATCH', '/api/security/settings', { totpRequiredForStaff: false, version })).json().passwordMaxAgeDays).toBe(45);

      for (const bad of [-1, 3651, 1.5]) {
        const res = await set(bad);
        expect(res.statusCode).toBe(400);
        expect(errorOf(res).fieldErrors).toHaveProperty('passwordMaxAgeDays');
      }
      const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'security_settings.update')).orderBy(asc(auditLog.seq));
      expect(audits.at(-1)).toMatchObject({ before: { passwordMaxAgeDays: 45 }, after: { passwordMaxAgeDays: 45, totpRequiredForStaff: false } });
      expect(audits.find((r) => (r.after as { passwordMaxAgeDays: unknown }).passwordMaxAgeDays === 30)).toBeDefined();

      // a township's office reads it and may not change it
      const o = await newUser();
      const office = await loginAs(withDefault.app, o.username, o.password);
      expect((await office.get('/api/security/settings')).json()).toMatchObject({ passwordMaxAgeDays: 45, allowedActions: [] });
      expect((await office.request('PATCH', '/api/security/settings', { totpRequiredForStaff: false, passwordMaxAgeDays: 0, version: version + 1 })).statusCode).toBe(403);
      await set(null);
    } finally {
      await withDefault.close();
    }
  });
});
