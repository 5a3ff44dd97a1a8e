// Golden path in a real browser: sign in, register an enterprise through the form, find it in the list.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { randomUscc } from '../src/server/test/factories.ts';
import {
  type Browser, type RunningServer, ROOT, chromiumOrSkipReason, ensureWebBuilt, launchBrowser, pickOption, startServer,
} from './helpers.ts';

const skip = chromiumOrSkipReason();
const SHOTS = path.join(ROOT, 'test-results');

describe.skipIf(skip !== null)('enterprise registry in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the office signs in, creates an enterprise, and finds it in the list', async () => {
    const { page } = browser;
    const consoleErrors: string[] = [];
    const badResponses: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) badResponses.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    const name = `端到端测试机械厂${Date.now().toString(36)}`;
    const uscc = randomUscc('500112');
    try {
      await page.goto(`${server.url}/enterprises`);
      await page.waitForURL(/\/login/);
      await page.getByTestId('login-username').fill('anweiban');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/enterprises$/);

      await page.getByTestId('enterprise-create').click();
      await page.waitForURL(/\/enterprises\/new$/);
      await page.getByTestId('enterprise-name').fill(name);
      await page.getByTestId('enterprise-uscc').fill(uscc.toLowerCase());
      await pickOption(page, 'enterprise-village', '明月村');
      await pickOption(page, 'enterprise-sectors', '工贸');
      await page.getByTestId('enterprise-address').fill('明月村三组18号');
      await page.getByTestId('enterprise-employee-count').fill('12');
      await page.getByTestId('enterprise-small-tag').waitFor(); // fewer than 30 employees: 小微企业
      await page.getByTestId('enterprise-principal-name').fill('端木测试');
      await page.getByTestId('enterprise-principal-phone').fill('13900001234');
      await page.getByTestId('enterprise-submit').click();

      // the detail page of the new record
      await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/, { timeout: 15_000 });
      await page.getByText(uscc).first().waitFor();

      await page.goto(`${server.url}/enterprises`);
      // antd may put the test id on the <input> itself or on its wrapper
      const search = page.locator('input[data-testid="enterprise-search"], [data-testid="enterprise-search"] input').first();
      await search.fill(name);
      await search.press('Enter');
      const row = page.getByTestId('enterprise-table').locator('tr', { hasText: name });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.textContent()).toContain('明月村');
      await page.screenshot({ path: path.join(SHOTS, 'enterprise-list.png'), fullPage: true });
      expect(consoleErrors).toEqual([]);
    } catch (e) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'enterprise-failure.png'), fullPage: true }).catch(() => {});
      console.error(`[e2e] at ${page.url()}\npage errors: ${consoleErrors.join(' | ') || 'none'}\nHTTP errors: ${badResponses.join(' | ') || 'none'}`);
      throw e;
    }

    // and the server agrees
    const res = await fetch(`${server.url}/api/health`);
    expect((await res.json()).ok).toBe(true);
  }, 120_000);
});
