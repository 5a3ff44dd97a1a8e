// A township's own hazard ledger in Chromium: its 整改期限 in its own words ("7天"), imported, then
// the same ledger uploaded whole again (it grows month by month): its old rows are counted apart
// as already in the ledger, not listed as problems, and there is nothing new to import.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TEnterprise } from '../src/contract/enterprises.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { loginAs } from '../src/server/test/http.ts';
import { buildXlsx } from '../src/server/test/xlsx.ts';
import { DESKTOP, SHOTS, chromiumOrSkipReason, signIn, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();

describe.skipIf(skip !== null)('a township’s hazard ledger in Chromium', () => {
  const harness = useHarness();

  it('imports it with 整改期限 in days, then takes it again without importing a row twice', async () => {
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const unit = ((await office.get('/api/enterprises?pageSize=1')).json() as { items: TEnterprise[] }).items[0]!;
    const suffix = Date.now().toString(36);
    const headers = ['单位名称', '隐患描述', '隐患部位', '行业领域', '隐患等级', '来源', '发现日期', '状态', '整改期限'];
    const file = path.join(SHOTS, `ledger-${suffix}.xlsx`);
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(file, await buildXlsx(headers, [{
      单位名称: unit.name, 隐患描述: `端到端台账隐患${suffix}`, 隐患部位: '仓库', 行业领域: unit.sectorNames[0]!, 隐患等级: '一般',
      来源: '村居排查', 发现日期: '2026-11-02', 状态: '待整改', 整改期限: '7天',
    }]));
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
});
