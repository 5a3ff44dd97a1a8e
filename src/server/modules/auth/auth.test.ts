// Sign-in, idle timeout, CSRF and password rules through the real routes and database (the
// lockout: login-throttle.test.ts).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema/index.ts';
import { createTestApp } from '../../test/app.ts';
import { newUser, t, township, useTownshipApp } from '../../test/township-app.ts';
import { attemptLogin, errorOf, loginAs, sessionCookieOf } from '../../test/http.ts';

useTownshipApp();


describe('login', () => {
  it('signs in, sets an httpOnly session cookie, and /me answers with the user', async () => {
    const u = await newUser({ displayName: '王安委' });
    const res = await attemptLogin(t.app, u.username, u.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: u.id, username: u.username, displayName: '王安委', role: 'office', mustChangePassword: false });
    expect(body.user.unit).toEqual({ id: township.id, name: township.name, kind: 'township' });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'anzhi_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookieOf(res)! } });
    expect(me.statusCode).toBe(200);
    const { failedAttempts, ...meBody } = body;
    expect(me.json()).toEqual(meBody);
    expect(failedAttempts).toBeNull(); // nothing failed before this sign-in
  });

  it('treats the username case-insensitively', async () => {
    const u = await newUser({ username: `MixedCase${Date.now()}` });
    const s = await loginAs(t.app, u.username.toLowerCase(), u.password);
    expect(s.me.id).toBe(u.id);
  });

  it('answers a wrong password and an unknown user with the same 401 envelope', async () => {
    const u = await newUser();
    const wrong = await attemptLogin(t.app, u.username, 'Wrong@2024pw');
    const unknown = await attemptLogin(t.app, 'nobody-here', 'Wrong@2024pw');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
      expect(sessionCookieOf(res)).toBeNull();
    }
  });

  it('ends a signed-in session on its next request once its user is deactivated', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.update(users).set({ active: false }).where(eq(users.id, u.id));
    const res = await s.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, u.id))).toEqual([]);
  });

  it('refuses a deactivated user', async () => {
    const u = await newUser({ active: false });
    const res = await attemptLogin(t.app, u.username, u.password);
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  });

  it('rejects a malformed body with field errors', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '', password: '' } });
    expect(res.statusCode).toBe(400);
    const err = errorOf(res);
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors?.username).toEqual(['请输入用户名']);
    expect(err.fieldErrors?.password).toEqual(['请输入密码']);
  });

  it('records sign-ins and failures in the audit trail', async () => {
    const u = await newUser();
    await attemptLogin(t.app, u.username, 'Wrong@2024pw');
    await loginAs(t.app, u.username, u.password);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, u.id)).orderBy(auditLog.seq);
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login']);
    expect(rows[0]!.after).toMatchObject({ failures: 1 });
  });
});

describe('session idle timeout (30 minutes)', () => {
  it('keeps an active session alive and ends an idle one with the timeout message', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    t.clock.advance({ minutes: 29 });
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance({ minutes: 29 }); // 58 minutes after login, 29 after the last request
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);

    t.clock.advance({ minutes: 31 });
    const expired = await s.get('/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired)).toEqual({ code: 'UNAUTHENTICATED', message: '长时间未操作，会话已超时，请重新登录' });
    // the cookie is cleared and the session is gone for good
    expect(expired.cookies.find((c) => c.name === 'anzhi_sid')?.value).toBe('');
    const again = await s.get('/api/auth/me');
    expect(errorOf(again)).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('asks an anonymous caller to sign in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('ignores a forged cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'anzhi_sid=forged-token' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('logout', () => {
  it('ends the session', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const res = await s.request('POST', '/api/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends only that session, not the same user elsewhere', async () => {
    const u = await newUser();
    const a = await loginAs(t.app, u.username, u.password);
    const b = await loginAs(t.app, u.username, u.password);
    await a.request('POST', '/api/auth/logout');
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a write without the x-csrf-token header, or with another session token', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const other = await loginAs(t.app, u.username, u.password);
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(errorOf(without)).toEqual({ code: 'CSRF', message: '页面已过期，请刷新后重试' });
    const wrong = await t.app.inject({
      method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': other.csrfToken },
    });
    expect(wrong.statusCode).toBe(403);
    expect(errorOf(wrong).code).toBe('CSRF');
    // nothing happened: the session still works
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('applies to every write, e.g. creating an enterprise', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: { cookie: s.cookie }, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CSRF');
  });

  it('returns the session token from /me so a reloaded page can write', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const me = (await s.get('/api/auth/me')).json();
    expect(me.csrfToken).toBe(s.csrfToken);
  });
});

describe('change password', () => {
  it.each([
    ['short', 'Ab1!', '密码至少8位'],
    ['few classes', 'abcdefgh1', '密码需包含大写字母、小写字母、数字、符号中的至少三类'],
  ])('enforces the policy (%s)', async (_n, newPassword, message) => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const res = await s.request('POST', '/api/auth/password', { currentPassword: u.password, newPassword });
    expect(res.statusCode).toBe(400);
    const err = errorOf(res);
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors).toEqual({ newPassword: [message] });
  });

  it('requires the right current password', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const res = await s.request('POST', '/api/auth/password', { currentPassword: 'Wrong@2024pw', newPassword: 'Brand@New2024' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ currentPassword: ['当前密码不正确'] });
  });

  it('refuses the same password again', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const res = await s.request('POST', '/api/auth/password', { currentPassword: u.password, newPassword: u.password });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors?.newPassword).toBeDefined();
  });

  it('changes it: the old one stops working, other sessions end, this one goes on', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const elsewhere = await loginAs(t.app, u.username, u.password);
    const res = await s.request('POST', '/api/auth/password', { currentPassword: u.password, newPassword: 'Brand@New2024' });
    expect(res.statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect((await attemptLogin(t.app, u.username, u.password)).statusCode).toBe(401);
    expect((await attemptLogin(t.app, u.username, 'Brand@New2024')).statusCode).toBe(200);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(rows.map((r) => r.action)).toContain('auth.password_changed');
  });
});

describe('password change required (after an admin reset)', () => {
  it('allows only me, logout and password change until the password is changed', async () => {
    const u = await newUser({ mustChangePassword: true });
    const s = await loginAs(t.app, u.username, u.password);
    expect(s.me.mustChangePassword).toBe(true);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);

    for (const [method, url, body] of [
      ['GET', '/api/enterprises', undefined],
      ['GET', '/api/units', undefined],
      ['GET', '/api/audit', undefined],
      ['POST', '/api/enterprises', {}],
    ] as const) {
      const res = await s.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(errorOf(res)).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' });
    }

    const changed = await s.request('POST', '/api/auth/password', { currentPassword: u.password, newPassword: 'Brand@New2024' });
    expect(changed.statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
    expect((await s.get('/api/enterprises')).statusCode).toBe(200);
  });

  it('still lets the user sign out', async () => {
    const u = await newUser({ mustChangePassword: true });
    const s = await loginAs(t.app, u.username, u.password);
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(200);
  });
});

describe('login rate limit', () => {
  it('answers 429 with the RATE_LIMITED envelope past the per-minute limit', async () => {
    const limited = await createTestApp({ database: t.database, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const u = await newUser();
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await attemptLogin(limited.app, u.username, 'Wrong@2024pw', '10.9.9.9')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const res = await attemptLogin(limited.app, u.username, u.password, '10.9.9.9');
      expect(res.statusCode).toBe(429);
      expect(errorOf(res)).toEqual({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
      // another address is not limited
      expect((await attemptLogin(limited.app, u.username, u.password, '10.9.9.10')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('cannot be dodged with a forged X-Forwarded-For header', async () => {
    const limited = await createTestApp({ database: t.database, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const u = await newUser();
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({
          method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'Wrong@2024pw' },
          remoteAddress: '10.9.8.7', headers: { 'x-forwarded-for': `203.0.113.${i}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
