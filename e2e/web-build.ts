// The built web app the e2e servers serve: dist/web, the production build `npm start` serves too,
// rebuilt with the project's vite.config.ts when older than its sources. No vitest import: the e2e
// global setup builds it before the first file.
//
// The build runs with NODE_ENV=production. Inherited from vitest, NODE_ENV=test made Vite bundle
// React's and antd's development builds (several times slower to render, and not what anyone is
// served) into dist/web, which `npm start` then took for up to date and served. ANZHI_E2E_WEB=
// development builds that kind into dist/web-dev instead, to see React's development warnings
// (keys, nesting) and antd's deprecation notices as console messages in the browser tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODE = process.env.ANZHI_E2E_WEB === 'development' ? 'development' : 'production';
export const WEB_DIR = path.join(ROOT, MODE === 'production' ? 'dist/web' : 'dist/web-dev');
/** Which kind of build WEB_DIR holds (a build without it is of unknown kind, made again). */
const STAMP = `${WEB_DIR}.build.json`;

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
export async function underWebLock<T>(fn: () => T | Promise<T>): Promise<T> {
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
  const sources = ['src/web', 'src/contract', 'src/domain', 'vite.config.ts', 'vite.precompress.ts', 'vite.prerender.ts'].map((s) => newestMtime(path.join(ROOT, s)));
  const stamp = fs.existsSync(STAMP) ? (JSON.parse(fs.readFileSync(STAMP, 'utf8')) as { mode?: string }) : {};
  if (built && stamp.mode === MODE && sources.every((m) => m <= built)) return;
  const started = Date.now();
  // A child process keeps Vite's build apart from the Vite that runs the tests.
  await new Promise<void>((resolve, reject) => {
    const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', '--mode', MODE, '--outDir', WEB_DIR], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: MODE },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${out}`))));
  });
  fs.writeFileSync(STAMP, JSON.stringify({ mode: MODE }));
  console.log(`[e2e] web app built (${MODE}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
