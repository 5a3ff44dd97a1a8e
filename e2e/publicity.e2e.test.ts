// 宣传/曝光 in a real browser: 大盛镇's office at phone width records an exposure on its WeChat account
// (the channel turns 主流媒体 to 否), naming an enterprise found by search, with a screenshot; at
// desktop width the list's 曝光 tab shows it and the office voids it with a reason; the 崇明 调度表's
// 是否在主流媒体播放安全生产专题栏目 reads 是 from the demo's running radio column.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TCampaignForms } from '../src/contract/reports.ts';
import type { TPublicityDetail } from '../src/contract/publicity.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { loginAs } from '../src/server/test/http.ts';
import { DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, input, pickOption, signIn, textarea, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();
const TITLE = '曝光一批燃气使用安全隐患未整改的餐饮单位';

describe.skipIf(skip !== null)('宣传/曝光 in Chromium', () => {
  const harness = useHarness();
  const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

  it('the township office records an exposure from the phone, finds it under 曝光 and voids it; the 调度表 answers 是', async () => {
    const { page } = harness.browser;
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const [enterprise] = ((await office.get('/api/enterprises?pageSize=1&sort=name&order=asc')).json() as { items: { id: string; name: string }[] }).items;
    let id = '';

    await watching(page, 'publicity-create', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', PHONE);
      await page.goto(`${harness.server.url}/publicity/new`);
      await page.getByTestId('publicity-kind').getByText('曝光', { exact: true }).click();
      await pickOption(page, 'publicity-channel', '微信公众号');
      // a WeChat account is not taken for mainstream unless the office says so
      await poll(() => page.getByTestId('publicity-mainstream').locator('.ant-radio-button-wrapper-checked').innerText()).toBe('否');
      await input(page, 'publicity-outlet').fill('大盛发布');
      await input(page, 'publicity-title').fill(TITLE);
      await input(page, 'publicity-link-input').fill('https://news.example.com/dasheng/baoguang/e2e');
      await pickOption(page, 'publicity-enterprises', enterprise!.name);
      await textarea(page, 'publicity-summary').fill('责令限期整改');
      await page.getByTestId('publicity-files').setInputFiles(harness.photo('曝光截图.png'));
      await page.getByTestId('publicity-files-file').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'publicity-form-phone.png'), fullPage: true });
      await page.getByTestId('publicity-submit').click();
      await page.waitForURL(/\/publicity\/[0-9a-f-]{36}$/);
      id = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('publicity-detail').getByText(enterprise!.name).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'publicity-detail-phone.png'), fullPage: true });
      // the list's cards on the phone
      await page.goto(`${harness.server.url}/publicity`);
      await page.getByTestId('publicity-cards').getByText(TITLE).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'publicity-list-phone.png'), fullPage: true });
    });
    const saved = (await office.get(`/api/publicity/${id}`)).json() as TPublicityDetail;
    expect(saved).toMatchObject({ kind: 'exposure', channel: 'wechat', mainstream: false, outlet: '大盛发布', title: TITLE, enterprises: [{ id: enterprise!.id }], fileCount: 1 });

    await watching(page, 'publicity-void', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      await page.goto(`${harness.server.url}/publicity?kind=exposure`);
      await page.getByTestId('publicity-table').getByText(TITLE).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'publicity-list-desktop.png'), fullPage: true });
      await page.getByTestId('publicity-table').getByText(TITLE).click();
      await page.waitForURL(new RegExp(`/publicity/${id}$`));
      await page.getByTestId('publicity-void').click();
      await textarea(page, 'publicity-void-reason').fill('登记重复');
      await page.locator('.ant-modal-footer .ant-btn-dangerous').click();
      await poll(async () => ((await office.get(`/api/publicity/${id}`)).json() as TPublicityDetail).voided).toBe(true);
      await page.getByText('已作废：登记重复').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'publicity-voided-desktop.png'), fullPage: true });
    });

    await watching(page, 'publicity-form-figure', async () => {
      const campaigns = (await office.get('/api/campaigns?pageSize=100')).json() as { items: { id: string; name: string }[] };
      const district = campaigns.items.find((c) => c.name === '全区重大事故隐患专项排查整治行动')!;
      const forms = (await office.get(`/api/campaigns/${district.id}/report-rounds`)).json() as TCampaignForms;
      const key = forms.items.flatMap((f) => f.rounds).map((r) => r.mine?.key).filter((k): k is string => !!k).at(-1)!;
      await page.goto(`${harness.server.url}/report-submissions/${encodeURIComponent(key)}`);
      await poll(() => page.getByTestId('value-media').innerText()).toBe('是');
      await page.getByTestId('cell-media').screenshot({ path: path.join(SHOTS, 'publicity-form-figure-desktop.png') });
    });
  });
});
