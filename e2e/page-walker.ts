// One signed-in page at one width that walks its account's menu: every entry, the first record of
// each list and the create pages offered, checking each page as it goes (see issue4-pages).
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { type AxeFinding, axeViolations, describeFinding } from './axe.ts';
import { type Viewport } from './helpers.ts';

export type Width = 'desktop' | 'phone';

export interface WalkRules {
  /** List pages and the pattern of their records' detail links (the first one is opened). */
  detailLinks: { list: RegExp; detail: RegExp }[];
  /** Buttons that lead to a create/edit page (navigation) or open a create modal. */
  createButtons: { testId: string; modal?: boolean }[];
  /** Codes the server sends that a page must show by their Chinese label. */
  rawCodes: ReadonlySet<string>;
  /** Console errors that say nothing about the page (failed requests are checked on their own). */
  benignConsole: RegExp[];
  /** Console messages collected apart, not failures (antd's deprecation notices). */
  notice: RegExp;
  /** Where screenshots go; `all` saves every page, otherwise only pages with a problem. */
  shots: { dir: string; all: boolean };
  /**
   * Pages already checked by axe in this run, by width, path pattern and name: a page template is
   * checked once per width, by the first account to reach it (the theme and the components are
   * the same for every role; only the buttons differ). Absent: every page is checked.
   */
  axeSeen?: Set<string>;
}

/** A path with its record ids (uuids, occurrence keys) as :id, so every record's page is one template. */
export const pathPattern = (pathname: string): string =>
  pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:_[0-9a-f-]{36}_\d{4}-\d{2}-\d{2})?/gi, ':id');

/** Text a page may never show: error states of the app's pages and of the API's envelope. */
const ERROR_MARKERS = ['页面出错了', '加载失败', '出错', '无权访问', '不存在或无权查看', '页面不存在'];
/** No API request for this long, and no spinner turning, count as a settled page. */
const QUIET_MS = 200;
/** antd fades a finished spinner's blur out over 0.3 s: waited for before a screenshot only. */
const SPIN_FADE_MS = 300;

/**
 * Counts the page's API requests in flight, in the page: every request of the app goes through
 * fetch (src/web/lib/api.ts). Installed on the context before the first page loads.
 */
export async function installNetProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const net = { inflight: 0, last: Date.now() };
    (window as unknown as { __anzhiNet: typeof net }).__anzhiNet = net;
    const fetch = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof window.fetch>) => {
      const url = new URL(args[0] instanceof Request ? args[0].url : String(args[0]), location.href);
      if (!url.pathname.startsWith('/api/')) return fetch(...args);
      net.inflight += 1;
      net.last = Date.now();
      try {
        const res = await fetch(...args);
        // Counted until its body has arrived too (a copy is read; the caller reads the original).
        await res.clone().arrayBuffer().catch(() => undefined);
        return res;
      } finally {
        net.inflight -= 1;
        net.last = Date.now();
      }
    };
  });
}

export class PageWalker {
  readonly problems: string[] = [];
  readonly notices = new Set<string>();
  /** Every page's serious and critical axe findings, by where they were (counted for the report). */
  readonly axeFindings: { where: string; finding: AxeFinding }[] = [];
  /** Pages checked and the time spent in axe on them, for the test's timing line. */
  pagesChecked = 0;
  /** Of the pages checked, those axe checked (the first of their template and width). */
  axeChecked = 0;
  axeMs = 0;
  private pageErrors: string[] = [];
  private consoleErrors: string[] = [];
  private badResponses: string[] = [];
  /** Set before a navigation: the next settle waits for the new route's page to render too. */
  private leaving = false;

  constructor(
    readonly page: Page,
    readonly who: string,
    readonly vp: Width,
    readonly viewport: Viewport,
    private readonly rules: WalkRules,
  ) {
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (!url.pathname.startsWith('/api/')) return;
      // 401 is the session probe of a signed-out tab; every other 4xx/5xx is a fault of the page.
      if (r.status() >= 400 && r.status() !== 401) this.badResponses.push(`${r.status()} ${r.request().method()} ${url.pathname}${url.search}`);
    });
    page.on('pageerror', (e) => this.pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() !== 'error' || rules.benignConsole.some((re) => re.test(m.text()))) return;
      if (rules.notice.test(m.text())) this.notices.add(m.text());
      else this.consoleErrors.push(m.text());
    });
  }

  private begin() {
    this.pageErrors = [];
    this.consoleErrors = [];
    this.badResponses = [];
  }

  /**
   * Marks the page shown (the root element of the route's page) before a navigation away from it.
   * The router may change the URL before it renders the next route (a transition), and the old
   * page, quiet, would pass for the new one; the next settle waits for an unmarked page instead.
   */
  private async leave() {
    await this.page.evaluate(() => document.querySelectorAll('.app-content > *').forEach((el) => el.setAttribute('data-walked', '')));
    this.leaving = true;
  }

  /**
   * Waits until the route's page has rendered (after leave()), no API request has been in flight for
   * QUIET_MS and no spinner turns, as the page itself sees it (installNetProbe), polled in the page:
   * no protocol round trip per look, no lag of the protocol's request events. A route renders before
   * it asks for its data, so the quiet time counts from the start too.
   */
  private async settle() {
    const fresh = this.leaving;
    this.leaving = false;
    await this.page.waitForLoadState('domcontentloaded');
    await this.page.waitForFunction(
      ({ since, quiet, fresh }) => {
        const net = (window as unknown as { __anzhiNet?: { inflight: number; last: number } }).__anzhiNet;
        if (fresh && !document.querySelector('.app-content > :not([data-walked])')) return false;
        if (document.querySelector('.ant-spin-spinning, .ant-skeleton-active')) return false;
        if (!net) return true; // no probe (not installed): nothing more to wait for
        return net.inflight === 0 && Date.now() - Math.max(net.last, since) >= quiet;
      },
      { since: Date.now(), quiet: QUIET_MS, fresh },
      { polling: 50, timeout: 30_000 },
    ).catch(() => undefined); // a page still busy after 30 s is checked as it stands
  }

  /** The visible menu (the drawer's on a phone), with every submenu open. */
  private async openMenu() {
    const { page } = this;
    if (this.vp === 'phone') {
      await page.getByTestId('nav-toggle').click();
      await page.locator('.app-drawer .ant-menu-root').waitFor();
    }
    const menu = page.locator(this.vp === 'phone' ? '.app-drawer .ant-menu-root' : '.app-sider .ant-menu-root');
    // The layout renders its menu once the signed-in user has loaded; on a loaded machine that can
    // come after the page settles, and a menu read before it holds no submenu to open.
    await menu.locator('.ant-menu-item').first().waitFor({ state: 'visible' });
    const closed = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
    for (let n = await closed.count(); n > 0; n--) {
      await closed.first().click();
      // Wait until that one counts as open (no closed submenu n-th from the top is left), lest the
      // next click land on it again and close it.
      await closed.nth(n - 1).waitFor({ state: 'detached' });
    }
    // An opened submenu renders its items after its animation starts: wait for every one of them,
    // or a loaded machine reads the menu without them.
    const submenus = menu.locator('.ant-menu-submenu');
    for (let i = 0; i < (await submenus.count()); i++) {
      await submenus.nth(i).locator('.ant-menu-sub .ant-menu-item').first().waitFor({ state: 'visible' });
    }
    return menu;
  }

  /**
   * Closes the phone's menu drawer (a menu click closes it already). Its closing animation is not
   * waited for: the page's settle outlasts it, and clicks wait for whatever is on top to go.
   */
  private async closeDrawer() {
    if (this.vp !== 'phone') return;
    if ((await this.page.locator('.ant-drawer-open').count()) > 0) await this.page.keyboard.press('Escape');
  }

  private async menuLabels(): Promise<string[]> {
    const menu = await this.openMenu();
    const labels = (await menu.locator('.ant-menu-item .ant-menu-title-content').allTextContents()).map((s) => s.trim());
    await this.closeDrawer();
    return labels;
  }

  private async clickMenu(label: string) {
    const { page, who, vp } = this;
    const menu = await this.openMenu();
    const item = menu.locator('.ant-menu-item', { hasText: label }).first();
    // antd's data-menu-id ends with the entry's key, its path: the entry of the page shown (首页
    // from 首页) does not navigate; every other one must.
    const menuId = (await item.getAttribute('data-menu-id')) ?? '';
    const stays = menuId.slice(menuId.indexOf('-/') + 1) === new URL(page.url()).pathname;
    const before = page.url();
    if (!stays) await this.leave();
    await item.click();
    await this.closeDrawer();
    if (stays) return;
    await page.waitForURL((u) => u.href !== before)
      .catch(() => this.problems.push(`${who} ${vp}: the menu entry ${label} did not open its page`));
  }

  /** Checks the page as it stands after `begin()` and a navigation; saves a screenshot of a page with a problem. */
  private async check(name: string) {
    const { page, who, vp } = this;
    await this.settle();
    const where = `${who} ${vp} ${name} (${new URL(page.url()).pathname})`;
    const found: string[] = [];
    // One round trip: what the page says (its content and an open modal), the words a person reads
    // (not inputs, codes in monospace or the menu), and how wide it is.
    const seen = await page.evaluate(() => {
      const shown = [...document.querySelectorAll<HTMLElement>('.app-content, .ant-modal-container')].filter((el) => el.checkVisibility());
      const words: string[] = [];
      for (const el of document.querySelectorAll('.app-content')) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('.mono, code, input, textarea, [contenteditable]')) continue;
          words.push(n.textContent ?? '');
        }
      }
      return { text: shown.map((el) => el.innerText).join('\n'), words, width: document.documentElement.scrollWidth };
    });
    for (const marker of ERROR_MARKERS) if (seen.text.includes(marker)) found.push(`${where}: shows "${marker}"`);
    for (const t of seen.words) {
      if (t.trim() === who) continue; // the account's own username (admin, leader) on the home page
      const raw = (t.match(/(?<![\w.@/-])[a-z]+(?:_[a-z]+)*(?![\w.@/-])/g) ?? []).filter((w) => this.rules.rawCodes.has(w));
      if (raw.length) found.push(`${where}: raw code "${raw.join(' ')}" in "${t.trim().slice(0, 80)}"`);
      if (/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t)) found.push(`${where}: ISO timestamp in "${t.trim().slice(0, 80)}"`);
    }
    for (const e of new Set(this.pageErrors)) found.push(`${where}: page error ${e}`);
    for (const e of new Set(this.consoleErrors)) found.push(`${where}: console error ${e.slice(0, 300)}`);
    for (const r of new Set(this.badResponses)) found.push(`${where}: API ${r}`);
    if (vp === 'phone' && seen.width > this.viewport.width + 1) found.push(`${where}: scrolls sideways (${seen.width}px)`);
    // WCAG 2.1 A/AA, once per page template and width as it settled (with its modal open, when one was opened).
    const axeKey = `${vp}|${pathPattern(new URL(page.url()).pathname)}|${name}`;
    const firstOfItsKind = !this.rules.axeSeen?.has(axeKey);
    this.rules.axeSeen?.add(axeKey);
    // A phone's menu drawer still fading out reads as low-contrast menu text (seen on a page that
    // settles faster than the drawer closes): axe the page once the drawer is gone.
    if (firstOfItsKind && vp === 'phone') await page.locator('.app-drawer').first().waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
    const axeStarted = Date.now();
    const findings = firstOfItsKind ? await axeViolations(page) : [];
    this.axeMs += Date.now() - axeStarted;
    this.pagesChecked += 1;
    if (firstOfItsKind) this.axeChecked += 1;
    for (const f of findings) {
      this.axeFindings.push({ where, finding: f });
      found.push(`${where}: ${describeFinding(f)}`);
    }
    this.problems.push(...found);
    if (found.length || this.rules.shots.all) {
      // A phone's menu drawer closes on its own after a click, and a spinner's blur fades: let them go.
      await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, SPIN_FADE_MS));
      // The whole page of a problem (or of every page when asked), as a person would scroll it.
      const slug = `${who}-${vp}-${name}`.replace(/[^\w\u4e00-\u9fa5-]+/g, '_');
      fs.mkdirSync(this.rules.shots.dir, { recursive: true });
      await page.screenshot({ path: path.join(this.rules.shots.dir, `${slug}.png`), fullPage: vp === 'phone' || found.length > 0 });
    }
  }

  /** The first record's detail link of a list page, if the page is one and has records. */
  private async firstDetailHref(): Promise<string | null> {
    const pathname = new URL(this.page.url()).pathname;
    const kind = this.rules.detailLinks.find((d) => d.list.test(pathname));
    if (!kind) return null;
    const hrefs = await this.page.locator('.app-content a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.find((h) => kind.detail.test(h.split('?')[0]!)) ?? null;
  }

  private async visitCreates(from: string) {
    const { page } = this;
    // Which of the create buttons this page shows, in one round trip.
    const ids = this.rules.createButtons.map((b) => b.testId);
    const shown = await page.locator(ids.map((id) => `[data-testid="${id}"]`).join(', ')).evaluateAll(
      (els) => els.filter((el) => el.checkVisibility()).map((el) => el.getAttribute('data-testid')),
    );
    for (const b of this.rules.createButtons.filter((x) => shown.includes(x.testId))) {
      const button = page.getByTestId(b.testId);
      const back = page.url();
      this.begin();
      if (!b.modal) await this.leave();
      await button.first().click();
      if (b.modal) {
        const modal = page.locator('.ant-modal-container:visible');
        await modal.first().waitFor();
        await this.check(`${from}-${b.testId}`);
        await page.keyboard.press('Escape');
        await modal.first().waitFor({ state: 'hidden' }).catch(() => undefined);
      } else {
        const opened = await page.waitForURL((u) => u.href !== back).then(() => true, () => false);
        if (!opened) {
          this.problems.push(`${this.who} ${this.vp} ${from}: ${b.testId} did not open a page`);
          continue;
        }
        await this.check(`${from}-${b.testId}`);
        await this.leave();
        await page.goBack();
        await this.settle();
      }
    }
  }

  /** Walks every entry of the account's menu; returns the menu's labels. */
  async walk(): Promise<string[]> {
    const { page, who, vp } = this;
    await this.settle();
    const labels = await this.menuLabels();
    if (labels.length < 2) throw new Error(`${who} ${vp}: the menu has ${labels.length} entries`);
    for (const label of labels) {
      this.begin();
      await this.clickMenu(label);
      await this.check(label);
      const listUrl = page.url();
      await this.visitCreates(label);
      const href = await this.firstDetailHref();
      if (href) {
        this.begin();
        await this.leave();
        await page.locator(`.app-content a[href="${href}"]:visible`).first().click();
        const opened = await page.waitForURL((u) => u.href !== listUrl).then(() => true, () => false);
        if (!opened) {
          this.problems.push(`${who} ${vp} ${label}: the first record's link ${href} did not open its page`);
          continue;
        }
        await this.check(`${label}-详情`);
        await this.visitCreates(`${label}-详情`);
      } else if (this.rules.detailLinks.some((d) => d.list.test(new URL(listUrl).pathname))) {
        console.log(`[issue4-pages] ${who} ${vp} ${label}: no record to open`);
      }
    }
    return labels;
  }
}
