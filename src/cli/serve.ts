// `npm start`: builds the web app when its sources are newer than the last build, then
// starts the server (which serves dist/web). ANZHI_SKIP_WEB_BUILD=1 skips the build step
// (used by `npm run dev`, where Vite serves the web app itself).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_INDEX = path.join(ROOT, 'dist/web/index.html');
/** What the web bundle is made from. */
const WEB_SOURCES = ['src/web', 'src/contract', 'src/domain', 'vite.config.ts', 'vite.precompress.ts', 'vite.prerender.ts', 'package.json'];

function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function webBuildIsStale(): boolean {
  if (!fs.existsSync(WEB_INDEX)) return true;
  const built = fs.statSync(WEB_INDEX).mtimeMs;
  return WEB_SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

async function buildWeb(): Promise<void> {
  console.log('正在构建前端 / building the web app…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`前端构建完成 / web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function ensureWebBuilt(): Promise<void> {
  if (process.env.ANZHI_SKIP_WEB_BUILD === '1' || !webBuildIsStale()) return;
  const hadBuild = fs.existsSync(WEB_INDEX);
  try {
    await buildWeb();
  } catch (e) {
    console.error(`前端构建失败 / the web app failed to build:\n${(e as Error).message}`);
    if (!hadBuild) process.exit(1);
    console.error('继续使用上一次的构建结果 / serving the previous build instead');
  }
}

await ensureWebBuilt();
const { main } = await import('../server/main.ts');
await main();
