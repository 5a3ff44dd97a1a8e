// The upload limits a page states and checks before sending: the server's own configuration.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_MAX_MB: '7' } });
  w = await buildWorld(t.db);
});
afterAll(() => t?.close());

it('tells a signed-in user the size limit and the formats the server accepts', async () => {
  const s = await loginAs(t.app, w.users.enterpriseB.username, w.users.enterpriseB.password);
  const res = await s.get('/api/files/limits');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toEqual({
    maxBytes: 7 * 1024 * 1024, photoTypes: ['image/jpeg', 'image/png', 'image/webp'],
    documentTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  });
  expect((await t.app.inject({ method: 'GET', url: '/api/files/limits' })).statusCode).toBe(401);
});
