// The closed loop of a hazard in a real browser, the village and enterprise steps at phone width:
// the 明月村 officer reports a hazard with a photo and hands it to 应急办, 应急办 accepts it, the
// enterprise submits its 五落实 plan and reports the rectification with an after photo, 应急办
// verifies and closes it with a signature, and the township dashboard counts the new close-out.
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TEnterprise } from '../src/contract/enterprises.ts';
import type { THazardDetail } from '../src/contract/hazards.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { loginAs } from '../src/server/test/http.ts';
import {
  DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, input, pickOption, pickToday, signIn, useHarness, textarea, watching,
} from './helpers.ts';

const skip = chromiumOrSkipReason();

describe.skipIf(skip !== null)('hazard loop in Chromium', () => {
  const harness = useHarness();

  /** Opens the action's modal from the detail page, lets `fill` complete it, submits and waits for it to close. */
  async function runAction(page: Page, action: string, fill: () => Promise<void>) {
    await page.getByTestId(`hazard-action-${action}`).click();
    const form = page.getByTestId('hazard-action-form');
    await form.waitFor();
    await fill();
    // Under a loaded CI machine a click during the modal's animation can be lost, and a request can
    // take seconds to leave: count the action requests from the first click on, and click again only
    // while none went out, so an action is never sent twice.
    let requests = 0;
    const onRequest = (r: Request) => {
      if (r.method() === 'POST' && /\/api\/hazards\/[^/]+\/actions$/.test(r.url())) requests += 1;
    };
    page.on('request', onRequest);
    try {
      const submit = page.locator('[data-testid="hazard-action-submit"]');
      for (let attempt = 0; attempt < 3 && requests === 0; attempt += 1) {
        await submit.click();
        await expect.poll(() => requests, { timeout: 10_000 }).toBeGreaterThan(0).catch(() => {});
      }
      const problems = await form.locator('.ant-form-item-explain-error, .ant-alert-message, .ant-alert-title').allTextContents();
      expect(requests, `no request for ${action}; the form says: ${problems.join(' | ') || 'nothing'}`).toBe(1);
    } finally {
      page.off('request', onRequest);
    }
    await form.waitFor({ state: 'detached' });
  }

  async function figure(page: Page, testId: string): Promise<number> {
    const text = (await page.getByTestId(testId).locator('.ant-statistic-content').textContent()) ?? '';
    const n = Number(text.replace(/[^\d]/g, ''));
    if (!Number.isFinite(n) || text.trim() === '') throw new Error(`no number in ${testId}: ${text}`);
    return n;
  }
  async function dashboardFigures(page: Page) {
    await page.goto(`${harness.server.url}/dashboard`);
    await page.getByTestId('figure-found').waitFor();
    await page.locator('[data-testid="figure-found"] .ant-statistic-content').waitFor();
    return { found: await figure(page, 'figure-found'), closed: await figure(page, 'figure-closed') };
  }

  /** The hazard as the server has it (as the office), to check what the pages did. */
  async function serverView(id: string): Promise<THazardDetail> {
    const s = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    return (await s.get(`/api/hazards/${id}`)).json() as THazardDetail;
  }

  it('reports, plans, rectifies, verifies and closes a hazard; the dashboard counts it', async () => {
    const { page } = harness.browser;

    // qiye's enterprise, as the API has it
    const qiye = await loginAs(harness.server.app, 'qiye', DEMO_PASSWORD);
    const ent = (await qiye.get(`/api/enterprises/${qiye.me.enterpriseId}`)).json() as TEnterprise;
    expect(ent.villageName).toBe('明月村');
    const description = `端到端测试：配电箱门未关闭，线路裸露 ${Date.now().toString(36)}`;

    await watching(page, 'hazard-loop', async () => {
      // 0. the township dashboard before
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      const before = await dashboardFigures(page);

      // 1. the village officer reports it from the phone form, with a photo
      await signIn(harness.browser, harness.server, 'mingyue', PHONE);
      await page.goto(`${harness.server.url}/hazards/new`);
      await page.getByTestId('hazard-form').waitFor();
      await pickOption(page, 'hazard-enterprise', ent.name);
      if (ent.sectorNames.length > 1) await pickOption(page, 'hazard-sector', ent.sectorNames[0]!);
      // a single sector is filled in once the enterprise is picked
      await page.getByTestId('hazard-sector').getByText(ent.sectorNames[0]!).waitFor();
      await textarea(page, 'hazard-description').fill(description);
      await input(page, 'hazard-location').fill('二号车间北墙配电箱');
      await page.getByTestId('hazard-photo-input').setInputFiles(harness.photo('before.png'));
      await page.getByTestId('hazard-photo-input-file').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'hazard-report-phone.png'), fullPage: true });
      await page.getByTestId('hazard-submit').click();
      await page.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
      const id = page.url().split('/').pop()!;
      await page.getByTestId('hazard-tags').getByText('待整改').waitFor();
      let h = await serverView(id);
      expect(h).toMatchObject({ status: 'reported', description, enterpriseId: ent.id, villageName: '明月村' });
      expect(h.beforePhotos).toHaveLength(1);

      // 2. the village hands it to 应急办, which supervises the enterprise's sector
      await runAction(page, 'transfer', async () => {
        await pickOption(page, 'hazard-action-unit', '应急办');
        await textarea(page, 'hazard-action-reason').fill('属应急办监管行业，请接收');
      });
      await signIn(harness.browser, harness.server, 'yingji', DESKTOP);
      await page.goto(`${harness.server.url}/hazards/${id}`);
      await runAction(page, 'decide_transfer', async () => {});
      h = await serverView(id);
      expect(h).toMatchObject({ responsibleUnitName: '应急办', pendingTransfer: false, transferCount: 1 });

      // 3. the enterprise submits its 五落实 plan from the phone
      await signIn(harness.browser, harness.server, 'qiye', PHONE);
      await page.goto(`${harness.server.url}/hazards/${id}`);
      await runAction(page, 'submit_plan', async () => {
        await input(page, 'plan-owner').fill('钱安全');
        await input(page, 'plan-funds').fill('1200');
        await textarea(page, 'plan-measures').fill('更换配电箱门锁，裸露线路穿管保护');
        await pickToday(page, 'plan-due-date');
        await textarea(page, 'plan-contingency').fill('整改期间断电挂牌，专人看护');
      });
      await page.getByTestId('hazard-tags').getByText('整改中').waitFor();

      // 4. ... and then its rectification with an after photo
      await runAction(page, 'report_rectification', async () => {
        await page.getByTestId('hazard-action-photo-input').setInputFiles(harness.photo('after.png'));
        await page.getByTestId('hazard-action-photo-input-file').first().waitFor();
        await textarea(page, 'hazard-action-note').fill('已更换门锁，线路全部穿管');
      });
      await page.getByTestId('hazard-tags').getByText('待验收').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'hazard-rectified-phone.png'), fullPage: true });
      // the enterprise is offered no way to verify its own hazard
      expect(await page.getByTestId('hazard-action-verify_pass').count()).toBe(0);

      // 5. 应急办 verifies and closes it with a signature
      await signIn(harness.browser, harness.server, 'yingji', DESKTOP);
      await page.goto(`${harness.server.url}/hazards/${id}`);
      await runAction(page, 'verify_pass', async () => {
        await input(page, 'hazard-action-signer').fill('孙验收');
      });
      await page.getByTestId('hazard-tags').getByText('已销号').waitFor();
      await page.getByTestId('hazard-signature').waitFor();
      h = await serverView(id);
      expect(h).toMatchObject({ status: 'closed', verifierName: '孙验收' });
      expect(h.signatureHash).toMatch(/^[0-9a-f]{64}$/);
      expect(h.afterPhotos).toHaveLength(1);
      expect(h.events.map((e) => e.action)).toEqual([
        'report', 'transfer', 'accept_transfer', 'submit_plan', 'start_rectification', 'report_rectification', 'verify_pass',
      ]);
      await page.screenshot({ path: path.join(SHOTS, 'hazard-closed.png'), fullPage: true });

      // 6. the township dashboard counts one more found and one more closed
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      const after = await dashboardFigures(page);
      expect(after.found).toBe(before.found + 1);
      expect(after.closed).toBe(before.closed + 1);
      await page.screenshot({ path: path.join(SHOTS, 'hazard-dashboard.png'), fullPage: true });
    });
  }, 180_000);
  it('turns the ledger\'s page with 下一页 by cursor, and the page is the one the server gives for page 2', async () => {
    const { page } = harness.browser;
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const second = (await office.get('/api/hazards?page=2&pageSize=20')).json() as { items: { number: string }[] };
    expect(second.items.length).toBeGreaterThan(0);
    await watching(page, 'hazard-ledger-next', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      await page.goto(`${harness.server.url}/hazards`);
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      // 来源's four characters (督导检查, 村居排查) stay on one line at desktop width
      const sourceCol = (await page.locator('.ant-table-thead th').allTextContents()).indexOf('来源');
      const source = page.locator('.ant-table-tbody tr.ant-table-row').first().locator('td').nth(sourceCol).locator('span');
      expect(await source.evaluate((el) => el.getClientRects().length)).toBe(1);
      // and every column, 发现日期 the last, fits without the table scrolling sideways
      expect(await page.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
      await page.locator('.ant-pagination-next').first().click();
      await page.waitForURL(/[?&]after=/);
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
      await page.locator('.ant-table-tbody').getByText(second.items[0]!.number).waitFor();
      // any other move forgets the cursor
      await page.locator('.ant-pagination-item-1').first().click();
      await expect.poll(() => new URL(page.url()).searchParams.get('after')).toBeNull();
    });
  }, 120_000);
});
