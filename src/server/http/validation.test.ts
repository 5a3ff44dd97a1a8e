// The shared validation layer over HTTP: integers beyond the database's range, NUL characters
// and oversized bodies are refused centrally, as field errors or a 413, before any service runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/app.ts';
import { type Session, errorOf, loginAs } from '../test/http.ts';
import { type World, buildWorld } from '../test/world.ts';
import { BROKEN_TEXT_MESSAGE, NUL_MESSAGE } from './validate.ts';

let t: TestApp;
let w: World;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await loginAs(t.app, w.users.adminD.username, w.users.adminD.password);
});
afterAll(() => t?.close());

describe('integers beyond the 32-bit range', () => {
  it('are a field error on every versioned write, not a database error', async () => {
    const writes: [string, string, Record<string, unknown>][] = [
      ['PATCH', `/api/enterprises/${w.enterprises.a.id}`, { name: '新名称有限公司' }],
      ['POST', `/api/enterprises/${w.enterprises.a.id}/void`, { reason: '重复录入' }],
      ['PATCH', `/api/units/${w.V1a.id}`, { name: '新村' }],
      ['PATCH', `/api/sectors/${w.fire.id}`, { name: '消防安全' }],
      ['PATCH', `/api/users/${w.users.villageV2.id}`, { displayName: '新名字' }],
    ];
    for (const [method, url, body] of writes) {
      for (const version of [2 ** 40, -(2 ** 40), 2 ** 31]) {
        const res = await admin.request(method as 'PATCH', url, { ...body, version });
        expect(res.statusCode, `${method} ${url} ${version}`).toBe(400);
        expect(errorOf(res)).toMatchObject({ code: 'VALIDATION', fieldErrors: { version: ['数值超出范围'] } });
      }
    }
  });

  it('are a field error in a query string too', async () => {
    const res = await admin.get('/api/enterprises?page=1099511627776');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ page: ['数值超出范围'] });
  });
});

describe('NUL characters and lone surrogates', () => {
  it('are refused in any text field, keyed by the field path', async () => {
    const res = await admin.request('PATCH', `/api/enterprises/${w.enterprises.b.id}`, { name: '乙\u0000商贸', version: 1 });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'VALIDATION', fieldErrors: { name: [NUL_MESSAGE] } });
    const nested = await admin.request('POST', '/api/users', { username: 'nul_user', displayName: '张三', role: 'village', unitId: w.V1a.id, phone: ['1\u0000'] });
    expect(errorOf(nested).fieldErrors).toEqual({ 'phone.0': [NUL_MESSAGE] });
  });

  it('refuses a lone surrogate (half a character) like a NUL: jsonb cannot store it', async () => {
    const res = await admin.request('POST', '/api/checklists', { name: '检查表', groups: [{ title: '组', items: [{ content: '\ud800' }] }] });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ 'groups.0.items.0.content': [BROKEN_TEXT_MESSAGE] });
    const pair = await admin.request('PATCH', `/api/enterprises/${w.enterprises.b.id}`, { name: '乙😀商贸', version: 999 });
    expect(errorOf(pair).fieldErrors?.name).toBeUndefined(); // a whole pair is a character like any other
  });

  it('are refused in the search text q and in path parameters', async () => {
    for (const url of ['/api/enterprises?q=a%00b', '/api/hazards?q=%00', '/api/audit?q=x%00']) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res).fieldErrors, url).toEqual({ q: [NUL_MESSAGE] });
    }
    const param = await admin.get('/api/enterprises/%00');
    expect(errorOf(param).fieldErrors).toEqual({ id: [NUL_MESSAGE] });
  });
});

describe('request size', () => {
  it('answers a JSON body over the limit with 413 speaking of the request, not of a file', async () => {
    const res = await admin.request('POST', '/api/enterprises', { name: 'x'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大（不能超过 1 MB），请精简后重试' });
  });
});

describe('malformed URLs', () => {
  it('answer in the error envelope', async () => {
    const bad = await admin.get('/api/enterprises/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toEqual({ code: 'VALIDATION', message: '请求地址有误' });
    const long = await admin.get(`/api/enterprises/${'x'.repeat(500)}`);
    expect(errorOf(long)).toEqual({ code: 'VALIDATION', message: '请求地址过长' });
  });
});
