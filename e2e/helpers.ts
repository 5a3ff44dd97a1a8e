// The golden-path harness: the real server (all routes, the built web app, demo data) on a
// random local port, and Debian's Chromium driven by playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, type Browser as Chromium, type Locator, type Page, type Response, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Clock } from '../src/server/context.ts';
import { type Database, openPglite } from '../src/server/db/client.ts';
import { createTestDatabase, usingPostgres } from '../src/server/test/db.ts';
import { tinyPng } from '../src/server/test/hazards.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';
import { copyPgliteTemplate, readyDemoTemplate } from './demo-template.ts';
import { ROOT, WEB_DIR, ensureWebBuilt, underWebLock } from './web-build.ts';

/** Where the tests leave their screenshots. */
export const SHOTS = path.join(ROOT, 'test-results');
export { CHROMIUM, CHROMIUM_ARGS };

/**
 * How long a page action or wait may take before it fails: generous, so that a loaded machine is
 * slow, not failing. A wait that succeeds costs only its own time; the test's timeout bounds the rest.
 */
export const ACTION_TIMEOUT_MS = 60_000;

export interface Viewport {
  width: number;
  height: number;
}
export const PHONE: Viewport = { width: 375, height: 812 };
export const DESKTOP: Viewport = { width: 1366, height: 900 };

export const hasChromium = (): boolean => fs.existsSync(CHROMIUM);

/** Skips a browser test locally when Chromium is missing; in CI a missing browser is a failure. */
export function chromiumOrSkipReason(): string | null {
  if (hasChromium()) return null;
  const msg = `${CHROMIUM} not found: install it with \`apt-get install -y chromium-headless-shell fonts-noto-cjk\` (or chromium)`;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`CI: ${msg}`);
  console.warn(`[e2e] skipped: ${msg}`);
  return msg;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The demo region seeded once for this run by e2e/global-setup.ts, once it is ready. */
function demoTemplate(): Promise<string> {
  const demo = inject('e2eDemo');
  if (!demo) throw new Error('No demo template: is e2e/global-setup.ts in the e2e project\'s globalSetup (vitest.config.ts)?');
  return readyDemoTemplate(demo);
}

/** A copy of the run's demo region: in `dataDir` on PGlite (the app's layout), or a new database on TEST_DATABASE_URL's server. */
async function openDemoCopy(dataDir: string): Promise<Database> {
  if (usingPostgres()) return createTestDatabase({ postgresTemplate: await demoTemplate() });
  copyPgliteTemplate(await demoTemplate(), dataDir);
  return openPglite(dataDir);
}

/**
 * The production app over a copy of the demo region, on PGlite in a temp folder (or TEST_DATABASE_URL's
 * server); on the system's clock unless given one (a test that must wait for a time step moves it).
 */
export async function startServer(clock?: Clock): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-e2e-'));
  // Serve a private copy of the build, so a rebuild of dist/web during the test cannot pull it away.
  const webDir = path.join(dataDir, 'web');
  await underWebLock(() => fs.cpSync(WEB_DIR, webDir, { recursive: true }));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '3000' });
  let database: Database | null = null;
  try {
    database = await openDemoCopy(dataDir);
    const { app } = await buildApp({ config, database, webDir, logger: false, clock });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const db = database;
    return {
      app,
      url: address,
      async close() {
        await app.close();
        await db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * The browser tests run as a person whose system asks for less motion (theme.ts, styles.css):
 * antd's animations and transitions off. A page then settles at once instead of after its
 * drawers, menus and spinners have played, at about four fifths of Chromium's CPU per page.
 * The 工作台's test keeps the animations (`{ motion: true }`), and checks that both ways hold.
 */
export interface BrowserOptions {
  motion?: boolean;
}
/** A harness's browsers and, when given, the server's clock. */
export interface HarnessOptions extends BrowserOptions {
  clock?: Clock;
}
const reducedMotion = (o: BrowserOptions): 'reduce' | 'no-preference' => (o.motion ? 'no-preference' : 'reduce');

/** Chromium headless with a fresh profile, a desktop viewport and the zh-CN locale. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: reducedMotion(options),
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One headless Chromium for many tabs, each a context of its own (cookies apart): cheaper than a
 * browser per tab. Playwright gives it an empty profile in a temp folder and removes it on close.
 */
export function launchChromium(): Promise<Chromium> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh context (no cookies) of `browser` with one page at that width, in zh-CN and Shanghai time. */
export async function newTab(browser: Chromium, viewport: Viewport, options: BrowserOptions = {}): Promise<Browser> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: reducedMotion(options) });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  try {
    const page = await context.newPage();
    return { context, page, close: () => context.close() };
  } catch (e) {
    await context.close();
    throw e;
  }
}

/**
 * The options of the open dropdown once they stop changing: the picker shows no loading icon and
 * lists the same options twice, OPTIONS_PAUSE_MS apart. A search-as-you-type picker (the enterprise
 * picker) waits for a pause in typing, then searches while still showing the last results: an option
 * clicked meanwhile can be replaced under the pointer when the new results arrive, and the click then
 * lands on another option or none (the hazard-loop flake: the enterprise was not chosen, so its
 * sector never filled in).
 */
async function settledOptions(page: Page, select: Locator): Promise<void> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  let last: string | null = null;
  for (;;) {
    const now = (await options.allTextContents()).join('\n');
    if (now === last && (await select.locator('.anticon-loading').count()) === 0) return;
    last = now;
    await page.waitForTimeout(OPTIONS_PAUSE_MS);
  }
}
/** Longer than a search picker's pause before it searches (useTypedSearch: 300 ms). */
const OPTIONS_PAUSE_MS = 400;

/**
 * Picks an option in an antd Select by typing its label (works for single and multiple), once the
 * options have settled, and checks that the picker then shows it; tries again if not.
 */
export async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    await page.keyboard.type(label);
    await settledOptions(page, select);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
    // A multiple select stays open: close it. A single one has closed already (at once, without
    // animations), and an Escape now would close the modal or drawer the select is in.
    if ((await page.locator('.ant-select-dropdown:visible').count()) > 0) await page.keyboard.press('Escape');
    const shown = await expect.poll(() => select.innerText(), { timeout: 5_000 }).toContain(label).then(() => true, () => false);
    if (shown) return;
    if (attempt === 3) throw new Error(`${label} could not be picked in ${testId}: it shows "${await select.innerText()}"`);
  }
}

export interface Harness {
  server: RunningServer;
  /** The first of `browsers`. */
  browser: Browser;
  browsers: Browser[];
  /** Writes a small PNG of that name to a temp folder (removed by close) and returns its path, for an upload input. */
  photo(name: string): string;
  close(): Promise<void>;
}

/** Builds the web app when needed, then starts the server and `browsers` Chromium profiles side by side. */
export async function startHarness(browsers = 1, options: HarnessOptions = {}): Promise<Harness> {
  await ensureWebBuilt();
  const serverStart = startServer(options.clock);
  const launches = Array.from({ length: browsers }, () => launchBrowser(options));
  const settled = await Promise.allSettled([serverStart, ...launches]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    for (const s of settled) if (s.status === 'fulfilled') await s.value.close();
    throw failed.reason;
  }
  const server = await serverStart;
  const opened = await Promise.all(launches);
  let photoDir: string | null = null;
  return {
    server,
    browser: opened[0]!,
    browsers: opened,
    photo(name) {
      photoDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-e2e-photos-'));
      const file = path.join(photoDir, name);
      fs.writeFileSync(file, tinyPng());
      return file;
    },
    async close() {
      for (const b of opened) await b.close();
      await server.close();
      if (photoDir) fs.rmSync(photoDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a harness before the enclosing describe's tests and closes it after them. Its properties
 * read the started harness, so a test file holds one constant instead of its own setup.
 */
export function useHarness(browsers = 1, options: HarnessOptions = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(browsers, options);
  }, 300_000);
  afterAll(async () => {
    await started?.close();
  });
  const get = (): Harness => {
    if (!started) throw new Error('the e2e harness has not started');
    return started;
  };
  return {
    get server() { return get().server; },
    get browser() { return get().browser; },
    get browsers() { return get().browsers; },
    photo: (name) => get().photo(name),
    close: () => get().close(),
  };
}

/** Signs `username` in with the demo password, from a fresh session at that width; returns the browser's page. */
export async function signIn(browser: Browser, server: RunningServer, username: string, viewport: Viewport): Promise<Page> {
  const { context, page } = browser;
  await context.clearCookies();
  await page.setViewportSize(viewport);
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/** An antd Input by test id: antd puts the id on the <input> itself or on its wrapper. */
export const input = (page: Page, testId: string): Locator =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
/** An antd TextArea by test id (on the <textarea> or its wrapper). */
export const textarea = (page: Page, testId: string): Locator =>
  page.locator(`textarea[data-testid="${testId}"], [data-testid="${testId}"] textarea`).first();

/**
 * Runs a test's steps in the page and fails on any uncaught error the page threw meanwhile. On a
 * failure it saves test-results/<name>-failure.png and prints the page's errors and HTTP errors.
 */
export async function watching(page: Page, name: string, steps: () => Promise<void>): Promise<void> {
  const pageErrors: string[] = [];
  const badResponses: string[] = [];
  const onError = (e: Error) => pageErrors.push(e.message);
  const onResponse = (r: Response) => {
    if (r.status() >= 400) badResponses.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  };
  page.on('pageerror', onError);
  page.on('response', onResponse);
  try {
    await steps();
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  } catch (e) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}-failure.png`), fullPage: true }).catch(() => {});
    console.error(`[e2e] at ${page.url()}\npage errors: ${pageErrors.join(' | ') || 'none'}\nHTTP errors: ${badResponses.join(' | ') || 'none'}`);
    throw e;
  } finally {
    page.off('pageerror', onError);
    page.off('response', onResponse);
  }
}

/**
 * Picks today in an antd DatePicker from its panel (the input is read-only at phone width) and
 * waits until the input shows it. On a loaded machine a click during the panel's opening animation
 * can be lost, so the pick is tried again while the input stays empty.
 */
export async function pickToday(page: Page, testId: string): Promise<void> {
  const field = input(page, testId);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const panel = page.locator('.ant-picker-dropdown:visible');
    if ((await panel.count()) === 0) await field.click();
    await panel.locator('.ant-picker-cell-today').click({ timeout: 10_000 });
    const picked = await expect.poll(() => field.inputValue(), { timeout: 5_000 }).toMatch(/^\d{4}-\d{2}-\d{2}$/).then(() => true, () => false);
    if (picked) return;
  }
  throw new Error(`today was not picked in ${testId}`);
}
