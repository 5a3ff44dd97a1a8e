// Runs once per run of the e2e project, in vitest's main process, before its first file: starts
// building the web app (when stale) and seeding the demo region that every e2e server copies, and
// returns at once, so that the API files start meanwhile. A server waits for the seed's marker
// (readyDemoTemplate) and for the build's lock (ensureWebBuilt) before it copies either.
import type { TestProject } from 'vitest/node';
import { startDemoTemplate } from './demo-template.ts';
import { ensureWebBuilt } from './web-build.ts';

export default function setup(project: TestProject) {
  // A failed build is reported by the first file's own ensureWebBuilt, which tries again.
  const build = ensureWebBuilt().catch((e: unknown) => console.error(`[e2e] ${(e as Error).message}`));
  const demo = startDemoTemplate();
  project.provide('e2eDemo', { template: demo.template, marker: demo.marker });
  return async () => {
    await build;
    await demo.remove();
  };
}
