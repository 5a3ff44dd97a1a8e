// A township's own Excel form as a template, through the API on a real database: the office
// uploads its .xlsx (a merged title, merged two-level headings, a text box), binds blank cells to
// metrics and one to a manual figure, attaches it to a campaign; a unit fills it; the export is
// that same workbook with the figures in the bound cells, its merges, formats, print settings and
// text box kept. A grid form gets one row per unit and its 合计 formula grows with the rows.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TWorkbookPreview } from '../../../../contract/report-workbooks.ts';
import type { TCampaignForms, TSubmissionDetail, TemplateList } from '../../../../contract/reports.ts';
import type { z } from '../../../../contract/zod.ts';
import { campaigns } from '../../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../../test/app.ts';
import { createTestClock } from '../../../test/clock.ts';
import { buildUser } from '../../../test/factories.ts';
import { type Session, errorOf, loginAs, multipartBody } from '../../../test/http.ts';
import { buildMetricsWorld } from '../metrics/metrics-world.ts';
import { TEXT_BOX_TEXT, ownGridForm, ownSheetForm } from './workbook.fixtures.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildMetricsWorld>>;
let office: Session, dept: Session, v1: Session, v2: Session;
let campaignId: string;
const DUE = '2026-11-28';

const upload = (s: Session, data: Buffer, filename = '本镇调度表.xlsx') => {
  const m = multipartBody({ filename, data });
  return s.request('POST', '/api/report-templates/workbook', m.payload, { headers: m.headers });
};
const computed = (indicator: string, label: string, metric: string, params?: Record<string, string>) =>
  ({ indicator, label, unit: null, source: { kind: 'computed', metric, ...(params ? { params } : {}) } });
const manual = (indicator: string, label: string, type: 'number' | 'yesno' | 'amount' | 'text') => ({ indicator, label, unit: null, source: { kind: 'manual', type } });
const SHEET_CELLS = {
  B5: computed('hazards', '排查隐患', 'hazards.found'),
  C5: computed('hazards_fixed', '已整改隐患', 'hazards.rectified'),
  D5: computed('fines', '罚款', 'cases.fines'),
  E5: manual('meeting', '是否召开专题会', 'yesno'),
};
const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;
const openXlsx = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
};
const download = async (s: Session, url: string) => {
  const res = await s.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
const partsOf = async (buf: Buffer) => {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('string'));
  return out;
};

async function saveTemplate(s: Session, body: Record<string, unknown>) {
  return s.request('POST', '/api/report-templates', { fillers: ['department'], dueText: '每月28日前', cumulative: true, graceDays: 3, ...body });
}

async function attach(ref: string, name: string) {
  const res = await office.request('POST', `/api/campaigns/${campaignId}/report-forms`, { ref });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as TCampaignForms).items.find((f) => f.name === name)!;
}

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock('2026-12-01T02:00:00Z') });
  w = await buildMetricsWorld(t.db);
  const login = async (role: Parameters<typeof buildUser>[1]['role'], unit: Parameters<typeof buildUser>[1]['unit']) => {
    const u = await buildUser(t.db, { role, unit });
    return loginAs(t.app, u.username, u.password);
  };
  office = await login('office', w.T);
  dept = await login('department', w.dept);
  v1 = await login('village', w.V1);
  v2 = await login('village', w.V2);
  campaignId = randomUUID();
  await t.db.insert(campaigns).values({
    id: campaignId, districtId: w.D.id, townshipId: w.T.id, name: '秋冬季安全生产大排查', periodStart: '2026-11-01', periodEnd: '2027-01-31',
    publishedAt: new Date('2026-10-31T00:00:00Z'), createdBy: randomUUID(),
  });
});
afterAll(() => t.close());

describe('a township\'s own sheet form', () => {
  let original: Buffer;
  let preview: TWorkbookPreview;
  let key: string;

  it('the upload answers the first sheet: texts by address, merges, widths and the used range', async () => {
    original = await ownSheetForm();
    const res = await upload(office, original);
    expect(res.statusCode, res.body).toBe(200);
    preview = res.json();
    expect(preview).toMatchObject({ sheet: '调度表', rows: 6, cols: 5, truncated: false, fileName: '本镇调度表.xlsx' });
    expect(preview.merges).toEqual(expect.arrayContaining(['A1:E1', 'A3:A4', 'B3:C3', 'D3:E3', 'A6:E6']));
    const at = (a: string) => preview.cells.find((c) => c.a === a);
    expect(at('A1')).toMatchObject({ t: '某镇安全生产大排查情况调度表', filled: true, bold: true });
    expect(at('B4')).toMatchObject({ t: '排查（条）', border: true });
    expect(at('B5')).toMatchObject({ t: '', filled: false, border: true });
    expect(preview.widths).toEqual([16, 12, 12, 12, 12]);
  });

  it('refuses a metric nobody knows, a parameter it does not take, and a cell that already holds text', async () => {
    const unknown = await saveTemplate(office, { fileId: preview.fileId, name: '本镇调度表', cells: { ...SHEET_CELLS, B5: computed('hazards', '排查隐患', 'hazards.nope') } });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).fieldErrors?.['cells.B5']?.[0]).toContain('统计口径“hazards.nope”不存在');
    const param = await saveTemplate(office, { fileId: preview.fileId, name: '本镇调度表', cells: { ...SHEET_CELLS, B5: computed('hazards', '排查隐患', 'hazards.found', { level: 'tiny' }) } });
    expect(errorOf(param).fieldErrors?.['cells.B5']?.[0]).toContain('参数“隐患级别”的值“tiny”无效');
    const title = await saveTemplate(office, { fileId: preview.fileId, name: '本镇调度表', cells: { ...SHEET_CELLS, A1: manual('x', '标题', 'text') } });
    expect(errorOf(title).fieldErrors?.['cells.A1']).toEqual(['单元格A1已有内容，只能绑定空白单元格']);
    const outside = await saveTemplate(office, { fileId: preview.fileId, name: '本镇调度表', cells: { Z99: manual('x', '外面', 'number') } });
    expect(errorOf(outside).fieldErrors?.['cells.Z99']).toEqual(['单元格Z99不在表格范围内']);
    const none = await saveTemplate(office, { fileId: preview.fileId, name: '本镇调度表', cells: {} });
    expect(errorOf(none).message).toBe('请至少绑定一个指标');
  });

  it('saved, it is a district template in the library, attached to a campaign like a shipped one', async () => {
    const res = await saveTemplate(office, { fileId: preview.fileId, name: '本镇调度表', cells: SHEET_CELLS, unitCell: 'A5' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'district', name: '本镇调度表', indicators: 4, computed: 3, manual: 1 });
    const again = await saveTemplate(office, { fileId: preview.fileId, name: '另一个', cells: SHEET_CELLS });
    expect(errorOf(again).fieldErrors?.fileId).toBeDefined();
    const list = (await office.request('GET', '/api/report-templates')).json() as z.output<typeof TemplateList>;
    const mine = list.items.find((i) => i.name === '本镇调度表')!;
    expect(mine).toMatchObject({ source: 'district', dueText: '每月28日前', fillers: ['department'] });
    const form = await attach(mine.ref, '本镇调度表');
    expect(form).toMatchObject({ name: '本镇调度表', dueText: '每月28日前' });
    key = `${form.seriesId}_${w.dept.id}_${DUE}`;
  });

  it('a department fills it and the export is its own workbook: merges, print settings and the text box kept, figures in the bound cells', async () => {
    const saved = await dept.request('PATCH', `/api/report-submissions/${key}`, { values: { meeting: true } });
    expect(saved.statusCode, saved.body).toBe(200);
    const d = (await dept.request('GET', `/api/report-submissions/${key}`)).json() as TSubmissionDetail;
    const value = (k: string) => d.cells.find((c) => c.key === k)!.value;
    expect(value('hazards')).toBe(3);
    expect(value('fines')).toBe(1_200_000);
    const out = await download(dept, `/api/report-submissions/${key}/export.xlsx`);
    const ws = await openXlsx(out);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:E1', 'A3:A4', 'B3:C3', 'D3:E3', 'A6:E6']));
    expect(ws.getCell('A1').value).toBe('某镇安全生产大排查情况调度表');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A5').value).toBe(w.dept.name);
    expect(ws.getCell('B5').value).toBe(value('hazards'));
    expect(ws.getCell('C5').value).toBe(value('hazards_fixed'));
    expect(ws.getCell('D5').value).toBe(1.2);
    expect(ws.getCell('D5').numFmt).toBe('0.00');
    expect(ws.getCell('E5').value).toBe('是');
    expect(ws.getCell('B5').border?.top?.style).toBe('thin');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true });
    const before = await partsOf(original), after = await partsOf(out);
    expect(after.get('xl/drawings/drawing1.xml')).toContain(TEXT_BOX_TEXT);
    expect(after.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('../drawings/drawing1.xml');
    expect(after.get('xl/worksheets/sheet1.xml')).toMatch(/<drawing r:id="rIdTextBox1"\/>/);
    // every part but the sheet and its formats is the uploaded one, byte for byte
    const changed = [...before.keys()].filter((n) => before.get(n) !== after.get(n));
    expect(changed.sort()).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });
});

describe('a township\'s own grid form', () => {
  it('the roll-up fills one row per village, adds the row the form lacks with its formats, and the 合计 formula covers it', async () => {
    const res = await upload(office, await ownGridForm(1), '村居汇总.xlsx');
    const preview = res.json() as TWorkbookPreview;
    const grid = {
      row: 5, unitColumn: 'A', kind: 'village',
      columns: {
        B: computed('hazards', '排查隐患', 'hazards.found'), C: computed('hazards_fixed', '已整改隐患', 'hazards.rectified'),
        D: computed('red', '红色单位', 'enterprises.supervised', { grade: 'red' }), E: manual('meeting', '是否召开专题会', 'yesno'),
      },
    };
    const mixed = await saveTemplate(office, { fileId: preview.fileId, name: '村居汇总', fillers: ['village'], grid, cells: { B5: manual('x', 'x', 'number') } });
    expect(errorOf(mixed).fieldErrors?.cells).toBeDefined();
    const saved = await saveTemplate(office, { fileId: preview.fileId, name: '村居汇总', fillers: ['village'], grid });
    expect(saved.statusCode, saved.body).toBe(200);
    const form = await attach(saved.json().ref, '村居汇总');
    const sums: Record<string, number> = {};
    const names: string[] = [];
    for (const [s, unit] of [[v1, w.V1], [v2, w.V2]] as const) {
      const k = `${form.seriesId}_${unit.id}_${DUE}`;
      expect((await s.request('PATCH', `/api/report-submissions/${k}`, { values: { meeting: unit === w.V1 } })).statusCode).toBe(200);
      const d = (await s.request('POST', `/api/report-submissions/${k}/actions`, { action: 'submit' })).json() as TSubmissionDetail;
      expect(d.state).toBe('submitted');
      for (const c of d.cells) if (typeof c.value === 'number') sums[c.key] = (sums[c.key] ?? 0) + c.value;
      names.push(unit.name);
    }
    const rollup = (await office.request('GET', `/api/campaigns/${campaignId}/report-rounds/${DUE}/rollup?form=${form.seriesId}`)).json();
    const out = await download(office, `/api/campaigns/${campaignId}/report-rounds/${DUE}/rollup/export.xlsx?form=${form.seriesId}`);
    const ws = await openXlsx(out);
    const order = (rollup.rows as { unit: { name: string }; values: Record<string, number> }[]);
    expect([ws.getCell('A5').value, ws.getCell('A6').value]).toEqual(order.map((r) => r.unit.name));
    expect(names.sort()).toEqual(order.map((r) => r.unit.name).sort());
    order.forEach((r, i) => {
      expect(ws.getCell(`B${5 + i}`).value).toBe(r.values.hazards);
      expect(ws.getCell(`D${5 + i}`).value).toBe(r.values.red);
    });
    expect(ws.getCell('E5').value).toBe(order[0]!.unit.name === w.V1.name ? '是' : '否');
    // the added row is formatted like the first unit row
    expect(ws.getCell('B6').border?.top?.style).toBe('thin');
    expect(ws.getRow(6).height).toBe(24);
    // the 合计 row moved down: its formula covers both rows, its blank cells hold the sums
    expect(ws.getCell('A7').value).toBe('合计');
    expect(ws.getCell('B7').formula).toBe('SUM(B5:B6)');
    expect(ws.getCell('C7').value).toBe(sums.hazards_fixed);
    expect(ws.getCell('D7').value).toBe(sums.red);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:E1', 'A3:A4', 'B3:C3', 'D3:E3', 'A8:E8']));
    expect(ws.getCell('A8').value).toBe('注：每月28日前报送。');
    const parts = await partsOf(out);
    // the print area (exceljs writes it as $A1:$E7) runs to the notes' new row
    expect(parts.get('xl/workbook.xml')).toMatch(/调度表(&apos;)?!\$A\$?1:\$E\$?8</);
    expect(parts.get('xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
    expect(parts.get('xl/drawings/drawing1.xml')).toContain(TEXT_BOX_TEXT);
    expect(parts.get('xl/drawings/drawing1.xml')).toContain('<xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>13</xdr:row>');
  });
});

describe('refusals', () => {
  it('a file that is not an .xlsx, an empty one and an oversized one are refused in Chinese', async () => {
    const text = await upload(office, Buffer.from('这不是表格'), '伪装.xlsx');
    expect(text.statusCode).toBe(415);
    expect(errorOf(text)).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining('请上传 .xlsx 格式的 Excel 文件') });
    const pdf = await upload(office, Buffer.from('%PDF-1.4\n'), '报表.pdf');
    expect(errorOf(pdf).code).toBe('UNSUPPORTED_FILE');
    const xls = await upload(office, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '旧表.xls');
    expect(errorOf(xls).message).toContain('另存为');
    const empty = await upload(office, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).message).toBe('上传的文件是空的，请重新选择');
    const big = Buffer.alloc(11 * 1024 * 1024);
    big.writeUInt32BE(0x504b0304, 0);
    const tooBig = await upload(office, big);
    expect(tooBig.statusCode).toBe(413);
    expect(errorOf(tooBig).message).toContain('不能超过 10 MB');
  });

  it('a village may neither upload nor save a form', async () => {
    const res = await upload(v1, await ownSheetForm());
    expect(res.statusCode).toBe(403);
    const save = await saveTemplate(v1, { fileId: randomUUID(), name: 'x', cells: SHEET_CELLS });
    expect(save.statusCode).toBe(403);
    expect((await v1.request('GET', '/api/report-metrics')).statusCode).toBe(200);
  });

  it('lists the metrics with their parameters for the binding page', async () => {
    const res = await office.request('GET', '/api/report-metrics');
    const found = (res.json() as { items: { key: string; params: { name: string; values: { value: string }[] | null; required: boolean }[] }[] }).items.find((m) => m.key === 'hazards.transferred')!;
    expect(found.params.find((p) => p.name === 'to')).toMatchObject({ required: true, values: [{ value: 'district_department' }, { value: 'township_department' }] });
  });
});
