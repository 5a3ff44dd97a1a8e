// The Chromium the browser tests and bench/ drive: the server's own choice (src/server/http/chromium.ts).
// Apart from helpers.ts, which imports vitest, so that bench/ scripts can use it too.
import { CHROMIUM_ARGS, chromiumPath } from '../src/server/http/chromium.ts';

export const CHROMIUM = chromiumPath();
export { CHROMIUM_ARGS };
