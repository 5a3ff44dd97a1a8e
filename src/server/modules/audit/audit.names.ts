// What the records an audit entry mentions by id are called now: a hazard or case by its number,
// an enterprise or unit by its name, an account by its name and unit. Declared once per kind
// of record, read two ways: the names of a page's ids in ONE query (never one per row), and the
// ids whose name or number contains a search text (a subquery of the list's search).
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  accountabilityRecords as acc, checklistTemplateVersions as versions, checklistTemplates as templates, enforcementCases as cases,
  enterprises, files, hazardCriteria as criteria, hazards, inspectionPlanEntries as planEntries, inspectionPlans as plans, inspections,
  orgUnits, safetyActivities as drills, sectors, supervisionGroups as groups, technicalInspectors as inspectors, users,
} from '../../db/schema/index.ts';
import { ACTIVITY_KIND_LABELS } from '../../../domain/drills/drill-requirement.ts';
import { containsText } from '../../kernel/list-query.ts';

interface NamedRecords {
  /** FROM … [JOIN …] */
  from: SQL;
  id: SQLWrapper;
  districtId: SQLWrapper;
  /** The name shown for the record. */
  label: SQL;
  /** What a search text is looked for in (none: the record is named, not searched). */
  search: SQLWrapper[];
}

const short = (text: SQLWrapper, n: number) => sql`case when length(${text}) > ${n} then left(${text}, ${n}) || '…' else ${text} end`;

/** A drill's kind in words (the labels go as parameters). */
const drillKind = sql`(case ${drills.kind} ${sql.join(Object.entries(ACTIVITY_KIND_LABELS).map(([k, v]) => sql`when ${k} then ${v}::text`), sql` `)} end)`;

const NAMED: NamedRecords[] = [
  { from: sql`from ${enterprises}`, id: enterprises.id, districtId: enterprises.districtId, label: sql`${enterprises.name}`, search: [enterprises.name, enterprises.uscc] },
  {
    from: sql`from ${hazards}`, id: hazards.id, districtId: hazards.districtId,
    label: sql`${hazards.number} || '（' || ${short(hazards.description, 20)} || '）'`, search: [hazards.number, hazards.description],
  },
  { from: sql`from ${inspections}`, id: inspections.id, districtId: inspections.districtId, label: sql`${inspections.number}`, search: [inspections.number] },
  {
    from: sql`from ${cases}`, id: cases.id, districtId: cases.districtId, label: sql`${cases.number} || ' ' || ${cases.title}`,
    search: [cases.number, cases.title],
  },
  {
    // An account by its name and unit: the username is found by the search, but reads like a code.
    from: sql`from ${users} join ${orgUnits} on ${orgUnits.id} = ${users.unitId}`, id: users.id, districtId: users.districtId,
    label: sql`${users.displayName} || '（' || ${orgUnits.name} || '）'`, search: [users.displayName, users.username],
  },
  { from: sql`from ${orgUnits}`, id: orgUnits.id, districtId: orgUnits.districtId, label: sql`${orgUnits.name}`, search: [orgUnits.name] },
  { from: sql`from ${sectors}`, id: sectors.id, districtId: sectors.districtId, label: sql`${sectors.name}`, search: [sectors.name] },
  { from: sql`from ${plans}`, id: plans.id, districtId: plans.districtId, label: sql`${plans.name}`, search: [plans.name] },
  {
    from: sql`from ${acc}`, id: acc.id, districtId: acc.districtId, label: sql`${acc.targetName} || '（' || ${acc.measure} || '）'`,
    search: [acc.targetName, acc.documentNo],
  },
  { from: sql`from ${templates}`, id: templates.id, districtId: templates.districtId, label: sql`${templates.name}`, search: [templates.name, templates.code] },
  {
    from: sql`from ${versions} join ${templates} on ${templates.id} = ${versions.templateId}`, id: versions.id, districtId: versions.districtId,
    label: sql`${templates.name} || '（第' || ${versions.version} || '版）'`, search: [],
  },
  { from: sql`from ${files}`, id: files.id, districtId: files.districtId, label: sql`${files.originalName}`, search: [files.originalName] },
  { from: sql`from ${criteria}`, id: criteria.id, districtId: criteria.districtId, label: short(criteria.text, 40), search: [criteria.text] },
  { from: sql`from ${groups}`, id: groups.id, districtId: groups.districtId, label: sql`${groups.name}`, search: [groups.name] },
  { from: sql`from ${inspectors}`, id: inspectors.id, districtId: inspectors.districtId, label: sql`${inspectors.name}`, search: [inspectors.name] },
  {
    // an enterprise's drill or a unit's staff training: whose, when, what
    from: sql`from ${drills} left join ${enterprises} on ${enterprises.id} = ${drills.enterpriseId} left join ${orgUnits} on ${orgUnits.id} = ${drills.unitId}`,
    id: drills.id, districtId: drills.districtId, label: sql`coalesce(${enterprises.name}, ${orgUnits.name}) || '（' || ${drills.heldOn}::text || ' ' || ${drillKind} || '）'`, search: [],
  },
  {
    from: sql`from ${planEntries} join ${enterprises} on ${enterprises.id} = ${planEntries.enterpriseId}`, id: planEntries.id,
    districtId: planEntries.districtId, label: sql`${enterprises.name} || '（' || ${planEntries.month} || '月）'`, search: [],
  },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** The names of every record some entries mention by id, in one query: their own and those in their values. */
export function namesMentioned(db: DbOrTx, districtId: string, entries: readonly { entityId: string | null; before: unknown; after: unknown }[]) {
  const mentioned = new Set<string>();
  for (const r of entries) {
    if (r.entityId) mentioned.add(r.entityId);
    uuidsIn(r.before, mentioned);
    uuidsIn(r.after, mentioned);
  }
  return recordNames(db, districtId, mentioned);
}

/** Every uuid in a JSON value (ids of units, enterprises, users… in a record's fields). */
function uuidsIn(value: unknown, out: Set<string>): void {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (isUuid(v)) out.add(v);
    else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
}

/** The names of the district's records among `ids`, by id: one query whatever the number of ids. */
export async function recordNames(db: DbOrTx, districtId: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return new Map();
  // One array parameter (checked uuids only): the same plan for a page of 5 ids or 500.
  const idList = sql`(select unnest(${`{${wanted.join(',')}}`}::uuid[]))`;
  const parts = NAMED.map(
    (n) => sql`select ${n.id}::text as id, (${n.label})::text as label ${n.from} where ${n.districtId} = ${districtId} and ${n.id} in ${idList}`,
  );
  const result = await db.execute(sql.join(parts, sql` union all `));
  const rows = (result as unknown as { rows: { id: string; label: string | null }[] }).rows;
  return new Map(rows.filter((r) => r.label !== null).map((r) => [r.id, r.label!]));
}

/** A subquery of the district's record ids whose name or number contains `q`. */
export function idsNamedLike(districtId: string, q: string): SQL {
  const parts = NAMED.filter((n) => n.search.length > 0).map(
    (n) => sql`select ${n.id} as id ${n.from} where ${n.districtId} = ${districtId} and ${containsText(q, ...n.search)}`,
  );
  return sql`(${sql.join(parts, sql` union all `)})`;
}
