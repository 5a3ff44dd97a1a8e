// A report form in a real browser: 明月村's grid officer at phone width opens the current round of
// 附件4 from the campaign's 报表 tab, finds every figure filled from the ledger, opens one figure
// to the hazards it counted, fills nothing and submits; the office sees it submitted in the
// round's unit list and exports the roll-up.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TCampaignForms, TSubmissionDetail } from '../src/contract/reports.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { loginAs } from '../src/server/test/http.ts';
import { DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, signIn, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();

describe.skipIf(skip !== null)('report forms in Chromium', () => {
  const harness = useHarness();
  const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

  it('a village submits its 附件4 from a phone without typing a figure; the office exports the roll-up', async () => {
    const { page } = harness.browser;
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const list = (await office.get('/api/campaigns?pageSize=50')).json() as { items: { id: string; name: string }[] };
    const campaign = list.items.find((c) => c.name === '全镇秋冬季安全生产大排查')!;
    const forms = (await office.get(`/api/campaigns/${campaign.id}/report-rounds`)).json() as TCampaignForms;
    const annex4 = forms.items.find((f) => f.name.includes('附件4'))!;
    const due = annex4.current!;

    await watching(page, 'report-village', async () => {
      await signIn(harness.browser, harness.server, 'mingyue', PHONE);
      await page.goto(`${harness.server.url}/campaigns/${campaign.id}?tab=reports`);
      const card = page.getByTestId('report-form').filter({ hasText: '附件4' });
      await card.getByTestId('report-fill-current').click();
      await page.waitForURL(/\/report-submissions\//);
      const key = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      // every figure is there before anyone types one
      await expect.poll(() => page.getByTestId('value-hazards').textContent(), { timeout: 20_000 }).toMatch(/^\d+/);
      const before = (await (await loginAs(harness.server.app, 'mingyue', DEMO_PASSWORD)).get(`/api/report-submissions/${key}`)).json() as TSubmissionDetail;
      expect(before.cells.every((c) => c.kind === 'computed')).toBe(true);
      const hazards = before.cells.find((c) => c.key === 'hazards')!;
      await page.screenshot({ path: path.join(SHOTS, 'report-village-phone.png'), fullPage: true });

      // one figure opens the hazards it counted
      await page.getByTestId('records-hazards').click();
      await page.waitForURL(/\/cells\/hazards$/);
      await poll(() => page.getByTestId('record-item').count()).toBe(Math.min(20, hazards.value as number));
      await page.screenshot({ path: path.join(SHOTS, 'report-records-phone.png'), fullPage: true });
      await page.goBack();

      await page.getByTestId('submission-submit').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /提\s*交/ }).click();
      await poll(async () => ((await office.get(`/api/report-submissions/${key}`)).json() as TSubmissionDetail).state).toBe('submitted');
      await poll(() => page.getByText('已提交').first().isVisible()).toBe(true);
    });

    await watching(page, 'report-office', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      await page.goto(`${harness.server.url}/campaigns/${campaign.id}/reports/${due}?form=${annex4.seriesId}`);
      const row = page.getByTestId('round-units').locator('tr', { hasText: '明月村' });
      await poll(() => row.getByText('已提交').isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, 'report-round-desktop.png'), fullPage: true });
      const download = page.waitForEvent('download');
      await page.getByTestId('rollup-export').click();
      const file = await (await download).path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(file!) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(String(ws.getCell('A1').value)).toContain('秋冬季安全生产大排查情况汇总表');
      expect(ws.getCell('G4').value).toBe('隐患排查整治情况');

      // the campaign's 概况: the same figures, each opening the ledger
      await page.goto(`${harness.server.url}/campaigns/${campaign.id}?tab=overview`);
      await poll(() => page.getByTestId('overview-found').count()).toBe(1);
      await page.screenshot({ path: path.join(SHOTS, 'campaign-overview-desktop.png'), fullPage: true });
      await page.setViewportSize(PHONE);
      await page.screenshot({ path: path.join(SHOTS, 'campaign-overview-phone.png'), fullPage: true });
      await page.getByTestId('overview-major').click();
      await page.waitForURL(/\/hazards\?.*level=major/);
    });
  });
});
