// A unit's submission: read it (figures live or frozen), save its manual cells and overrides,
// and act on it through the workflow kernel (submit, approve, return, excuse, reopen).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SaveSubmission, TSubmissionActionBody, TSubmissionDetail } from '../../../contract/reports.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { SUBMISSION_ACTION_LABELS, SUBMISSION_STATE_LABELS, isOverdueSubmission, submissionWorkflow } from '../../../domain/reports/submission-workflow.ts';
import { readManual } from '../../../domain/reports/values.ts';
import { allowedActions } from '../../../domain/workflow/workflow.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { reportSubmissions } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid } from '../../http/errors.ts';
import { eventsOf } from '../../kernel/record-events.ts';
import { runAction } from '../../kernel/run-action.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './reports.repository.ts';
import { type Scene, cellsOf, loadScene, lockedOf, presentCells, viewOf } from './submission-scene.ts';
import { submissionFacts, submissionRelations, submissionServerWorkflow } from './submission.workflow.ts';

const todayOf = (ctx: AppContext) => shanghaiDay(ctx.clock.now());

export async function presentSubmission(ctx: AppContext, actor: Actor, s: Scene): Promise<TSubmissionDetail> {
  const today = todayOf(ctx);
  const { cells, frozen } = await cellsOf(ctx.db, s);
  const facts = await submissionFacts(ctx.db, s, today);
  const relations = submissionRelations(actor, s);
  const actions: TSubmissionDetail['allowedActions'] = s.isRegion ? [] : allowedActions(submissionWorkflow, facts, relations);
  const editable = !s.row || s.row.status === 'draft' || s.row.status === 'returned';
  if (relations.includes('filler') && editable && !facts.locked) actions.unshift('save');
  const [versions, events] = s.row ? await Promise.all([repo.versionsOf(ctx.db, s.row.id), eventsOf(ctx.db, 'report_submission', s.row.id)]) : [[], []];
  const state = viewOf(s.row);
  const t = s.template;
  return {
    key: s.key, id: s.row?.id ?? null,
    campaign: { id: s.campaign.id, name: s.campaign.name },
    form: { seriesId: t.seriesId, templateId: t.id, version: t.version, title: s.body.title.replace('{unit}', s.unit.name), subtitle: s.body.subtitle, notes: s.body.notes, layout: s.body.layout, cumulative: s.body.cumulative },
    unit: s.unit,
    round: { due: s.round.due, time: s.round.time, from: s.round.from, cutoff: s.round.cutoff.toISOString(), deadline: s.round.deadline.toISOString(), lockAfter: s.round.lockAfter },
    state, stateLabel: SUBMISSION_STATE_LABELS[state], late: s.row?.late ?? false, overdue: !s.isRegion && isOverdueSubmission(state, s.round.deadline, ctx.clock.now()),
    locked: facts.locked, frozen, revision: s.row?.revision ?? 0, note: s.row?.note ?? null,
    fillerName: s.row?.fillerName ?? (actor.unitId === s.unit.id ? actor.displayName : null), fillerPhone: s.row?.fillerPhone ?? null,
    reviewReason: s.row?.reviewReason ?? null, reopenedUntil: s.row?.reopenedUntil ?? null, version: s.row?.version ?? 0,
    cells: presentCells(s, cells),
    versions: versions.map((v) => ({ revision: v.revision, submittedAt: v.submittedAt.toISOString(), late: v.late, submittedBy: v.submittedBy ?? '' })),
    history: events.map((e) => ({
      at: e.at.toISOString(), action: SUBMISSION_ACTION_LABELS[e.action as keyof typeof SUBMISSION_ACTION_LABELS] ?? (e.action === 'save' ? '保存' : e.action),
      actor: [e.actorUnitName, e.actorName].filter(Boolean).join(' '), note: e.note,
    })),
    allowedActions: actions,
  };
}

export async function getSubmission(ctx: AppContext, actor: Actor, key: string) {
  return presentSubmission(ctx, actor, await loadScene(ctx.db, actor, key));
}

/** The draft row of a scene, created on first need (a missing submission is 未填 until a unit saves or submits). */
async function ensureRow(db: DbOrTx, s: Scene, now: Date): Promise<repo.SubmissionRow> {
  if (s.row) return s.row;
  await db.insert(reportSubmissions).values({
    districtId: s.campaign.districtId, campaignId: s.campaign.id, seriesId: s.template.seriesId, templateId: s.template.id, unitId: s.unit.id,
    townshipId: s.ref.townshipId, due: s.round.due, status: 'draft', createdAt: now, updatedAt: now,
  }).onConflictDoNothing();
  return (await repo.submissionOf(db, s.template.seriesId, s.unit.id, s.round.due))!;
}

type SaveBody = z.output<typeof SaveSubmission>;

export async function saveSubmission(ctx: AppContext, actor: Actor, key: string, body: SaveBody) {
  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  await ctx.db.transaction(async (tx) => {
    const s0 = await loadScene(tx, actor, key);
    if (!submissionRelations(actor, s0).includes('filler')) throw forbidden('只能填写本单位的报表');
    if (s0.row && s0.row.status !== 'draft' && s0.row.status !== 'returned') throw conflict('报表已提交，不能修改；如需更正请联系安委办退回');
    if (lockedOf(s0, today)) throw conflict('本轮报表已过锁定期，请联系安委办重新开放');
    if (s0.row && body.version !== undefined && body.version !== s0.row.version) throw conflict();
    const byKey = new Map(s0.body.indicators.map((i) => [i.key, i]));
    const errors: Record<string, string[]> = {};
    const values = { ...((s0.row?.values ?? {}) as Record<string, unknown>) };
    for (const [k, raw] of Object.entries(body.values)) {
      const i = byKey.get(k);
      if (!i || i.source.kind !== 'manual') { errors[`values.${k}`] = ['该指标不需要手工填写']; continue; }
      const r = readManual(i.source.type, raw);
      if (r.ok) values[k] = r.value; else errors[`values.${k}`] = [`${i.label}：${r.message}`];
    }
    const overrides = { ...((s0.row?.overrides ?? {}) as Record<string, unknown>) };
    for (const [k, o] of Object.entries(body.overrides)) {
      const i = byKey.get(k);
      if (!i || i.source.kind !== 'computed') { errors[`overrides.${k}`] = ['只有自动计算的指标可以修改']; continue; }
      if (o === null) delete overrides[k]; else overrides[k] = o;
    }
    if (Object.keys(errors).length) throw invalid(errors, Object.values(errors)[0]![0]);
    const row = await ensureRow(tx, s0, now);
    const [u] = await tx.update(reportSubmissions).set({
      values, overrides, note: body.note, fillerName: body.fillerName, fillerPhone: body.fillerPhone, templateId: s0.template.id, version: row.version + 1, updatedAt: now,
    }).where(and(eq(reportSubmissions.id, row.id), eq(reportSubmissions.version, row.version))).returning();
    if (!u) throw conflict();
    const changed = Object.keys(body.overrides);
    await recordAudit(tx, {
      at: now, districtId: row.districtId, actor, action: 'report_submission.save', entityType: 'report_submission', entityId: row.id,
      before: { version: row.version }, after: { values: Object.keys(body.values), overrides: changed },
    });
  });
  return getSubmission(ctx, actor, key);
}

export async function actOnSubmission(ctx: AppContext, actor: Actor, key: string, body: TSubmissionActionBody) {
  const s = await loadScene(ctx.db, actor, key);
  if (s.isRegion) throw forbidden('本单位不填报该报表');
  let row = s.row;
  if (!row) {
    // submitting (or excusing) a unit that never saved: its empty draft is the record the action runs on
    if (submissionRelations(actor, s).length === 0) throw forbidden('只能填写本单位的报表');
    row = await ensureRow(ctx.db, s, ctx.clock.now());
  }
  const version = s.row ? (body.version ?? row.version) : row.version;
  const wf = submissionServerWorkflow(todayOf(ctx), (a, k) => getSubmission(ctx, a, k));
  return runAction(ctx, actor, wf, row.id, { ...body, version });
}
