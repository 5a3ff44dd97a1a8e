// The built web app is served with an SPA fallback; API paths never fall back to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from './test/app.ts';

let t: TestApp;
let webDir: string;
const INDEX = '<!doctype html><html><body><div id="root"></div><script src="/assets/app.js"></script></body></html>';

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), INDEX);
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'assets/app.js'), 'console.log(1)');
  t = await createTestApp({ webDir });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('web app', () => {
  it('serves index.html at / and for the SPA’s own routes', async () => {
    for (const url of ['/', '/enterprises', '/enterprises/3b0c1c8e-0000-4000-8000-000000000000/edit', '/login?redirect=%2Faudit']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toBe(INDEX);
    }
  });

  it('serves assets', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
  });

  it('answers unknown API paths and non-GET requests with the JSON 404 envelope', async () => {
    for (const [method, url] of [['GET', '/api/nope'], ['POST', '/enterprises']] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
    }
  });

  it('still answers the API', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
