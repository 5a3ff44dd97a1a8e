// The API description is generated from the contract: every route is there, with its error envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../contract/index.ts';
import { type TestApp, createTestApp } from '../test/app.ts';
import { registeredRouteDefs } from './route.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { errorOf, loginAs } from '../test/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('GET /api/openapi.json', () => {
  it('lists every route the server registers, so each is described and fuzzed', () => {
    const listed = new Set(Object.values(allRoutes));
    const missing = [...registeredRouteDefs].filter((d) => !listed.has(d)).map((d) => `${d.method} ${d.path}`);
    expect(missing).toEqual([]);
  });

  it('describes the required routes, public without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const required: [string, string][] = [
      ['/api/health', 'get'],
      ['/api/auth/login', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/auth/me', 'get'],
      ['/api/auth/password', 'post'],
      ['/api/units', 'get'],
      ['/api/units', 'post'],
      ['/api/units/{id}', 'patch'],
      ['/api/sectors', 'get'],
      ['/api/users', 'get'],
      ['/api/users', 'post'],
      ['/api/users/{id}/reset-password', 'post'],
      ['/api/users/{id}/unlock', 'post'],
      ['/api/enterprises', 'get'],
      ['/api/enterprises', 'post'],
      ['/api/enterprises/{id}', 'get'],
      ['/api/enterprises/{id}', 'patch'],
      ['/api/enterprises/{id}/void', 'post'],
      ['/api/enterprises/export', 'get'],
      ['/api/enterprises/import/template', 'get'],
      ['/api/enterprises/import/preview', 'post'],
      ['/api/enterprises/import/{batchId}/commit', 'post'],
      ['/api/audit', 'get'],
    ];
    for (const [path, method] of required) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  it('has every contract route, each with the error envelope as its default response', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const def of Object.values(allRoutes)) {
      const op = doc.paths[def.path.replace(/:(\w+)/g, '{$1}')]?.[def.method.toLowerCase()];
      expect(op, `${def.method} ${def.path}`).toBeDefined();
      expect(op.responses.default.content['application/json'].schema.properties.error).toBeDefined();
    }
  });

  it('documents request bodies, path parameters and the multipart upload', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const create = doc.paths['/api/enterprises'].post;
    expect(create.requestBody.content['application/json'].schema.properties).toHaveProperty('uscc');
    expect(doc.paths['/api/enterprises/{id}'].get.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    expect(doc.paths['/api/enterprises/import/preview'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
  });
});

describe('GET /api/health', () => {
  it('answers without a session, naming the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, database: t.database.kind, time: t.clock.now().toISOString() });
  });
});

describe('errors', () => {
  it('answers an unknown API path with the 404 envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON with the validation envelope', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION');
  });

  it('answers a bad id with a field error, not a server error', async () => {
    const d = await buildDistrict(t.db);
    const u = await buildUser(t.db, { role: 'admin', unit: d });
    const s = await loginAs(t.app, u.username, u.password);
    const res = await s.get('/api/enterprises/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('id');
  });

  it('sets security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
