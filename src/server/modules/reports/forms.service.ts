// The template library and a campaign's forms: the shipped forms and the district's own, a form
// attached to a campaign (a copy, so the campaign's schedule is its own), an edit (a new version;
// submissions keep theirs), and each form's rounds with every unit's state.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AttachForm, EditForm, TCampaignForm } from '../../../contract/reports.ts';
import { keepsCampaign } from '../../../domain/access/scope.ts';
import { can } from '../../../domain/access/permissions.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { currentRound, roundsOf, scheduleRule } from '../../../domain/reports/rounds.ts';
import { SEED_FORMS } from '../../../domain/reports/seed-forms.ts';
import { type SubmissionView, completeness, isOverdueSubmission } from '../../../domain/reports/submission-workflow.ts';
import { type TemplateBody, templateProblems } from '../../../domain/reports/template.ts';
import type { AppContext } from '../../context.ts';
import { reportTemplates } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { type CampaignRow, loadCampaign, loadKeptCampaign } from '../campaigns/index.ts';
import { knownMetric, paramProblems } from './metrics/registry.ts';
import * as repo from './reports.repository.ts';
import { periodOf, submissionKey } from './submission-scene.ts';

const summary = (body: TemplateBody) => ({
  title: body.title, fillers: body.fillers, dueText: body.dueText, cumulative: body.cumulative, indicators: body.indicators.length,
  computed: body.indicators.filter((i) => i.source.kind === 'computed').length, manual: body.indicators.filter((i) => i.source.kind === 'manual').length,
});

export async function listTemplates(ctx: AppContext, actor: Actor) {
  const own = await repo.libraryOf(ctx.db, actor.districtId);
  return {
    items: [
      ...SEED_FORMS.map((f) => ({ ref: f.code, source: 'shipped' as const, name: f.name, ...summary(f.body) })),
      ...own.map((t) => ({ ref: t.seriesId, source: 'district' as const, name: t.name, ...summary(repo.bodyOf(t)) })),
    ],
  };
}

/** Problems of a body that would be stored: the template's own and every metric's parameters. */
function problemsOf(body: TemplateBody): string[] {
  return [
    ...templateProblems(body, knownMetric).map((p) => p.message),
    ...body.indicators.flatMap((i) => (i.source.kind === 'computed' ? paramProblems(i.source.metric, i.source.params) : [])),
  ];
}

export async function campaignForms(ctx: AppContext, actor: Actor, c: CampaignRow): Promise<{ items: TCampaignForm[]; canEdit: boolean }> {
  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  const forms = await repo.formsOf(ctx.db, [c.id]);
  const subs = await repo.submissionsOfRound(ctx.db, forms.map((f) => f.seriesId));
  const items = [];
  for (const f of forms) {
    const body = repo.bodyOf(f);
    const units = await repo.fillerUnits(ctx.db, c, body.fillers);
    const rounds = roundsOf(body, periodOf(c));
    const mineUnit = units.find((u) => u.id === actor.unitId);
    const stateOf = new Map(subs.filter((s) => s.seriesId === f.seriesId).map((s) => [`${s.due}_${s.unitId}`, s]));
    items.push({
      seriesId: f.seriesId, templateId: f.id, version: f.version, name: f.name, title: body.title.replace('{unit}', ''), fillers: body.fillers, dueText: body.dueText,
      cumulative: body.cumulative, graceDays: body.graceDays, unreadDue: scheduleRule(body, periodOf(c)).kind === 'unread', units: units.length,
      current: currentRound(rounds, today)?.due ?? null,
      rounds: rounds.map((r) => {
        const rows = units.map((u) => {
          const s = stateOf.get(`${r.due}_${u.id}`);
          const state: SubmissionView = s?.status ?? 'missing';
          return { state, late: s?.late ?? false, overdue: isOverdueSubmission(state, r.deadline, now) };
        });
        const k = completeness(rows);
        const mine = mineUnit ? stateOf.get(`${r.due}_${mineUnit.id}`) : undefined;
        const mineState: SubmissionView = mine?.status ?? 'missing';
        return {
          due: r.due, time: r.time, from: r.from, lockAfter: r.lockAfter, expected: k.expected, reported: k.reported, onTime: k.onTime, approved: k.approved,
          overdue: rows.filter((x) => x.overdue).length,
          mine: mineUnit ? { key: submissionKey({ seriesId: f.seriesId, unitId: mineUnit.id, due: r.due }), state: mineState, overdue: isOverdueSubmission(mineState, r.deadline, now) } : null,
        };
      }),
    });
  }
  return { items, canEdit: keepsCampaign(actor, c) && can(actor.role, 'review:report') };
}

export async function listForms(ctx: AppContext, actor: Actor, campaignId: string) {
  return campaignForms(ctx, actor, (await loadCampaign(ctx.db, actor, campaignId)).c);
}

export async function attachForm(ctx: AppContext, actor: Actor, campaignId: string, body: z.output<typeof AttachForm>) {
  const c = (await loadKeptCampaign(ctx.db, actor, campaignId)).c;
  const shipped = SEED_FORMS.find((f) => f.code === body.ref);
  const own = shipped ? null : (await repo.libraryOf(ctx.db, actor.districtId)).find((t) => t.seriesId === body.ref);
  if (!shipped && !own) throw notFound('报表模板');
  const base: TemplateBody = shipped ? shipped.body : repo.bodyOf(own!);
  const tBody: TemplateBody = { ...base, dueText: body.dueText ?? base.dueText, graceDays: body.graceDays ?? base.graceDays };
  const problems = problemsOf(tBody);
  if (problems.length) throw invalid({ ref: problems }, problems[0]);
  const existing = await repo.formsOf(ctx.db, [c.id]);
  const code = shipped?.code ?? own!.code;
  if (existing.some((f) => (code ? f.code === code : f.name === own!.name))) throw conflict('该专项行动已添加此报表');
  const now = ctx.clock.now();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(reportTemplates).values({
      id, districtId: c.districtId, seriesId: id, version: 1, code, campaignId: c.id, name: shipped?.name ?? own!.name, body: tBody,
      workbookFileId: own?.workbookFileId ?? null, bindings: own?.bindings ?? null, createdBy: actor.userId, createdAt: now,
    });
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'report_form.attach', entityType: 'report_template', entityId: id, before: null, after: { campaignId: c.id, ref: body.ref } });
  });
  return campaignForms(ctx, actor, c);
}

export async function editForm(ctx: AppContext, actor: Actor, templateId: string, body: z.output<typeof EditForm>) {
  const t = await repo.templateById(ctx.db, templateId);
  if (!t?.campaignId || t.districtId !== actor.districtId) throw notFound('报表');
  const c = (await loadKeptCampaign(ctx.db, actor, t.campaignId)).c;
  if (!t.current || t.version !== body.version) throw conflict('报表已被他人修改，请刷新后重试');
  const old = repo.bodyOf(t);
  const next: TemplateBody = {
    ...old, title: body.title ?? old.title, dueText: body.dueText ?? old.dueText, graceDays: body.graceDays ?? old.graceDays, cumulative: body.cumulative ?? old.cumulative,
  };
  const problems = problemsOf(next);
  if (scheduleRule(next, periodOf(c)).kind === 'unread') problems.push(`报送时限“${next.dueText}”无法识别，请改写为如“每月28日前”“每月14日和月底18:00前”`);
  if (problems.length) throw invalid({ dueText: problems }, problems[0]);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [was] = await tx.update(reportTemplates).set({ current: false }).where(and(eq(reportTemplates.id, t.id), eq(reportTemplates.current, true))).returning({ id: reportTemplates.id });
    if (!was) throw conflict();
    const id = randomUUID();
    await tx.insert(reportTemplates).values({ ...t, id, version: t.version + 1, body: next, current: true, createdBy: actor.userId, createdAt: now });
    await recordAudit(tx, { at: now, districtId: t.districtId, actor, action: 'report_form.edit', entityType: 'report_template', entityId: id, before: { version: t.version, dueText: old.dueText }, after: { version: t.version + 1, dueText: next.dueText } });
  });
  return campaignForms(ctx, actor, c);
}
