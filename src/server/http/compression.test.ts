// What leaves compressed and what never does: JSON and text when the browser accepts it; never
// server-sent events (each event must reach the browser as it is written) nor xlsx exports (zip
// files already, streamed batch by batch).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../test/xlsx.ts';
import { COMPRESS_MIN_BYTES, isCompressible, registerCompression } from './compression.ts';
import { XLSX_MIME, oneBatch, sendXlsxExport } from './xlsx-export.ts';

const BIG = { items: Array.from({ length: 400 }, (_, i) => ({ id: i, name: `生产经营单位${i}`, address: `大盛镇某村${i}号` })) };
let app: FastifyInstance;
/** The open event stream of the last /events request: the test writes to it and ends it. */
let events: PassThrough | null = null;

beforeAll(async () => {
  app = Fastify();
  await registerCompression(app);
  app.get('/big', async () => BIG);
  app.get('/small', async () => ({ ok: true }));
  app.get('/events', (_req, reply) => {
    events = new PassThrough();
    events.write('data: first\n\n');
    return reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache').send(events);
  });
  app.get('/export', (_req, reply) =>
    sendXlsxExport(reply, '导出.xlsx', {
      sheet: '表',
      columns: [{ header: '名称', width: 20 }],
      batches: oneBatch(BIG.items.map((i) => [i.name])),
    }));
  await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  events?.end();
  await app?.close();
});

describe('compression of API responses', () => {
  it('compresses a large JSON answer with brotli, or gzip, as the browser accepts', async () => {
    const br = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(JSON.stringify(BIG).length / 4);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(BIG);

    const gz = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(BIG);
  });

  it('leaves an answer as it is when the browser accepts no compression, or when it is small', async () => {
    const plain = await app.inject({ url: '/big' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(BIG);
    const small = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br, gzip' } });
    expect(JSON.stringify({ ok: true }).length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('does not compress an xlsx export (a zip already), which still arrives whole', async () => {
    const res = await app.inject({ url: '/export', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-encoding']).toBeUndefined();
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows.length).toBe(BIG.items.length);
  });

  it('sends server-sent events uncompressed and unbuffered: the first event arrives while the stream is open', async () => {
    const { port } = app.server.address() as AddressInfo;
    const { headers, first } = await new Promise<{ headers: http.IncomingHttpHeaders; first: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/events', headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        res.once('data', (chunk: Buffer) => {
          resolve({ headers: res.headers, first: chunk.toString('utf8') });
          req.destroy();
        });
        res.once('error', reject);
      });
      req.once('error', reject);
    });
    expect(headers['content-type']).toContain('text/event-stream');
    expect(headers['content-encoding']).toBeUndefined();
    expect(first).toBe('data: first\n\n');
    expect(events?.writableEnded).toBe(false); // the stream was still open: nothing waited for its end
  });

  it('decides by content type: text and JSON yes; event streams and binary files no', () => {
    for (const t of ['application/json; charset=utf-8', 'application/problem+json', 'text/html; charset=utf-8', 'text/css', 'application/javascript', 'image/svg+xml']) {
      expect(isCompressible(t), t).toBe(true);
    }
    for (const t of ['text/event-stream', 'Text/Event-Stream; charset=utf-8', XLSX_MIME, 'application/pdf', 'image/jpeg', 'image/webp']) {
      expect(isCompressible(t), t).toBe(false);
    }
  });
});
