// The quick report through the HTTP API on a real database: photos, sources, levels, 即查即改, numbering.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../../contract/hazards.ts';
import { auditLog, files as filesTable } from '../../db/schema/index.ts';
import { act, fullPlan, reportBody, reportHazard, uploadPhoto } from '../../test/hazards.ts';
import { errorOf, abilitiesOf } from '../../test/http.ts';
import { entB, leader, now, office, otherVillage, reportAtA, reportAtB, t, useHazardWorld, village, w } from './hazards.test-world.ts';

useHazardWorld();

describe('quick report', () => {
  it('refuses a due date before today, in the report and in a plan', async () => {
    const res = await village.request('POST', '/api/hazards', reportBody(now(), {
      enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, beforePhotoIds: [], dueDate: '2024-06-02',
    }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ dueDate: ['整改期限不能早于今天'] });
    const h = await reportAtB();
    const plan = await act(entB, h.id, { action: 'submit_plan', plan: fullPlan({ dueDate: '2024-06-02' }) });
    expect(plan.statusCode).toBe(400);
    expect(errorOf(plan).fieldErrors).toEqual({ 'plan.dueDate': ['整改期限不能早于今天'] });
  });

  it('creates a reported hazard with its before photo, a number, and the reporting village responsible', async () => {
    const photo = await uploadPhoto(village, 'before');
    expect(photo).toMatchObject({ kind: 'photo', mime: 'image/png', purpose: 'before', url: `/api/files/${photo.id}` });
    const res = await village.request('POST', '/api/hazards', reportBody(now(), {
      enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, beforePhotoIds: [photo.id], category: '电气', dueDate: '2024-06-30',
    }));
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as THazardDetail;
    expect(h).toMatchObject({
      status: 'reported', level: 'general', source: 'village', fixedOnSpot: false, enterpriseId: w.enterprises.b.id,
      enterpriseName: '乙商贸有限公司', villageId: w.V1a.id, villageName: '一村', sectorName: '消防', category: '电气',
      responsibleUnitId: w.V1a.id, responsibleUnitName: '一村', dueDate: '2024-06-30', overdue: false, version: 1,
      reopenCount: 0, transferCount: 0, pendingTransfer: false, listingLevel: null, closedAt: null, signatureHash: null,
      foundByUnitName: '一村',
    });
    expect(h.number).toMatch(/^[A-Z]+-2024-\d{6}$/);
    expect(h.beforePhotos.map((p) => p.id)).toEqual([photo.id]);
    expect(h.afterPhotos).toEqual([]);
    expect(h.events).toHaveLength(1);
    expect(h.events[0]).toMatchObject({ action: 'report', fromStatus: null, toStatus: 'reported', actorUnitName: '一村' });
    expect([...h.allowedActions].sort()).toEqual(['edit', 'request_extension', 'submit_plan', 'transfer', 'void']);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, h.id));
    expect(audit).toMatchObject({ action: 'hazard.create', entityType: 'hazard' });

    // the photo downloads for those who see the hazard, and for nobody else
    const dl = await village.get(photo.url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect((await entB.get(photo.url)).statusCode).toBe(200);
    expect((await otherVillage.get(photo.url)).statusCode).toBe(404);
  });

  it('numbers hazards one after another', async () => {
    const a = await reportAtB();
    const b = await reportAtB();
    const seq = (n: string) => Number(n.split('-').at(-1));
    expect(seq(b.number)).toBe(seq(a.number) + 1);
  });

  it('parallel reports get distinct numbers; one photo sent with two parallel reports goes to one of them', async () => {
    const body = () => reportBody(now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id });
    const many = await Promise.all(Array.from({ length: 5 }, () => village.request('POST', '/api/hazards', body())));
    expect(many.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const seqs = many.map((r) => Number((r.json() as THazardDetail).number.split('-').at(-1))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(5);
    expect(seqs.at(-1)! - seqs[0]!).toBe(4);

    const photo = await uploadPhoto(village, 'before');
    const two = await Promise.all([0, 1].map(() => village.request('POST', '/api/hazards', { ...body(), beforePhotoIds: [photo.id] })));
    expect(two.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const rows = await t.db.select({ ownerId: filesTable.ownerId }).from(filesTable).where(eq(filesTable.id, photo.id));
    expect(rows[0]!.ownerId).toBe((two.find((r) => r.statusCode === 200)!.json() as THazardDetail).id);
  });

  it('office reports go to the department that supervises the sector in the township', async () => {
    const h = await reportAtA({ source: 'department' }, office);
    expect(h).toMatchObject({ responsibleUnitId: w.depChemT1.id, responsibleUnitName: '应急站' });
  });

  it.each([
    [{ description: '  ' }, 'description', '请填写隐患描述'],
    [{ level: 'major', criterion: null }, 'criterion', '重大隐患须填写判定依据'],
    [{ level: 'major', criterion: ' ' }, 'criterion', '重大隐患须填写判定依据'],
    [
      { level: 'major', criterion: '未设置防雷设施', fixedOnSpot: true, afterPhotoIds: ['00000000-0000-4000-8000-000000000001'], rectificationNote: '已整改' },
      'fixedOnSpot', '重大隐患须制定五落实方案，不能即查即改',
    ],
    [{ fixedOnSpot: true, rectificationNote: '已整改' }, 'afterPhotoIds', '即查即改须上传整改后照片'],
    [{ fixedOnSpot: true, afterPhotoIds: ['00000000-0000-4000-8000-000000000001'], rectificationNote: null }, 'rectificationNote', '即查即改须填写整改情况'],
    [{ source: 'nowhere' }, 'source', undefined],
  ])('refuses %o with a field error on %s', async (patch, field, message) => {
    const res = await village.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, ...patch }));
    expect(res.statusCode, res.body).toBe(400);
    const err = errorOf(res);
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fieldErrors ?? {})).toContain(field);
    if (message) expect(err.fieldErrors?.[field]).toContain(message);
    else expect(err.fieldErrors?.[field]?.[0]).toMatch(/\p{Script=Han}/u); // Chinese, never zod's English default
  });

  it('refuses a found time in the future and an enterprise outside the reporter’s scope', async () => {
    const future = await village.request('POST', '/api/hazards', reportBody(now(), {
      enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, foundAt: new Date(now().getTime() + 3600_000).toISOString(),
    }));
    expect(errorOf(future).fieldErrors).toHaveProperty('foundAt');
    const outside = await village.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.d.id, sectorId: w.chem.id }));
    expect(outside.statusCode).toBe(400);
    expect(errorOf(outside).fieldErrors).toHaveProperty('enterpriseId');
  });

  it('an enterprise reports only its own self-inspection findings', async () => {
    const own = await reportHazard(entB, now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, source: 'self_inspection' });
    expect(own).toMatchObject({ status: 'reported', source: 'self_inspection', foundByUnitName: '一村' });
    const wrongSource = await entB.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id }));
    expect(errorOf(wrongSource).fieldErrors?.source).toEqual(['企业只能报告自查发现的隐患']);
    const other = await entB.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, source: 'self_inspection' }));
    expect(errorOf(other).fieldErrors).toHaveProperty('enterpriseId');
  });

  it('a leader cannot report', async () => {
    const res = await leader.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.d.id, sectorId: w.chem.id }));
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(await abilitiesOf(leader)).not.toContain('create:hazard');
  });

  it('the caller\'s abilities tell who may report and who may import a ledger', async () => {
    expect(await abilitiesOf(leader)).not.toContain('import:hazard');
    expect(await abilitiesOf(entB)).not.toContain('import:hazard');
    expect(await abilitiesOf(village)).toContain('import:hazard');
    expect(await abilitiesOf(village)).toContain('create:hazard');
  });
});
