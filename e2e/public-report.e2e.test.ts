// 群众举报 in a real browser: a person with no account, at phone width, opens the poster's link,
// reports a hazard with a photo, gets a tracking code, confirms it is saved and looks the report up;
// the township's 安委办 accepts it and marks it 属实, recording the hazard, and replies; the hazard
// is in the ledger, and the code page shows the reply.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TPublicTownships, TTipDetail, TTipListResponse } from '../src/contract/tips.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { loginAs } from '../src/server/test/http.ts';
import { DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, pickOption, signIn, textarea, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();
const TEXT = '东侧仓库消防通道被纸箱堵死，安全出口指示灯不亮，晚上还有人住在仓库里';
const REPLY = '经现场核查属实，已责令企业立即清理通道、修复指示灯并整改住人问题。感谢您的举报！';

describe.skipIf(skip !== null)('群众举报 in Chromium', () => {
  const harness = useHarness();
  const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

  it('a person reports with a photo at 375 px and follows it by code; the office finds it true; the hazard is in the ledger and the reply on the code page', async () => {
    const { page, context } = harness.browser;
    const towns = (await harness.server.app.inject({ method: 'GET', url: '/api/public/townships' })).json() as TPublicTownships;
    const dasheng = towns.items.find((t) => t.name === '大盛镇')!;
    let code = '';

    await watching(page, 'public-report', async () => {
      await context.clearCookies();
      await page.setViewportSize(PHONE);
      await page.goto(`${harness.server.url}/report?township=${dasheng.id}`);
      await page.getByTestId('public-report-form').waitFor();
      await page.getByTestId('public-township').getByText('大盛镇').waitFor();
      await textarea(page, 'public-description').fill(TEXT);
      await page.locator('input[data-testid="public-place"], [data-testid="public-place"] input').first().fill('大盛工业园区东侧仓库');
      await page.getByTestId('public-file-input').setInputFiles(harness.photo('仓库通道.png'));
      await page.getByTestId('public-files').locator('img').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'public-report-phone.png'), fullPage: true });
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 376).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
      expect(wide, wide.join('\n')).toEqual([]);
      await page.getByTestId('public-submit').click();
      const shown = page.getByTestId('public-code');
      await shown.waitFor({ timeout: 60_000 });
      code = (await shown.innerText()).trim();
      expect(code).toMatch(/^([23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-){4}[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
      // the page does not move on until the code is saved
      await expect(page.getByTestId('public-done').isDisabled()).resolves.toBe(true);
      await page.screenshot({ path: path.join(SHOTS, 'public-report-code-phone.png'), fullPage: true });
      await page.getByTestId('public-saved').click();
      await page.getByTestId('public-done').click();
      await page.waitForURL(/\/report\/track$/);
      await page.getByTestId('public-status').getByText('待核查').waitFor();
      // the code is never put in the address
      expect(page.url()).not.toContain(code.replace(/-/g, ''));
    });

    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const list = (await office.get(`/api/tips?q=${encodeURIComponent(TEXT.slice(0, 12))}`)).json() as TTipListResponse;
    expect(list.total).toBe(1);
    const tipId = list.items[0]!.id;
    const ents = (await office.get('/api/enterprises?pageSize=1')).json() as { items: { id: string; name: string; sectorNames: string[] }[] };
    const ent = ents.items[0]!;

    await watching(page, 'public-report-office', async () => {
      await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
      await page.goto(`${harness.server.url}/tips/${tipId}`);
      await page.getByTestId('tip-action-accept').click();
      await page.getByTestId('tip-action-submit').click();
      await page.getByTestId('tip-state').getByText('核查中').waitFor();
      await page.getByTestId('tip-action-substantiate').click();
      await textarea(page, 'tip-reason').fill('镇安办现场核查，情况属实');
      await pickOption(page, 'tip-enterprise', ent.name);
      await pickOption(page, 'tip-sector', ent.sectorNames[0]!);
      await page.getByTestId('tip-action-submit').click();
      await page.getByTestId('tip-hazard-link').waitFor();
      await page.getByTestId('tip-action-reply').click();
      await textarea(page, 'tip-reply').fill(REPLY);
      await page.getByTestId('tip-action-submit').click();
      await page.getByTestId('tip-public-reply').getByText(REPLY).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'public-report-office.png'), fullPage: true });
    });
    const tip = (await office.get(`/api/tips/${tipId}`)).json() as TTipDetail;
    expect(tip).toMatchObject({ status: 'substantiated', publicReply: REPLY });
    const ledger = (await office.get('/api/hazards?source=public&pageSize=100')).json() as { items: { id: string }[] };
    expect(ledger.items.map((h) => h.id)).toContain(tip.hazard!.id);

    await watching(page, 'public-report-track', async () => {
      await context.clearCookies();
      await page.setViewportSize(PHONE);
      await page.goto(`${harness.server.url}/report/track`);
      await page.locator('input[data-testid="public-track-code"]').fill(code.toLowerCase());
      await page.getByTestId('public-track-submit').click();
      await page.getByTestId('public-reply').getByText(REPLY).waitFor();
      await poll(() => page.getByTestId('public-status').innerText()).toBe('属实');
      await page.screenshot({ path: path.join(SHOTS, 'public-report-track-phone.png'), fullPage: true });
    });
  });
});
