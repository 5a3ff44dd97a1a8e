// Golden path in a real browser: sign in, register an enterprise through the form, find it in the list.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TEnterprise } from '../src/contract/enterprises.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { randomUscc } from '../src/server/test/factories.ts';
import { loginAs } from '../src/server/test/http.ts';
import {
  SHOTS, chromiumOrSkipReason, input, pickOption, useHarness, watching,
} from './helpers.ts';

const skip = chromiumOrSkipReason();

describe.skipIf(skip !== null)('enterprise registry in Chromium', () => {
  const harness = useHarness();

  it('the office signs in, creates an enterprise, and finds it in the list', async () => {
    const { page } = harness.browser;
    const name = `端到端测试机械厂${Date.now().toString(36)}`;
    const uscc = randomUscc('500112');
    let id = '';
    await watching(page, 'enterprise', async () => {
      // signed out, the list sends to the login page, and back to the list after signing in
      await page.goto(`${harness.server.url}/enterprises`);
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
      // A wrong phone number is marked red on saving, and the mark goes as soon as it is corrected.
      await page.getByTestId('enterprise-principal-phone').fill('1390000');
      await page.getByTestId('enterprise-submit').click();
      const phoneItem = page.locator('.ant-form-item', { has: page.getByTestId('enterprise-principal-phone') });
      await phoneItem.locator('.ant-form-item-explain-error').waitFor();
      await page.getByTestId('enterprise-principal-phone').fill('13900001234');
      await phoneItem.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
      await page.getByTestId('enterprise-submit').click();

      // the detail page of the new record
      await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
      id = page.url().split('/').pop()!;
      await page.getByText(uscc).first().waitFor();

      await page.goto(`${harness.server.url}/enterprises`);
      const search = input(page, 'enterprise-search');
      await search.fill(name);
      await search.press('Enter');
      const row = page.getByTestId('enterprise-table').locator('tr', { hasText: name });
      await row.waitFor();
      expect(await row.textContent()).toContain('明月村');
      await page.screenshot({ path: path.join(SHOTS, 'enterprise-list.png'), fullPage: true });
    });

    // and the server has what was typed, the code upper-cased, the size derived from the headcount
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const saved = (await office.get(`/api/enterprises/${id}`)).json() as TEnterprise;
    expect(saved).toMatchObject({
      name, uscc, villageName: '明月村', sectorNames: ['工贸'], address: '明月村三组18号', employeeCount: 12, isSmall: true,
      principalName: '端木测试', principalPhone: '13900001234', status: 'operating',
    });
  }, 120_000);
});
