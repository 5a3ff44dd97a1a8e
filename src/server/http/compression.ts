// Responses leave compressed when the browser accepts it: brotli, else gzip. JSON and text are
// compressed as they are sent, at a low brotli quality (cheap per request, still well ahead of
// gzip); the web app's own files are compressed once at build time instead (web-app.ts). The
// choice and the figures: docs/decisions/010-first-page-load.md.
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * What is compressed on the fly: text and JSON, and nothing else. Never `text/event-stream`: each
 * server-sent event must reach the browser the moment it is written, and a compressor holds bytes
 * back until its window fills. Not the binary downloads either (xlsx exports, which are zip files
 * already and must keep streaming; PDFs; photos): compressed already, only CPU would be spent.
 */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'text/event-stream') return false;
  return type.startsWith('text/') || /^application\/(?:[\w.-]+\+)?(?:json|xml|javascript)$/.test(type) || type === 'image/svg+xml';
}

/** Bodies shorter than this leave as they are: the headers would eat the gain. */
export const COMPRESS_MIN_BYTES = 1024;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Registered before any route: the plugin attaches itself to each route as it is declared.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    // @fastify/compress also falls back to mime-db's "compressible" flag when this says no; the
    // API test of text/event-stream and xlsx holds both answers (app.compression.test.ts).
    customTypes: isCompressible,
    threshold: COMPRESS_MIN_BYTES,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } },
    // Requests are not decompressed: no client sends compressed bodies, and it would open a way
    // around the body limits (a small gzip of a huge body).
    globalDecompression: false,
  });
}
