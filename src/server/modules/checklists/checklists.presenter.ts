// Read models of templates and versions as the contract describes them.
import type { TChecklistDetail, TChecklistDiff, TChecklistListItem, TChecklistVersionView } from '../../../contract/checklists.ts';
import { type ChecklistTemplateContent, itemsOf, templateDiff } from '../../../domain/checklists/checklist.ts';
import type { TemplateRow, TemplateVersionRow } from './checklists.repository.ts';
import type { versionsOf } from './checklists.repository.ts';

export function presentVersion(v: TemplateVersionRow): TChecklistVersionView {
  const c = v.content;
  return {
    code: c.code, name: c.name, audience: c.audience, source: c.source ?? null, description: c.description ?? null, groups: c.groups,
    templateId: v.templateId, versionId: v.id, version: v.version, publishedAt: v.publishedAt.toISOString(),
  };
}

export function presentListItem(t: TemplateRow, cur: { itemCount: number; publishedAt: Date; source: string | null; usedCount: number }): TChecklistListItem {
  return {
    id: t.id, code: t.code, name: t.name, audience: t.audience, active: t.active, currentVersion: t.currentVersion,
    itemCount: cur.itemCount, source: cur.source, publishedAt: cur.publishedAt.toISOString(), usedCount: cur.usedCount, version: t.version,
  };
}

export function presentDetail(
  t: TemplateRow,
  current: TemplateVersionRow,
  versions: Awaited<ReturnType<typeof versionsOf>>,
  usedCount: number,
  allowedActions: TChecklistDetail['allowedActions'],
): TChecklistDetail {
  return {
    ...presentListItem(t, { itemCount: current.itemCount, publishedAt: current.publishedAt, source: current.content.source ?? null, usedCount }),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    current: presentVersion(current),
    versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
    allowedActions,
  };
}

const INFO_FIELDS = ['name', 'audience', 'source', 'description'] as const;

/** The domain's diff of two versions with the items themselves, for the diff view and the publish dialog. */
export function presentDiff(from: { version: number; content: ChecklistTemplateContent }, to: { version: number; content: ChecklistTemplateContent }): TChecklistDiff {
  const d = templateDiff(from.content, to.content);
  const before = new Map(itemsOf(from.content).map((i) => [i.key, i]));
  const after = new Map(itemsOf(to.content).map((i) => [i.key, i]));
  return {
    fromVersion: from.version,
    toVersion: to.version,
    infoChanged: INFO_FIELDS.filter((f) => (from.content[f] ?? null) !== (to.content[f] ?? null)),
    added: d.added.map((k) => after.get(k)!),
    removed: d.removed.map((k) => before.get(k)!),
    changed: d.changed.map((k) => ({ key: k, before: before.get(k)!, after: after.get(k)! })),
  };
}
