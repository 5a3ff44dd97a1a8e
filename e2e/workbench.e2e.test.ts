// The 工作台 and notifications in a real browser: each role's home at phone width shows what
// awaits it and opens one item; the header's unread count changes live (server-sent events) when
// another user transfers a hazard to the unit. The one browser test with antd's animations on (the
// others run as a device that asks for less motion): it checks that both ways hold.
import { describe, expect, it } from 'vitest';
import type { THazardDetail } from '../src/contract/hazards.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { loginAs } from '../src/server/test/http.ts';
import { PHONE, chromiumOrSkipReason, signIn, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();

describe.skipIf(skip !== null)('工作台 and notifications in Chromium', () => {
  const harness = useHarness(1, { motion: true });

  it('animates antd\'s components, and none for a device that asks for less motion', async () => {
    const { page } = harness.browser;
    /** antd's middle animation length, as its CSS variable on the signed-in page. */
    const motion = () => page.evaluate(() => getComputedStyle(document.querySelector('.ant-app')!).getPropertyValue('--ant-motion-duration-mid').trim());
    /** The app's own spinner's animation (styles.css): a turning spinner keeps a phone busy. */
    const spin = () => page.evaluate(() => {
      const probe = document.body.appendChild(Object.assign(document.createElement('div'), { className: 'page-spin' }));
      const name = getComputedStyle(probe).animationName;
      probe.remove();
      return name;
    });
    try {
      await signIn(harness.browser, harness.server, 'anweiban', PHONE);
      await page.getByTestId('workbench').waitFor();
      expect([await motion(), await spin()]).toEqual(['0.2s', 'page-spin-rotate']);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.reload();
      await page.getByTestId('workbench').waitFor();
      expect([await motion(), await spin()]).toEqual(['0s', 'none']);
    } finally {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it.each(['anweiban', 'mingyue', 'qiye', 'leader', 'dudao'])('%s: the phone home lists what awaits and opens one', async (who) => {
    const { page } = harness.browser;
    await watching(page, `workbench-${who}`, async () => {
      await signIn(harness.browser, harness.server, who, PHONE);
      await page.getByTestId('workbench').waitFor();
      const items = page.getByTestId('workbench-item');
      expect(await items.count()).toBeGreaterThan(0);
      if (who === 'qiye') await page.getByTestId('today-card').waitFor(); // 今日自查, one tap to start
      if (who === 'leader' || who === 'anweiban') await page.getByTestId('workbench-figures').waitFor();
      const href = (await items.first().getAttribute('href'))!;
      await items.first().click();
      await page.waitForURL((u) => `${u.pathname}${u.search}` === href);
      await page.locator('.page-container').first().waitFor();
      expect(await page.locator('.ant-result-error, [data-testid=route-error]').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    });
  });

  it('the unread count changes live when another unit transfers a hazard here', async () => {
    const { page } = harness.browser;
    const app = harness.server.app;
    const village = await loginAs(app, 'mingyue', DEMO_PASSWORD);
    const dept = await loginAs(app, 'jianshe', DEMO_PASSWORD);
    // An open hazard of 明月村 that it may hand over to jianshe's unit.
    const list = (await village.get(`/api/hazards?open=true&responsibleUnitId=${village.me.unit.id}&pageSize=100`)).json() as { items: { id: string }[] };
    let hazard: THazardDetail | undefined;
    for (const { id } of list.items) {
      const h = (await village.get(`/api/hazards/${id}`)).json() as THazardDetail;
      if (h.allowedActions.includes('transfer') && h.transferTargets.some((t) => t.id === dept.me.unit.id)) {
        hazard = h;
        break;
      }
    }
    expect(hazard, 'a demo hazard 明月村 can transfer to jianshe').toBeDefined();

    await watching(page, 'notification-live', async () => {
      await signIn(harness.browser, harness.server, 'jianshe', PHONE);
      const bell = page.getByTestId('notification-bell');
      await bell.waitFor();
      // The stream's first event sets the count; wait until the bell shows the server's.
      const before = ((await dept.get('/api/notifications/unread-count')).json() as { unread: number }).unread;
      await expect.poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 15_000 }).toBe(before);
      const res = await village.request('POST', `/api/hazards/${hazard!.id}/actions`, {
        action: 'transfer', version: hazard!.version, toUnitId: dept.me.unit.id, reason: '涉及建设施工，请村镇建设中心处置',
      });
      expect(res.statusCode, res.body).toBe(200);
      await expect.poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 15_000 }).toBe(before + 1);
      await bell.click();
      await page.waitForURL(/\/notifications$/);
      const first = page.getByTestId('notification-row').first();
      await expect.poll(async () => (await first.textContent()) ?? '', { timeout: 10_000 }).toContain('隐患移交待接收');
      await first.click();
      await page.waitForURL(new RegExp(`/hazards/${hazard!.id}$`));
      await expect.poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 15_000 }).toBe(before);
    });
  });
});
