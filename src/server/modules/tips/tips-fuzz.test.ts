// The public routes under malformed and oversized input, on a real database: every answer is a 4xx
// in the error envelope, and nothing is stored (no report, no file row, no stored bytes).
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, publicReports } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { tinyPng } from '../../test/hazards.ts';
import { errorOf } from '../../test/http.ts';
import { MemoryStorage } from '../../test/storage.ts';
import { formBody, solvedChallenge } from '../../test/tips.ts';
import { type World, buildWorld } from '../../test/world.ts';

let t: TestApp;
let w: World;
const storage = new MemoryStorage();

beforeAll(async () => {
  // 1 MB per file, so "oversized" is cheap to send
  t = await createTestApp({ env: { UPLOAD_MAX_MB: '1', PUBLIC_REPORT_PER_HOUR: '1000' }, storage });
  w = await buildWorld(t.db);
});
afterAll(() => t?.close());

let n = 0;
const ip = () => `203.0.113.${100 + (n++ % 100)}`;
const good = () => ({ townshipId: w.T1.id, description: '厂房消防通道被货物堵塞，灭火器过期', place: '一村工业路', anonymous: 'true' });
const post = (payload: Buffer | string, headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/public/reports', payload, headers, remoteAddress: ip() });

async function nothingStored<T>(run: () => Promise<T>): Promise<T> {
  const before = { reports: (await t.db.select({ n: count() }).from(publicReports))[0]!.n, files: (await t.db.select({ n: count() }).from(files).where(eq(files.ownerType, 'public_report')))[0]!.n, bytes: storage.objects.size };
  const out = await run();
  expect({ reports: (await t.db.select({ n: count() }).from(publicReports))[0]!.n, files: (await t.db.select({ n: count() }).from(files).where(eq(files.ownerType, 'public_report')))[0]!.n, bytes: storage.objects.size }).toEqual(before);
  return out;
}

function expect4xx(res: { statusCode: number; body: string }, label: string) {
  expect(res.statusCode, `${label}: ${res.body}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
  errorOf(res as never);
}

describe('fuzzing POST /api/public/reports', () => {
  it('answers every malformed or oversized request with a 4xx envelope and stores nothing', async () => {
    await nothingStored(async () => {
      const altcha = await solvedChallenge(t.app, ip());
      const cases: [string, () => Promise<{ statusCode: number; body: string }>][] = [
        ['json instead of a form', () => post(JSON.stringify(good()), { 'content-type': 'application/json' })],
        ['no body', () => post('', { 'content-type': 'multipart/form-data; boundary=x' })],
        ['garbage multipart', () => post(Buffer.from('--x\r\nnot a header\r\n\r\n\0\0\0'), { 'content-type': 'multipart/form-data; boundary=x' })],
        ['cut short', () => { const b = formBody({ ...good(), altcha }, [{ filename: 'a.png', data: tinyPng() }]); return post(b.payload.subarray(0, b.payload.length - 40), b.headers); }],
        ['file over 1 MB', () => { const b = formBody({ ...good(), altcha }, [{ filename: 'big.png', data: Buffer.concat([tinyPng(), Buffer.alloc(1_200_000)]) }]); return post(b.payload, b.headers); }],
        ['field over 16 KB', () => { const b = formBody({ ...good(), description: '长'.repeat(9000), altcha }); return post(b.payload, b.headers); }],
        ['11 files', () => { const b = formBody({ ...good(), altcha }, Array.from({ length: 11 }, () => ({ filename: 'a.png', data: tinyPng() }))); return post(b.payload, b.headers); }],
        ['NUL in the place', () => { const b = formBody({ ...good(), place: 'a\u0000b', altcha }); return post(b.payload, b.headers); }],
        ['not a uuid', () => { const b = formBody({ ...good(), townshipId: "1' or '1'='1", altcha }); return post(b.payload, b.headers); }],
        ['another district’s village under this township', () => { const b = formBody({ ...good(), villageId: w.XV.id, altcha }); return post(b.payload, b.headers); }],
        ['coordinates out of range', () => { const b = formBody({ ...good(), latitude: '999', longitude: '1', altcha }); return post(b.payload, b.headers); }],
        ['altcha not base64 json', () => { const b = formBody({ ...good(), altcha: '%%%' }); return post(b.payload, b.headers); }],
        ['altcha of another shape', () => { const b = formBody({ ...good(), altcha: Buffer.from('[1,2,3]').toString('base64') }); return post(b.payload, b.headers); }],
        ['a renamed text file', () => { const b = formBody({ ...good(), altcha }, [{ filename: 'x.jpg', data: Buffer.from('hello world, not a photo') }]); return post(b.payload, b.headers); }],
        ['a file part without a file name', () => {
          const b = formBody({ ...good(), altcha });
          const raw = b.payload.toString('latin1').replace(/--([^\r]+)--\r\n$/, '--$1\r\nContent-Disposition: form-data; name="files"\r\nContent-Type: application/octet-stream\r\n\r\nabc\r\n--$1--\r\n');
          return post(Buffer.from(raw, 'latin1'), b.headers);
        }],
        ['a PDF is not a photo here', () => { const b = formBody({ ...good(), altcha }, [{ filename: 'x.pdf', data: Buffer.from('%PDF-1.4\n%%EOF') }]); return post(b.payload, b.headers); }],
      ];
      for (const [label, send] of cases) expect4xx(await send(), label);
    });
  });

  it('the lookup, receipt and claim answer malformed codes with 4xx, never a 5xx', async () => {
    const codes = ['', '%00', 'a'.repeat(65), '../../etc/passwd', '%E0%A4%A', "1' or 1=1 --", 'ABCDEFGHJKMNPQRSTVWX'];
    for (const c of codes) {
      for (const [method, url] of [['GET', `/api/public/reports/${c}`], ['GET', `/api/public/reports/${c}/receipt`], ['POST', `/api/public/reports/${c}/claim`]] as const) {
        const res = await t.app.inject({ method, url, remoteAddress: ip(), ...(method === 'POST' ? { payload: { phone: '12' } } : {}) });
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      }
    }
  });
});
