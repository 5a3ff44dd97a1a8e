// Vite builds and serves the web app (src/web). Tests use their own vitest.config.ts:
// this file deliberately sets no `test` block.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiPort = process.env.API_PORT || '3001';

export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // antd is most of the bundle; one vendor chunk of ~1.5 MB (≈450 KB gzip) is expected.
    chunkSizeWarningLimit: 2500,
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
