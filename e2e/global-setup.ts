// Runs once per run of the e2e project, in vitest's main process, before its first file: builds
// the web app when stale and seeds the demo region that every e2e server then copies. The two go
// side by side (the build is a child process, the seed is in this one).
import type { TestProject } from 'vitest/node';
import { seedDemoTemplate } from './demo-template.ts';
import { ensureWebBuilt } from './web-build.ts';

export default async function setup(project: TestProject) {
  const started = Date.now();
  const [, demo] = await Promise.all([ensureWebBuilt(), seedDemoTemplate()]);
  project.provide('e2eDemoTemplate', demo.template);
  console.log(`[e2e] demo region seeded once for the browser tests in ${Date.now() - started} ms`);
  return () => demo.remove();
}
