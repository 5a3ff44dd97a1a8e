// Benchmark: what the first page costs a village officer's phone (issue 9, "the first page loads fast").
//  1. The JavaScript the login route loads: every script Chromium fetches for /login until the form
//     shows and the network is idle, raw and gzip, beside the limit of 350 kB gzip, as a ratio.
//  2. The cold first render of the login page (a fresh browser context, so an empty cache) served by
//     the real server, beside a plain HTML page with the same form (bench/bundle.login-form.ts) served
//     by the same server process, interleaved run by run, median over the runs, as a ratio (target
//     ≤ 2×): on the loopback, then again under emulated slow 4G.
// "Shown" is the first animation frame in which the username field is laid out, "usable" the first
// in which the submit button is enabled too, both in the page's own clock (performance.now(), from
// navigation start): no harness round trip is counted.
//   npm run bench:bundle -- [runs=7] [web dir]
// Uses dist/web when it is newer than its sources, otherwise builds it first (the production build
// the e2e tests and `npm start` serve; e2e/web-build.ts). Given a folder, serves that build as it
// is instead (e.g. one made from an older commit, to compare).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { type Browser, type Response, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/chromium.ts';
import { WEB_DIR, ensureWebBuilt, underWebLock } from '../e2e/web-build.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { MIGRATIONS_DIR, PGLITE_EXTENSIONS, fromPglite } from '../src/server/db/client.ts';
import { STATIC_LOGIN_HTML, STATIC_LOGIN_PATH } from './bundle.login-form.ts';

const RUNS = Number(process.argv[2] ?? 7);
/** The budget of issue 9: the JavaScript of the first page, gzip. */
const LIMIT_GZIP_BYTES = 350_000;
const TARGET_RATIO = 2;
/** A phone's viewport: the page a village officer opens. */
const PHONE = { width: 375, height: 812 };
/**
 * Lighthouse's mobile preset ("slow 4G"): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. On the
 * loopback, bytes cost almost nothing and only parsing and running them shows; here they cost too.
 */
const SLOW_4G = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const TIMEOUT_MS = 180_000;

// kB are 1000 bytes, as Vite prints them.
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

if (!fs.existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} not found: install it with \`apt-get install -y chromium-headless-shell fonts-noto-cjk\` (or chromium)`);
  process.exit(1);
}

// ---- the build and the server
const givenDir = process.argv[3] ? path.resolve(process.argv[3]) : null;
const sourceDir = givenDir ?? WEB_DIR;
const indexHtml = path.join(sourceDir, 'index.html');
const builtBefore = fs.existsSync(indexHtml) ? fs.statSync(indexHtml).mtimeMs : 0;
if (!givenDir) await ensureWebBuilt();
const builtAt = fs.statSync(indexHtml).mtime;
const buildNote = givenDir ? 'the given build' : Math.floor(builtBefore) === builtAt.getTime() ? 'the existing build' : 'built now';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-bench-bundle-'));
// A private copy of the build, as the e2e servers do: a rebuild meanwhile cannot pull it away.
const webDir = path.join(dataDir, 'web');
await underWebLock(() => fs.cpSync(sourceDir, webDir, { recursive: true }));
// The login page needs no data: an empty, migrated in-memory database.
const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
const database = fromPglite(client);
const config = loadConfig({ DATA_DIR: dataDir, DEMO: 'off', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '3000' });
const { app } = await buildApp({ config, database, webDir, logger: false });
app.get(STATIC_LOGIN_PATH, (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(STATIC_LOGIN_HTML));
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const appUrl = `${base}/login`;
const plainUrl = `${base}${STATIC_LOGIN_PATH}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

interface Fetched {
  path: string;
  kind: string;
  raw: number;
  gzip: number;
  wire: number;
  encoding: string;
}

/** Everything a cold /login fetches until the form shows and the network is idle. */
async function loginFetches(b: Browser): Promise<Fetched[]> {
  const context = await b.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(appUrl, { timeout: TIMEOUT_MS });
    await page.getByTestId('login-username').waitFor({ timeout: TIMEOUT_MS });
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
    const out: Fetched[] = [];
    for (const r of responses) {
      const body = await r.body().catch(() => Buffer.alloc(0));
      const sizes = await r.request().sizes();
      out.push({
        path: new URL(r.url()).pathname,
        kind: r.request().resourceType(),
        raw: body.length,
        gzip: zlib.gzipSync(body).length, // zlib's default level, the figure Vite prints
        wire: sizes.responseBodySize,
        encoding: r.headers()['content-encoding'] ?? 'none',
      });
    }
    return out;
  } finally {
    await context.close();
  }
}

/**
 * Marks, in the page's own clock, the first frame in which the username field is laid out (shown)
 * and the first in which the submit button is enabled (usable: the app's build-time HTML shows the
 * form before its scripts run, and its button waits for them; the plain page's is usable at once).
 */
const PROBE = `(() => {
  const look = () => {
    const w = window;
    const field = document.querySelector('[data-testid="login-username"]');
    if (w.__shownAt === undefined && field && field.getBoundingClientRect().width > 0) w.__shownAt = performance.now();
    const button = document.querySelector('[data-testid="login-submit"]');
    if (w.__shownAt !== undefined && button && !button.disabled) { w.__usableAt = performance.now(); return; }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

type Network = typeof SLOW_4G | null;
interface Render {
  shown: number;
  usable: number;
}

/** Milliseconds from navigation start to the form shown, and usable, in a fresh context. */
async function firstRender(b: Browser, url: string, network: Network): Promise<Render> {
  const context = await b.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
    }
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    const done = await page.waitForFunction(() => {
      const w = window as unknown as { __shownAt?: number; __usableAt?: number };
      return w.__usableAt !== undefined && { shown: w.__shownAt!, usable: w.__usableAt };
    }, null, { timeout: TIMEOUT_MS });
    return (await done.jsonValue()) as Render;
  } finally {
    await context.close();
  }
}

/** The app's page and the plain page, alternating which goes first, RUNS times each. */
async function compare(b: Browser, network: Network): Promise<{ app: Render[]; plain: Render[] }> {
  const app: Render[] = [];
  const plain: Render[] = [];
  for (let run = 0; run < RUNS; run++) {
    const order: ['app' | 'plain', string][] = [['app', appUrl], ['plain', plainUrl]];
    if (run % 2) order.reverse();
    for (const [which, url] of order) (which === 'app' ? app : plain).push(await firstRender(b, url, network));
  }
  return { app, plain };
}

try {
  const cpus = os.cpus();
  console.log(`machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, Chromium ${browser.version()}`);
  console.log(`web app: ${buildNote} in ${path.relative(process.cwd(), sourceDir) || sourceDir} (${builtAt.toISOString()})`);

  // A first load warms the server (its file reads, the database's first query) for every page alike.
  await firstRender(browser, appUrl, null);
  await firstRender(browser, plainUrl, null);

  const fetched = await loginFetches(browser);
  const scripts = fetched.filter((f) => f.kind === 'script');
  const sum = (xs: Fetched[], k: 'raw' | 'gzip' | 'wire') => xs.reduce((n, f) => n + f[k], 0);
  console.log('\nJavaScript the login route loads (kB = 1000 bytes; gzip at zlib\'s default level, as Vite prints it):');
  for (const s of [...scripts].sort((a, b) => b.raw - a.raw)) {
    console.log(`  ${s.path.padEnd(44)} ${kB(s.raw).padStart(10)} raw ${kB(s.gzip).padStart(9)} gzip ${kB(s.wire).padStart(10)} sent (${s.encoding})`);
  }
  const jsGzip = sum(scripts, 'gzip');
  console.log(
    `  ${`total: ${scripts.length} file${scripts.length === 1 ? '' : 's'}`.padEnd(44)} ${kB(sum(scripts, 'raw')).padStart(10)} raw ${kB(jsGzip).padStart(9)} gzip ${kB(sum(scripts, 'wire')).padStart(10)} sent`,
  );
  console.log(`  gzip against the limit of ${kB(LIMIT_GZIP_BYTES)}: ${(jsGzip / LIMIT_GZIP_BYTES).toFixed(2)}× (${jsGzip <= LIMIT_GZIP_BYTES ? 'within' : 'OVER'})`);
  const others = fetched.filter((f) => f.kind !== 'script');
  console.log(
    `  everything else the page fetched: ${others.map((f) => `${f.path} ${kB(f.wire)} sent (${f.encoding})`).join(', ')}`,
  );

  console.log(`\nCold first render of the login form (fresh context, ${PHONE.width}×${PHONE.height}), median of ${RUNS} interleaved runs:`);
  for (const [label, network] of [['loopback', null], ['slow 4G', SLOW_4G]] as const) {
    const r = await compare(browser, network);
    for (const k of ['shown', 'usable'] as const) {
      const app = r.app.map((x) => x[k]);
      const plain = r.plain.map((x) => x[k]);
      const ratio = median(app) / median(plain);
      console.log(
        `  ${label.padEnd(9)} ${k.padEnd(6)} app ${median(app).toFixed(0).padStart(5)} ms, plain page ${median(plain).toFixed(0).padStart(5)} ms → ${ratio.toFixed(2)}× ` +
          `(target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`,
      );
      console.log(`                   runs, app: ${app.map((x) => x.toFixed(0)).join(' ')}; plain: ${plain.map((x) => x.toFixed(0)).join(' ')}`);
    }
  }
} finally {
  await browser.close();
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
