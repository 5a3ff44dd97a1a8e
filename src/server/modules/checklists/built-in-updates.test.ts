// A district that loaded the built-in checklists before the 崇明 items stated their question and
// answer words still holds them as they were. The office is offered 更新内置检查表: each untouched
// copy gets the new wording as its next version, audited; past versions stay; an edited copy and
// other districts are left alone, and nothing is published behind the office's back.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TChecklistDetail } from '../../../contract/checklists.ts';
import { CHONGMING_BEFORE_WORDING } from '../../../domain/checklists/built-in-updates.ts';
import { itemsOf } from '../../../domain/checklists/checklist.ts';
import { CHONGMING_SPOT_CHECK, DASHENG_SMALL_VENUE, SEED_CHECKLISTS } from '../../../domain/checklists/seed-checklists.ts';
import { auditLog, checklistTemplateVersions, checklistTemplates } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type UnitRow, buildDistrict, buildTownship, buildUser, buildVillage } from '../../test/factories.ts';
import { type Session, loginAs } from '../../test/http.ts';
import { seedChecklistTemplates } from './checklists.seed.ts';

let t: TestApp;

/** A district whose built-in copies an earlier release stored: the 崇明 one without wording (items with no such fields at all). */
async function districtFromEarlierRelease(name: string): Promise<{ d: UnitRow; admin: Session; village: Session }> {
  const d = await buildDistrict(t.db, { name });
  const now = t.clock.now();
  await seedChecklistTemplates(t.db, d.id, null, now);
  const [spot] = await t.db.select().from(checklistTemplates).where(and(eq(checklistTemplates.districtId, d.id), eq(checklistTemplates.code, CHONGMING_SPOT_CHECK.code)));
  const stored = {
    ...CHONGMING_BEFORE_WORDING,
    groups: CHONGMING_BEFORE_WORDING.groups.map((g) => ({ ...g, items: g.items.map(({ question: _q, finding: _f, answerLabels: _a, ...i }) => i) })),
  };
  await t.db.update(checklistTemplateVersions).set({ content: stored }).where(eq(checklistTemplateVersions.templateId, spot!.id));
  const a = await buildUser(t.db, { role: 'admin', unit: d });
  const v = await buildUser(t.db, { role: 'village', unit: await buildVillage(t.db, { township: await buildTownship(t.db, { district: d }) }) });
  return { d, admin: await loginAs(t.app, a.username, a.password), village: await loginAs(t.app, v.username, v.password) };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('更新内置检查表', () => {
  it('is offered to the office while a built-in copy is behind, and publishes the new wording as the next version', async () => {
    const { d, admin, village } = await districtFromEarlierRelease('旧版区');
    expect((await admin.get('/api/checklists')).json().allowedActions).toEqual(['update_built_ins']);
    expect((await village.get('/api/checklists')).json().allowedActions).toEqual([]);
    expect((await village.request('POST', '/api/checklists/built-ins/update')).statusCode).toBe(403);

    const res = await admin.request('POST', '/api/checklists/built-ins/update');
    expect(res.statusCode, res.body).toBe(200);
    const { updated } = res.json() as { updated: { id: string; code: string; version: number }[] };
    expect(updated.map((u) => [u.code, u.version])).toEqual([[CHONGMING_SPOT_CHECK.code, 2]]);

    const detail = (await admin.get(`/api/checklists/${updated[0]!.id}`)).json() as TChecklistDetail;
    expect(itemsOf(detail.current).map((i) => i.question)).toEqual(itemsOf(CHONGMING_SPOT_CHECK).map((i) => i.question));
    expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
    // Version 1 stays as it was, read with the defaults.
    const v1 = (await admin.get(`/api/checklists/${updated[0]!.id}/versions/1`)).json() as TChecklistDetail['current'];
    expect(itemsOf(v1).every((i) => i.question === null && i.answerLabels === null)).toBe(true);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.districtId, d.id), eq(auditLog.action, 'checklist.update_builtin')));
    expect(audit).toHaveLength(1);

    // Nothing left to offer, and a second call publishes nothing.
    expect((await admin.get('/api/checklists')).json().allowedActions).toEqual([]);
    expect((await admin.request('POST', '/api/checklists/built-ins/update')).json()).toEqual({ updated: [] });
  });

  it('leaves a copy the district edited, and the other built-ins, alone', async () => {
    const { admin } = await districtFromEarlierRelease('改过的区');
    const spotId = (await admin.get('/api/checklists?q=chongming')).json().items[0].id as string;
    const spot = (await admin.get(`/api/checklists/${spotId}`)).json() as TChecklistDetail;
    const edited = await admin.request('POST', `/api/checklists/${spotId}/versions`, { ...spot.current, name: '本区抽查检查表', baseVersion: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await admin.get('/api/checklists')).json().allowedActions).toEqual([]);
    expect((await admin.request('POST', '/api/checklists/built-ins/update')).json()).toEqual({ updated: [] });
    const venue = (await admin.get(`/api/checklists?q=${DASHENG_SMALL_VENUE.code}`)).json().items[0];
    expect(venue.currentVersion).toBe(1);
  });

  it('a district loaded by this release is current already', async () => {
    const d = await buildDistrict(t.db, { name: '新区' });
    await seedChecklistTemplates(t.db, d.id, null, t.clock.now());
    const a = await buildUser(t.db, { role: 'admin', unit: d });
    const admin = await loginAs(t.app, a.username, a.password);
    expect((await admin.get('/api/checklists')).json()).toMatchObject({ total: SEED_CHECKLISTS.length, allowedActions: [] });
  });
});
