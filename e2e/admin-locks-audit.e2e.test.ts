// Issue 9 in a real browser: the admin finds an account locked at one network address in 登录锁定
// and lifts the lock; the 审计日志 then shows that, found by its Chinese name, in Chinese, with
// the account's name instead of its id and the lock's end in Beijing time. Then the admin sets the
// district's password expiry on 安全事件's settings.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TLoginLock } from '../src/contract/org.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { attemptLogin, loginAs } from '../src/server/test/http.ts';
import { DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, input, pickOption, signIn, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();
const ADDRESS = '10.99.0.1';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe.skipIf(skip !== null)('sign-in locks and the audit log in Chromium', () => {
  const harness = useHarness();

  it('the admin lifts a lock at one address, and reads it in the audit log', async () => {
    const { app, url } = harness.server;
    // Someone guesses qianzhan's password from one address: the account is locked there only.
    for (let i = 0; i < 5; i++) await attemptLogin(app, 'qianzhan', 'Wrong@2024pw', ADDRESS);
    expect((await attemptLogin(app, 'qianzhan', DEMO_PASSWORD, ADDRESS)).statusCode).toBe(423);

    const page = await signIn(harness.browser, harness.server, 'admin', DESKTOP);
    await watching(page, 'login-locks', async () => {
      await page.goto(`${url}/admin/login-locks`);
      const row = page.getByTestId('login-locks-table').locator('tr', { hasText: 'qianzhan' });
      await row.waitFor();
      expect(await row.textContent()).toContain(ADDRESS);
      await row.getByTestId('login-lock-clear').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /解\s*除/ }).click();
      await row.waitFor({ state: 'detached' });
    });
    const admin = await loginAs(app, 'admin', DEMO_PASSWORD);
    const locks = (await admin.get('/api/login-locks?q=qianzhan')).json() as { items: TLoginLock[] };
    expect(locks.items).toEqual([]);

    await watching(page, 'audit-log', async () => {
      await page.goto(`${url}/audit`);
      const search = input(page, 'audit-search');
      await search.fill('解除登录锁定');
      await search.press('Enter');
      const table = page.getByTestId('audit-table');
      const entry = table.locator('tr.ant-table-row', { hasText: '解除登录锁定' }).first();
      await entry.waitFor();
      const text = (await entry.textContent()) ?? '';
      expect(text).toContain('（千盏村）'); // the account by its name and unit, not by id
      expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
      expect(text).not.toMatch(UUID);
      await entry.locator('.ant-table-row-expand-icon').click();
      const diff = page.getByTestId('audit-diff').first();
      await diff.waitFor();
      const content = (await diff.textContent()) ?? '';
      expect(content).toContain('解除的锁定');
      expect(content).toContain(`来源地址：${ADDRESS}`);
      expect(content).toMatch(/锁定至：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/); // Beijing time, not an ISO instant
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
      expect(content).not.toMatch(UUID);
      await page.screenshot({ path: path.join(SHOTS, 'audit-log.png'), fullPage: true });
    });

    // On a phone the entry's values stack under each field, before and after both in sight.
    const phone = await signIn(harness.browser, harness.server, 'admin', PHONE);
    await watching(phone, 'audit-log-phone', async () => {
      await phone.goto(`${url}/audit`);
      const search = input(phone, 'audit-search');
      await search.fill('解除登录锁定');
      await search.press('Enter');
      await phone.getByText('查看内容').first().click();
      const fields = phone.getByTestId('audit-diff-fields').first();
      await fields.waitFor();
      const content = (await fields.textContent()) ?? '';
      expect(content).toContain('修改前：');
      expect(content).toContain('修改后：');
      expect(content).toContain(`来源地址：${ADDRESS}`);
      const right = await fields.evaluate((e) => e.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(PHONE.width);
      await phone.screenshot({ path: path.join(SHOTS, 'audit-log-phone.png'), fullPage: true });
      // 本区安全设置 on a phone: the switch keeps its label beside it (it wrapped above it, unlabelled)
      await phone.goto(`${url}/security-events`);
      const toggle = phone.getByTestId('security-totp-required');
      await toggle.waitFor();
      const [t, l] = [await toggle.boundingBox(), await phone.getByText('管理员和安委办账号须启用双因素认证').boundingBox()];
      expect(l!.x).toBeGreaterThan(t!.x + t!.width);
      expect(l!.x + l!.width).toBeLessThanOrEqual(PHONE.width);
    });
    await signIn(harness.browser, harness.server, 'admin', DESKTOP);

    // 本区安全设置: the admin sets how long a password is good for, on screen rather than in the server's environment.
    await watching(page, 'password-expiry', async () => {
      await page.goto(`${url}/security-events`);
      const expiry = page.getByTestId('security-password-expiry');
      await expiry.waitFor();
      expect(await expiry.innerText()).toContain('按系统默认（永不过期）');
      await pickOption(page, 'security-password-expiry', '90天后须修改');
      await page.getByText('密码有效期已设为90天').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'security-settings.png'), fullPage: true });
    });
    expect((await admin.get('/api/security/settings')).json()).toMatchObject({ passwordMaxAgeDays: 90 });
  });
});
