// An export reads its first batch before it sends a byte: a failure there answers the error
// envelope, never a 200 with a cut-off file; the rest streams batch by batch.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../test/xlsx.ts';
import { registerErrorHandler } from './error-handler.ts';
import { AppError } from './errors.ts';
import { sendXlsxExport } from './xlsx-export.ts';

async function appWith(batches: () => AsyncGenerator<unknown[][]>) {
  const app = Fastify();
  registerErrorHandler(app, { jsonBodyBytes: 1 << 20, uploadBytes: 20 << 20 });
  app.get('/export', (_req, reply) => sendXlsxExport(reply, '导出.xlsx', { sheet: '表', columns: [{ header: '编号', width: 10 }], batches: batches() }));
  await app.ready();
  return app;
}

describe('streamed xlsx exports', () => {
  it('a failure before the first batch answers the error envelope', async () => {
    const app = await appWith(async function* () {
      throw new AppError('VALIDATION', '筛选条件有误', { from: ['日期不存在'] });
      yield []; // never reached: the generator fails before its first batch
    });
    const res = await app.inject({ method: 'GET', url: '/export' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'VALIDATION', message: '筛选条件有误', fieldErrors: { from: ['日期不存在'] } } });
    await app.close();
  });

  it('writes every batch in order, with no row cap', async () => {
    const app = await appWith(async function* () {
      for (let b = 0; b < 3; b++) yield Array.from({ length: 25_000 }, (_, i) => [`#${b * 25_000 + i}`]);
    });
    const res = await app.inject({ method: 'GET', url: '/export' });
    expect(res.statusCode).toBe(200);
    const { headers, rows } = await readXlsx(res.rawPayload);
    expect(headers).toEqual(['编号']);
    expect(rows.length).toBe(75_000);
    expect(rows[0]).toEqual({ 编号: '#0' });
    expect(rows.at(-1)).toEqual({ 编号: '#74999' });
    await app.close();
  });
});
