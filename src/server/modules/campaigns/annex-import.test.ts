// Seed 000's 附件1 (47 rows: numbered 1–46 with "40" twice) imported through the API as a township
// office would: as the .xlsx its office keeps and as the .docx the plan is issued in, every 责任单位
// matched to a real unit after the office's aliases, every 时限要求 read; committed in one go and
// re-imported without duplicates. Also the limits of what an upload may be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAnnexPreview } from '../../../contract/campaign-progress.ts';
import type { TCampaignDetail } from '../../../contract/campaigns.ts';
import { annexDocx, annexXlsx } from '../../../cli/demo/annex-files.ts';
import { LIN_E_2023_ANNEX } from '../../../cli/demo/data/lin-e-2023-annex.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type UnitRow, buildDepartment, buildDistrict, buildTownship, buildUser, buildVillage } from '../../test/factories.ts';
import { type Session, errorOf, loginAs, multipartBody } from '../../test/http.ts';

let t: TestApp;
let office: Session;
let campaign: TCampaignDetail;
const units = new Map<string, UnitRow>();

const DEPARTMENTS = ['党政办公室', '应急办', '党群办', '规建办', '经发办', '社会事务办'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const upload = (filename: string, data: Buffer, contentType: string) => {
  const { payload, headers } = multipartBody({ filename, data, contentType });
  return office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/preview`, payload, { headers });
};
const preview = async (filename: string, data: Buffer, contentType: string) => {
  const res = await upload(filename, data, contentType);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TAnnexPreview;
};

beforeAll(async () => {
  t = await createTestApp();
  const D = await buildDistrict(t.db, { name: '黔江区' });
  const T = await buildTownship(t.db, { district: D, name: '邻鄂镇' });
  for (const name of DEPARTMENTS) units.set(name, await buildDepartment(t.db, { parent: T, sectorIds: [], name }));
  for (const name of ['邻鄂社区', '杉岭村', '双龙村']) units.set(name, await buildVillage(t.db, { township: T, name }));
  const u = await buildUser(t.db, { role: 'office', unit: T });
  office = await loginAs(t.app, u.username, u.password);
  const res = await office.request('PUT', '/api/unit-aliases', { items: [{ alias: '党政办', unitId: units.get('党政办公室')!.id }] });
  expect(res.statusCode, res.body).toBe(200);
  const c = await office.request('POST', '/api/campaigns', { name: '邻鄂镇重大事故隐患专项排查整治2023行动', periodStart: '2023-05-18', periodEnd: '2023-12-31' });
  expect(c.statusCode, c.body).toBe(200);
  campaign = c.json() as TCampaignDetail;
});
afterAll(() => t?.close());

function expectSeedAnnex(p: TAnnexPreview) {
  expect(p.rows).toHaveLength(47);
  expect(p.problems).toEqual([]);
  expect(p.summary).toMatchObject({ rows: 47, unmatchedRows: 0, unreadRows: 0 });
  expect(p.rows.filter((r) => r.number === '40').map((r) => r.groupName)).toEqual(['四、火灾防控“除险清患”行动', '五、“三大作业”集中排查整治行动']);
  // 党政办、应急办 → two units; 各相关科室 → every department; 应急办、各村（居） → 应急办 and every village.
  expect(p.rows[0]!.unitIds.sort()).toEqual([units.get('党政办公室')!.id, units.get('应急办')!.id].sort());
  expect(p.rows[10]!.unitIds).toHaveLength(DEPARTMENTS.length);
  expect(p.rows[8]!.unitIds).toHaveLength(1 + 3);
  expect(p.rows[3]!.deadline.dueDates).toEqual(['2023-08-20', '2023-11-20']); // 8月中旬、11月中旬
  expect(p.rows[5]!.deadline.dueDates).toHaveLength(8); // 每月, June… December plus May's end
  expect(p.rows[11]!.deadline.kind).toBe('continuous'); // 常态化
  for (const [i, r] of p.rows.entries()) expect(r.deadlineText, `row ${i + 1}`).toBe(LIN_E_2023_ANNEX[i]!.deadline);
}

describe('importing seed 000\'s annex', () => {
  it('reads the .xlsx: 47 rows, every unit matched, no deadline left unread', async () => {
    expectSeedAnnex(await preview('附件1.xlsx', await annexXlsx(LIN_E_2023_ANNEX), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  });

  it('reads the .docx the plan is issued in, with its merged cells', async () => {
    expectSeedAnnex(await preview('邻鄂镇专项行动方案.docx', await annexDocx(LIN_E_2023_ANNEX), DOCX));
  });

  it('commits all rows at once, and re-importing updates them', async () => {
    const p = await preview('附件1.xlsx', await annexXlsx(LIN_E_2023_ANNEX), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = p.rows.map((r) => ({ ...r, deadlineConfirmed: r.deadline.needsConfirmation }));
    const first = await office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/commit`, { rows });
    expect(first.json()).toEqual({ created: 47, updated: 0 });
    const again = await preview('附件1.xlsx', await annexXlsx(LIN_E_2023_ANNEX), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(again.summary.updates).toBe(47);
    const second = await office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/commit`, { rows });
    expect(second.json()).toEqual({ created: 0, updated: 47 });
    const list = (await office.get(`/api/campaigns/${campaign.id}/tasks?pageSize=100`)).json() as { total: number; items: { number: string }[] };
    expect(list.total).toBe(47);
    expect(list.items.map((i) => i.number).filter((n) => n === '40')).toHaveLength(2);
  });

  it('tells lead units from co-operating ones (配合单位)', async () => {
    const text = ['序号\t工作要求\t牵头单位\t配合单位\t时限要求', '1\t开展燃气安全专项检查\t规建办\t应急办、各村（居）\t2023年9月30日前'].join('\n');
    const res = await office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/preview`, { text });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = (res.json() as TAnnexPreview).rows;
    expect(row!.leadUnitIds).toEqual([units.get('规建办')!.id]);
    expect(row!.unitIds).toHaveLength(1 + 1 + 3);
  });

  it('refuses what is not an annex, in words', async () => {
    const res = await upload('方案.pdf', Buffer.from('%PDF-1.4'), 'application/pdf');
    expect(res.statusCode).toBe(415);
    expect(errorOf(res).message).toContain('.xlsx');
    const empty = await office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/preview`, { text: '' });
    expect(empty.statusCode).toBe(400);
    const noHeader = await office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/preview`, { text: '随便写的一段话' });
    expect(noHeader.statusCode, noHeader.body).toBe(200);
    expect((noHeader.json() as TAnnexPreview).problems.length).toBeGreaterThan(0);
  });
});
