// A route definition: the single description used by the server to validate,
// by the web client to type its calls, and by the OpenAPI generator.
/* eslint-disable @typescript-eslint/no-explicit-any -- `any` in conditional types only matches whatever a definition carries */
import type { z } from './zod.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteDef<
  P extends z.ZodTypeAny | undefined = z.ZodTypeAny | undefined,
  Q extends z.ZodTypeAny | undefined = z.ZodTypeAny | undefined,
  B extends z.ZodTypeAny | undefined = z.ZodTypeAny | undefined,
  R extends z.ZodTypeAny | undefined = z.ZodTypeAny | undefined,
> {
  method: HttpMethod;
  path: string; // fastify style, e.g. /api/enterprises/:id
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response?: R; // undefined: binary or empty response
  responseType?: 'json' | 'xlsx' | 'file' | 'event-stream';
  public?: boolean; // no session needed
  multipart?: boolean;
}

export function defineRoute<
  P extends z.ZodTypeAny | undefined = undefined,
  Q extends z.ZodTypeAny | undefined = undefined,
  B extends z.ZodTypeAny | undefined = undefined,
  R extends z.ZodTypeAny | undefined = undefined,
>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

type Out<T> = T extends z.ZodTypeAny ? z.output<T> : undefined;
type In<T> = T extends z.ZodTypeAny ? z.input<T> : undefined;
export type RouteResponse<D> = D extends RouteDef<any, any, any, infer R> ? Out<R> : never;
export type RouteBody<D> = D extends RouteDef<any, any, infer B, any> ? In<B> : never;
export type RouteQuery<D> = D extends RouteDef<any, infer Q, any, any> ? In<Q> : never;
