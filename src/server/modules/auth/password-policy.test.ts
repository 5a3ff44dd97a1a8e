// The password may not be an obvious choice: the account's username, its display name (case and
// spaces aside) or, for an account that is not a demo account, the published demo password.
// Checked wherever a password is set: an admin's create and reset, and the user's own change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../domain/access/password-policy.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type UnitRow, buildDistrict, buildTownship, buildUser, buildVillage } from '../../test/factories.ts';
import { type Session, attemptLogin, errorOf, loginAs } from '../../test/http.ts';
import { recordAudit } from '../audit/index.ts';

let t: TestApp;
let village: UnitRow;
let admin: Session;

const SAME_AS_USERNAME = '密码不能与用户名相同（不区分大小写和空格）';
const SAME_AS_NAME = '密码不能与姓名相同（不区分大小写和空格）';
const DEMO = '不能使用演示账号的公开密码，请另设密码';

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db);
  const township = await buildTownship(t.db, { district });
  village = await buildVillage(t.db, { township });
  const a = await buildUser(t.db, { role: 'admin', unit: district });
  admin = await loginAs(t.app, a.username, a.password);
});
afterAll(() => t?.close());

const uniq = () => Math.random().toString(36).slice(2, 8);

describe('an admin creating an account', () => {
  const create = (o: Record<string, string>) =>
    admin.request('POST', '/api/users', { displayName: '新用户', role: 'village', unitId: village.id, ...o });

  it.each([
    ['the username', (u: string) => ({ username: u, password: u }), SAME_AS_USERNAME],
    ['the username in upper case with a space', (u: string) => ({ username: u, password: ` ${u.toUpperCase()}` }), SAME_AS_USERNAME],
    ['the display name without its spaces', (u: string) => ({ username: u, displayName: 'Li Ming 2024!', password: 'liming2024!' }), SAME_AS_NAME],
    ['the demo password', (u: string) => ({ username: u, password: DEMO_PASSWORD }), DEMO],
  ])('refuses %s as the password, on the password field', async (_n, body, message) => {
    const username = `Zhang.San${uniq()}9`;
    const res = await create(body(username));
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'VALIDATION', fieldErrors: { password: [message] } });
  });

  it('accepts a password that merely contains the username', async () => {
    const username = `wang${uniq()}`;
    const res = await create({ username, password: `${username}@2024X` });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('an admin resetting a password', () => {
  it.each([
    ['the username', (u: { username: string }) => u.username.toUpperCase(), SAME_AS_USERNAME],
    ['the display name', () => 'Chen Jing 88a', SAME_AS_NAME],
    ['the demo password', () => DEMO_PASSWORD, DEMO],
  ])('refuses %s', async (_n, pick, message) => {
    const u = await buildUser(t.db, { role: 'village', unit: village, username: `Chen.Jing${uniq()}1`, displayName: 'Chen Jing 88a' });
    const res = await admin.request('POST', `/api/users/${u.id}/reset-password`, { newPassword: pick(u) });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ newPassword: [message] });
    expect((await attemptLogin(t.app, u.username, u.password)).statusCode).toBe(200); // unchanged
  });

  it('may set a demo account back to the demo password', async () => {
    const u = await buildUser(t.db, { role: 'village', unit: village });
    await t.db.transaction((tx) =>
      recordAudit(tx, {
        at: t.clock.now(), districtId: u.districtId, actor: null, action: 'demo.seed', entityType: 'user', entityId: u.id,
        after: { username: u.username },
      }),
    );
    const res = await admin.request('POST', `/api/users/${u.id}/reset-password`, { newPassword: DEMO_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect((await attemptLogin(t.app, u.username, DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('a user changing their own password', () => {
  it.each([
    ['the username', (u: { username: string }) => `${u.username.toLowerCase()} `, SAME_AS_USERNAME],
    ['the display name', () => 'ZHAO LEI 2024', SAME_AS_NAME],
    ['the demo password', () => DEMO_PASSWORD, DEMO],
  ])('refuses %s', async (_n, pick, message) => {
    const u = await buildUser(t.db, { role: 'village', unit: village, username: `Zhao.Lei${uniq()}7`, displayName: 'Zhao Lei 2024' });
    const s = await loginAs(t.app, u.username, u.password);
    const res = await s.request('POST', '/api/auth/password', { currentPassword: u.password, newPassword: pick(u) });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ newPassword: [message] });
  });
});
