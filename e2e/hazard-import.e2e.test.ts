// A township's own hazard ledger in Chromium: its 整改期限 in its own words ("7天"), imported, then
// the same ledger uploaded whole again (it grows month by month): its old rows are counted apart
// as already in the ledger, not listed as problems, and there is nothing new to import. On a phone,
// a ledger's short unit name adopted as the registered unit the preview suggests.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TEnterprise } from '../src/contract/enterprises.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { loginAs } from '../src/server/test/http.ts';
import { buildXlsx } from '../src/server/test/xlsx.ts';
import { HAZARD_SOURCE_LABELS } from '../src/domain/hazards/hazard-machine.ts';
import { DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, pickOption, signIn, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();

/** A one-row ledger workbook in SHOTS, named by `tag` and `suffix` (the caller removes it). */
async function ledgerFile(tag: string, suffix: string, row: Record<string, string>): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `ledger-${tag}${suffix}.xlsx`);
  fs.writeFileSync(file, await buildXlsx(Object.keys(row), [row]));
  return file;
}

describe.skipIf(skip !== null)('a township’s hazard ledger in Chromium', () => {
  const harness = useHarness();

  it('imports it with 整改期限 in days, then takes it again without importing a row twice', async () => {
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const unit = ((await office.get('/api/enterprises?pageSize=1')).json() as { items: TEnterprise[] }).items[0]!;
    const suffix = Date.now().toString(36);
    const file = await ledgerFile('', suffix, {
      单位名称: unit.name, 隐患描述: `端到端台账隐患${suffix}`, 隐患部位: '仓库', 行业领域: unit.sectorNames[0]!, 隐患等级: '一般',
      来源: '村居排查', 发现日期: '2026-11-02', 状态: '待整改', 整改期限: '7天',
    });
    const page = await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
    try {
      await watching(page, 'hazard-import', async () => {
        for (const round of [1, 2]) {
          await page.goto(`${harness.server.url}/hazards/import`);
          await page.locator('input[type=file]').setInputFiles(file);
          await page.getByTestId('import-commit').waitFor();
          if (round === 2) {
            // the row is in the ledger now: said once, calmly, not as a problem to fix
            expect(await page.getByTestId('import-already').textContent()).toContain('另有 1 行台账中已有');
            expect(await page.getByTestId('import-errors').count()).toBe(0);
            await page.screenshot({ path: path.join(SHOTS, 'hazard-import-again.png'), fullPage: true });
            expect(await page.getByTestId('import-commit').isDisabled()).toBe(true); // nothing new to import
            continue;
          }
          await page.getByTestId('import-commit').click();
          const result = page.getByTestId('import-result');
          await result.waitFor();
          expect(await result.textContent()).toContain('已导入 1 条隐患');
        }
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
    const found = (await office.get(`/api/hazards?q=${encodeURIComponent(`端到端台账隐患${suffix}`)}&pageSize=10`)).json() as { items: { dueDate: string | null }[] };
    expect(found.items.map((h) => h.dueDate)).toEqual(['2026-11-09']); // 7天 from the found day, once
  }, 120_000);

  it('offers a missing 来源 for the whole file from its own labels only, and reads every row with it', async () => {
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const unit = ((await office.get('/api/enterprises?pageSize=1')).json() as { items: TEnterprise[] }).items[0]!;
    const suffix = Date.now().toString(36);
    const file = await ledgerFile('nosource-', suffix, {
      单位名称: unit.name, 隐患描述: `无来源列隐患${suffix}`, 隐患部位: '仓库', 行业领域: unit.sectorNames[0]!, 隐患等级: '一般', 发现日期: '2026-11-04', 状态: '待整改',
    });
    const page = await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
    try {
      await watching(page, 'hazard-import-default-source', async () => {
        await page.goto(`${harness.server.url}/hazards/import`);
        await page.locator('input[type=file]').setInputFiles(file);
        const source = page.getByTestId('import-default-source');
        await source.waitFor();
        // a list of our labels, not a box that takes any word (日常检查 failed every row)
        await source.click();
        const offered = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents();
        expect(offered).toEqual(Object.values(HAZARD_SOURCE_LABELS));
        await page.keyboard.press('Escape');
        await pickOption(page, 'import-default-source', '村居排查');
        await page.getByTestId('import-remap').click();
        await expect.poll(async () => page.getByTestId('import-commit').textContent(), { timeout: 30_000 }).toContain('确认导入（1 行）');
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
  }, 120_000);

  it('reads a short unit name as the registered unit adopted in the preview, on a phone', async () => {
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const units = ((await office.get(`/api/enterprises?q=${encodeURIComponent('有限公司')}&pageSize=50`)).json() as { items: TEnterprise[] }).items;
    const unit = units.find((u) => u.name.endsWith('有限公司') && !units.some((o) => o !== u && o.name.includes(u.name.slice(0, -4))))!;
    const short = unit.name.slice(0, -4); // "…机械制造" for "…机械制造有限公司", as a ledger writes it
    const suffix = Date.now().toString(36);
    const file = await ledgerFile('short-', suffix, {
      单位名称: short, 隐患描述: `简称台账隐患${suffix}`, 隐患部位: '车间', 行业领域: unit.sectorNames[0]!, 隐患等级: '一般', 来源: '村居排查', 发现日期: '2026-11-03', 状态: '待整改',
    });
    const page = await signIn(harness.browser, harness.server, 'anweiban', PHONE);
    try {
      await watching(page, 'hazard-import-short-name', async () => {
        await page.goto(`${harness.server.url}/hazards/import`);
        // 下载模板 under the intro, at its left: beside it, it squeezed the text into a narrow column
        const template = await page.getByTestId('import-template').boundingBox();
        const intro = await page.locator('.ant-alert', { has: page.getByTestId('import-template') }).boundingBox();
        expect(template!.x - intro!.x).toBeLessThan(80);
        await page.locator('input[type=file]').setInputFiles(file);
        const card = page.getByTestId('import-unit-names');
        await card.waitFor();
        expect(await card.getByTestId('import-unit-suggestion').textContent()).toContain(`“${short}”（1 行）是否为“${unit.name}”`);
        expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
        // the problem names its unit and column above the reason, in a table that fits the phone
        const problem = page.getByTestId('import-errors').locator('tbody tr').first();
        expect(await problem.textContent()).toContain(`${short} · 单位名称`);
        expect(await page.getByTestId('import-errors').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
        await page.screenshot({ path: path.join(SHOTS, 'hazard-import-short-name-phone.png'), fullPage: true });
        await card.getByTestId('import-unit-adopt').click();
        await card.getByTestId('import-unit-alias').waitFor();
        expect(await card.getByTestId('import-unit-alias').textContent()).toContain(`“${short}”（1 行）读作“${unit.name}”`);
        const box = await card.getByTestId('import-unit-undo').boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await page.getByTestId('import-commit').click();
        await page.getByTestId('import-result').waitFor();
        // the result's buttons are spaced, on one line or several
        const [done, again] = [await page.getByTestId('import-done').boundingBox(), await page.getByRole('button', { name: '继续导入' }).boundingBox()];
        const apart = Math.max(again!.x - (done!.x + done!.width), again!.y - (done!.y + done!.height), done!.y - (again!.y + again!.height));
        expect(apart).toBeGreaterThanOrEqual(8);
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
    const found = (await office.get(`/api/hazards?q=${encodeURIComponent(`简称台账隐患${suffix}`)}&pageSize=10`)).json() as { items: { enterpriseName: string }[] };
    expect(found.items.map((h) => h.enterpriseName)).toEqual([unit.name]);
  }, 120_000);
});
