// Issue 9: the 崇明 spot-check items are worded as violations, so the record read
// "电焊等特种作业岗位人员无证上岗作业 — 符合". Each item now states its question and the words of its
// answers; the printed record (the HTML Chromium prints) reads them, results stay stored as
// conform/nonconform, and a version stored before the wording existed reads as it always did.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TChecklistDetail, TChecklistVersionView } from '../../../contract/checklists.ts';
import type { TInspectionDetail } from '../../../contract/inspections.ts';
import { type StoredTemplateContent, TEMPLATE_VERSION_REFUSAL_MESSAGES, itemsOf } from '../../../domain/checklists/checklist.ts';
import { CHONGMING_SPOT_CHECK } from '../../../domain/checklists/seed-checklists.ts';
import { checklistTemplateVersions, checklistTemplates, inspectionAnswers } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import type { BuiltUser } from '../../test/factories.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { SPOT, fillSpotCheck, seedTemplates, startInspection } from '../../test/inspections.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { inspectionRecordHtml } from './inspections.pdf.ts';

let t: TestApp;
let w: World;
let village: Session;
let office: Session;

/** The 崇明 checklist as a district stored it before items had a question or answer words. */
const OLD_CODE = 'chongming-spot-check-2023';
const oldContent = (): StoredTemplateContent => ({
  ...structuredClone(CHONGMING_SPOT_CHECK),
  code: OLD_CODE,
  description: '各项为调度表栏目原文；抽查发现企业存在该情形的，判定为“不符合”，计入调度表该栏（家）。',
  groups: CHONGMING_SPOT_CHECK.groups.map((g) => ({
    title: g.title,
    items: g.items.map(({ question: _q, finding: _f, answerLabels: _a, ...i }) => i),
  })),
});

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await seedTemplates(t.db, w.D.id, t.clock.now());
  const now = t.clock.now();
  const [tpl] = await t.db
    .insert(checklistTemplates)
    .values({ districtId: w.D.id, code: OLD_CODE, name: CHONGMING_SPOT_CHECK.name, audience: 'spot_check', currentVersion: 1, createdAt: now, updatedAt: now })
    .returning();
  await t.db.insert(checklistTemplateVersions).values({ districtId: w.D.id, templateId: tpl!.id, version: 1, content: oldContent(), itemCount: 7, publishedAt: now });
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  village = await login(w.users.villageV1a);
  office = await login(w.users.officeT1);
});
afterAll(() => t?.close());

/** Number, question and result cell of each item row of the printed record. */
function recordRows(html: string): [string, string, string][] {
  return [...html.matchAll(/<tr><td class="r">(\d+)<\/td><td>(.*?)(?:<div class="muted">.*?<\/div>)?<\/td><td class="r">(.*?)<\/td>/g)].map((m) => [m[1]!, m[2]!, m[3]!]);
}

async function completedSpotCheck(templateCode: string, failed: string[]): Promise<TInspectionDetail> {
  const d = await startInspection(village, { type: 'spot_check', enterpriseId: w.enterprises.a.id, templateCode });
  const filled = await fillSpotCheck(village, d.id, { failed, sectorId: w.chem.id });
  const res = await village.request('POST', `/api/inspections/${d.id}/complete`, { version: filled.version, representative: { kind: 'signed', name: '张厂长' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TInspectionDetail;
}

describe('the 崇明 spot check reads as questions answered 是 or 否', () => {
  it('the record asks whether each finding holds and answers 否, or 是 for the one found; never the finding marked 符合', async () => {
    const d = await completedSpotCheck(SPOT.code, ['special-work-certificates']);
    const item = d.template.groups[0]!.items.find((i) => i.key === 'special-work-certificates')!;
    expect(item).toMatchObject({
      content: '电焊等特种作业岗位人员无证上岗作业',
      question: '是否存在“电焊等特种作业岗位人员无证上岗作业”的情形？',
      finding: null,
      answerLabels: { conform: '否', nonconform: '是', not_applicable: '不适用' },
    });

    const rows = recordRows(inspectionRecordHtml(d, new Map()));
    expect(rows).toEqual(itemsOf(CHONGMING_SPOT_CHECK).map((i, n) => [
      String(n + 1), `是否存在“${i.content}”的情形？`, i.key === 'special-work-certificates' ? '是' : '否',
    ]));
    expect(rows.some(([, , v]) => v === '符合' || v === '不符合')).toBe(false);

    // The words change, not what is stored or counted: 是 is a nonconform answer and one failed item.
    expect(d.failedCount).toBe(1);
    const stored = await t.db.select().from(inspectionAnswers).where(and(eq(inspectionAnswers.inspectionId, d.id), eq(inspectionAnswers.itemKey, item.key)));
    expect(stored[0]!.result).toBe('nonconform');
  });
});

describe('a version stored before items had a question or answer words', () => {
  let templateId: string;
  beforeAll(async () => {
    templateId = (await t.db.select().from(checklistTemplates).where(eq(checklistTemplates.code, OLD_CODE)))[0]!.id;
  });

  it('reads with the defaults: no question, 符合/不符合/不适用', async () => {
    const res = await office.get(`/api/checklists/${templateId}/versions/1`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as TChecklistVersionView;
    for (const i of v.groups[0]!.items) expect([i.question, i.finding, i.answerLabels]).toEqual([null, null, null]);
  });

  it('is still filled, completed and printed, as before', async () => {
    const d = await completedSpotCheck(OLD_CODE, ['outsourcing']);
    const rows = recordRows(inspectionRecordHtml(d, new Map()));
    expect(rows.map(([, q, v]) => [q, v])).toEqual(itemsOf(CHONGMING_SPOT_CHECK).map((i) => [i.content, i.key === 'outsourcing' ? '不符合' : '符合']));
  });

  it('is the same content as its items with empty wording, and gets the wording by publishing the next version', async () => {
    const detail = (await office.get(`/api/checklists/${templateId}`)).json() as TChecklistDetail;
    const body = { ...detail.current, baseVersion: 1 };
    const same = await office.request('POST', `/api/checklists/${templateId}/versions`, body);
    expect(same.statusCode).toBe(400);
    expect(errorOf(same).message).toBe(TEMPLATE_VERSION_REFUSAL_MESSAGES.unchanged);

    const worded = { ...body, description: CHONGMING_SPOT_CHECK.description, groups: CHONGMING_SPOT_CHECK.groups };
    const res = await office.request('POST', `/api/checklists/${templateId}/versions`, worded);
    expect(res.statusCode, res.body).toBe(200);
    const v2 = res.json() as TChecklistDetail;
    expect(v2.currentVersion).toBe(2);
    expect(v2.current.groups[0]!.items[4]!.answerLabels).toEqual({ conform: '否', nonconform: '是', not_applicable: '不适用' });
    const diff = (await office.get(`/api/checklists/${templateId}/diff?from=1&to=2`)).json() as { changed: { key: string }[] };
    expect(diff.changed).toHaveLength(7);
  });

  it('refuses answer words on an item that is not answered 符合/不符合, at the item’s field', async () => {
    const detail = (await office.get(`/api/checklists/${templateId}`)).json() as TChecklistDetail;
    const groups = structuredClone(detail.current.groups);
    groups[0]!.items[0] = { ...groups[0]!.items[0]!, responseType: 'text' };
    groups[0]!.items[1] = { ...groups[0]!.items[1]!, answerLabels: { conform: '否', nonconform: '否', not_applicable: '不适用' } };
    const res = await office.request('POST', `/api/checklists/${templateId}/versions`, { ...detail.current, groups, baseVersion: detail.currentVersion });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({
      'groups.0.items.0.answerLabels': ['只有“符合/不符合/不适用”类检查项可以设置回答文字和发现问题表述'],
      'groups.0.items.1.answerLabels': ['回答文字须为三个不同的词，每个不超过8个字'],
    });
  });
});
