// Registers a contract route: validate → authenticate/authorize → handler → JSON.
// Handlers stay thin and call services; every failure leaves as the one error envelope.
/* eslint-disable @typescript-eslint/no-explicit-any -- `any` in conditional types only matches whatever a definition carries */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDef } from '../../contract/route.ts';
import { type Permission, can } from '../../domain/access/permissions.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';
import { parseOrThrow } from './validate.ts';

type Out<T> = [T] extends [z.ZodTypeAny] ? z.output<T> : undefined;
type ParamsOf<D> = D extends RouteDef<infer P, any, any, any> ? Out<P> : never;
type QueryOf<D> = D extends RouteDef<any, infer Q, any, any> ? Out<Q> : never;
type BodyOf<D> = D extends RouteDef<any, any, infer B, any> ? Out<B> : never;
type ResultOf<D> = D extends RouteDef<any, any, any, infer R> ? ([R] extends [z.ZodTypeAny] ? z.input<R> : unknown) : never;

export interface HandlerArgs<D extends RouteDef> {
  actor: D['public'] extends true ? Actor | null : Actor;
  params: ParamsOf<D>;
  query: QueryOf<D>;
  body: BodyOf<D>;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteOptions {
  /**
   * What the caller must be allowed to do at all (domain/permissions.ts), or 'public' for a route
   * without a session; the data scope and the record's allowedActions are checked by the service.
   */
  permission: Permission | 'public';
  /** Allowed while the user still has to change the password. */
  allowPasswordChangePending?: boolean;
  /** Allowed while the user still has to turn the required second factor on. */
  allowTotpEnrollmentPending?: boolean;
  /** Per-route rate limit (requests per minute per IP). */
  rateLimitPerMinute?: number;
  /** Per-route rate limit over another window (requests per `windowMs` per IP); wins over rateLimitPerMinute. */
  rateLimit?: { max: number; windowMs: number };
}

/** Every definition a server registered: the openapi test checks each is in contract/index.ts (so it is described and fuzzed). */
export const registeredRouteDefs = new Set<RouteDef>();

export function registerRoute<D extends RouteDef>(
  app: FastifyInstance,
  def: D,
  opts: RouteOptions,
  handler: (args: HandlerArgs<D>) => Promise<ResultOf<D>>,
): void {
  // A route without a session must say so, and one with a session must name its permission.
  if ((opts.permission === 'public') !== (def.public === true)) {
    throw new Error(`${def.method} ${def.path}: ${def.public ? "a public route takes permission 'public'" : 'a route with a session names its permission'}`);
  }
  registeredRouteDefs.add(def);
  app.route({
    method: def.method,
    url: def.path,
    config: {
      routeDef: def,
      ...(opts.rateLimit ? { rateLimit: { max: opts.rateLimit.max, timeWindow: opts.rateLimit.windowMs } }
        : opts.rateLimitPerMinute ? { rateLimit: { max: opts.rateLimitPerMinute, timeWindow: 60_000 } } : {}),
    },
    handler: async (req, reply) => {
      const actor = req.actor;
      if (!def.public) {
        if (!actor) throw new AppError('UNAUTHENTICATED', req.sessionExpired ? '长时间未操作，会话已超时，请重新登录' : '请先登录');
        if (actor.mustChangePassword && !opts.allowPasswordChangePending) {
          throw new AppError('PASSWORD_CHANGE_REQUIRED', actor.passwordExpired ? '密码已过期，请先修改密码' : '请先修改密码');
        }
        if (actor.mustEnrollTotp && !opts.allowTotpEnrollmentPending) {
          throw new AppError('TOTP_ENROLLMENT_REQUIRED', '本区要求启用双因素认证，请先绑定动态验证码');
        }
        if (opts.permission !== 'public' && !can(actor.role, opts.permission)) throw new AppError('FORBIDDEN', '您的角色无权执行此操作');
      }
      const params = def.params ? parseOrThrow(def.params, req.params) : undefined;
      const query = def.query ? parseOrThrow(def.query, req.query) : undefined;
      const body = def.body ? parseOrThrow(def.body, req.body ?? {}) : undefined;
      const result = await handler({ actor, params, query, body, req, reply } as HandlerArgs<D>);
      if (reply.sent) return reply;
      return result;
    },
  });
}
