// Signing in through the real login route, and requests that carry the session and CSRF token.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TMeResponse } from '../../contract/auth.ts';

export const SESSION_COOKIE = 'anzhi_sid';
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Session {
  cookie: string; // "anzhi_sid=..."
  csrfToken: string;
  me: TMeResponse['user'];
  /** A request as this user; non-GET requests carry the CSRF header. JSON bodies are sent as JSON. */
  request(method: Method, url: string, body?: unknown, extra?: Omit<InjectOptions, 'method' | 'url'>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
}

export function sessionCookieOf(res: LightMyRequestResponse): string | null {
  const c = res.cookies.find((k) => k.name === SESSION_COOKIE);
  return c && c.value ? `${SESSION_COOKIE}=${c.value}` : null;
}

export function attemptLogin(app: FastifyInstance, username: string, password: string, ip = '127.0.0.1') {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
}

export function sessionFrom(app: FastifyInstance, cookie: string, csrfToken: string, me: TMeResponse['user']): Session {
  const request: Session['request'] = (method, url, body, extra = {}) =>
    app.inject({
      method,
      url,
      ...extra,
      headers: {
        cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        ...(extra.headers ?? {}),
      },
      ...(body === undefined ? {} : Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
    });
  return { cookie, csrfToken, me, request, get: (url) => request('GET', url) };
}

/** Logs in and fails the test with the server's answer if that does not work. */
export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await attemptLogin(app, username, password);
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error(`login as ${username} set no ${SESSION_COOKIE} cookie`);
  const body = res.json() as TMeResponse;
  return sessionFrom(app, cookie, body.csrfToken, body.user);
}

/** What the server tells the web this session may do at all (/api/auth/me abilities). */
export async function abilitiesOf(s: Session): Promise<TMeResponse['user']['abilities']> {
  const res = await s.get('/api/auth/me');
  if (res.statusCode !== 200) throw new Error(`/api/auth/me answered ${res.statusCode} ${res.body}`);
  return (res.json() as TMeResponse).user.abilities;
}

/** Asserts the error envelope shape and returns its code and message. */
export function errorOf(res: LightMyRequestResponse): { code: string; message: string; fieldErrors?: Record<string, string[]> } {
  const body = res.json() as { error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } };
  if (!body.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`expected an error envelope, got ${res.statusCode} ${res.body}`);
  }
  return body.error;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A multipart/form-data body built by hand (one file part, optional text fields). */
export function multipartBody(
  file: { field?: string; filename: string; contentType?: string; data: Buffer },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----anzhi-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\n` +
        `Content-Type: ${file.contentType ?? XLSX_MIME}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
