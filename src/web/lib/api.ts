// The one HTTP client of the web app. Every call is typed from a contract RouteDef:
// params, query and body types come from the route's zod schemas, and so does the result.
/* eslint-disable @typescript-eslint/no-explicit-any -- `any` in conditional types only matches whatever a definition carries */
import type { ErrorCode, TErrorEnvelope } from '../../contract/common.ts';
import type { RouteBody, RouteDef, RouteQuery, RouteResponse } from '../../contract/route.ts';
import type { z } from '../../contract/zod.ts';

type In<T> = T extends z.ZodTypeAny ? z.input<T> : undefined;
export type RouteParams<D> = D extends RouteDef<infer P, any, any, any> ? In<P> : never;

type ParamsPart<D> = RouteParams<D> extends undefined ? { params?: undefined } : { params: RouteParams<D> };
type QueryPart<D> = RouteQuery<D> extends undefined ? { query?: undefined } : { query?: RouteQuery<D> };
type BodyPart<D> = RouteBody<D> extends undefined ? { body?: FormData } : { body: RouteBody<D> };

export type ApiOptions<D> = ParamsPart<D> & QueryPart<D> & BodyPart<D> & { signal?: AbortSignal };

/** Options are optional when the route needs neither params nor a body. */
type ApiArgs<D> = RouteParams<D> extends undefined
  ? RouteBody<D> extends undefined
    ? [opts?: ApiOptions<D>]
    : [opts: ApiOptions<D>]
  : [opts: ApiOptions<D>];

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fieldErrors: Record<string, string[]> | undefined;
  constructor(status: number, envelope: TErrorEnvelope) {
    super(envelope.error.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = envelope.error.code;
    this.fieldErrors = envelope.error.fieldErrors;
  }
}

export function isApiError(e: unknown, code?: ErrorCode): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** A readable message for any failure, for toasts and alerts. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  if (e instanceof Error && e.message) return e.message;
  return '操作失败，请稍后重试';
}

// ---- CSRF token: given by /api/auth/me and /api/auth/login, echoed on every non-GET request.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

// ---- failure listeners: the session layer reacts to 401 / forced password change.
type ErrorListener = (e: ApiError, def: RouteDef) => void;
const listeners = new Set<ErrorListener>();
export function onApiError(fn: ErrorListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export function buildPath(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, key: string) => {
    const v = params?.[key];
    if (v === undefined || v === null || v === '') throw new Error(`missing path parameter ${key} for ${path}`);
    return encodeURIComponent(String(v));
  });
}

export function buildQueryString(query?: Record<string, unknown>): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, raw] of Object.entries(query)) {
    const v = raw as QueryValue;
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) sp.append(k, String(item));
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export function routeUrl<D extends RouteDef>(def: D, opts?: { params?: unknown; query?: unknown }): string {
  return (
    buildPath(def.path, opts?.params as Record<string, unknown> | undefined) +
    buildQueryString(opts?.query as Record<string, unknown> | undefined)
  );
}

async function toApiError(res: Response): Promise<ApiError> {
  let envelope: TErrorEnvelope | null = null;
  try {
    const data: unknown = await res.json();
    if (data && typeof data === 'object' && 'error' in data) envelope = data as TErrorEnvelope;
  } catch {
    // not JSON (a proxy error page, for instance)
  }
  if (!envelope) {
    const code: ErrorCode =
      res.status === 401 ? 'UNAUTHENTICATED' : res.status === 404 ? 'NOT_FOUND' : res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL';
    const message = res.status >= 500 || res.status === 0 ? '服务器暂时无法响应，请稍后重试' : `请求失败（${res.status}）`;
    envelope = { error: { code, message } };
  }
  return new ApiError(res.status, envelope);
}

async function send<D extends RouteDef>(def: D, opts: Partial<ApiOptions<D>> | undefined): Promise<Response> {
  const o = (opts ?? {}) as { params?: unknown; query?: unknown; body?: unknown; signal?: AbortSignal };
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (o.body instanceof FormData) {
    body = o.body; // the browser sets the multipart boundary
  } else if (o.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.body);
  } else if (def.method !== 'GET' && !def.multipart) {
    // fastify rejects an empty body with content-type json; send an empty object instead
    headers['content-type'] = 'application/json';
    body = '{}';
  }
  if (def.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(routeUrl(def, o), {
    method: def.method,
    credentials: 'same-origin',
    headers,
    body,
    signal: o.signal,
  });
  if (!res.ok) {
    const err = await toApiError(res);
    for (const fn of listeners) fn(err, def);
    throw err;
  }
  return res;
}

/** Calls a JSON route of the contract. */
export async function api<D extends RouteDef>(def: D, ...args: ApiArgs<D>): Promise<RouteResponse<D>> {
  const res = await send(def, args[0]);
  if (res.status === 204) return undefined as RouteResponse<D>;
  return (await res.json()) as RouteResponse<D>;
}

/** Calls a route answering a file (xlsx) and returns it with the server's file name. */
export async function apiFile<D extends RouteDef>(
  def: D,
  ...args: ApiArgs<D>
): Promise<{ blob: Blob; fileName: string | null }> {
  const res = await send(def, args[0]);
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
}

export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return star[1].trim();
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1] ?? null;
}
