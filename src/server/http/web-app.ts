// The built web app (dist/web): index.html and the files under /assets/, each sent as its
// precompressed .br or .gz copy when the browser accepts one (vite.precompress.ts writes them),
// with the cache header its name allows. The SPA's own routes get index.html (login.html for
// /login) through the not-found handler (error-handler.ts), the same way.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** A file under assets/ carries its content's hash in its name: the same name never changes. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: asked again every time (a 304 when unchanged), so a release shows at once. */
export const CACHE_REVALIDATE = 'no-cache';

export function cacheControlOf(webDir: string, filePath: string): string {
  return path.relative(webDir, filePath).split(path.sep)[0] === 'assets' ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false, // a route per file present at start; anything else is the not-found handler's
    index: ['index.html'], // an array: with preCompressed, @fastify/static looks a string up as no index at all
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'], // reached through their originals, not by their own URLs
    cacheControl: false, // set per file below instead of one max-age for all
    setHeaders: (reply, filePath) => reply.header('cache-control', cacheControlOf(webDir, filePath)),
  });
}

/** index.html with the login form already rendered inside (vite.prerender.ts writes it). */
const LOGIN_HTML = 'login.html';

/**
 * What answers one of the SPA's own routes, sent as the static routes send files: login.html for
 * /login when the build has it (the form shows before any script has run), index.html otherwise.
 */
export function spaPageSender(webDir: string): (reply: FastifyReply) => FastifyReply {
  const hasLoginHtml = fs.existsSync(path.join(webDir, LOGIN_HTML));
  return (reply) => {
    const pathname = reply.request.url.split('?', 1)[0];
    return reply.sendFile(hasLoginHtml && pathname === '/login' ? LOGIN_HTML : 'index.html');
  };
}
