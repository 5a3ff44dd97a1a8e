// A spot check (抽查) in a real browser at phone width: 应急办 starts it from the page of an
// enterprise it supervises with the 崇明 spot-check checklist, answers the seven items one by
// one (two fail, with comments, confirmed hazard drafts and a photo), completes it with the
// representative's signature and its own; the two hazards appear in the ledger linked to the
// inspection, and the 现场检查记录 downloads as a PDF. Then a two-person enforcement inspection:
// the colleague signs from his own account and the enterprise's refusal to sign is recorded.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TEnterprise } from '../src/contract/enterprises.ts';
import type { THazardDetail } from '../src/contract/hazards.ts';
import type { TInspectionDetail } from '../src/contract/inspections.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { itemFinding, itemQuestion, itemsOf } from '../src/domain/checklists/checklist.ts';
import { CHONGMING_SPOT_CHECK } from '../src/domain/checklists/seed-checklists.ts';
import { loginAs } from '../src/server/test/http.ts';
import {
  PHONE, SHOTS, chromiumOrSkipReason, input, pickOption, signIn, useHarness, textarea,
  watching,
} from './helpers.ts';

const skip = chromiumOrSkipReason();
const ITEMS = itemsOf(CHONGMING_SPOT_CHECK);
/** Items 2 and 5 fail (0-based 1 and 4); the second one gets a photo. */
const FAILS: Record<number, { comment: string; photo: boolean }> = {
  1: { comment: '主要负责人本季度未带队检查，无检查记录', photo: false },
  4: { comment: '电焊工王某无特种作业操作证，现场正在动火作业', photo: true },
};

describe.skipIf(skip !== null)('inspection spot check in Chromium', () => {
  const harness = useHarness();

  it('starts, fills, signs and completes a spot check on a phone; hazards and the PDF record follow', async () => {
    const { page } = harness.browser;

    // An operating enterprise 应急办 supervises, with a sector, as the API has it.
    const yingji = await loginAs(harness.server.app, 'yingji', DEMO_PASSWORD);
    const listed = (await yingji.get('/api/enterprises?pageSize=50&sort=name&order=asc')).json() as { items: TEnterprise[] };
    const pick = listed.items.find((e) => e.status === 'operating' && e.sectorNames.length > 0);
    expect(pick, 'an enterprise in 应急办 scope').toBeDefined();
    const ent = (await yingji.get(`/api/enterprises/${pick!.id}`)).json() as TEnterprise;
    expect(ITEMS).toHaveLength(7);

    await watching(page, 'inspection-spot-check', async () => {
      // 1. from the enterprise's page, 新建检查: a 抽查 with the 崇明 checklist
      await signIn(harness.browser, harness.server, 'yingji', PHONE);
      await page.goto(`${harness.server.url}/enterprises/${ent.id}`);
      await page.getByTestId('enterprise-inspections').waitFor();
      await page.getByTestId('enterprise-start-inspection').click();
      await page.waitForURL(/\/inspections\/new\?enterpriseId=/);
      await page.getByTestId('inspection-form').waitFor();
      await page.getByTestId('inspection-enterprise').getByText(ent.name).waitFor();
      await pickOption(page, 'inspection-type', '抽查');
      await pickOption(page, 'inspection-template', CHONGMING_SPOT_CHECK.name);
      await input(page, 'inspection-location').fill('生产车间及动火作业区');
      await page.screenshot({ path: path.join(SHOTS, 'inspection-create-phone.png'), fullPage: true });
      await page.getByTestId('inspection-submit').click();
      await page.waitForURL(/\/inspections\/[0-9a-f-]{36}\/fill/);
      const id = /\/inspections\/([0-9a-f-]{36})\/fill/.exec(page.url())![1]!;

      // 2. the seven items, one at a time
      for (const [n, item] of ITEMS.entries()) {
        const step = page.getByTestId('inspection-item');
        // Asked as a question (the item is worded as the finding), answered 否 or 是, never 符合.
        await step.getByTestId('inspection-item-content').getByText(itemQuestion(item), { exact: true }).waitFor();
        expect(await page.getByTestId('inspection-result-conform').textContent()).toContain('否');
        expect(await page.getByTestId('inspection-result-nonconform').textContent()).toContain('是');
        const fail = FAILS[n];
        if (fail) {
          await page.getByTestId('inspection-result-nonconform').click();
          await textarea(page, 'inspection-comment').fill(fail.comment);
          const draft = page.getByTestId('inspection-hazard-draft');
          await draft.waitFor();
          // pre-filled: description from the item's finding and the comment, the place, the enterprise's sector, the requirement as 判定依据
          expect(await textarea(page, 'inspection-hazard-description').inputValue()).toBe(`${itemFinding(item)}：${fail.comment}`);
          expect(await input(page, 'inspection-hazard-location').inputValue()).toBe('生产车间及动火作业区');
          await page.getByTestId('inspection-hazard-sector').getByText(ent.sectorNames[0]!).waitFor();
          expect(await textarea(page, 'inspection-hazard-criterion').inputValue()).toBe(item.requirement ?? '');
          // the inspector confirms, narrowing the place
          await input(page, 'inspection-hazard-location').fill(n === 4 ? '二号车间动火作业点' : '安全管理办公室');
          if (fail.photo) {
            await page.getByTestId('inspection-photo-input').setInputFiles(harness.photo(`item-${n + 1}.png`));
            await page.getByTestId('inspection-photo-input-file').first().waitFor();
          }
          if (n === 4) await page.screenshot({ path: path.join(SHOTS, 'inspection-fill-failed-phone.png'), fullPage: true });
        } else {
          await page.getByTestId('inspection-result-conform').click();
        }
        await page.getByTestId('inspection-progress').getByText(`已填 ${n + 1}/7`).waitFor();
        await page.getByTestId('inspection-next').click();
      }

      // 3. the last step: nothing missing once saved, the representative signs, complete
      await page.getByTestId('inspection-finish').waitFor();
      await page.getByTestId('inspection-save-state').getByText('已保存').waitFor();
      await page.getByText('检查表已填写完整').waitFor();
      await textarea(page, 'inspection-summary').fill('抽查企业自查自改情况，发现问题2项，已当场告知企业负责人');
      await input(page, 'inspection-representative-name').fill('周负责');
      await page.screenshot({ path: path.join(SHOTS, 'inspection-sign-phone.png'), fullPage: true });
      await page.getByTestId('inspection-complete').click();
      // Asked first, with what will be locked and the hazards it will create.
      const confirm = page.getByTestId('inspection-complete-confirm');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('不符合 2 项');
      expect(await confirm.textContent()).toContain('周负责');
      await page.locator('.ant-modal-confirm').getByRole('button', { name: /确认完成并签名/ }).click();
      await page.waitForURL(new RegExp(`/inspections/${id}$`));

      // 4. the detail page: completed, signed, two failed items linked to their hazards
      await page.getByTestId('inspection-status').getByText('已完成').waitFor();
      await page.getByTestId('inspection-signature-hash').waitFor();
      await page.getByTestId('inspection-representative').getByText('周负责').waitFor();
      const links = page.getByTestId('inspection-failed').getByTestId('inspection-hazard-link');
      expect(await links.count()).toBe(2);
      // each answer in the item's words: 是 for the two findings, 否 for the rest
      const results = await page.getByTestId('inspection-answer-result').allTextContents();
      expect(results.map((r) => r.replace(/\s/g, ''))).toEqual(ITEMS.map((_i, n) => (FAILS[n] ? '是' : '否')));
      await page.screenshot({ path: path.join(SHOTS, 'inspection-detail-phone.png'), fullPage: true });

      // ... the server agrees
      const office = await loginAs(harness.server.app, 'anweiban', DEMO_PASSWORD);
      const d = (await office.get(`/api/inspections/${id}`)).json() as TInspectionDetail;
      expect(d).toMatchObject({ status: 'completed', type: 'spot_check', enterpriseId: ent.id, templateCode: CHONGMING_SPOT_CHECK.code, failedCount: 2, hazardCount: 2 });
      expect(d.signatureHash).toMatch(/^[0-9a-f]{64}$/);
      expect(d.representative?.name).toBe('周负责');
      expect(d.inspectors.map((i) => ({ name: i.name, signed: i.signed }))).toEqual([{ name: yingji.me.displayName, signed: true }]);
      const failed = d.answers.filter((a) => a.result === 'nonconform');
      expect(failed.map((a) => a.itemKey)).toEqual([ITEMS[1]!.key, ITEMS[4]!.key]);
      expect(failed.map((a) => a.comment)).toEqual([FAILS[1]!.comment, FAILS[4]!.comment]);
      expect(failed[1]!.photos).toHaveLength(1);
      expect(d.answers.filter((a) => a.result === 'conform')).toHaveLength(5);

      // ... each failed item became a hazard of the enterprise, in the ledger
      const hazardIds = failed.map((a) => a.hazard?.id);
      expect(hazardIds.every((h) => typeof h === 'string')).toBe(true);
      for (const [k, a] of failed.entries()) {
        const h = (await office.get(`/api/hazards/${a.hazard!.id}`)).json() as THazardDetail;
        expect(h).toMatchObject({ enterpriseId: ent.id, status: 'reported', level: 'general', description: `${ITEMS[k === 0 ? 1 : 4]!.content}：${a.comment}` });
        expect(h.location).toBe(k === 0 ? '安全管理办公室' : '二号车间动火作业点');
      }
      const ledger = (await office.get(`/api/hazards?enterpriseId=${ent.id}&pageSize=100`)).json() as { items: { id: string }[] };
      expect(ledger.items.map((h) => h.id)).toEqual(expect.arrayContaining(hazardIds as string[]));

      // ... and the page's links lead to them
      await links.first().click();
      await page.waitForURL(new RegExp(`/hazards/${hazardIds[0]}$`));
      await page.getByTestId('hazard-tags').getByText('待整改').waitFor();
      await page.goBack();
      await page.getByTestId('inspection-failed').waitFor();

      // 5. the 现场检查记录 downloads as a PDF
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('inspection-pdf').click()]);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
      const fetched = await page.evaluate(async (url) => {
        const r = await fetch(url, { credentials: 'same-origin' });
        const bytes = new Uint8Array(await r.arrayBuffer());
        return { status: r.status, type: r.headers.get('content-type'), head: String.fromCharCode(...bytes.subarray(0, 4)) };
      }, `/api/inspections/${id}/record.pdf`);
      expect(fetched.status).toBe(200);
      expect(fetched.type).toMatch(/^application\/pdf/);
      expect(fetched.head).toBe('%PDF');

      // 6. the list (我参与的) shows it as a card on the phone, with its failed items
      await page.goto(`${harness.server.url}/inspections?mine=true`);
      const card = page.getByTestId('inspection-cards').getByTestId('inspection-link').filter({ hasText: d.number });
      await card.waitFor();
      await card.getByText('2 项不符合').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'inspection-list-phone.png'), fullPage: true });
    });
  }, 240_000);

  it('two-person enforcement: the colleague signs from his own account, the refusal to sign is recorded', async () => {
    const { page } = harness.browser;
    const yingji = await loginAs(harness.server.app, 'yingji', DEMO_PASSWORD);
    const yingji2 = await loginAs(harness.server.app, 'yingji2', DEMO_PASSWORD);
    const ent = ((await yingji.get('/api/enterprises?pageSize=50&sort=name&order=desc')).json() as { items: TEnterprise[] }).items.find((e) => e.status === 'operating')!;
    // Started and filled through the API: the pages of the first test are not what this one is about.
    const created = await yingji.request('POST', '/api/inspections', {
      type: 'enforcement', enterpriseId: ent.id, inspectedOn: new Date().toISOString().slice(0, 10), templateCode: CHONGMING_SPOT_CHECK.code,
      methodTags: ['four_no_two_direct'], coInspectorUserIds: [yingji2.me.id],
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as TInspectionDetail).id;
    for (const item of ITEMS) {
      const res = await yingji.request('PUT', `/api/inspections/${id}/answers/${item.key}`, { result: 'conform' });
      expect(res.statusCode, res.body).toBe(200);
    }

    await watching(page, 'inspection-enforcement', async () => {
      // the colleague sees who has not signed and signs from the detail page
      await signIn(harness.browser, harness.server, 'yingji2', PHONE);
      await page.goto(`${harness.server.url}/inspections/${id}`);
      await page.getByTestId('inspection-inspector-unsigned').first().waitFor();
      await page.getByTestId('inspection-sign').click();
      await page.getByTestId('inspection-inspector-signed').first().waitFor();
      expect(await page.getByTestId('inspection-sign').count()).toBe(0);

      // the lead inspector finds the colleague's signature on the last step and completes with a refusal note
      await signIn(harness.browser, harness.server, 'yingji', PHONE);
      await page.goto(`${harness.server.url}/inspections/${id}/fill?item=done`);
      await page.getByTestId('inspection-finish').waitFor();
      await page.getByTestId('inspection-inspector-signed').getByText('已签名').waitFor();
      await page.getByTestId('inspection-representative-kind').getByText('拒绝签名').click();
      await textarea(page, 'inspection-representative-note').fill('负责人拒绝签字，检查人员二人在场见证');
      await page.getByTestId('inspection-complete').click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: /确认完成并签名/ }).click();
      await page.waitForURL(new RegExp(`/inspections/${id}$`));
      await page.getByTestId('inspection-status').getByText('已完成').waitFor();
      await page.getByTestId('inspection-representative').getByText('拒绝签名').waitFor();
      expect(await page.getByTestId('inspection-inspector-signed').count()).toBe(2);

      const d = (await yingji.get(`/api/inspections/${id}`)).json() as TInspectionDetail;
      expect(d).toMatchObject({ status: 'completed', type: 'enforcement', methodTags: ['four_no_two_direct'], failedCount: 0, hazardCount: 0 });
      expect(d.inspectors.every((i) => i.signed && i.certificateNo)).toBe(true);
      expect(d.representative).toMatchObject({ name: null, refusalNote: '负责人拒绝签字，检查人员二人在场见证' });
      expect(d.allowedActions).toContain('open_case');
      await page.getByTestId('inspection-open-case').waitFor();
    });
  }, 180_000);
});
