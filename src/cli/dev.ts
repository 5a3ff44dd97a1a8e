// `npm run dev`: the API server under `tsx watch` (restarts on server changes) on API_PORT
// (3001), and the Vite dev server (hot reload) on WEB_PORT (3000) proxying /api to it.
// Ctrl-C stops both; if either stops, the other is stopped too.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const API_PORT = process.env.API_PORT || '3001';
const WEB_PORT = Number(process.env.WEB_PORT || 3000);
process.env.API_PORT = API_PORT; // read by vite.config.ts for the proxy

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const api: ChildProcess = spawn(
  process.execPath,
  [tsxCli, 'watch', '--clear-screen=false', path.join(ROOT, 'src/cli/serve.ts')],
  {
    cwd: ROOT,
    env: { ...process.env, PORT: API_PORT, ANZHI_SKIP_WEB_BUILD: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);

let vite: ViteDevServer | null = null;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null && api.signalCode === null) api.kill('SIGTERM');
  await vite?.close().catch(() => undefined);
  // Give the API server a moment to close its database cleanly.
  const deadline = setTimeout(() => {
    api.kill('SIGKILL');
    process.exit(code);
  }, 5000);
  if (api.exitCode === null && api.signalCode === null) await new Promise((r) => api.once('exit', r));
  clearTimeout(deadline);
  process.exit(code);
}

api.once('exit', (code, signal) => {
  if (!stopping) {
    console.error(`API 服务已退出 / the API server exited (${signal ?? code}); stopping the dev server`);
    void stop(typeof code === 'number' && code !== 0 ? code : 1);
  }
});
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

try {
  vite = await createServer({ configFile: path.join(ROOT, 'vite.config.ts'), server: { port: WEB_PORT } });
  await vite.listen();
  console.log(`前端开发服务 / web dev server: http://localhost:${WEB_PORT}  (API → http://localhost:${API_PORT})`);
} catch (e) {
  console.error(`Vite 启动失败 / the Vite dev server failed to start: ${(e as Error).message}`);
  await stop(1);
}
