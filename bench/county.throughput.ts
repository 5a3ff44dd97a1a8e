// Authenticated read throughput (bench/county.ts): the real server on a port, a signed-in user's
// request fired by autocannon at 4 and 32 connections, beside a bare Fastify + pg endpoint that
// runs the very statements the product ran for that request (captured from the pg driver, with
// their parameters, in order) on a pool of the same size. The difference is what the product adds:
// sessions, permissions, validation, presenters, JSON of the contract.
import Fastify from 'fastify';
import autocannon from 'autocannon';
import pg from 'pg';

interface Statement { text: string; values: unknown[] }

/** The SQL statements the pg driver is given while `fn` runs (this process's every pool and client). */
export async function captureStatements(fn: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [q, v] = args;
    if (typeof q === 'string') seen.push({ text: q, values: Array.isArray(v) ? v : [] });
    // drizzle passes { text, rowMode } with the values beside it
    else if (q && typeof q === 'object' && 'text' in q) seen.push({ text: String((q as { text: string }).text), values: (q as { values?: unknown[] }).values ?? (Array.isArray(v) ? v : []) });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

/** A bare endpoint answering GET / by running the statements one after another and sending their rows. */
export async function bareEndpoint(url: string, statements: Statement[], poolSize: number) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const app = Fastify({ logger: false });
  app.get('/', async () => {
    const client = await pool.connect();
    try {
      const out: unknown[] = [];
      for (const s of statements) out.push((await client.query({ text: s.text, values: s.values })).rows);
      return out;
    } finally {
      client.release();
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/`, close: async () => { await app.close(); await pool.end(); } };
}

/** Requests a second over `seconds` at `connections`, with every answer checked for 200. */
export async function requestsPerSecond(o: { url: string; connections: number; seconds: number; headers?: Record<string, string> }): Promise<number> {
  const r = await autocannon({ url: o.url, connections: o.connections, duration: o.seconds, headers: o.headers ?? {} });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${o.url}: ${r.non2xx} answers not 2xx, ${r.errors} errors`);
  return r.requests.average;
}
