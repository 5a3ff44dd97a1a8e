// Inspection fixtures for API tests: the built-in checklists in the test district, certificate
// numbers, inspection photos, and a draft filled item by item through the API.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TStoredFile } from '../../contract/files.ts';
import type { TInspectionDetail } from '../../contract/inspections.ts';
import { itemsOf } from '../../domain/checklists/checklist.ts';
import { CHONGMING_SPOT_CHECK } from '../../domain/checklists/seed-checklists.ts';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { seedChecklistTemplates } from '../modules/checklists/checklists.seed.ts';
import { tinyPng } from './hazards.ts';
import { type Session, multipartBody } from './http.ts';

/** The seed checklists as version 1 in a district. */
export function seedTemplates(db: Db, districtId: string, now: Date): Promise<void> {
  return db.transaction((tx) => seedChecklistTemplates(tx, districtId, null, now));
}

export async function setCertificate(db: Db, userId: string, certificateNo: string | null): Promise<void> {
  await db.update(users).set({ enforcementCertificateNo: certificateNo }).where(eq(users.id, userId));
}

/** 崇明 spot-check items: seven 符合/不符合 items, no photos required. */
export const SPOT = { code: CHONGMING_SPOT_CHECK.code, keys: itemsOf(CHONGMING_SPOT_CHECK).map((i) => i.key) };

export async function uploadInspectionPhoto(s: Session): Promise<TStoredFile> {
  const { payload, headers } = multipartBody({ filename: '检查照片.png', contentType: 'image/png', data: tinyPng() }, { purpose: 'inspection' });
  const res = await s.request('POST', '/api/files', payload, { headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TStoredFile;
}

export async function startInspection(s: Session, body: Record<string, unknown>): Promise<TInspectionDetail> {
  const res = await s.request('POST', '/api/inspections', { inspectedOn: '2024-06-03', templateCode: SPOT.code, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TInspectionDetail;
}

export async function answer(s: Session, id: string, itemKey: string, body: Record<string, unknown>): Promise<TInspectionDetail> {
  const res = await s.request('PUT', `/api/inspections/${id}/answers/${itemKey}`, body);
  expect(res.statusCode, `${itemKey}: ${res.body}`).toBe(200);
  return res.json() as TInspectionDetail;
}

/** Answers every item 符合 except `failed`, answered 不符合 with a comment, a photo and a hazard draft in `sectorId`. */
export async function fillSpotCheck(s: Session, id: string, o: { failed?: string[]; sectorId: string }): Promise<TInspectionDetail> {
  let d: TInspectionDetail | null = null;
  for (const key of SPOT.keys) {
    const failed = o.failed?.includes(key) ?? false;
    d = await answer(
      s, id, key,
      failed
        ? {
            result: 'nonconform', comment: `现场发现问题：${key}`, photoIds: [(await uploadInspectionPhoto(s)).id],
            hazardDraft: { level: 'general', description: `检查发现：${key}`, location: '生产车间', sectorId: o.sectorId, dueDate: '2024-06-30' },
          }
        : { result: 'conform' },
    );
  }
  return d!;
}

export async function getInspection(s: Session, id: string): Promise<TInspectionDetail> {
  const res = await s.get(`/api/inspections/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TInspectionDetail;
}
