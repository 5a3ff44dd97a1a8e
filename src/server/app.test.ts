// The built web app is served with an SPA fallback; API paths never fall back to it. Its files
// leave precompressed when the browser accepts it, hashed assets cached for a year, index.html
// revalidated every time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_IMMUTABLE } from './http/web-app.ts';
import { type TestApp, createTestApp } from './test/app.ts';

let t: TestApp;
let webDir: string;
const INDEX = '<!doctype html><html><body><div id="root"></div><script src="/assets/app.js"></script></body></html>';
/** index.html with the login form rendered inside, as the build writes it. */
const LOGIN = '<!doctype html><html><body><div id="root"><form>登录</form></div><script src="/assets/app.js"></script></body></html>';
/** A hashed asset large enough to be worth compressing, with its .br and .gz copies as the build writes them. */
const ASSET = '/assets/index-B1a2c3D4.js';
const ASSET_JS = `export const pages = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `页面${i}`))};\n`;
/** A text asset without precompressed copies: compressed on the way out instead. */
const CSS = '/assets/index-C5d6e7F8.css';
const CSS_TEXT = `.a{color:red}\n`.repeat(200);

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-web-'));
  const write = (name: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(webDir, name)), { recursive: true });
    fs.writeFileSync(path.join(webDir, name), content);
  };
  write('index.html', INDEX);
  write('index.html.br', zlib.brotliCompressSync(INDEX));
  write('login.html', LOGIN);
  write('login.html.br', zlib.brotliCompressSync(LOGIN));
  write('assets/app.js', 'console.log(1)');
  write(ASSET, ASSET_JS);
  write(`${ASSET}.br`, zlib.brotliCompressSync(ASSET_JS));
  write(`${ASSET}.gz`, zlib.gzipSync(ASSET_JS));
  write(CSS, CSS_TEXT);
  t = await createTestApp({ webDir });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('web app', () => {
  it('serves index.html at / and for the SPA’s own routes, to be revalidated every time', async () => {
    for (const url of ['/', '/enterprises', '/enterprises/3b0c1c8e-0000-4000-8000-000000000000/edit', '/change-password']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(INDEX);
    }
  });

  it('serves the login page with its form already rendered (login.html), to be revalidated every time', async () => {
    for (const url of ['/login', '/login?redirect=%2Faudit']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(LOGIN);
    }
  });

  it('sends the pages’ brotli copies to a browser that accepts it, on the SPA’s routes too', async () => {
    for (const [url, page] of [['/', INDEX], ['/enterprises', INDEX], ['/login', LOGIN]] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString('utf8'), url).toBe(page);
    }
  });

  it('serves assets', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
  });

  it('sends a hashed asset precompressed (brotli, else gzip) as the browser accepts, cached for a year', async () => {
    const br = await t.app.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe(CACHE_IMMUTABLE);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(ASSET_JS);

    const gz = await t.app.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(CACHE_IMMUTABLE);
    expect(zlib.gunzipSync(gz.rawPayload).toString('utf8')).toBe(ASSET_JS);

    const plain = await t.app.inject({ method: 'GET', url: ASSET });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(ASSET_JS);
  });

  it('compresses an asset that has no precompressed copy on the way out', async () => {
    const res = await t.app.inject({ method: 'GET', url: CSS, headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(CACHE_IMMUTABLE);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(CSS_TEXT);
  });

  it('answers a missing asset with 404, not index.html (a tab opened before a release asks for old files)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-gone0000.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
  });

  it('does not serve the precompressed copies by their own URLs', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${ASSET}.br` })).statusCode).toBe(404);
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

  it('compresses a large API answer for a browser that accepts it', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const br = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
  });
});

describe('the request log', () => {
  it('never carries a public report’s tracking code', async () => {
    const { redactTrackingCode } = await import('./app.ts');
    expect(redactTrackingCode('/api/public/reports/DEMQANZHJBCX23456789')).toBe('/api/public/reports/[code]');
    expect(redactTrackingCode('/api/public/reports/DEMQ-ANZH/receipt')).toBe('/api/public/reports/[code]/receipt');
    expect(redactTrackingCode('/api/public/reports')).toBe('/api/public/reports');
    expect(redactTrackingCode('/api/tips/abc')).toBe('/api/tips/abc');
  });
});
