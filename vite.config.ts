// Vite builds and serves the web app (src/web). Tests use their own vitest.config.ts:
// this file deliberately sets no `test` block.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite.precompress.ts';
import { prerenderLogin } from './vite.prerender.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiPort = process.env.API_PORT || '3001';
const lib = (names: string) => new RegExp(`node_modules[\\\\/](?:${names})[\\\\/]`);

export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react(), prerenderLogin(), precompress()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // The dashboard's ECharts is the largest file (~540 kB, ~180 kB gzip), and only the dashboard loads it.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // antd's groups are named after every page that shares them: a name too long to read.
        chunkFileNames: (chunk) => (chunk.name.startsWith('antd~') ? 'assets/antd-[hash].js' : 'assets/[name]-[hash].js'),
        // Each page is its own file (the routes load them lazily: src/web/app/router.tsx). The
        // libraries, so that the first page is a few files and a release that changes only the
        // app's code leaves the large ones cached (docs/decisions/010-first-page-load.md):
        codeSplitting: {
          groups: [
            // React and the router: what every page runs.
            { name: 'react', test: lib('react|react-dom|scheduler|react-router'), priority: 30 },
            // ECharts: the dashboard's alone.
            { name: 'echarts', test: lib('echarts|zrender|echarts-for-react|size-sensor'), priority: 30 },
            // The other libraries the first page needs (antd's core, react-query, zod, dayjs), in one file.
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 20 },
            // antd's other components, by the pages that use them, small groups merged: a page loads
            // the few it needs, not every component of every page, nor a file per component.
            { name: 'antd', test: lib('antd|@ant-design|@rc-component'), entriesAware: true, entriesAwareMergeThreshold: 20_000, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 3000,
    strictPort: true,
    proxy: { '/api/': { target: `http://localhost:${apiPort}`, changeOrigin: false } },
  },
  preview: {
    port: 3000,
    proxy: { '/api/': { target: `http://localhost:${apiPort}`, changeOrigin: false } },
  },
});
