// A Vite build plugin: writes login.html, index.html with the login page already rendered inside
// #root (src/web/prerender.tsx) and the stylesheet inlined, so the form shows as soon as the HTML
// arrives, without waiting for a script or another request; the scripts then hydrate it
// (main.tsx). The server sends it for /login (src/server/http/web-app.ts). See
// docs/decisions/010-first-page-load.md.
import path from 'node:path';
import { type Plugin, runnerImport } from 'vite';

export const PRERENDERED_LOGIN = 'login.html';
const EMPTY_ROOT = '<div id="root"></div>';
const NO_CSS = '\0anzhi-no-css';

/** Stylesheets imported by the rendered modules are the client build's business: empty here. */
const ignoreCss: Plugin = {
  name: 'anzhi-prerender-no-css',
  enforce: 'pre',
  resolveId: (id) => (/\.css(?:\?.*)?$/.test(id) ? NO_CSS : null),
  load: (id) => (id === NO_CSS ? 'export default "";' : null),
};

export function prerenderLogin(): Plugin {
  let root = '';
  let mode = 'production';
  return {
    name: 'anzhi-prerender-login',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      mode = config.mode; // import.meta.env as in the client build (the e2e tests may build for development)
    },
    generateBundle: {
      order: 'post', // after Vite has written index.html into the bundle
      async handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset' || typeof index.source !== 'string' || !index.source.includes(EMPTY_ROOT)) {
          this.error(`index.html with an empty ${EMPTY_ROOT} is missing from the bundle`);
        }
        // Vite's own module runner, without the project's config (whose plugins include this one).
        const { module } = await runnerImport<{ renderLoginPage(): string }>(path.join(root, 'prerender.tsx'), {
          configFile: false, root, logLevel: 'error', mode, plugins: [ignoreCss],
        });
        let html = index.source.replace(EMPTY_ROOT, `<div id="root">${module.renderLoginPage()}</div>`);
        // The stylesheet inline: one request fewer before the first paint (later pages fetch it).
        html = html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const css = bundle[file];
          return css?.type === 'asset' ? `<style>${String(css.source)}</style>` : tag;
        });
        this.emitFile({ type: 'asset', fileName: PRERENDERED_LOGIN, source: html });
      },
    },
  };
}
