// Where Debian's Chromium is and the flags it needs here (without them it hangs on the closed
// network). Apart from helpers.ts, which imports vitest, so that bench/ scripts can use them too.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-dev-shm-usage',
];
