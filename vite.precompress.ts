// A Vite build plugin: writes a brotli (.br) and a gzip (.gz) copy beside every text file of the
// build, at high levels (paid once per build, not per request). Brotli at quality 10, not 11: on
// dist/web 11 took 5.2 s of CPU for 785 kB, 10 took 2.3 s for 799 kB (the e2e tests and npm start
// rebuild on a change, on two cores). The server sends them as
// they are (@fastify/static's preCompressed) to a browser that accepts them; see
// docs/decisions/010-first-page-load.md. A copy that would not be smaller is not written.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** What is worth compressing: text. Images and fonts are compressed already. */
export const PRECOMPRESSED = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'anzhi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => PRECOMPRESSED.test(f));
      // zlib's async calls run on libuv's thread pool: files compress side by side.
      await Promise.all(files.map(async (file) => {
        const full = path.join(outDir, file);
        const raw = await fs.readFile(full);
        const [br, gz] = await Promise.all([
          brotli(raw, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 10,
              [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
          gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
        ]);
        if (br.length < raw.length) await fs.writeFile(`${full}.br`, br);
        if (gz.length < raw.length) await fs.writeFile(`${full}.gz`, gz);
      }));
    },
  };
}
