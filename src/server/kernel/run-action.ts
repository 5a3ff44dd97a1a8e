// The one use case every workflow action runs through. It owns the transaction: loads the record
// in the actor's scope, checks the version, the relation and the state (domain/workflow), computes
// the guard's input, applies the guard, runs the action's handler (its side effects), writes the
// action's event and the system's automatic steps to record_events, updates the record
// conditionally on the version it read (zero rows: someone else changed it first), and appends
// the audit row and the notifications it causes (the outbox); then presents the record with the actor's allowedActions.
import { shanghaiDay } from '../../domain/common/dates.ts';
import {
  type WorkflowDefinition, type WorkflowFacts, type WorkflowInput, allowedActions, applyAction, automaticSteps, checkPermission,
} from '../../domain/workflow/workflow.ts';
import type { AppContext } from '../context.ts';
import type { DbOrTx, Tx } from '../db/client.ts';
import type { Actor } from '../http/actor.ts';
import { AppError, conflict, forbidden, notFound } from '../http/errors.ts';
import { recordAudit } from '../modules/audit/index.ts';
import { type NotificationInput, notify } from '../modules/notifications/index.ts';
import { type RecordEventInput, eventWriter } from './record-events.ts';

/** The columns the kernel reads and writes on every workflow record. */
export interface WorkflowRecord<S extends string> {
  id: string;
  districtId: string;
  status: S;
  version: number;
}

export interface ActionBody<A extends string> {
  action: A;
  version: number;
}

/** What a handler is given: the record as read in the transaction, its facts and the request. */
export interface ActionScene<Row, F, B> {
  tx: Tx;
  ctx: AppContext;
  actor: Actor;
  row: Row;
  facts: F;
  body: B;
  now: Date;
  /** The township's day (Asia/Shanghai). */
  today: string;
}

export interface ActionContext<Row, F, B, S extends string> extends ActionScene<Row, F, B> {
  /** The state the action leads to (the record's own for a side action). */
  to: S;
  /** Writes an event before the action's own, e.g. a pending request the action settles. */
  emit(e: RecordEventInput): Promise<void>;
}

export interface ActionOutcome<Row, F> {
  /** The record's changes; status, version and updatedAt are the kernel's. */
  set?: Partial<Row>;
  /** The action's own event: its action name, note and data (from and to are the kernel's). */
  event?: { action?: string; note?: string | null; data?: unknown };
  /** Facts the action changed, for the automatic steps that may follow it. */
  facts?: Partial<F>;
}

/** One action: the guard's input from the request, and its side effects. One small file each. */
export interface ActionHandler<Row, F, B, S extends string, I> {
  /** The guard's input (defaults to { action }); may read the database through scene.tx. */
  input?: (scene: ActionScene<Row, F, B>) => I | Promise<I>;
  run: (c: ActionContext<Row, F, B, S>) => Promise<ActionOutcome<Row, F>>;
}

/** The handlers of a workflow, each typed with the body of its own action. */
export type ActionHandlers<Row, F, B extends ActionBody<string>, S extends string, I> = {
  [K in B['action']]: ActionHandler<Row, F, Extract<B, { action: K }>, S, I>;
};

/** A workflow as the server runs it: the domain definition plus how its records are stored. */
export interface ServerWorkflow<
  S extends string,
  A extends string,
  F extends WorkflowFacts<S>,
  Rel extends string,
  I extends WorkflowInput<A>,
  R extends string,
  Row extends WorkflowRecord<S>,
  B extends ActionBody<A>,
  Detail,
> {
  def: WorkflowDefinition<S, A, F, Rel, I, R>;
  /** The audit log's entity type and action prefix, e.g. 'enforcement_case' and 'case' (case.decide). */
  audit: { entityType: string; actionPrefix: string };
  /** For "<label>不存在或无权查看". */
  label: string;
  forbiddenMessage: string;
  /** A more precise refusal for an action the actor's relations do not permit (default: forbiddenMessage). */
  forbiddenMessageFor?: (action: A, relations: readonly Rel[]) => string | undefined;
  /** The record if the actor may see it. */
  load(db: DbOrTx, actor: Actor, id: string): Promise<Row | null>;
  facts(db: DbOrTx, row: Row): Promise<F>;
  relations(db: DbOrTx, actor: Actor, row: Row, facts: F): Promise<Rel[]>;
  /** UPDATE … WHERE id = $1 AND version = $2, bumping the version; null when no row matched. */
  update(tx: Tx, id: string, version: number, set: Partial<Row>, now: Date): Promise<Row | null>;
  handlers: ActionHandlers<Row, F, B, S, I>;
  /** The error for a refusal (default: not_in_state a conflict, others a validation error). */
  refusalError?: (refusal: R | 'not_in_state', body: B, message: string) => AppError | undefined;
  /**
   * Who is told of the action (the outbox, in the action's transaction): given the record as read,
   * the request, the state it led to and the handler's changes. None when absent.
   */
  notifications?: (c: { tx: Tx; actor: Actor; row: Row; body: B; to: S; set: Partial<Row> }) => NotificationInput[] | Promise<NotificationInput[]>;
  /** The record's detail for the actor after an action (which may have taken it out of the actor's scope). */
  presentAfterAction(ctx: AppContext, actor: Actor, id: string): Promise<Detail>;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyServerWorkflow = ServerWorkflow<any, any, any, any, any, any, any, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */
type BodyOf<W> = W extends ServerWorkflow<infer _S, infer _A, infer _F, infer _Rel, infer _I, infer _R, infer _Row, infer B, infer _D> ? B : never;
type DetailOf<W> = W extends ServerWorkflow<infer _S, infer _A, infer _F, infer _Rel, infer _I, infer _R, infer _Row, infer _B, infer D> ? D : never;

function refusalToError(wf: AnyServerWorkflow, refusal: string, body: ActionBody<string>): AppError {
  const message: string = wf.def.refusalMessages[refusal] ?? '当前状态下不能执行此操作';
  const custom = wf.refusalError?.(refusal, body, message);
  if (custom) return custom;
  if (refusal === 'not_in_state') return new AppError('CONFLICT', message);
  return new AppError('VALIDATION', message, { _: [message] });
}

/** Runs one action of a workflow on one record for one actor, and presents the record after it. */
export async function runAction<W extends AnyServerWorkflow>(ctx: AppContext, actor: Actor, wf: W, id: string, body: BodyOf<W>): Promise<DetailOf<W>> {
  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  await ctx.db.transaction(async (tx) => {
    const row = await wf.load(tx, actor, id);
    if (!row) throw notFound(wf.label);
    if (row.version !== body.version) throw conflict();
    const facts = await wf.facts(tx, row);
    const relations = await wf.relations(tx, actor, row, facts);
    const check = checkPermission(wf.def, facts, body.action, relations);
    if (check === 'forbidden') throw forbidden(wf.forbiddenMessageFor?.(body.action, relations) ?? wf.forbiddenMessage);
    if (check === 'not_in_state') throw refusalToError(wf, 'not_in_state', body);

    const handler = wf.handlers[body.action as string] as ActionHandler<unknown, unknown, unknown, string, WorkflowInput<string>>;
    const scene: ActionScene<unknown, unknown, unknown> = { tx, ctx, actor, row, facts, body, now, today };
    const input = handler.input ? await handler.input(scene) : { action: body.action };
    const result = applyAction(wf.def, facts, input);
    if (!result.ok) throw refusalToError(wf, result.refusal, body);

    const write = eventWriter(tx, { entityType: wf.def.entity, entityId: row.id, districtId: row.districtId, actor, at: now });
    const outcome = await handler.run({ ...scene, to: result.to, emit: write });
    await write({ action: outcome.event?.action ?? body.action, from: row.status, to: result.to, note: outcome.event?.note, data: outcome.event?.data });
    let status = result.to;
    for (const step of automaticSteps(wf.def, { ...facts, ...outcome.facts, status }, body.action)) {
      await write({ action: step.action, from: step.from, to: step.to });
      status = step.to;
    }
    const updated = await wf.update(tx, row.id, row.version, { ...outcome.set, status }, now);
    if (!updated) throw conflict();
    if (wf.notifications) await notify(tx, await wf.notifications({ tx, actor, row, body, to: status, set: outcome.set ?? {} }));
    await recordAudit(tx, {
      at: now, districtId: row.districtId, actor, action: `${wf.audit.actionPrefix}.${body.action}`, entityType: wf.audit.entityType,
      entityId: row.id, before: { status: row.status, version: row.version }, after: { status, action: body.action },
    });
  });
  return wf.presentAfterAction(ctx, actor, id) as Promise<DetailOf<W>>;
}

/** The actions the actor is offered on a record now: the same facts and relations runAction checks. */
export async function offeredActions<Row, F extends WorkflowFacts<string>, Rel extends string, A extends string>(
  db: DbOrTx,
  actor: Actor,
  wf: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    def: WorkflowDefinition<any, A, F, Rel, any, any>;
    facts(db: DbOrTx, row: Row): Promise<F>;
    relations(db: DbOrTx, actor: Actor, row: Row, facts: F): Promise<Rel[]>;
  },
  row: Row,
): Promise<A[]> {
  const facts = await wf.facts(db, row);
  return allowedActions(wf.def, facts, await wf.relations(db, actor, row, facts));
}
