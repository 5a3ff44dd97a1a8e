// Golden path in a real browser: sign in, register an enterprise through the form, find it in the list;
// import a workbook with a bad row, which is named by its unit, downloads with 错误原因 and counts as skipped.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TEnterprise } from '../src/contract/enterprises.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { randomUscc } from '../src/server/test/factories.ts';
import { loginAs } from '../src/server/test/http.ts';
import { buildXlsx, readXlsx } from '../src/server/test/xlsx.ts';
import {
  DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, input, pickOption, signIn, useHarness, watching,
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

  it('imports a workbook: the bad row is named by its unit, skipped, and downloads with its reason', async () => {
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const { headers } = await readXlsx((await office.get('/api/enterprises/import/template')).rawPayload);
    const suffix = Date.now().toString(36);
    const row = (name: string, village: string) => ({
      '单位名称*': name, 统一社会信用代码: randomUscc('500112'), '单位类型*': '企业', '地址*': '明月村四组1号', '所在村/社区*': village,
      '行业领域*': '工贸', '主要负责人*': '端木导入', '主要负责人电话*': '13900004321',
    });
    const good = `端到端导入五金厂${suffix}`;
    const bad = `端到端坏行厂${suffix}`;
    const file = path.join(SHOTS, `enterprise-import-${suffix}.xlsx`);
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(file, await buildXlsx(headers, [row(good, '明月村'), row(bad, '不存在村')]));
    const { page } = harness.browser;
    try {
      await watching(page, 'enterprise-import', async () => {
        await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
        await page.goto(`${harness.server.url}/enterprises/import`);
        await page.getByTestId('import-template').waitFor();
        await page.locator('input[type=file]').setInputFiles(file); // the upload area's own input
        await page.getByTestId('import-preview').waitFor();
        // the bad row by its unit, column and reason
        const errorRow = page.getByTestId('import-errors').locator('tr', { hasText: bad });
        await errorRow.waitFor();
        expect(await errorRow.textContent()).toContain('村/社区“不存在村”不存在');

        // the bad row downloads with 错误原因, ready to fix and upload again
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-rejects').click()]);
        expect(download.suggestedFilename()).toBe(`enterprise-import-${suffix}-未导入的行.xlsx`);
        const rejected = await readXlsx(fs.readFileSync(await download.path()));
        expect(rejected.headers).toEqual([...headers, '错误原因']);
        expect(rejected.rows.map((r) => [r['单位名称*'], r['错误原因']])).toEqual([[bad, '所在村/社区：村/社区“不存在村”不存在']]);
        await page.screenshot({ path: path.join(SHOTS, 'enterprise-import-preview.png'), fullPage: true });

        // the result counts it: 新增 1，跳过 1 (not 跳过 0), and offers it again
        await page.getByTestId('import-commit').click();
        const result = page.getByTestId('import-result');
        await result.waitFor();
        expect(await result.textContent()).toContain('新增 1 个，更新 0 个，跳过 1 行');
        await result.getByTestId('import-rejects').getByText('下载未导入的 1 行').waitFor();
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
  }, 120_000);

  it('imports a 市场监管 registry as it is: the missing fields filled for the whole file, an unknown 登记状态 mapped', async () => {
    const suffix = Date.now().toString(36);
    const headers = ['企业名称', '统一社会信用代码', '法定代表人', '住所', '登记状态', '联系电话'];
    const rows = [
      { 企业名称: `端到端登记存续厂${suffix}`, 统一社会信用代码: randomUscc('500112'), 法定代表人: '端木甲', 住所: '大盛镇明月村五组1号', 登记状态: '存续', 联系电话: '13900005671' },
      { 企业名称: `端到端登记清算厂${suffix}`, 统一社会信用代码: randomUscc('500112'), 法定代表人: '端木乙', 住所: '大盛镇明月村五组2号', 登记状态: '清算中', 联系电话: '13900005672' },
      { 企业名称: `端到端已注销厂${suffix}`, 统一社会信用代码: randomUscc('500112'), 法定代表人: '端木丁', 住所: '大盛镇明月村五组4号', 登记状态: '注销', 联系电话: '13900005674' },
    ];
    const file = path.join(SHOTS, `registry-${suffix}.xlsx`);
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(file, await buildXlsx(headers, rows));
    const { page } = harness.browser;
    try {
      await watching(page, 'enterprise-import-registry', async () => {
        await signIn(harness.browser, harness.server, 'anweiban', DESKTOP);
        await page.goto(`${harness.server.url}/enterprises/import`);
        await page.getByTestId('import-template').waitFor();
        await page.locator('input[type=file]').setInputFiles(file);
        const panel = page.getByTestId('import-mapping');
        await panel.getByText('缺少必填项').waitFor();
        // the registry's headers were read by synonyms; 所在村/社区 and 行业领域 are given for the whole file
        for (const [key, text] of [['village', '从地址识别'], ['sectors', '工贸']] as const) {
          await page.getByTestId(`import-default-${key}`).click();
          await page.keyboard.type(text);
          await page.keyboard.press('Escape');
        }
        // 清算中 is not one of ours: read as 停业
        await pickOption(page, 'import-value-status-1', '停业');
        await page.screenshot({ path: path.join(SHOTS, 'enterprise-import-mapping.png'), fullPage: true });
        await page.getByTestId('import-remap').click();
        await page.getByTestId('import-mapping-open').waitFor();
        // Read whole now, the panel is one line, and it still names what every row is filled with.
        const wholeFile = (await page.getByTestId('import-mapping-whole-file').textContent()) ?? '';
        expect(wholeFile).toMatch(/^每一行都填为：/);
        for (const part of ['所在村/社区按每一行的地址识别', '行业领域“工贸”']) expect(wholeFile).toContain(part);
        // The 注销 company was never registered here: told apart from the rows, not imported.
        expect(await page.getByTestId('import-deregistered').textContent()).toContain('另有 1 行是已注销（或迁出）且未在系统中登记的企业，不导入');
        await page.getByTestId('import-commit').getByText('确认导入（2 行）').waitFor();
        await page.getByTestId('import-commit').click();
        const result = page.getByTestId('import-result');
        await result.waitFor();
        expect(await result.textContent()).toContain('新增 2 个，更新 0 个，跳过 0 行（另有 1 行已注销或迁出的企业未导入）');
        expect(await result.getByTestId('import-rejects').count()).toBe(0); // nothing to fix and upload again
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const found = (await office.get(`/api/enterprises?q=${encodeURIComponent(suffix)}&pageSize=10`)).json() as { items: TEnterprise[] };
    expect(found.items.map((e) => [e.principalName, e.villageName, e.sectorNames, e.status]).sort()).toEqual([
      ['端木乙', '明月村', ['工贸'], 'suspended'], ['端木甲', '明月村', ['工贸'], 'operating'],
    ]);
  }, 120_000);

  it('warns, before the commit, of a row that would rename a registered unit by its credit code (a phone)', async () => {
    const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
    const listed = (await office.get('/api/enterprises?pageSize=50')).json() as { items: TEnterprise[] };
    const target = listed.items.find((e) => e.uscc)!;
    const headers = ['企业名称', '统一社会信用代码', '法定代表人', '住所', '登记状态', '联系电话'];
    const file = path.join(SHOTS, `rename-${Date.now().toString(36)}.xlsx`);
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(file, await buildXlsx(headers, [
      { 企业名称: '代码填错的另一家公司', 统一社会信用代码: target.uscc, 法定代表人: '端木丙', 住所: '大盛镇明月村五组3号', 登记状态: '存续', 联系电话: '13900005673' },
    ]));
    const page = await signIn(harness.browser, harness.server, 'anweiban', PHONE);
    try {
      await watching(page, 'enterprise-import-rename', async () => {
        await page.goto(`${harness.server.url}/enterprises/import`);
        await page.getByTestId('import-template').waitFor();
        await page.locator('input[type=file]').setInputFiles(file);
        // The registry's mapping is the district's from the test before; run alone, it is filled in here.
        const alert = page.getByTestId('import-renames');
        const village = page.getByTestId('import-default-village');
        await alert.or(village).first().waitFor();
        if (await village.isVisible()) {
          for (const [key, text] of [['village', '从地址识别'], ['sectors', '工贸']] as const) {
            await page.getByTestId(`import-default-${key}`).click();
            await page.keyboard.type(text);
            await page.keyboard.press('Escape');
          }
          await page.getByTestId('import-remap').click();
        }
        await alert.waitFor();
        expect(await alert.textContent()).toContain(`第2行：“${target.name}”将改为“代码填错的另一家公司”`);
        await page.screenshot({ path: path.join(SHOTS, 'enterprise-import-rename-phone.png'), fullPage: true });
        // On the phone every column's 读作 select is in sight, not scrolled off inside its table.
        const width = page.viewportSize()!.width;
        const rightEdges = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
        await page.getByTestId('import-mapping-open').click();
        await page.getByTestId('import-column-0').waitFor();
        const columns = await rightEdges('[data-testid^="import-column-"]');
        expect(columns.length).toBeGreaterThan(3);
        for (const right of columns) expect(right).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(SHOTS, 'enterprise-import-mapping-phone.png'), fullPage: true });
        // …and so is 结束 beside each of the account's sessions (账号安全).
        await page.goto(`${harness.server.url}/account/security`);
        await page.getByTestId('session-end').first().waitFor();
        for (const right of await rightEdges('[data-testid="session-end"]')) expect(right).toBeLessThanOrEqual(width);
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
  }, 120_000);
});
