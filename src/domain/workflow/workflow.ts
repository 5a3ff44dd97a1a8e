// The workflow kernel: one declarative shape for every record that moves through states
// (hazards, enforcement cases, and the campaign's tasks, submissions and findings to come),
// and the pure functions every server use case and every test reads it with.
//
// A definition says, as data:
// - the states and actions, and the transition table state × action → state (side actions that
//   do not move the record are self-loops, so "possible in this state" is one lookup for all);
// - the guard: why an action may not be taken on these facts with this input (a refusal code,
//   with a message for people), the same for every caller;
// - who may act: per action, the relations an actor must hold to the record (role-based ones
//   such as 'supervisor' and tie-based ones such as 'responsibleUnit'), an availability condition
//   on the facts (refused as forbidden), and an offer condition (only hides the button: the guard
//   explains the refusal);
// - who must act next: the duties among the actions, with the relations that owe them;
// - automatic actions the system applies itself once their guard holds (after named actions).
// Pure: no IO, no clock. Facts and relations are computed by the caller.

/** The facts a workflow decides on always include the record's state. */
export interface WorkflowFacts<S extends string> {
  status: S;
}

/** What a guard is given: the action and, for some, the values the request carries. */
export interface WorkflowInput<A extends string> {
  action: A;
}

export interface Permit<F, Rel extends string> {
  /** An actor holding any of these relations to the record may take the action. */
  by: readonly Rel[];
  /** Availability beyond the state: when false, the action is refused as forbidden. */
  when?: (facts: F) => boolean;
  /** Offered (listed in allowedActions) only when true; a request anyway meets the guard's refusal. */
  offerWhen?: (facts: F) => boolean;
  /** The action is what the workflow awaits (a to-do) when this holds; `by` of the duty defaults to the permit's. */
  duty?: { when?: (facts: F) => boolean; by?: readonly Rel[] };
}

export interface AutomaticAction<A extends string> {
  action: A;
  /** The actions after which the system tries it (its guard decides). */
  after: readonly A[];
}

export interface WorkflowDefinition<
  S extends string,
  A extends string,
  F extends WorkflowFacts<S>,
  Rel extends string,
  I extends WorkflowInput<A>,
  R extends string,
> {
  /** The entity type, as in record_events.entity_type and the audit log. */
  entity: string;
  states: readonly S[];
  /** Every action, in the order allowedActions lists them. */
  actions: readonly A[];
  relations: readonly Rel[];
  transitions: { readonly [s in S]: Partial<Record<A, S>> };
  /** Why the action may not be taken on these facts with this input, or null. Not called for a state miss. */
  guard: (facts: F, input: I) => R | null;
  refusalMessages: Record<R | 'not_in_state', string>;
  permits: Partial<Record<A, Permit<F, Rel>>>;
  automatic?: readonly AutomaticAction<A>[];
}

// A definition of any workflow, for the generic functions below (their types are read back from it).
/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyDef = WorkflowDefinition<any, any, any, any, any, any>;
type StateOf<D> = D extends WorkflowDefinition<infer S, any, any, any, any, any> ? S : never;
type ActionOf<D> = D extends WorkflowDefinition<any, infer A, any, any, any, any> ? A : never;
type FactsOf<D> = D extends WorkflowDefinition<any, any, infer F, any, any, any> ? F : never;
type RelOf<D> = D extends WorkflowDefinition<any, any, any, infer Rel, any, any> ? Rel : never;
type InputOf<D> = D extends WorkflowDefinition<any, any, any, any, infer I, any> ? I : never;
type RefusalOf<D> = D extends WorkflowDefinition<any, any, any, any, any, infer R> ? R : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Declares a workflow with its types inferred (a function so literal types stay narrow). */
export function defineWorkflow<S extends string, A extends string, F extends WorkflowFacts<S>, Rel extends string, I extends WorkflowInput<A>, R extends string>(
  def: WorkflowDefinition<S, A, F, Rel, I, R>,
): WorkflowDefinition<S, A, F, Rel, I, R> {
  return def;
}

/** The state an action leads to from a state, or undefined when it is not possible there. */
export function targetOf<D extends AnyDef>(def: D, status: StateOf<D>, action: ActionOf<D>): StateOf<D> | undefined {
  return def.transitions[status]?.[action] as StateOf<D> | undefined;
}

const isAutomatic = (def: AnyDef, action: string) => (def.automatic ?? []).some((a) => a.action === action);

/** Whether an actor with these relations may take the action at all (in some state): else forbidden. */
export function holdsPermit<D extends AnyDef>(def: D, action: ActionOf<D>, relations: readonly RelOf<D>[]): boolean {
  const permit = def.permits[action] as Permit<FactsOf<D>, RelOf<D>> | undefined;
  return permit !== undefined && permit.by.some((r) => relations.includes(r));
}

export type PermissionCheck = 'ok' | 'forbidden' | 'not_in_state';

/**
 * The checks before the guard, in the order every use case applies them: the relation (forbidden),
 * the state (not_in_state, a conflict: the record moved on), the availability (forbidden).
 */
export function checkPermission<D extends AnyDef>(def: D, facts: FactsOf<D>, action: ActionOf<D>, relations: readonly RelOf<D>[]): PermissionCheck {
  if (isAutomatic(def, action) || !holdsPermit(def, action, relations)) return 'forbidden';
  if (targetOf(def, facts.status, action) === undefined) return 'not_in_state';
  const permit = def.permits[action] as Permit<FactsOf<D>, RelOf<D>>;
  return permit.when && !permit.when(facts) ? 'forbidden' : 'ok';
}

/** The actions an actor is offered now, in the definition's order. */
export function allowedActions<D extends AnyDef>(def: D, facts: FactsOf<D>, relations: readonly RelOf<D>[]): ActionOf<D>[] {
  return (def.actions as ActionOf<D>[]).filter((a) => {
    if (checkPermission(def, facts, a, relations) !== 'ok') return false;
    const offer = (def.permits[a] as Permit<FactsOf<D>, RelOf<D>>).offerWhen;
    return !offer || offer(facts);
  });
}

export type ActionResult<S extends string, R extends string> =
  | { ok: true; from: S; to: S }
  | { ok: false; refusal: R | 'not_in_state' };

/** Applies one action to the facts: the next state, or why not (who acts is checkPermission's). */
export function applyAction<D extends AnyDef>(def: D, facts: FactsOf<D>, input: InputOf<D>): ActionResult<StateOf<D>, RefusalOf<D>> {
  const to = targetOf(def, facts.status, input.action);
  if (to === undefined) return { ok: false, refusal: 'not_in_state' };
  const refusal = def.guard(facts, input) as RefusalOf<D> | null;
  return refusal ? { ok: false, refusal } : { ok: true, from: facts.status, to };
}

export interface Step<S extends string, A extends string> {
  action: A;
  from: S;
  to: S;
}

/**
 * The automatic actions that follow `after` on these facts (already in the state it led to), in
 * order, each tried once: the system's own steps, recorded like anyone's.
 */
export function automaticSteps<D extends AnyDef>(def: D, facts: FactsOf<D>, after: ActionOf<D>): Step<StateOf<D>, ActionOf<D>>[] {
  const steps: Step<StateOf<D>, ActionOf<D>>[] = [];
  let current = facts;
  for (const auto of def.automatic ?? []) {
    if (!auto.after.includes(after)) continue;
    const r = applyAction(def, current, { action: auto.action } as InputOf<D>);
    if (!r.ok) continue;
    steps.push({ action: auto.action as ActionOf<D>, from: r.from, to: r.to });
    current = { ...current, status: r.to };
  }
  return steps;
}

export interface Duty<A extends string, Rel extends string> {
  action: A;
  /** The relations that owe it: an actor holding any of them is who must act next. */
  by: readonly Rel[];
}

/** What the record awaits now and from whom (the 工作台's to-dos are these). */
export function awaiting<D extends AnyDef>(def: D, facts: FactsOf<D>): Duty<ActionOf<D>, RelOf<D>>[] {
  const out: Duty<ActionOf<D>, RelOf<D>>[] = [];
  for (const a of def.actions as ActionOf<D>[]) {
    const permit = def.permits[a] as Permit<FactsOf<D>, RelOf<D>> | undefined;
    if (!permit?.duty || targetOf(def, facts.status, a) === undefined) continue;
    if (permit.when && !permit.when(facts)) continue;
    if (permit.offerWhen && !permit.offerWhen(facts)) continue;
    if (permit.duty.when && !permit.duty.when(facts)) continue;
    out.push({ action: a, by: permit.duty.by ?? permit.by });
  }
  return out;
}

/** Whether an actor with these relations must act on the record now. */
export function mustAct<D extends AnyDef>(def: D, facts: FactsOf<D>, relations: readonly RelOf<D>[]): ActionOf<D>[] {
  return awaiting(def, facts).filter((d) => d.by.some((r) => relations.includes(r))).map((d) => d.action);
}

/** The inconsistencies a definition may hold, as readable lines (empty when sound); tests assert none. */
export function definitionProblems(def: AnyDef): string[] {
  const problems: string[] = [];
  const states = new Set<string>(def.states);
  const actions = new Set<string>(def.actions);
  const relations = new Set<string>(def.relations);
  for (const s of def.states) {
    const row = def.transitions[s];
    if (!row) problems.push(`state ${s} has no row in the transition table`);
    for (const [a, to] of Object.entries(row ?? {})) {
      if (!actions.has(a)) problems.push(`${s} × ${a}: unknown action`);
      if (!states.has(to as string)) problems.push(`${s} × ${a} → ${String(to)}: unknown state`);
    }
  }
  for (const s of Object.keys(def.transitions)) if (!states.has(s)) problems.push(`transition row for unknown state ${s}`);
  for (const a of def.actions) {
    const reachable = def.states.some((s: string) => def.transitions[s]?.[a] !== undefined);
    if (!reachable) problems.push(`action ${a} is possible in no state`);
    const auto = isAutomatic(def, a);
    const permit = def.permits[a] as Permit<unknown, string> | undefined;
    if (!auto && !permit) problems.push(`action ${a} has no permit (nobody may take it)`);
    if (auto && permit) problems.push(`automatic action ${a} must not have a permit`);
    for (const r of [...(permit?.by ?? []), ...(permit?.duty?.by ?? [])]) if (!relations.has(r)) problems.push(`${a}: unknown relation ${r}`);
  }
  for (const a of Object.keys(def.permits)) if (!actions.has(a)) problems.push(`permit for unknown action ${a}`);
  for (const auto of def.automatic ?? []) {
    if (!actions.has(auto.action)) problems.push(`automatic ${auto.action}: unknown action`);
    for (const a of auto.after) if (!actions.has(a)) problems.push(`automatic ${auto.action} after unknown action ${a}`);
  }
  return problems;
}
