// The golden-path harness: the real server (all routes, the built web app, demo data) on a
// random local port, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { seedDemo } from '../src/cli/demo/seed-demo.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openPglite } from '../src/server/db/client.ts';
import { createTestDatabase, usingPostgres } from '../src/server/test/db.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIR = path.join(ROOT, 'dist/web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-dev-shm-usage',
];

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

/** Builds dist/web with the project's vite.config.ts when it is missing or older than its sources. */
export async function ensureWebBuilt(): Promise<void> {
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
  fs.cpSync(WEB_DIR, webDir, { recursive: true });
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
    viewport: { width: 1366, height: 900 },
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
