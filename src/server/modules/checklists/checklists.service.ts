// Checklist templates: every write goes through the domain's versioning (firstTemplateVersion,
// nextTemplateVersion), inserts an immutable version and records an audit row in one transaction.
import type { TChecklistContent, TChecklistDetail, TChecklistPublish } from '../../../contract/checklists.ts';
import { type ChecklistAudience, type ChecklistTemplateContent, firstTemplateVersion, itemsOf, nextTemplateVersion } from '../../../domain/checklists/checklist.ts';
import { can } from '../../../domain/access/permissions.ts';
import { builtInUpdateFor } from '../../../domain/checklists/built-in-updates.ts';
import { checklistAllowedActions, checklistListAllowedActions } from '../../../domain/checklists/checklist-policy.ts';
import { SEED_CHECKLISTS } from '../../../domain/checklists/seed-checklists.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { refusalError } from './checklists.problems.ts';
import { presentDetail, presentDiff, presentListItem, presentVersion } from './checklists.presenter.ts';
import * as repo from './checklists.repository.ts';
import { insertSeedTemplates } from './checklists.seed.ts';

export const mayManageTemplates = (actor: Pick<Actor, 'role'>) => can(actor.role, 'manage:checklist');
const WHAT = '检查表';

function uniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

/** The content as the domain sees it (the contract already trimmed and bounded it). */
function contentOf(c: TChecklistContent): ChecklistTemplateContent {
  return { code: c.code, name: c.name, audience: c.audience, source: c.source, description: c.description, groups: c.groups };
}

export async function listChecklists(ctx: AppContext, actor: Actor, q: { q?: string | undefined; audience?: ChecklistAudience | undefined; active?: boolean | undefined; page: number; pageSize: number }) {
  const manager = mayManageTemplates(actor);
  // Everyone else reads the templates inspections may use: the active ones.
  const active = manager ? q.active : true;
  const { items, total } = await repo.listTemplates(ctx.db, actor.districtId, { q: q.q, audience: q.audience, active }, q.page, q.pageSize);
  // Only a manager needs the counts (the built-in templates are offered to a district with none,
  // their newer wording while a district copy is behind).
  const district = manager
    ? { templateCount: await repo.countTemplates(ctx.db, actor.districtId), builtInUpdates: (await pendingBuiltInUpdates(ctx.db, actor.districtId)).length }
    : null;
  return {
    items: items.map((r) => presentListItem(r.t, r)),
    total, page: q.page, pageSize: q.pageSize,
    allowedActions: district === null ? [] : checklistListAllowedActions(actor.role, district),
  };
}

/** The district's built-in copies still as an earlier release loaded them, with the wording they may take. */
async function pendingBuiltInUpdates(db: DbOrTx, districtId: string) {
  const rows = await repo.currentVersionsOf(db, districtId, SEED_CHECKLISTS.map((t) => t.code));
  return rows.flatMap(({ t, v }) => {
    const latest = builtInUpdateFor(v.content);
    return latest ? [{ t, latest }] : [];
  });
}

/** Publishes the built-ins' newer wording as the next version of each untouched district copy (past versions stay). */
export async function updateBuiltIns(ctx: AppContext, actor: Actor) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const updated = [];
    for (const { t, latest } of await pendingBuiltInUpdates(tx, actor.districtId)) {
      const u = await insertNextVersion(tx, actor, t, t.currentVersion, latest, now, 'checklist.update_builtin');
      updated.push({ id: u.id, code: u.code, name: u.name, version: u.currentVersion });
    }
    return { updated };
  });
}

/** A template the actor may read: managers any of the district's, others only active ones. */
async function readable(db: DbOrTx, actor: Actor, id: string) {
  const r = await repo.findTemplate(db, actor.districtId, id);
  if (!r || (!r.t.active && !mayManageTemplates(actor))) throw notFound(WHAT);
  return r;
}

async function detail(db: DbOrTx, actor: Actor, id: string): Promise<TChecklistDetail> {
  const { t, usedCount } = await readable(db, actor, id);
  const [current, versions] = await Promise.all([repo.findVersion(db, t.id, t.currentVersion), repo.versionsOf(db, t.id)]);
  if (!current) throw notFound(WHAT);
  return presentDetail(t, current, versions, usedCount, checklistAllowedActions(actor.role, t));
}

export const getChecklist = (ctx: AppContext, actor: Actor, id: string) => detail(ctx.db, actor, id);

export async function getVersion(ctx: AppContext, actor: Actor, id: string, version: number) {
  const { t } = await readable(ctx.db, actor, id);
  const v = await repo.findVersion(ctx.db, t.id, version);
  if (!v) throw notFound('检查表版本');
  return v;
}

export async function getVersionView(ctx: AppContext, actor: Actor, id: string, version: number) {
  return presentVersion(await getVersion(ctx, actor, id, version));
}

export async function diffVersions(ctx: AppContext, actor: Actor, id: string, from: number, to: number) {
  const [a, b] = await Promise.all([getVersion(ctx, actor, id, from), getVersion(ctx, actor, id, to)]);
  return presentDiff(a, b);
}

/** Stores version 1 of a new code; the caller holds the transaction. */
export async function insertFirstVersion(tx: Tx, actor: Actor, content: ChecklistTemplateContent, now: Date, action = 'checklist.create') {
  const r = firstTemplateVersion(content);
  if (!r.ok) throw refusalError(r.refusal, content, r.problems);
  if (await repo.findTemplateByCode(tx, actor.districtId, content.code)) throw invalid({ code: ['检查表编码已存在'] }, '检查表编码已存在');
  const { version, ...stored } = r.template;
  const t = await repo.insertTemplate(tx, {
    districtId: actor.districtId, code: stored.code, name: stored.name, audience: stored.audience, currentVersion: version,
    createdBy: actor.userId, createdAt: now, updatedAt: now,
  });
  const v = await repo.insertVersion(tx, {
    districtId: actor.districtId, templateId: t.id, version, content: stored, itemCount: itemsOf(stored).length, publishedAt: now, publishedBy: actor.userId,
  });
  await recordAudit(tx, { at: now, districtId: actor.districtId, actor: actor, action, entityType: 'checklist_template', entityId: t.id, after: { template: t, versionId: v.id, content: stored } });
  return t;
}

export async function createChecklist(ctx: AppContext, actor: Actor, input: TChecklistContent) {
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const t = await insertFirstVersion(tx, actor, contentOf(input), now);
      return detail(tx, actor, t.id);
    });
  } catch (e) {
    if (uniqueViolation(e)) throw invalid({ code: ['检查表编码已存在'] }, '检查表编码已存在');
    throw e;
  }
}

/** The next version from an edit, checked against the version the editor started from. */
async function nextVersionOf(db: DbOrTx, actor: Actor, t: repo.TemplateRow, baseVersion: number, content: ChecklistTemplateContent) {
  if (!t.active) throw new AppError('CONFLICT', '检查表已停用，请先重新启用再发布新版本');
  if (baseVersion !== t.currentVersion) throw conflict(`检查表已有新版本（第${t.currentVersion}版），请刷新后在新版本上修改`);
  const current = await repo.findVersion(db, t.id, t.currentVersion);
  if (!current) throw notFound(WHAT);
  const r = nextTemplateVersion({ ...current.content, version: current.version }, content);
  if (!r.ok) throw refusalError(r.refusal, content, r.problems);
  return { current, next: r.template };
}

export async function previewPublish(ctx: AppContext, actor: Actor, id: string, input: TChecklistPublish) {
  const { t } = await readable(ctx.db, actor, id);
  const { baseVersion, ...content } = input;
  const { current, next } = await nextVersionOf(ctx.db, actor, t, baseVersion, contentOf(content));
  return presentDiff(current, { version: next.version, content: next });
}

/** Publishes an edit of template `t` as its next version; the caller holds the transaction. */
export async function insertNextVersion(tx: Tx, actor: Actor, t: repo.TemplateRow, baseVersion: number, content: ChecklistTemplateContent, now: Date, action = 'checklist.publish') {
  const { current, next } = await nextVersionOf(tx, actor, t, baseVersion, content);
  const { version, ...stored } = next;
  const updated = await repo.updateTemplate(tx, t.id, t.version, { currentVersion: version, name: stored.name, audience: stored.audience, updatedAt: now });
  if (!updated) throw conflict();
  const v = await repo.insertVersion(tx, {
    districtId: actor.districtId, templateId: t.id, version, content: stored, itemCount: itemsOf(stored).length, publishedAt: now, publishedBy: actor.userId,
  });
  const diff = presentDiff(current, { version, content: stored });
  await recordAudit(tx, {
    at: now, districtId: actor.districtId, actor: actor, action, entityType: 'checklist_template', entityId: t.id,
    before: { version: current.version, versionId: current.id },
    after: { version, versionId: v.id, added: diff.added.map((i) => i.key), removed: diff.removed.map((i) => i.key), changed: diff.changed.map((i) => i.key), infoChanged: diff.infoChanged, content: stored },
  });
  return updated;
}

export async function publishChecklist(ctx: AppContext, actor: Actor, id: string, input: TChecklistPublish) {
  const { t } = await readable(ctx.db, actor, id);
  const { baseVersion, ...content } = input;
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      await insertNextVersion(tx, actor, t, baseVersion, contentOf(content), now);
      return detail(tx, actor, id);
    });
  } catch (e) {
    // Two publishes of the same base version: the second meets the first's version row.
    if (uniqueViolation(e)) throw conflict();
    throw e;
  }
}

export async function setChecklistActive(ctx: AppContext, actor: Actor, id: string, input: { active: boolean; version: number }) {
  const { t } = await readable(ctx.db, actor, id);
  if (t.active === input.active) return detail(ctx.db, actor, id);
  if (input.version !== t.version) throw conflict();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const u = await repo.updateTemplate(tx, t.id, input.version, { active: input.active, updatedAt: now });
    if (!u) throw conflict();
    await recordAudit(tx, {
      at: now, districtId: actor.districtId, actor: actor, action: input.active ? 'checklist.reactivate' : 'checklist.retire',
      entityType: 'checklist_template', entityId: t.id, before: { active: t.active }, after: { active: u.active },
    });
    return detail(tx, actor, id);
  });
}

/** Loads the built-in templates the district lacks (idempotent). */
export async function loadBuiltIns(ctx: AppContext, actor: Actor) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const created = await insertSeedTemplates(tx, actor.districtId, actor.userId, now);
    for (const c of created) {
      await recordAudit(tx, {
        at: now, districtId: actor.districtId, actor: actor, action: 'checklist.load_builtin', entityType: 'checklist_template', entityId: c.templateId,
        after: { code: c.code, name: c.name, version: 1, versionId: c.versionId },
      });
    }
    return { created: created.map((c) => ({ id: c.templateId, code: c.code, name: c.name })) };
  });
}
