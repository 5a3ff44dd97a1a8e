// A campaign's task list from import to a confirmed report, in a real browser: the office creates a
// campaign, imports its annex (.xlsx) and in the preview picks the unit for a name the system does
// not know (once, for both rows that name it), commits and publishes; 应急办 at phone width finds the task in 我的任务 and files its
// 落实情况 with a photo; the office opens the task from the 落实情况 matrix, confirms the report, and
// the matrix cell turns from 待确认 to 已确认.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TCampaignDetail, TCampaignTask } from '../src/contract/campaigns.ts';
import type { TMatrix, TOccurrenceDetail } from '../src/contract/campaign-progress.ts';
import { annexXlsx } from '../src/cli/demo/annex-files.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { addDays, shanghaiDay } from '../src/domain/common/dates.ts';
import { loginAs, XLSX_MIME } from '../src/server/test/http.ts';
import {
  DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, input, pickOption, signIn, textarea, useHarness, watching,
} from './helpers.ts';

const skip = chromiumOrSkipReason();

describe.skipIf(skip !== null)('campaign: import, report, confirm in Chromium', () => {
  const harness = useHarness();

  /** expect.poll with room for a loaded machine (its default gives up after 1 s). */
  const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

  /** As the office, through the API: what the server holds, to check what the pages did. */
  async function office() {
    return loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
  }

  /** Types the days into an antd RangePicker (it puts the test id on both its inputs), each confirmed with Enter. */
  async function typeRange(page: Page, testId: string, from: string, to: string) {
    const inputs = page.locator(`input[data-testid="${testId}"]`);
    await inputs.nth(0).click();
    await inputs.nth(0).fill(from);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(to);
    await inputs.nth(1).press('Enter');
    await poll(() => inputs.nth(0).inputValue()).toBe(from);
    await poll(() => inputs.nth(1).inputValue()).toBe(to);
  }

  /** The matrix row of the task whose requirement is `requirement`. */
  const matrixRow = (page: Page, requirement: string) =>
    page.getByTestId('progress-matrix').locator('tbody tr.ant-table-row', { hasText: requirement });

  it('the office imports and fixes the annex, 应急办 reports from a phone, the office confirms', async () => {
    const { page } = harness.browser;
    const today = shanghaiDay(new Date());
    const due = addDays(today, 5);
    const [y, m, d] = due.split('-').map(Number);
    const stamp = Date.now().toString(36);
    const name = `端到端测试专项行动 ${stamp}`;
    const unknownUnit = '安监站';
    const fixedRequirement = `排查辖区加油站消防设施和应急物资 ${stamp}`;
    const otherRequirement = `组织一次危化品泄漏应急演练 ${stamp}`;
    const sharedRequirement = `督促加油站开展应急演练 ${stamp}`;
    // A dated phrase with its year: read with certainty, no tick needed.
    const deadline = `${y}年${m}月${d}日前`;
    const annex = await annexXlsx([
      { number: '1', group: '一、隐患排查整治', action: '全面排查重点场所', requirement: fixedRequirement, units: unknownUnit, deadline },
      { number: '2', group: '一、隐患排查整治', action: '全面排查重点场所', requirement: otherRequirement, units: '应急办', deadline },
      { number: '3', group: '一、隐患排查整治', action: '全面排查重点场所', requirement: sharedRequirement, units: `${unknownUnit}、应急办`, deadline },
    ], `${name}工作清单`);

    const s = await office();
    const yingji = await loginAs(harness.server.app, 'yingji', DEMO_PASSWORD);
    let campaignId = '';

    await watching(page, 'campaign-import', async () => {
      // 1. the office creates the campaign (a draft) ...
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      await page.goto(`${harness.server.url}/campaigns`);
      await page.getByTestId('campaign-create').click();
      await input(page, 'campaign-name').fill(name);
      await typeRange(page, 'campaign-period', addDays(today, -3), addDays(today, 60));
      await page.getByTestId('campaign-save').click();
      await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
      campaignId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('task-table').waitFor();

      // 2. ... imports the annex, where two rows name a unit the township does not have
      await page.getByTestId('task-import').click();
      await page.locator('input[type=file][data-testid="import-annex-file"]').setInputFiles({ name: '附件1 工作清单.xlsx', mimeType: XLSX_MIME, buffer: annex });
      const preview = page.getByTestId('import-preview');
      await preview.waitFor();
      const pickers = page.locator('[data-testid^="import-pick-"]');
      await poll(() => pickers.count()).toBe(2);
      await poll(async () => (await preview.locator('tbody tr', { hasText: fixedRequirement }).textContent()) ?? '').toContain(`“${unknownUnit}”未找到`);
      const commit = page.getByTestId('import-commit');
      await poll(async () => (await commit.textContent())?.replace(/\s/g, '')).toBe('还有2行待处理');
      expect(await commit.isDisabled()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, 'campaign-import-preview.png') });

      // 3. ... picks 应急办 for it in the first row, and both rows are ready
      await pickOption(page, (await pickers.first().getAttribute('data-testid'))!, '应急办');
      // pickOption ends with an Escape, which once closed the dialog when the dropdown had already shut
      expect(await preview.count()).toBe(1);
      await poll(async () => (await commit.textContent())?.replace(/\s/g, '')).toBe('导入3行');
      await commit.click();
      await preview.waitFor({ state: 'detached' });
      const table = page.getByTestId('task-table');
      await table.locator('tbody tr', { hasText: fixedRequirement }).waitFor();
      await table.locator('tbody tr', { hasText: otherRequirement }).waitFor();
      await table.locator('tbody tr', { hasText: sharedRequirement }).waitFor();

      const tasks = ((await s.get(`/api/campaigns/${campaignId}/tasks?pageSize=100`)).json() as { items: TCampaignTask[] }).items;
      expect(tasks.map((t) => [t.requirement, t.units.map((u) => u.name), t.deadline.kind])).toEqual([
        [fixedRequirement, ['应急办'], 'dates'],
        [otherRequirement, ['应急办'], 'dates'],
        [sharedRequirement, ['应急办'], 'dates'],
      ]);
      // the name picked is remembered for the next import
      const aliases = (await s.get('/api/unit-aliases')).json() as { items: { alias: string; unitName: string }[] };
      expect(aliases.items).toContainEqual(expect.objectContaining({ alias: unknownUnit, unitName: '应急办' }));

      // 4. ... and publishes it
      await page.getByTestId('campaign-publish').click();
      await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /发\s*布/ }).click();
      await page.getByTestId('campaign-publish').waitFor({ state: 'detached' });
      const c = (await s.get(`/api/campaigns/${campaignId}`)).json() as TCampaignDetail;
      expect(c.published).toBe(true);
    });

    // 5. 应急办, at phone width, finds the task in 我的任务 and files its 落实情况 with a photo
    let occurrenceKey = '';
    await watching(page, 'campaign-report-phone', async () => {
      await signIn(harness.browser, harness.server, 'yingji', PHONE);
      await page.goto(`${harness.server.url}/my-tasks`);
      await page.getByTestId('my-tasks-cards').waitFor();
      const card = page.getByTestId('my-task-card').filter({ hasText: fixedRequirement });
      await card.click();
      await page.waitForURL(/\/occurrences\/[^/]+$/);
      occurrenceKey = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      await page.getByTestId('report-form').waitFor();
      await textarea(page, 'report-text').fill('已对辖区3座加油站逐一检查，消防器材齐全，发现灭火器过期1处，当场督促更换。');
      await page.getByTestId('report-files').setInputFiles(harness.photo('加油站检查.png'));
      await page.getByTestId('report-files-file').first().waitFor();
      await page.getByTestId('report-submit').click();
      const card1 = page.getByTestId('report-card');
      await poll(async () => (await card1.first().textContent()) ?? '').toContain('待确认');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: path.join(SHOTS, 'campaign-report-phone.png'), fullPage: true });

      const o = (await yingji.get(`/api/occurrences/${encodeURIComponent(occurrenceKey)}`)).json() as TOccurrenceDetail;
      expect(o).toMatchObject({ state: 'submitted', due, unitName: '应急办', requirement: fixedRequirement, acknowledged: true });
      expect(o.reports).toHaveLength(1);
      expect(o.reports[0]!.files).toHaveLength(1);
    });

    // 6. the office sees 待确认 in the matrix, opens the cell, confirms, and the cell turns 已确认
    await watching(page, 'campaign-confirm', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      await page.goto(`${harness.server.url}/campaigns/${campaignId}?tab=matrix`);
      const row = matrixRow(page, fixedRequirement);
      await row.getByTestId('cell-submitted').waitFor();
      // the other task, not yet due and not reported, is 未到期
      await matrixRow(page, otherRequirement).getByTestId('cell-upcoming').waitFor();
      await row.getByTestId('cell-submitted').getByRole('link').click();
      await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/occurrences/${occurrenceKey}`);
      await page.getByTestId('report-confirm').click();
      await poll(async () => (await page.getByTestId('report-card').first().textContent()) ?? '').toContain('已确认');
      expect(await page.getByTestId('report-confirm').count()).toBe(0);

      await page.goto(`${harness.server.url}/campaigns/${campaignId}?tab=matrix`);
      await row.getByTestId('cell-confirmed').waitFor();
      expect(await row.getByTestId('cell-submitted').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, 'campaign-matrix-confirmed.png'), fullPage: true });

      const matrix = (await s.get(`/api/campaigns/${campaignId}/matrix`)).json() as TMatrix;
      const cellOf = (req: string) => matrix.rows.find((r) => r.requirement === req)?.cells;
      expect(matrix.units.map((u) => u.name)).toEqual(['应急办']);
      expect(cellOf(fixedRequirement)).toEqual([expect.objectContaining({ state: 'confirmed', confirmed: 1, total: 1 })]);
      expect(cellOf(otherRequirement)).toEqual([expect.objectContaining({ state: 'upcoming', confirmed: 0 })]);
      const c = (await s.get(`/api/campaigns/${campaignId}`)).json() as TCampaignDetail;
      expect(c.figures).toMatchObject({ tasks: 3, confirmed: 1, submitted: 0 });
    });
  }, 240_000);
});
