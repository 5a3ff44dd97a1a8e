// The submission workflow as the server runs it (kernel/run-action.ts). A submission is loaded by
// id through its scene (campaign scope, the unit's visibility); submitting freezes a version with
// every figure and the records it counted; the office's decisions tell the unit.
import { and, eq, inArray } from 'drizzle-orm';
import type { TSubmissionActionBody, TSubmissionDetail } from '../../../contract/reports.ts';
import { can } from '../../../domain/access/permissions.ts';
import { reviewsSubmission } from '../../../domain/access/scope.ts';
import { addDays } from '../../../domain/common/dates.ts';
import { REOPEN_DAYS } from '../../../domain/reports/rounds.ts';
import {
  type SubmissionAction, type SubmissionFacts, type SubmissionInput, type SubmissionRefusal, type SubmissionRelation, type SubmissionState,
  submissionWorkflow,
} from '../../../domain/reports/submission-workflow.ts';
import type { DbOrTx } from '../../db/client.ts';
import { reportSubmissionVersions, reportSubmissions } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import type { ServerWorkflow } from '../../kernel/run-action.ts';
import * as repo from './reports.repository.ts';
import { type Scene, liveCells, loadScene, lockedOf, submissionKey } from './submission-scene.ts';

type Body = TSubmissionActionBody & { version: number };
const reasonOf = (body: Body) => ('reason' in body ? (body as { reason: string }).reason : '');

/** Scenes are loaded per request; the kernel's load/facts/relations read them by the row's id. */
async function sceneOfRow(db: DbOrTx, actor: Actor, row: repo.SubmissionRow): Promise<Scene> {
  return loadScene(db, actor, submissionKey(row));
}

/** Units below a township whose submissions of this round are neither approved nor excused. */
async function pendingBelow(db: DbOrTx, s: Scene): Promise<string[]> {
  if (s.unit.kind !== 'township') return [];
  const below = (await repo.fillerUnits(db, s.campaign, s.body.fillers)).filter((u) => u.townshipId === s.unit.id && u.id !== s.unit.id);
  if (below.length === 0) return [];
  const done = await db.select({ unitId: reportSubmissions.unitId }).from(reportSubmissions)
    .where(and(eq(reportSubmissions.seriesId, s.template.seriesId), eq(reportSubmissions.due, s.round.due), inArray(reportSubmissions.unitId, below.map((u) => u.id)), inArray(reportSubmissions.status, ['approved', 'excused'])));
  const ok = new Set(done.map((d) => d.unitId));
  return below.filter((u) => !ok.has(u.id)).map((u) => u.name);
}

export async function submissionFacts(db: DbOrTx, s: Scene, today: string): Promise<SubmissionFacts> {
  const values = (s.row?.values ?? {}) as Record<string, unknown>;
  const missingManual = s.body.indicators.filter((i) => i.source.kind === 'manual' && i.source.type !== 'text' && (values[i.key] === undefined || values[i.key] === null)).map((i) => i.label);
  return { status: s.row?.status ?? 'draft', locked: lockedOf(s, today), missingManual, pendingUnits: await pendingBelow(db, s) };
}

export function submissionRelations(actor: Actor, s: Scene): SubmissionRelation[] {
  const out: SubmissionRelation[] = [];
  if (actor.unitId === s.unit.id && can(actor.role, 'fill:report') && !s.isRegion) out.push('filler');
  if (can(actor.role, 'review:report') && reviewsSubmission(actor, s.ref)) out.push('reviewer');
  return out;
}

export function submissionServerWorkflow(today: string, present: (actor: Actor, key: string) => Promise<TSubmissionDetail>): ServerWorkflow<
  SubmissionState, SubmissionAction, SubmissionFacts, SubmissionRelation, SubmissionInput, SubmissionRefusal, repo.SubmissionRow, Body, TSubmissionDetail
> {
  const scenes = new Map<string, Scene>();
  const sceneOf = async (db: DbOrTx, actor: Actor, row: repo.SubmissionRow) => {
    const s = await sceneOfRow(db, actor, row);
    scenes.set(row.id, s);
    return s;
  };
  const reasonInput = (body: Body): SubmissionInput => (body.action === 'return' || body.action === 'excuse' || body.action === 'reopen'
    ? { action: body.action, reason: body.reason } : { action: body.action });
  const wf: ServerWorkflow<SubmissionState, SubmissionAction, SubmissionFacts, SubmissionRelation, SubmissionInput, SubmissionRefusal, repo.SubmissionRow, Body, TSubmissionDetail> = {
    def: submissionWorkflow,
    audit: { entityType: 'report_submission', actionPrefix: 'report_submission' },
    label: '报表',
    forbiddenMessage: '只有本单位可以提交报表，只有上级安委办可以审核、退回、免报或重新开放',
    async load(db, actor, id) {
      const row = await repo.submissionById(db, id);
      if (!row) return null;
      await sceneOf(db, actor, row);
      return row;
    },
    facts: async (db, row) => submissionFacts(db, { ...scenes.get(row.id)!, row }, today),
    relations: async (_db, actor, row) => submissionRelations(actor, scenes.get(row.id)!),
    async update(tx, id, version, set, now) {
      const [u] = await tx.update(reportSubmissions).set({ ...set, version: version + 1, updatedAt: now })
        .where(and(eq(reportSubmissions.id, id), eq(reportSubmissions.version, version))).returning();
      return u ?? null;
    },
    handlers: {
      submit: {
        run: async ({ tx, actor, row, now }) => {
          const s = { ...scenes.get(row.id)!, row };
          const cells = await liveCells(tx, s);
          const revision = row.revision + 1;
          const late = now > s.round.deadline;
          await tx.insert(reportSubmissionVersions).values({
            districtId: row.districtId, submissionId: row.id, revision, templateId: s.template.id, cells, note: row.note, late, submittedBy: actor.userId, submittedAt: now,
          });
          return {
            set: { revision, submittedAt: now, submittedBy: actor.userId, late, templateId: s.template.id, reviewReason: null, reviewedAt: null, reviewedBy: null },
            event: { note: late ? '逾期提交' : null, data: { revision } },
          };
        },
      },
      approve: { run: async ({ actor, now }) => ({ set: { reviewedBy: actor.userId, reviewedAt: now, reviewReason: null } }) },
      return: {
        input: ({ body }) => reasonInput(body),
        run: async ({ actor, now, body }) => {
          const reason = reasonOf(body);
          return { set: { reviewedBy: actor.userId, reviewedAt: now, reviewReason: reason }, event: { note: reason } };
        },
      },
      excuse: {
        input: ({ body }) => reasonInput(body),
        run: async ({ actor, now, body }) => {
          const reason = reasonOf(body);
          return { set: { reviewedBy: actor.userId, reviewedAt: now, reviewReason: reason }, event: { note: reason } };
        },
      },
      reopen: {
        input: ({ body }) => reasonInput(body),
        run: async ({ today: day, body }) => {
          const until = addDays(day, REOPEN_DAYS);
          return { set: { reopenedUntil: until }, event: { note: reasonOf(body), data: { until } } };
        },
      },
    },
    async notifications({ actor, row, body }) {
      if (body.action === 'submit') return [];
      const s = scenes.get(row.id)!;
      const words: Record<Exclude<SubmissionAction, 'submit'>, string> = {
        approve: '已审核通过', return: `被退回：${reasonOf(body)}`, excuse: '本轮免报', reopen: `已重新开放至 ${addDays(today, REOPEN_DAYS)}，请及时补报`,
      };
      return [{
        districtId: row.districtId, kind: `report.${body.action}` as const, title: s.body.title.replace('{unit}', s.unit.name).slice(0, 60),
        body: `${row.due} 一轮报表${words[body.action]}`, href: `/report-submissions/${s.key}`, entity: { type: 'report_submission', id: row.id },
        audience: { unitIds: [row.unitId] }, actorId: actor.userId,
      }];
    },
    presentAfterAction: async (_ctx, actor, id) => present(actor, scenes.get(id)!.key),
  };
  return wf;
}
