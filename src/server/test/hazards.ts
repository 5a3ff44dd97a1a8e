// Hazard fixtures for API tests: real image bytes, uploads through POST /api/files, a quick
// report, and actions that fetch the current version first unless one is given.
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TStoredFile } from '../../contract/files.ts';
import type { THazardDetail } from '../../contract/hazards.ts';
import { type Session, multipartBody } from './http.ts';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

let pngSeq = 0;
/** A valid 2×2 RGB PNG; each call gives different pixels (and so a different hash) unless `rgb` is given. */
export function tinyPng(rgb?: [number, number, number]): Buffer {
  const n = ++pngSeq;
  const [r, g, b] = rgb ?? [n & 0xff, (n >> 8) & 0xff, 0x80];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0); // width
  ihdr.writeUInt32BE(2, 4); // height
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // colour type: RGB
  const row = Buffer.from([0, r, g, b, r, g, b]); // filter byte + two pixels
  const raw = Buffer.concat([row, row]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1×1 baseline JPEG, complete to its EOI marker (one copy: the files module's fixtures). */
export { TINY_JPEG } from '../modules/files/files.fixtures.ts';

/** POST /api/files (multipart field `file`, optional `purpose`). */
export function upload(
  s: Session,
  file: { filename: string; data: Buffer; contentType?: string },
  purpose?: 'before' | 'after' | 'plan' | 'evidence' | 'report',
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartBody({ contentType: 'image/png', ...file }, purpose ? { purpose } : {});
  return s.request('POST', '/api/files', payload, { headers });
}

/** Uploads a fresh PNG and returns the stored file (fails the test otherwise). */
export async function uploadPhoto(s: Session, purpose?: 'before' | 'after' | 'evidence', filename = '现场照片.png'): Promise<TStoredFile> {
  const res = await upload(s, { filename, data: tinyPng() }, purpose);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TStoredFile;
}

export interface ReportInput {
  enterpriseId: string;
  sectorId: string;
  [k: string]: unknown;
}

/** A quick-report body: a general hazard found an hour before `now`. */
export function reportBody(now: Date, o: ReportInput): Record<string, unknown> {
  return {
    source: 'village',
    foundAt: new Date(now.getTime() - 3600_000).toISOString(),
    description: '配电箱未上锁，电线裸露',
    location: '一号车间东侧',
    level: 'general',
    ...o,
  };
}

/** Reports a hazard with one uploaded before photo (unless beforePhotoIds is given); asserts 200. */
export async function reportHazard(s: Session, now: Date, o: ReportInput): Promise<THazardDetail> {
  const beforePhotoIds = o.beforePhotoIds ?? [(await uploadPhoto(s, 'before')).id];
  const res = await s.request('POST', '/api/hazards', reportBody(now, { ...o, beforePhotoIds }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as THazardDetail;
}

export async function getHazard(s: Session, id: string): Promise<THazardDetail> {
  const res = await s.get(`/api/hazards/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as THazardDetail;
}

/** POST /api/hazards/:id/actions; without `version` in the body, reads the current one first (as `reader`, default `s`). */
export async function act(s: Session, id: string, body: Record<string, unknown>, reader: Session = s): Promise<LightMyRequestResponse> {
  const version = body.version ?? (await getHazard(reader, id)).version;
  return s.request('POST', `/api/hazards/${id}/actions`, { ...body, version });
}

/** As act(), and asserts 200; returns the detail. */
export async function actOk(s: Session, id: string, body: Record<string, unknown>, reader: Session = s): Promise<THazardDetail> {
  const res = await act(s, id, body, reader);
  expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(200);
  return res.json() as THazardDetail;
}

/** A complete 五落实 plan. */
export const fullPlan = (o: Record<string, unknown> = {}) => ({
  owner: '张安全',
  measures: '更换配电箱并加锁，裸露电线穿管',
  fundsYuan: 3500,
  dueDate: '2024-06-20',
  contingencyPlan: '整改期间断电挂牌，设专人看护',
  ...o,
});

/** A 双报告 discovery report to the department or the government. */
export const discoveryReport = (recipient: 'department' | 'government', at: Date) => ({
  action: 'record_dual_report', kind: 'discovery', recipient, reportedAt: at.toISOString(),
  reportedBy: '张安全', reportedTo: recipient === 'department' ? '镇应急管理站' : '镇人民政府', method: '书面报告',
});

export const HEX64 = /^[0-9a-f]{64}$/;
