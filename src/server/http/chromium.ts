// Which Chromium the server prints PDFs with (and the browser tests and bench/ drive), and the
// flags it needs here: without them it hangs on the closed network.
import fs from 'node:fs';

/**
 * Debian's chromium-headless-shell when installed: Chromium's old headless mode, without the
 * browser's own interface, at about four fifths of the full browser's CPU per page (measured on
 * the page smoke test). Debian's full chromium otherwise; CHROMIUM_PATH overrides both.
 */
const CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'] as const;

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => fs.existsSync(p)) ?? CANDIDATES[1];

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-dev-shm-usage',
];
