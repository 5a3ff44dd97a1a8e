// 上传本镇报表 in a real browser: the office, from the campaign's 添加报表, uploads its own Excel
// form, clicks the blank cells to bind three to metrics, one to a manual 是/否 and one to the unit's
// name, saves it into the campaign; a village fills it and its export is the same workbook with the
// text box kept. At phone width the sheet scrolls inside its frame and a cell is bound from a drawer.
import path from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TCampaignForms, TSubmissionDetail } from '../src/contract/reports.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { TEXT_BOX_TEXT, ownGridForm, ownSheetForm } from '../src/server/modules/reports/workbook/workbook.fixtures.ts';
import { loginAs } from '../src/server/test/http.ts';
import { axeViolations, describeFinding } from './axe.ts';
import { DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, input, pickOption, signIn, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();
const NAME = '大盛镇安全生产调度表（本镇格式）';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.skipIf(skip !== null)('a township\'s own Excel form in Chromium', () => {
  const harness = useHarness();
  const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

  it('the office binds its own form cell by cell and adds it to the campaign; a village\'s export is that workbook', async () => {
    const { page } = harness.browser;
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const list = (await office.get('/api/campaigns?pageSize=50')).json() as { items: { id: string; name: string }[] };
    const campaign = list.items.find((c) => c.name === '全镇秋冬季安全生产大排查')!;
    const file = { name: '本镇调度表.xlsx', mimeType: XLSX, buffer: await ownSheetForm() };

    await watching(page, 'workbook-desktop', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      await page.goto(`${harness.server.url}/campaigns/${campaign.id}?tab=reports`);
      await page.getByTestId('report-attach').click();
      // The link is in a modal that is still opening on a loaded machine, and the route's code loads
      // before the address changes: a click can be lost, so it is tried again while nothing moved.
      for (let attempt = 1; ; attempt += 1) {
        await page.getByTestId('workbook-new').click();
        const moved = await page.waitForURL(/\/report-templates\/new\?campaign=/, { timeout: 20_000 }).then(() => true, () => false);
        if (moved) break;
        if (attempt === 3) throw new Error('上传本镇报表 did not open the template page');
      }
      await page.locator('input[type=file]').setInputFiles(file);
      await poll(() => page.getByTestId('workbook-sheet').isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, 'workbook-uploaded-desktop.png'), fullPage: true });

      const bind = async (cell: string, metric: string) => {
        await page.getByTestId(`cell-${cell}`).click();
        await pickOption(page, 'binding-metric', metric);
        await page.getByTestId('binding-apply').click();
        await poll(() => page.getByTestId(`cell-${cell}`).innerText()).not.toBe('');
      };
      await bind('B5', '排查隐患');
      await bind('C5', '已整改隐患');
      await bind('D5', '罚款金额');
      await page.getByTestId('cell-E5').click();
      await page.getByTestId('binding-kind').getByText('手工填写').click();
      await pickOption(page, 'binding-type', '是/否');
      await poll(() => input(page, 'binding-label').inputValue()).toContain('是否召开专题会');
      await page.getByTestId('binding-apply').click();
      await page.getByTestId('cell-A5').click();
      await page.getByTestId('binding-kind').getByText('填报单位名称').click();
      await page.getByTestId('binding-apply').click();
      await poll(() => page.getByTestId('workbook-bindings').locator('tr.ant-table-row').count()).toBe(4);
      await input(page, 'workbook-name').fill(NAME);
      const findings = await axeViolations(page);
      expect(findings.map(describeFinding)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'workbook-bound-desktop.png'), fullPage: true });
      await page.getByTestId('workbook-save').click();
      await page.waitForURL(/\/campaigns\/[^/]+\?tab=reports/);
      await poll(() => page.getByTestId('report-form').filter({ hasText: NAME }).count()).toBe(1);
    });

    const forms = (await office.get(`/api/campaigns/${campaign.id}/report-rounds`)).json() as TCampaignForms;
    const form = forms.items.find((f) => f.name === NAME)!;
    const village = await loginAs(harness.server.app, 'mingyue', DEMO_PASSWORD);
    const mine = ((await village.get(`/api/campaigns/${campaign.id}/report-rounds`)).json() as TCampaignForms).items.find((f) => f.name === NAME)!;
    const key = mine.rounds.find((r) => r.due === form.current)!.mine!.key;
    expect((await village.request('PATCH', `/api/report-submissions/${key}`, { values: { c_E5: true } })).statusCode).toBe(200);
    const d = (await village.get(`/api/report-submissions/${key}`)).json() as TSubmissionDetail;
    const res = await village.get(`/api/report-submissions/${key}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    expect(await zip.file('xl/drawings/drawing1.xml')!.async('string')).toContain(TEXT_BOX_TEXT);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A5').value).toBe('明月村');
    expect(ws.getCell('B5').value).toBe(d.cells.find((c) => c.key === 'c_B5')!.value);
    expect(ws.getCell('E5').value).toBe('是');

    // the village fills it like any form: every bound figure, the manual one answered
    await watching(page, 'workbook-village', async () => {
      await signIn(harness.browser, harness.server, 'mingyue', PHONE);
      await page.goto(`${harness.server.url}/report-submissions/${encodeURIComponent(key)}`);
      await poll(() => page.getByText('是否召开专题会').first().isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, 'workbook-submission-phone.png'), fullPage: true });
    });
  });

  it('a grid form: the units\' row and its columns are bound by clicking the first unit row', async () => {
    const { page } = harness.browser;
    await watching(page, 'workbook-grid', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      await page.goto(`${harness.server.url}/report-templates/new`);
      await page.locator('input[type=file]').setInputFiles({ name: '村居汇总.xlsx', mimeType: XLSX, buffer: await ownGridForm(1) });
      await poll(() => page.getByTestId('workbook-sheet').isVisible()).toBe(true);
      await page.getByTestId('workbook-mode').getByText('每个单位填一行').click();
      await poll(() => page.getByTestId('cell-A5').innerText()).toBe('〔单位名称〕');
      for (const [cell, metric] of [['B5', '排查隐患'], ['C5', '已整改隐患']] as const) {
        await page.getByTestId(`cell-${cell}`).click();
        await pickOption(page, 'binding-metric', metric);
        await page.getByTestId('binding-apply').click();
      }
      await poll(() => page.getByTestId('workbook-bindings').locator('tr.ant-table-row').count()).toBe(2);
      await input(page, 'workbook-name').fill('村居汇总（本镇格式）');
      expect((await axeViolations(page)).map(describeFinding)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'workbook-grid-desktop.png'), fullPage: true });
      await page.getByTestId('workbook-save').click();
      await page.waitForURL(/\/campaigns$/);
    });
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const list = (await office.get('/api/report-templates')).json() as { items: { name: string; source: string; indicators: number }[] };
    expect(list.items.find((i) => i.name === '村居汇总（本镇格式）')).toMatchObject({ source: 'district', indicators: 2 });
  });

  it('at phone width the sheet scrolls in its frame, not the page, and a cell is bound from a drawer', async () => {
    const { page } = harness.browser;
    await watching(page, 'workbook-phone', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', PHONE);
      await page.goto(`${harness.server.url}/report-templates/new`);
      await page.locator('input[type=file]').setInputFiles({ name: '本镇调度表.xlsx', mimeType: XLSX, buffer: await ownSheetForm() });
      await poll(() => page.getByTestId('workbook-sheet').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width + 1);
      await page.screenshot({ path: path.join(SHOTS, 'workbook-uploaded-phone.png'), fullPage: true });
      await page.getByTestId('cell-C5').click();
      await poll(() => page.getByTestId('binding-panel').isVisible()).toBe(true);
      await pickOption(page, 'binding-metric', '已整改隐患');
      await page.screenshot({ path: path.join(SHOTS, 'workbook-drawer-phone.png') });
      await page.getByTestId('binding-apply').click();
      await poll(() => page.getByTestId('workbook-bindings').locator('tr.ant-table-row').count()).toBe(1);
      // axe reads colours as painted: a drawer still fading out would blend its mask into the page's
      await poll(() => page.locator('.ant-drawer-mask:visible, .ant-drawer-content-wrapper:visible').count()).toBe(0);
      const findings = await axeViolations(page);
      expect(findings.map(describeFinding)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'workbook-bound-phone.png'), fullPage: true });
    });
  });
});
