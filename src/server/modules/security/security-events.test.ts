// 安全事件: permission refusals are recorded where the server answers 403, and the view lists
// sign-ins, failures, lockouts, second-factor failures, ended sessions and password changes with
// filters by kind, account and day, for admins and offices only.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TSecurityEvent } from '../../../contract/security.ts';
import { buildDistrict, buildUser } from '../../test/factories.ts';
import { totpCode } from '../auth/totp.ts';
import { district, t, township, useTownshipApp } from '../../test/township-app.ts';
import { type Session, attemptLogin, loginAs } from '../../test/http.ts';

useTownshipApp();
let office: Session;

beforeAll(async () => {
  const o = await buildUser(t.db, { role: 'office', unit: district });
  office = await loginAs(t.app, o.username, o.password);
});

const events = async (query: string): Promise<{ items: TSecurityEvent[]; total: number }> => {
  const res = await office.get(`/api/security/events?pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('permission refusals', () => {
  it('records a 403 from the permission registry with the route, and lists it', async () => {
    const u = await buildUser(t.db, { role: 'village', unit: township, displayName: '越权村' });
    const s = await loginAs(t.app, u.username, u.password);
    expect((await s.get('/api/audit')).statusCode).toBe(403);
    expect((await s.request('PATCH', '/api/security/settings', { totpRequiredForStaff: true, version: 0 })).statusCode).toBe(403);
    const { items } = await events(`kind=forbidden&userId=${u.id}`);
    expect(items.map((e) => e.detail)).toEqual([
      'PATCH /api/security/settings，您的角色无权执行此操作',
      'GET /api/audit，您的角色无权执行此操作',
    ]);
    expect(items[0]).toMatchObject({ kind: 'forbidden', action: 'auth.forbidden', userId: u.id, actorName: '越权村', ip: '127.0.0.1' });
    expect(items[0]!.userName).toMatch(/^越权村（/);
  });

  it('records a refusal a service gives (a township office changing the district’s settings)', async () => {
    const u = await buildUser(t.db, { role: 'office', unit: township });
    const s = await loginAs(t.app, u.username, u.password);
    expect((await s.request('PATCH', '/api/security/settings', { totpRequiredForStaff: true, version: 0 })).statusCode).toBe(403);
    const { items } = await events(`kind=forbidden&userId=${u.id}`);
    expect(items[0]!.detail).toBe('PATCH /api/security/settings，只有区/县的管理员和安委办可以修改安全设置');
  });
});

describe('the security-event view', () => {
  it('lists sign-ins, failures, lockouts, password changes and ended sessions by kind', async () => {
    const u = await buildUser(t.db, { role: 'department', unit: township });
    for (let i = 0; i < 5; i++) await attemptLogin(t.app, u.username, 'Wrong@2024pw', '10.30.0.1');
    t.clock.advance({ seconds: 5 }); // past the delay across addresses
    const s = await loginAs(t.app, u.username, u.password);
    expect((await s.request('POST', '/api/auth/password', { currentPassword: u.password, newPassword: 'Brand@New2024' })).statusCode).toBe(200);
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    const all = await events(`userId=${u.id}`);
    expect(all.items.map((e) => e.kind)).toEqual(['session_ended', 'password_changed', 'login', 'locked', 'login_failed', 'login_failed', 'login_failed', 'login_failed']);
    expect(all.items.find((e) => e.kind === 'locked')!.detail).toMatch(/^连续失败 5 次，锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(all.items.find((e) => e.kind === 'login')!.detail).toBe('此前失败 5 次');
    expect((await events(`userId=${u.id}&kind=login_failed`)).total).toBe(4);
    // A kind of several actions names the one it was; signing out keeps the address like signing in.
    expect((await events(`userId=${u.id}&kind=password_changed`)).items[0]!.detail).toBe('修改密码，结束其他会话 0 个');
    expect(all.items[0]).toMatchObject({ kind: 'session_ended', detail: '退出登录', ip: '127.0.0.1' });
  });

  it('filters by day (Asia/Shanghai) and pages', async () => {
    const today = '2024-06-03'; // the test clock's day
    expect((await events(`from=${today}&to=${today}`)).total).toBeGreaterThan(0);
    expect((await events('from=2024-06-04')).total).toBe(0);
    const page = (await office.get('/api/security/events?page=1&pageSize=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
  });

  it('lists second-factor changes with the action and the address they came from, an admin’s reset too', async () => {
    const u = await buildUser(t.db, { role: 'department', unit: township });
    const s = await loginAs(t.app, u.username, u.password);
    const { secret } = (await s.request('POST', '/api/auth/totp/setup')).json();
    expect((await s.request('POST', '/api/auth/totp/enable', { code: totpCode(secret, t.clock.now()) })).statusCode).toBe(200);
    const a = await buildUser(t.db, { role: 'admin', unit: district });
    const admin = await loginAs(t.app, a.username, a.password);
    expect((await admin.request('POST', `/api/users/${u.id}/totp/reset`)).statusCode).toBe(200);
    const { items } = await events(`userId=${u.id}&kind=second_factor`);
    expect(items.map((e) => [e.detail, e.ip, e.actorName])).toEqual([
      ['重置双因素认证', '127.0.0.1', a.displayName],
      ['启用双因素认证，生成恢复码 10 个', '127.0.0.1', u.displayName],
    ]);
  });

  it('lists changes of the district’s settings, each as before → after, under who made them', async () => {
    const a = await buildUser(t.db, { role: 'admin', unit: district, displayName: '设置管理员' });
    const admin = await loginAs(t.app, a.username, a.password);
    const version = (await admin.get('/api/security/settings')).json().version;
    expect((await admin.request('PATCH', '/api/security/settings', { totpRequiredForStaff: false, passwordMaxAgeDays: 90, version })).statusCode).toBe(200);
    expect((await admin.request('PATCH', '/api/security/settings', { totpRequiredForStaff: false, passwordMaxAgeDays: 0, version: version + 1 })).statusCode).toBe(200);
    const { items } = await events('kind=settings_changed');
    expect(items.slice(0, 2).map((e) => [e.detail, e.actorName, e.userId, e.ip])).toEqual([
      ['密码有效期：90天 → 永不过期', '设置管理员', null, null],
      ['密码有效期：按系统默认 → 90天', '设置管理员', null, null],
    ]);
    expect((await admin.request('PATCH', '/api/security/settings', { totpRequiredForStaff: false, passwordMaxAgeDays: null, version: version + 2 })).statusCode).toBe(200);
  });

  it('shows nothing of another district', async () => {
    const other = await buildDistrict(t.db);
    const a = await buildUser(t.db, { role: 'admin', unit: other });
    const s = await loginAs(t.app, a.username, a.password);
    const body = (await s.get('/api/security/events?pageSize=100')).json() as { items: TSecurityEvent[] };
    expect(body.items.every((e) => e.userId === a.id)).toBe(true);
  });

  it('is refused to roles other than admin and office', async () => {
    const u = await buildUser(t.db, { role: 'leader', unit: township });
    const s = await loginAs(t.app, u.username, u.password);
    expect((await s.get('/api/security/events')).statusCode).toBe(403);
    expect((await office.get('/api/security/events?kind=nope')).statusCode).toBe(400);
  });
});
