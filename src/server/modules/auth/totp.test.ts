// The TOTP second factor through the real routes: enrollment confirmed by a code, the second
// sign-in step (codes good once, under the login's limits), recovery codes used once, turning it
// off, and a district that requires it of its 管理员 and 安委办.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, recoveryCodes, users } from '../../db/schema/index.ts';
import { buildDistrict, buildTownship, buildUser } from '../../test/factories.ts';
import { district, newUser, t, useTownshipApp } from '../../test/township-app.ts';
import { type Session, attemptLogin, errorOf, loginAs, sessionCookieOf, sessionFrom } from '../../test/http.ts';
import { totpCode } from './totp.ts';

useTownshipApp();

const nextStep = () => t.clock.advance({ seconds: 30 });

/** Enrolls the session's user; answers the secret and the recovery codes. */
async function enroll(s: Session): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await s.request('POST', '/api/auth/totp/setup');
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret, otpauthUri, qrDataUrl } = setup.json();
  expect(otpauthUri).toContain(`secret=${secret}`);
  expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  const enabled = await s.request('POST', '/api/auth/totp/enable', { code: totpCode(secret, t.clock.now()) });
  expect(enabled.statusCode, enabled.body).toBe(200);
  return { secret, recoveryCodes: enabled.json().recoveryCodes };
}

/** The second step after a right password: answers the response. */
async function secondStep(username: string, password: string, code: (pendingToken: string) => string, ip = '127.0.0.1') {
  const first = await attemptLogin(t.app, username, password, ip);
  expect(first.statusCode, first.body).toBe(200);
  expect(sessionCookieOf(first)).toBeNull(); // no session before the code
  const { totpRequired, pendingToken } = first.json();
  expect(totpRequired).toBe(true);
  return t.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { pendingToken, code: code(pendingToken) }, remoteAddress: ip });
}

describe('enrollment', () => {
  it('is on only once a code from the scanned secret is confirmed, and answers ten recovery codes', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const setup = (await s.request('POST', '/api/auth/totp/setup')).json();
    const wrong = await s.request('POST', '/api/auth/totp/enable', { code: '000000' === totpCode(setup.secret, t.clock.now()) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).fieldErrors).toEqual({ code: ['验证码不正确'] });
    expect((await s.get('/api/auth/totp')).json()).toMatchObject({ enabled: false });
    const ok = await s.request('POST', '/api/auth/totp/enable', { code: totpCode(setup.secret, t.clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recoveryCodes).toHaveLength(10);
    expect((await s.get('/api/auth/totp')).json()).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await s.get('/api/auth/me')).json().user.totpEnabled).toBe(true);
    // the codes are stored hashed
    const stored = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, u.id));
    expect(stored.map((r) => r.codeHash)).not.toContain(ok.json().recoveryCodes[0]);
    expect(stored[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await s.request('POST', '/api/auth/totp/setup')).statusCode).toBe(409);
  });
});

describe('signing in with TOTP on', () => {
  it('asks for the code after the password and opens the session only with it', async () => {
    const u = await newUser();
    const { secret } = await enroll(await loginAs(t.app, u.username, u.password));
    nextStep();
    const res = await secondStep(u.username, u.password, () => totpCode(secret, t.clock.now()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: u.id, totpEnabled: true });
    const cookie = sessionCookieOf(res)!;
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const rows = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'auth.login')));
    expect(rows.at(-1)!.after).toMatchObject({ secondFactor: 'totp' });
  });

  it('takes each code once, and a pending token once', async () => {
    const u = await newUser();
    const { secret } = await enroll(await loginAs(t.app, u.username, u.password));
    nextStep();
    const code = totpCode(secret, t.clock.now());
    let token = '';
    expect((await secondStep(u.username, u.password, (p) => ((token = p), code))).statusCode).toBe(200);
    // The same code again within its 30 s: refused, and told why (not only "wrong"); still a failure.
    const again = await secondStep(u.username, u.password, () => code);
    expect(again.statusCode).toBe(401);
    expect(errorOf(again).message).toBe('该验证码已使用过，请等待验证器显示下一个验证码后输入');
    const failures = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'auth.totp_failed')));
    expect(failures).toHaveLength(1);
    const wrong = await secondStep(u.username, u.password, () => (code === '123456' ? '654321' : '123456'));
    expect(errorOf(wrong).message).toBe('动态验证码错误');
    const reused = await t.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { pendingToken: token, code } });
    expect(reused.statusCode).toBe(401);
    expect(errorOf(reused).message).toBe('登录已超时，请重新输入用户名和密码');
  });

  it('lets a pending token run out after 5 minutes', async () => {
    const u = await newUser();
    const { secret } = await enroll(await loginAs(t.app, u.username, u.password));
    const first = (await attemptLogin(t.app, u.username, u.password)).json();
    t.clock.advance({ minutes: 6 });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { pendingToken: first.pendingToken, code: totpCode(secret, t.clock.now()) } });
    expect(res.statusCode).toBe(401);
  });

  it('counts wrong codes like wrong passwords: audited, and the address locks after five', async () => {
    const u = await newUser();
    const { secret } = await enroll(await loginAs(t.app, u.username, u.password));
    nextStep();
    const wrong = () => (totpCode(secret, t.clock.now()) === '123456' ? '654321' : '123456');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await secondStep(u.username, u.password, wrong, '10.20.0.1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    // locked at that address: even the right password is refused before its code
    expect((await attemptLogin(t.app, u.username, u.password, '10.20.0.1')).statusCode).toBe(423);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, u.id))).map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.totp_failed')).toHaveLength(4);
    expect(actions).toContain('auth.locked');
  });

  it('takes a recovery code once instead of a code', async () => {
    const u = await newUser();
    const { recoveryCodes: codes } = await enroll(await loginAs(t.app, u.username, u.password));
    const ok = await secondStep(u.username, u.password, () => codes[3]!.toUpperCase());
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await secondStep(u.username, u.password, () => codes[3]!)).statusCode).toBe(401);
    const s = sessionFrom(t.app, sessionCookieOf(ok)!, ok.json().csrfToken, ok.json().user);
    expect((await s.get('/api/auth/totp')).json().recoveryCodesLeft).toBe(9);
  });

  it('regenerates the recovery codes with a current code: the old ones stop working', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const { secret, recoveryCodes: old } = await enroll(s);
    // The code that turned it on is used: said so, on the field.
    const sameCode = await s.request('POST', '/api/auth/totp/recovery-codes', { code: totpCode(secret, t.clock.now()) });
    expect(sameCode.statusCode).toBe(400);
    expect(errorOf(sameCode).fieldErrors).toEqual({ code: ['该验证码已使用过，请等待验证器显示下一个验证码后输入'] });
    nextStep();
    const res = await s.request('POST', '/api/auth/totp/recovery-codes', { code: totpCode(secret, t.clock.now()) });
    expect(res.statusCode, res.body).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect((await secondStep(u.username, u.password, () => old[0]!)).statusCode).toBe(401);
    expect((await secondStep(u.username, u.password, () => fresh[0]!)).statusCode).toBe(200);
  });
});

describe('turning it off', () => {
  it('needs the password and a code', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    const { secret } = await enroll(s);
    nextStep();
    const badPassword = await s.request('POST', '/api/auth/totp/disable', { password: 'Wrong@2024pw', code: totpCode(secret, t.clock.now()) });
    expect(errorOf(badPassword).fieldErrors).toEqual({ password: ['密码不正确'] });
    const badCode = await s.request('POST', '/api/auth/totp/disable', { password: u.password, code: '12345' });
    expect(badCode.statusCode).toBe(400);
    const ok = await s.request('POST', '/api/auth/totp/disable', { password: u.password, code: totpCode(secret, t.clock.now()) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await attemptLogin(t.app, u.username, u.password)).json().user.totpEnabled).toBe(false);
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.totpSecret).toBeNull();
  });
});

describe('a district that requires it of 管理员 and 安委办', () => {
  it('is set by the district’s admin or office (audited), not a township’s', async () => {
    const d = await buildDistrict(t.db);
    const tw = await buildTownship(t.db, { district: d });
    const townshipOffice = await loginAs(t.app, ...creds(await buildUser(t.db, { role: 'office', unit: tw })));
    const settings = (await townshipOffice.get('/api/security/settings')).json();
    expect(settings).toEqual({ totpRequiredForStaff: false, passwordMaxAgeDays: null, defaultPasswordMaxAgeDays: 0, version: 0, allowedActions: [] });
    const refused = await townshipOffice.request('PATCH', '/api/security/settings', { totpRequiredForStaff: true, version: 0 });
    expect(refused.statusCode).toBe(403);
    const districtAdmin = await loginAs(t.app, ...creds(await buildUser(t.db, { role: 'admin', unit: d })));
    expect((await districtAdmin.get('/api/security/settings')).json().allowedActions).toEqual(['edit']);
    const ok = await districtAdmin.request('PATCH', '/api/security/settings', { totpRequiredForStaff: true, version: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ totpRequiredForStaff: true, version: 1 });
    // the admin is bound by it at once: enrollment before anything else, this page included
    expect(errorOf(await districtAdmin.get('/api/security/settings')).code).toBe('TOTP_ENROLLMENT_REQUIRED');
    await enroll(districtAdmin);
    expect((await districtAdmin.request('PATCH', '/api/security/settings', { totpRequiredForStaff: false, version: 0 })).statusCode).toBe(409);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, d.id), eq(auditLog.action, 'security_settings.update')));
    expect(audit!.after).toEqual({ totpRequiredForStaff: true, passwordMaxAgeDays: null });
    const village = await buildUser(t.db, { role: 'department', unit: tw });
    expect((await loginAs(t.app, village.username, village.password)).me.mustEnrollTotp).toBe(false);
  });

  it('sends an office user without TOTP to enrollment and refuses everything else until enrolled', async () => {
    const d = await buildDistrict(t.db);
    const tw = await buildTownship(t.db, { district: d });
    const admin = await loginAs(t.app, ...creds(await buildUser(t.db, { role: 'admin', unit: d })));
    expect((await admin.request('PATCH', '/api/security/settings', { totpRequiredForStaff: true, version: 0 })).statusCode).toBe(200);
    const u = await buildUser(t.db, { role: 'office', unit: tw });
    const s = await loginAs(t.app, u.username, u.password);
    expect(s.me.mustEnrollTotp).toBe(true);
    for (const url of ['/api/enterprises', '/api/audit', '/api/auth/sessions']) {
      const res = await s.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(errorOf(res).code).toBe('TOTP_ENROLLMENT_REQUIRED');
    }
    const { secret } = await enroll(s);
    expect((await s.get('/api/auth/me')).json().user.mustEnrollTotp).toBe(false);
    expect((await s.get('/api/enterprises')).statusCode).toBe(200);
    // and it cannot be turned off while the district requires it
    nextStep();
    const off = await s.request('POST', '/api/auth/totp/disable', { password: u.password, code: totpCode(secret, t.clock.now()) });
    expect(off.statusCode).toBe(409);
  });
});

function creds(u: { username: string; password: string }): [string, string] {
  return [u.username, u.password];
}

describe('an admin resetting a user’s second factor (a lost phone)', () => {
  it('turns it off, ends the user’s sessions and is audited', async () => {
    const u = await newUser();
    const s = await loginAs(t.app, u.username, u.password);
    await enroll(s);
    const admin = await loginAs(t.app, ...creds(await buildUser(t.db, { role: 'admin', unit: district })));
    const res = await admin.request('POST', `/api/users/${u.id}/totp/reset`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await attemptLogin(t.app, u.username, u.password)).json().user.totpEnabled).toBe(false);
    const rows = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.reset_totp')));
    expect(rows).toHaveLength(1);
    const other = await buildDistrict(t.db);
    const stranger = await loginAs(t.app, ...creds(await buildUser(t.db, { role: 'admin', unit: other })));
    expect((await stranger.request('POST', `/api/users/${u.id}/totp/reset`)).statusCode).toBe(404);
  });
});
