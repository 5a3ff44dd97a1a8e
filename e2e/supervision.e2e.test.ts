// 督导检查 in a real browser: the group member at phone width records a visit to 明月村 with the
// 附件1 checklist rated item by item and one item 不到位, which becomes a finding; 明月村's grid
// officer answers it from the phone with a photo; the member accepts it and it is closed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TFindingDetail, TVisitDetail } from '../src/contract/supervision.ts';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { loginAs } from '../src/server/test/http.ts';
import { DESKTOP, PHONE, SHOTS, chromiumOrSkipReason, signIn, textarea, useHarness, watching } from './helpers.ts';

const skip = chromiumOrSkipReason();
const FINDING = '未细化网格员安全生产职责，责任清单未公示';

describe.skipIf(skip !== null)('督导检查 in Chromium', () => {
  const harness = useHarness();
  const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

  it('a member records a visit with 附件1 and one finding; the village answers it with a photo; the group accepts it', async () => {
    const { page } = harness.browser;
    const dudao = await loginAs(harness.server.app, 'dudao', DEMO_PASSWORD);
    const form = (await dudao.get('/api/supervision/visit-form')).json() as { groups: { id: string; units: { id: string; name: string }[] }[] };
    const group = form.groups.find((g) => g.units.some((u) => u.name === '明月村'))!;
    const village = group.units.find((u) => u.name === '明月村')!;
    let visitId = '';

    await watching(page, 'supervision-visit', async () => {
      await signIn(harness.browser, harness.server, 'dudao', PHONE);
      await page.goto(`${harness.server.url}/supervision/visits/new?groupId=${group.id}&unitId=${village.id}`);
      await page.getByTestId('visit-form').waitFor();
      const items = page.locator('[data-testid^="visit-item-"]');
      await poll(() => items.count()).toBe(15);
      // every item rated 到位 but the second, 不到位
      for (let i = 0; i < 15; i++) {
        await items.nth(i).locator('label.ant-radio-button-wrapper').nth(i === 1 ? 1 : 0).click();
      }
      const findings = page.getByTestId('visit-findings');
      await poll(() => findings.getByTestId('visit-finding-description').count()).toBe(1);
      await textarea(page, 'visit-finding-description').fill(FINDING);
      await page.screenshot({ path: path.join(SHOTS, 'supervision-visit-phone.png'), fullPage: true });
      await page.getByTestId('visit-submit').click();
      await page.waitForURL(/\/supervision\/visits\/[0-9a-f-]{36}$/);
      visitId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('visit-finding-list').getByText(FINDING).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'supervision-visit-record-phone.png'), fullPage: true });
    });
    const visit = (await dudao.get(`/api/supervision/visits/${visitId}`)).json() as TVisitDetail;
    expect(visit).toMatchObject({ unit: { name: '明月村' }, notDone: 1, findings: 1 });
    expect(visit.checklist.flatMap((g) => g.items).filter((i) => i.result === 'done')).toHaveLength(14);
    const findingId = visit.findingList[0]!.id;

    await watching(page, 'supervision-answer', async () => {
      await signIn(harness.browser, harness.server, 'mingyue', PHONE);
      // the 工作台 lists it; it opens the finding
      await page.getByText(FINDING).first().click();
      await page.waitForURL(new RegExp(`/supervision/findings/${findingId}$`));
      await page.getByTestId('finding-action-answer').click();
      await page.getByTestId('finding-action-form').waitFor();
      await textarea(page, 'finding-measures').fill('已召开村两委会议，细化网格员职责并在村务公开栏公示');
      await page.getByTestId('finding-file-input').setInputFiles(harness.photo('公示栏.png'));
      await page.getByTestId('finding-file-input-file').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'supervision-answer-phone.png'), fullPage: true });
      await page.getByTestId('finding-action-submit').click();
      await poll(async () => ((await dudao.get(`/api/supervision/findings/${findingId}`)).json() as TFindingDetail).status).toBe('answered');
    });

    await watching(page, 'supervision-accept', async () => {
      await signIn(harness.browser, harness.server, 'dudao', DESKTOP);
      await page.goto(`${harness.server.url}/supervision/findings/${findingId}`);
      await page.getByTestId('finding-answer').getByText('已召开村两委会议').waitFor();
      await poll(() => page.getByTestId('finding-answer').locator('img').count()).toBe(1);
      await page.getByTestId('finding-action-accept').click();
      // the modal's form, once it has opened
      await page.getByTestId('finding-action-form').waitFor();
      await page.getByTestId('finding-action-submit').click();
      await poll(async () => ((await dudao.get(`/api/supervision/findings/${findingId}`)).json() as TFindingDetail).status).toBe('closed');
      await poll(() => page.getByTestId('finding-state').first().textContent()).toBe('已销号');
      await page.screenshot({ path: path.join(SHOTS, 'supervision-finding-desktop.png'), fullPage: true });
    });
  });
});
