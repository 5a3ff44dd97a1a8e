// The golden-path harness: the real server (all routes, the built web app, demo data) on a
// random local port, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, type Locator, type Page, type Response, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/cli/demo/seed-demo.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openPglite } from '../src/server/db/client.ts';
import { createTestDatabase, usingPostgres } from '../src/server/test/db.ts';
import { tinyPng } from '../src/server/test/hazards.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIR = path.join(ROOT, 'dist/web');
/** Where the tests leave their screenshots. */
export const SHOTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-dev-shm-usage',
];

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
  const msg = `${CHROMIUM} not found: install it with \`apt-get install -y chromium fonts-noto-cjk\``;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`CI: ${msg}`);
  console.warn(`[e2e] skipped: ${msg}`);
  return msg;
}

function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : stat.mtimeMs;
  return fs.readdirSync(p).reduce((m, e) => Math.max(m, newestMtime(path.join(p, e))), 0);
}

const WEB_LOCK = path.join(ROOT, 'dist/web.lock');

/**
 * Runs `fn` while no other test process builds or copies dist/web: test files start side by side,
 * and one copying the build while another empties and rewrites it would serve a broken app.
 */
async function underWebLock<T>(fn: () => T | Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(WEB_LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(WEB_LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock older than any build was left by a killed run.
      const since = fs.statSync(WEB_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 5 * 60_000) fs.rmSync(WEB_LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(WEB_LOCK, { recursive: true, force: true });
  }
}

/** Builds dist/web with the project's vite.config.ts when it is missing or older than its sources. */
export function ensureWebBuilt(): Promise<void> {
  return underWebLock(buildWebIfStale);
}

async function buildWebIfStale(): Promise<void> {
  const index = path.join(WEB_DIR, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = ['src/web', 'src/contract', 'src/domain', 'vite.config.ts'].map((s) => newestMtime(path.join(ROOT, s)));
  if (built && sources.every((m) => m <= built)) return;
  const started = Date.now();
  // A child process keeps Vite's build apart from the Vite that runs the tests.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${out}`))));
  });
  console.log(`[e2e] web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The production app over the demo region, on PGlite in a temp folder (or TEST_DATABASE_URL's server). */
export async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-e2e-'));
  // Serve a private copy of the build, so a rebuild of dist/web during the test cannot pull it away.
  const webDir = path.join(dataDir, 'web');
  await underWebLock(() => fs.cpSync(WEB_DIR, webDir, { recursive: true }));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '3000' });
  let database: Database | null = null;
  try {
    database = usingPostgres() ? await createTestDatabase() : await openPglite(dataDir);
    await seedDemo(database.db);
    const { app } = await buildApp({ config, database, webDir, logger: false });
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

/** Chromium headless with a fresh profile, a desktop viewport and the zh-CN locale. */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
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

/** Picks an option in an antd Select by typing its label (works for single and multiple). */
export async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(label);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first();
  await option.click();
  await page.keyboard.press('Escape');
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
export async function startHarness(browsers = 1): Promise<Harness> {
  await ensureWebBuilt();
  const serverStart = startServer();
  const launches = Array.from({ length: browsers }, () => launchBrowser());
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
export function useHarness(browsers = 1): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(browsers);
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
