// Findings as the lists and details present them: the unit, group and visit named, the checklist
// item's words, overdue derived from the due day and today. One query per page, whatever its size.
import { type SQL, asc, eq, sql } from 'drizzle-orm';
import type { TFindingItem } from '../../../contract/supervision.ts';
import type { ChecklistTemplateContent } from '../../../domain/checklists/checklist.ts';
import { FINDING_STATES, type FindingState, findingOverdue } from '../../../domain/supervision/finding-workflow.ts';
import type { DbOrTx } from '../../db/client.ts';
import { checklistTemplateVersions, orgUnits, supervisionFindings, supervisionGroups, supervisionVisits } from '../../db/schema/index.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';

export type FindingRow = typeof supervisionFindings.$inferSelect;

const joined = (db: DbOrTx) => db.select({
  f: supervisionFindings, unitName: orgUnits.name, groupName: supervisionGroups.name, visitedOn: supervisionVisits.visitedOn, content: checklistTemplateVersions.content,
}).from(supervisionFindings)
  .innerJoin(orgUnits, eq(orgUnits.id, supervisionFindings.unitId))
  .innerJoin(supervisionGroups, eq(supervisionGroups.id, supervisionFindings.groupId))
  .innerJoin(supervisionVisits, eq(supervisionVisits.id, supervisionFindings.visitId))
  .leftJoin(checklistTemplateVersions, eq(checklistTemplateVersions.id, supervisionVisits.templateVersionId));
type JoinedRow = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

function itemText(content: unknown, key: string | null): string | null {
  if (!key || !content) return null;
  for (const g of (content as ChecklistTemplateContent).groups) for (const i of g.items) if (i.key === key) return i.content;
  return null;
}

export function presentFinding(r: JoinedRow, today: string): TFindingItem {
  const f = r.f;
  return {
    id: f.id, description: f.description, itemKey: f.itemKey, itemText: itemText(r.content, f.itemKey), dueDate: f.dueDate, status: f.status,
    overdue: findingOverdue(f, today), unit: { id: f.unitId, name: r.unitName }, group: { id: f.groupId, name: r.groupName }, visitId: f.visitId,
    visitedOn: r.visitedOn, answeredAt: f.answeredAt?.toISOString() ?? null, closedAt: f.closedAt?.toISOString() ?? null, version: f.version,
  };
}

export async function findingItems(db: DbOrTx, where: SQL, today: string): Promise<TFindingItem[]> {
  const rows = await joined(db).where(where).orderBy(asc(supervisionFindings.createdAt), asc(supervisionFindings.id)).limit(200);
  return rows.map((r) => presentFinding(r, today));
}

export const findFinding = (db: DbOrTx, where: SQL) => joined(db).where(where).limit(1).then((r) => r[0] ?? null);

export interface FindingFilter {
  scope: SQL;
  today: string;
  status?: FindingState;
  groupId?: string;
  unitId?: string;
  overdue?: boolean;
  owed?: boolean;
  q?: string;
}

const OWED = sql`${supervisionFindings.status} in ('open', 'returned')`;

/** The 问题清单: page, total and the state tabs in one scan. */
export const findingList = defineListQuery<FindingFilter, JoinedRow, FindingState>({
  from: sql`from ${supervisionFindings}`,
  id: supervisionFindings.id,
  where: (f) => [
    f.scope, f.groupId ? eq(supervisionFindings.groupId, f.groupId) : undefined, f.unitId ? eq(supervisionFindings.unitId, f.unitId) : undefined,
    f.overdue ? sql`${OWED} and ${supervisionFindings.dueDate} < ${f.today}` : undefined, f.owed ? OWED : undefined,
    containsText(f.q, supervisionFindings.description),
  ],
  // what the unit owes first (by due day), then what awaits the group, then the settled
  sort: () => [
    { expr: sql`(case when ${OWED} then 0 when ${supervisionFindings.status} = 'answered' then 1 else 2 end)`, dir: 'asc' },
    { expr: supervisionFindings.dueDate, dir: 'asc' }, { expr: supervisionFindings.createdAt, dir: 'asc' },
  ],
  tab: { column: supervisionFindings.status, values: FINDING_STATES, where: (f, v) => (f.status ? sql`${v} = ${f.status}` : undefined) },
  rows: (db, ids) => joined(db).where(idIn(supervisionFindings.id, ids)),
  rowId: (r) => r.f.id,
});

