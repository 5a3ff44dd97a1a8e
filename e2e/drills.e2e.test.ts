// 应急演练 in a real browser: qiye (an enterprise account) at phone width records this window's
// drill with a photo; the township office finds it in the list, opens it and verifies it; the list of
// who is behind then shows the enterprise met.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TComplianceResponse, TDrillDetail, TDrillListResponse } from '../src/contract/drills.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { loginAs } from '../src/server/test/http.ts';
import { DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, input, signIn, textarea, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();
const CONTENT = '车间火灾疏散综合演练：报警、初期火灾扑救、疏散和清点人数';

describe.skipIf(skip !== null)('应急演练 in Chromium', () => {
  const harness = useHarness();
  const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

  it('an enterprise records a drill with a photo on a phone; the office verifies it; the enterprise is then met', async () => {
    const { page } = harness.browser;
    const qiye = await loginAs(harness.server.app, 'qiye', DEMO_PASSWORD);
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const own = (await qiye.get('/api/drills/compliance')).json() as TComplianceResponse;
    const enterprise = own.items[0]!.enterprise;
    expect(own.items[0]!.drill.status).toBe('pending'); // the demo leaves this window's drill to do
    let drillId = '';

    await watching(page, 'drill-record', async () => {
      await signIn(harness.browser, harness.server, 'qiye', PHONE);
      // from the menu's page: this year's state on top, then 登记
      await page.goto(`${harness.server.url}/drills`);
      await page.getByTestId('own-drill-compliance').getByTestId('drill-compliance-drill-status').getByText('本期未完成').waitFor();
      await page.getByTestId('drill-create').click();
      await page.getByTestId('drill-form').waitFor();
      await page.getByTestId('drill-enterprise-name').getByText(enterprise.name).waitFor();
      await input(page, 'drill-participants').fill('18');
      await textarea(page, 'drill-content').fill(CONTENT);
      await page.getByTestId('drill-photos').setInputFiles(harness.photo('演练现场.png'));
      await page.getByTestId('drill-photos-file').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'drill-form-phone.png'), fullPage: true });
      await page.getByTestId('drill-submit').click();
      await page.waitForURL(/\/drills\/[0-9a-f-]{36}$/);
      drillId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('drill-photos').locator('img').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'drill-record-phone.png'), fullPage: true });
    });
    const recorded = (await qiye.get(`/api/drills/${drillId}`)).json() as TDrillDetail;
    expect(recorded).toMatchObject({ kind: 'comprehensive_drill', participants: 18, content: CONTENT, verified: false, enterprise: { id: enterprise.id } });
    expect(recorded.photos).toHaveLength(1);

    await watching(page, 'drill-verify', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      await page.goto(`${harness.server.url}/drills`);
      await page.getByTestId('drill-search').locator('input').fill(enterprise.name);
      await page.getByTestId('drill-search').locator('input').press('Enter');
      await poll(async () => page.getByTestId('drill-table').getByText(enterprise.name).count()).toBeGreaterThan(0);
      await page.getByTestId('drill-table').getByTestId('drill-link').first().click();
      await page.waitForURL(new RegExp(`/drills/${drillId}$`));
      await page.getByTestId('drill-action-verify').click();
      await page.getByTestId('drill-action-form').waitFor();
      await page.getByTestId('drill-action-submit').click();
      await poll(async () => ((await office.get(`/api/drills/${drillId}`)).json() as TDrillDetail).verified).toBe(true);
      await page.getByTestId('drill-action-verify').waitFor({ state: 'detached' });
      await page.screenshot({ path: path.join(SHOTS, 'drill-verified-desktop.png'), fullPage: true });
    });
    const list = (await office.get(`/api/drills?q=${encodeURIComponent(enterprise.name)}`)).json() as TDrillListResponse;
    expect(list.items.find((i) => i.id === drillId)).toMatchObject({ verified: true });

    await watching(page, 'drill-compliance', async () => {
      await page.goto(`${harness.server.url}/drills/compliance?q=${encodeURIComponent(enterprise.name)}`);
      const row = page.getByTestId('compliance-table').locator('tr', { hasText: enterprise.name });
      await row.waitFor();
      await poll(() => row.getByTestId('compliance-drill').textContent()).toBe('已完成');
      await page.screenshot({ path: path.join(SHOTS, 'drill-compliance-desktop.png'), fullPage: true });
    });
    const after = (await office.get(`/api/drills/compliance?enterpriseId=${enterprise.id}`)).json() as TComplianceResponse;
    expect(after.items[0]!.drill).toMatchObject({ status: 'met' });
  });
});
