// 督导检查 of a department or village: a member of a group (or the office over it) records a visit
// to a unit the group is assigned, with 看查问, the unit checklist (seed 003 附件1 by default) rated
// item by item, and the findings sent to the unit as a 问题清单 with due dates. An enterprise-level
// problem seen on the visit becomes a hazard through the hazards' own use case, linked to the visit.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { THazardCreate, THazardDetail } from '../../../contract/hazards.ts';
import type { TNewFinding, TVisitCreate, TVisitDetail, TVisitItem } from '../../../contract/supervision.ts';
import type { ChecklistTemplateContent } from '../../../domain/checklists/checklist.ts';
import { can } from '../../../domain/access/permissions.ts';
import { addDays, shanghaiDay } from '../../../domain/common/dates.ts';
import { findingDueRefusal, visitDateRefusal } from '../../../domain/supervision/finding-workflow.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import {
  checklistTemplateVersions, checklistTemplates, enterprises, hazards, orgUnits, supervisionFindings, supervisionGroupMembers, supervisionGroupUnits,
  supervisionGroups, supervisionVisits, users,
} from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { defineListQuery, idIn } from '../../kernel/list-query.ts';
import { eventWriter } from '../../kernel/record-events.ts';
import { recordAudit } from '../audit/index.ts';
import { attachFiles, listFilesOf, presentFile } from '../files/index.ts';
import { createHazardInTx, getHazard, hazardScopeSql } from '../hazards/index.ts';
import { notify } from '../notifications/index.ts';
import { findingItems } from './findings.repository.ts';
import { actingGroupIds, actsForGroup, recordScopeSql } from './supervision.scope.ts';

export const VISIT_FILE_OWNER = 'supervision_visit';
/** A finding's default time to answer. */
const DEFAULT_DUE_DAYS = 14;
type VisitRow = typeof supervisionVisits.$inferSelect;
type Answer = { itemKey: string; result: 'done' | 'not_done' | 'not_applicable'; note: string };

const visitScope = (actor: Actor) => recordScopeSql(actor, { districtId: supervisionVisits.districtId, groupId: supervisionVisits.groupId, unitId: supervisionVisits.unitId });

/** The unit checklists (audience 科室、村居) of the district, at their current versions. */
async function unitChecklists(db: DbOrTx, districtId: string, templateId?: string) {
  return db.select({ id: checklistTemplates.id, versionId: checklistTemplateVersions.id, code: checklistTemplates.code, name: checklistTemplates.name, content: checklistTemplateVersions.content })
    .from(checklistTemplates)
    .innerJoin(checklistTemplateVersions, and(eq(checklistTemplateVersions.templateId, checklistTemplates.id), eq(checklistTemplateVersions.version, checklistTemplates.currentVersion)))
    .where(and(eq(checklistTemplates.districtId, districtId), eq(checklistTemplates.audience, 'department_village'), eq(checklistTemplates.active, true),
      templateId ? eq(checklistTemplates.id, templateId) : undefined))
    .orderBy(asc(checklistTemplates.name)).limit(50);
}

const contentOf = (c: unknown) => c as ChecklistTemplateContent;

export async function visitForm(ctx: AppContext, actor: Actor) {
  const groupIds = await actingGroupIds(ctx.db, actor);
  const [groups, units, members, templates] = await Promise.all([
    groupIds.length ? ctx.db.select({ id: supervisionGroups.id, name: supervisionGroups.name }).from(supervisionGroups).where(inArray(supervisionGroups.id, groupIds)).orderBy(asc(supervisionGroups.createdAt)) : [],
    groupIds.length ? ctx.db.select({ groupId: supervisionGroupUnits.groupId, id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(supervisionGroupUnits)
      .innerJoin(orgUnits, eq(orgUnits.id, supervisionGroupUnits.unitId)).where(inArray(supervisionGroupUnits.groupId, groupIds)).orderBy(asc(orgUnits.kind), asc(orgUnits.name)) : [],
    groupIds.length ? ctx.db.select({ groupId: supervisionGroupMembers.groupId, id: users.id, name: users.displayName }).from(supervisionGroupMembers)
      .innerJoin(users, eq(users.id, supervisionGroupMembers.userId)).where(inArray(supervisionGroupMembers.groupId, groupIds)) : [],
    unitChecklists(ctx.db, actor.districtId),
  ]);
  return {
    groups: groups.map((g) => ({
      ...g, units: units.filter((u) => u.groupId === g.id).map(({ id, name, kind }) => ({ id, name, kind })),
      members: members.filter((m) => m.groupId === g.id).map(({ id, name }) => ({ id, name })),
    })),
    templates: templates.map((t) => {
      const c = contentOf(t.content);
      return { id: t.id, name: t.name, source: c.source, groups: c.groups.map((g) => ({ title: g.title, items: g.items.map((i) => ({ key: i.key, content: i.content })) })) };
    }),
    defaultDueDate: addDays(shanghaiDay(ctx.clock.now()), DEFAULT_DUE_DAYS),
  };
}

/** Each finding's due day against the visit's, and its item against the visit's checklist (none without one). */
function checkFindings(findings: readonly TNewFinding[], visitedOn: string, itemKeys: ReadonlySet<string> | null, field = 'findings') {
  findings.forEach((f, i) => {
    const due = findingDueRefusal(f.dueDate, visitedOn);
    if (due) throw invalid({ [`${field}.${i}.dueDate`]: [due] }, due);
    if (f.itemKey !== null && !itemKeys?.has(f.itemKey)) throw invalid({ [`${field}.${i}.itemKey`]: ['问题对应的检查项有误'] }, '问题对应的检查项有误');
  });
}

const itemKeysOf = (content: unknown) => new Set(contentOf(content).groups.flatMap((g) => g.items.map((i) => i.key)));

async function insertFindings(tx: Tx, actor: Actor, v: VisitRow, findings: readonly TNewFinding[], now: Date) {
  if (findings.length === 0) return;
  const rows = await tx.insert(supervisionFindings).values(findings.map((f) => ({
    districtId: v.districtId, townshipId: v.townshipId, groupId: v.groupId, visitId: v.id, unitId: v.unitId, itemKey: f.itemKey,
    description: f.description, dueDate: f.dueDate, createdBy: actor.userId, createdAt: now, updatedAt: now,
  }))).returning();
  for (const r of rows) {
    await eventWriter(tx, { entityType: 'supervision_finding', entityId: r.id, districtId: r.districtId, actor, at: now })({ action: 'create', from: null, to: 'open', note: r.description.slice(0, 200) });
    await recordAudit(tx, { at: now, districtId: r.districtId, actor, action: 'supervision_finding.create', entityType: 'supervision_finding', entityId: r.id, after: r });
  }
  await notify(tx, rows.map((r) => ({
    districtId: r.districtId, kind: 'finding.created' as const, title: r.description.slice(0, 60), body: `${actor.unitName} 督导检查发现的问题，请于 ${r.dueDate} 前整改并报送`,
    href: `/supervision/findings/${r.id}`, entity: { type: 'supervision_finding', id: r.id }, audience: { unitIds: [r.unitId] }, actorId: actor.userId,
  })));
}

export async function createVisit(ctx: AppContext, actor: Actor, input: TVisitCreate): Promise<TVisitDetail> {
  const today = shanghaiDay(ctx.clock.now());
  const dateProblem = visitDateRefusal(input.visitedOn, today);
  if (dateProblem) throw invalid({ visitedOn: [dateProblem] });
  const now = ctx.clock.now();
  // Group, assignment, members and checklist are read in the transaction that writes the visit.
  const id = await ctx.db.transaction(async (tx) => {
    // A unit the actor's groups are not assigned answers as if it did not exist.
    if (!(await actsForGroup(tx, actor, input.groupId))) throw notFound('督导工作组');
    const [assigned] = await tx.select({ g: supervisionGroupUnits.groupId }).from(supervisionGroupUnits)
      .where(and(eq(supervisionGroupUnits.groupId, input.groupId), eq(supervisionGroupUnits.unitId, input.unitId))).limit(1);
    if (!assigned) throw notFound('督导单位');
    const memberIds = new Set((await tx.select({ id: supervisionGroupMembers.userId }).from(supervisionGroupMembers).where(eq(supervisionGroupMembers.groupId, input.groupId))).map((m) => m.id));
    if (input.memberUserIds.some((m) => !memberIds.has(m))) throw invalid({ memberUserIds: ['参加人员须为本工作组成员'] });
    let template: Awaited<ReturnType<typeof unitChecklists>>[number] | null = null;
    if (input.templateId) {
      template = (await unitChecklists(tx, actor.districtId, input.templateId))[0] ?? null;
      if (!template) throw invalid({ templateId: ['检查表不存在或不适用于科室、村居'] });
      const keys = itemKeysOf(template.content);
      if (input.answers.some((a) => !keys.has(a.itemKey))) throw invalid({ answers: ['检查项与检查表不符，请刷新后重试'] });
    } else if (input.answers.length) throw invalid({ templateId: ['请选择检查表'] });
    checkFindings(input.findings, input.visitedOn, template ? itemKeysOf(template.content) : null);
    const [group] = await tx.select().from(supervisionGroups).where(eq(supervisionGroups.id, input.groupId)).limit(1);
    const [v] = await tx.insert(supervisionVisits).values({
      districtId: actor.districtId, townshipId: group!.townshipId, groupId: input.groupId, campaignId: group!.campaignId, unitId: input.unitId, visitedOn: input.visitedOn,
      memberUserIds: [...new Set(input.memberUserIds)], methods: [...new Set(input.methods)], templateVersionId: template?.versionId ?? null, templateCode: template?.code ?? null,
      answers: input.answers satisfies Answer[], summary: input.summary, createdBy: actor.userId, createdAt: now, updatedAt: now,
    }).returning();
    await attachFiles(tx, actor, { ids: input.fileIds, ownerType: VISIT_FILE_OWNER, ownerId: v!.id, purpose: 'evidence' });
    await recordAudit(tx, { at: now, districtId: v!.districtId, actor, action: 'supervision_visit.create', entityType: 'supervision_visit', entityId: v!.id, after: { ...v, fileIds: input.fileIds } });
    await insertFindings(tx, actor, v!, input.findings, now);
    return v!.id;
  });
  return getVisit(ctx, actor, id);
}

async function loadVisit(db: DbOrTx, actor: Actor, id: string): Promise<VisitRow> {
  const [v] = await db.select().from(supervisionVisits).where(and(eq(supervisionVisits.id, id), visitScope(actor))).limit(1);
  if (!v) throw notFound('督导检查记录');
  return v;
}

export async function addFinding(ctx: AppContext, actor: Actor, id: string, input: TNewFinding): Promise<TVisitDetail> {
  const v = await loadVisit(ctx.db, actor, id);
  if (!(await actsForGroup(ctx.db, actor, v.groupId))) throw forbidden('只有本工作组成员可以补充问题');
  const [tpl] = v.templateVersionId ? await ctx.db.select({ content: checklistTemplateVersions.content }).from(checklistTemplateVersions).where(eq(checklistTemplateVersions.id, v.templateVersionId)) : [];
  checkFindings([input], v.visitedOn, tpl ? itemKeysOf(tpl.content) : null, 'finding');
  await ctx.db.transaction((tx) => insertFindings(tx, actor, v, [input], ctx.clock.now()));
  return getVisit(ctx, actor, id);
}

/** An enterprise's hazard seen on the visit: the hazards' own quick report, with the visit linked. */
export async function recordVisitHazard(ctx: AppContext, actor: Actor, id: string, input: THazardCreate): Promise<THazardDetail> {
  const v = await loadVisit(ctx.db, actor, id);
  if (!(await actsForGroup(ctx.db, actor, v.groupId))) throw forbidden('只有本工作组成员可以登记督导中发现的隐患');
  // The enterprise must be one the visited unit supervises: in the village, or in the department's sectors and region.
  const [ent] = await ctx.db.select({ id: enterprises.id }).from(enterprises).innerJoin(orgUnits, eq(orgUnits.id, v.unitId))
    .where(and(eq(enterprises.id, input.enterpriseId), eq(enterprises.districtId, v.districtId), sql`(
      (${orgUnits.kind} = 'village' and ${enterprises.villageId} = ${orgUnits.id})
      or (${orgUnits.kind} = 'department' and ${enterprises.sectorIds} && ${orgUnits.sectorIds}
          and (${enterprises.townshipId} = ${orgUnits.parentId} or ${enterprises.districtId} = ${orgUnits.parentId})))`)).limit(1);
  if (!ent) throw invalid({ enterpriseId: ['只能登记被督导单位所管辖的生产经营单位的隐患'] });
  const [unit] = await ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, v.unitId));
  const hazardId = await ctx.db.transaction((tx) =>
    createHazardInTx(tx, ctx, actor, { ...input, source: 'supervision' }, undefined, { supervisionVisitId: v.id, note: `${v.visitedOn} 督导检查${unit?.name ?? ''}时发现` }));
  return getHazard(ctx, actor, hazardId);
}

export async function getVisit(ctx: AppContext, actor: Actor, id: string): Promise<TVisitDetail> {
  const v = await loadVisit(ctx.db, actor, id);
  const today = shanghaiDay(ctx.clock.now());
  const [[item], tpl, members, files, findingList, linked, acting] = await Promise.all([
    presentVisits(ctx.db, [v]),
    v.templateVersionId ? ctx.db.select({ content: checklistTemplateVersions.content }).from(checklistTemplateVersions).where(eq(checklistTemplateVersions.id, v.templateVersionId)).limit(1) : [],
    v.memberUserIds.length ? ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, v.memberUserIds)) : [],
    listFilesOf(ctx.db, VISIT_FILE_OWNER, [v.id]),
    findingItems(ctx.db, eq(supervisionFindings.visitId, v.id), today),
    // only the hazards the reader may open
    ctx.db.select({ id: hazards.id, number: hazards.number, description: hazards.description, status: hazards.status, enterpriseName: enterprises.name }).from(hazards)
      .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
      .where(and(eq(hazards.districtId, v.districtId), eq(hazards.supervisionVisitId, v.id), hazardScopeSql(actor))).orderBy(asc(hazards.foundAt)).limit(100),
    actsForGroup(ctx.db, actor, v.groupId),
  ]);
  const answers = new Map((v.answers as Answer[]).map((a) => [a.itemKey, a]));
  const content = tpl[0] ? contentOf(tpl[0].content) : null;
  return {
    ...item!,
    members,
    summary: v.summary,
    checklist: (content?.groups ?? []).map((g) => ({
      title: g.title,
      items: g.items.map((i) => ({ key: i.key, content: i.content, result: answers.get(i.key)?.result ?? null, note: answers.get(i.key)?.note ?? '' })),
    })),
    files: (files.get(v.id) ?? []).map(presentFile),
    findingList,
    hazards: linked,
    createdAt: v.createdAt.toISOString(),
    allowedActions: [
      ...(acting && can(actor.role, 'visit:supervision') ? ['add_finding' as const] : []),
      ...(acting && can(actor.role, 'create:hazard') ? ['record_hazard' as const] : []),
    ],
  };
}

/** Names, template names and finding counts of these visits: one query each. */
async function presentVisits(db: DbOrTx, rows: readonly VisitRow[]): Promise<TVisitItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [groups, units, creators, tpls, counts] = await Promise.all([
    db.select({ id: supervisionGroups.id, name: supervisionGroups.name }).from(supervisionGroups).where(inArray(supervisionGroups.id, [...new Set(rows.map((r) => r.groupId))])),
    db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits).where(inArray(orgUnits.id, [...new Set(rows.map((r) => r.unitId))])),
    db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(rows.map((r) => r.createdBy))])),
    db.select({ code: checklistTemplates.code, name: checklistTemplates.name }).from(checklistTemplates)
      .where(and(eq(checklistTemplates.districtId, rows[0]!.districtId), inArray(checklistTemplates.code, [...new Set(rows.map((r) => r.templateCode ?? ''))]))),
    db.select({ visitId: supervisionFindings.visitId, n: sql<number>`count(*)::int`, open: sql<number>`count(*) filter (where ${supervisionFindings.status} <> 'closed')::int` })
      .from(supervisionFindings).where(inArray(supervisionFindings.visitId, ids)).groupBy(supervisionFindings.visitId),
  ]);
  const m = <T extends { id: string }>(l: T[]) => new Map(l.map((x) => [x.id, x]));
  const [g, u, c] = [m(groups), m(units), m(creators)];
  const t = new Map(tpls.map((x) => [x.code, x.name]));
  const n = new Map(counts.map((x) => [x.visitId, x]));
  return rows.map((r) => ({
    id: r.id, group: g.get(r.groupId) ?? { id: r.groupId, name: '' }, unit: u.get(r.unitId) ?? { id: r.unitId, name: '', kind: '' }, visitedOn: r.visitedOn,
    methods: r.methods as TVisitItem['methods'], templateName: r.templateCode ? t.get(r.templateCode) ?? null : null,
    notDone: (r.answers as Answer[]).filter((a) => a.result === 'not_done').length, findings: n.get(r.id)?.n ?? 0, findingsOpen: n.get(r.id)?.open ?? 0,
    createdByName: c.get(r.createdBy)?.name ?? '',
  }));
}

const visitList = defineListQuery<{ scope: ReturnType<typeof visitScope>; groupId?: string; unitId?: string; from?: string; to?: string }, VisitRow>({
  from: sql`from ${supervisionVisits}`,
  id: supervisionVisits.id,
  where: (f) => [
    f.scope, f.groupId ? eq(supervisionVisits.groupId, f.groupId) : undefined, f.unitId ? eq(supervisionVisits.unitId, f.unitId) : undefined,
    f.from ? sql`${supervisionVisits.visitedOn} >= ${f.from}` : undefined, f.to ? sql`${supervisionVisits.visitedOn} <= ${f.to}` : undefined,
  ],
  sort: () => [{ expr: supervisionVisits.visitedOn, dir: 'desc' }, { expr: supervisionVisits.createdAt, dir: 'desc' }],
  rows: (db, ids) => db.select().from(supervisionVisits).where(idIn(supervisionVisits.id, ids)).orderBy(desc(supervisionVisits.visitedOn)),
  rowId: (r) => r.id,
});

export async function listVisits(ctx: AppContext, actor: Actor, q: { page: number; pageSize: number; groupId?: string; unitId?: string; from?: string; to?: string }) {
  const { rows, total } = await visitList.page(ctx.db, { ...q, scope: visitScope(actor) }, q);
  return { items: await presentVisits(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function visitVisibleTo(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  const [v] = await ctx.db.select({ id: supervisionVisits.id }).from(supervisionVisits).where(and(eq(supervisionVisits.id, id), visitScope(actor))).limit(1);
  return v !== undefined;
}
