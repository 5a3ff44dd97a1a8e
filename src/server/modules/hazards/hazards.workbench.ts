// The hazards' part of the 工作台: each open hazard whose workflow awaits the caller (decided by
// the domain's mustAct over facts and relations read in one query), transfers returned to the
// caller's unit, and for the office the overdue and due-this-week hazards by unit, the listed
// hazards, the month's figures, and for a supervision group the units it covers.
import { type SQL, and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { TWorkbenchItem } from '../../../contract/workbench.ts';
import { addDays, monthStartOf, shanghaiDayStart } from '../../../domain/common/dates.ts';
import { HAZARD_STATUS_LABELS, OPEN_HAZARD_STATUSES } from '../../../domain/hazards/hazard-machine.ts';
import { hazardWorkflow } from '../../../domain/hazards/hazard-workflow.ts';
import { mustAct } from '../../../domain/workflow/workflow.ts';
import { dueWords, lightOf } from '../../../domain/workbench/light.ts';
import { type WorkbenchKind, hazardDutyKind, shows } from '../../../domain/workbench/workbench.ts';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { enterprises, hazardTransfers, hazards, orgUnits, supervisionGroupMembers, supervisionGroupUnits } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { hazardScopeSql } from './hazards.scope.ts';
import { hazardRelationsFor } from './hazards.workflow.ts';

/** Open hazards read per request at most: the most urgent first (a unit's own are far fewer). */
const CANDIDATES = 1000;
const OPEN = sql.join(OPEN_HAZARD_STATUSES.map((s) => sql`${s}`), sql`, `);
const short = (t: string) => (t.length > 30 ? `${t.slice(0, 30)}…` : t);

export interface WorkbenchPart {
  items: TWorkbenchItem[];
  totals: Partial<Record<WorkbenchKind, number>>;
  moreHref?: Partial<Record<WorkbenchKind, string>>;
}

const hazardItem = (kind: WorkbenchKind, h: { id: string; number: string; description: string; due: string | null }, subtitle: string, today: string): TWorkbenchItem => ({
  kind, title: `${h.number} ${short(h.description)}`, subtitle, href: `/hazards/${h.id}`, due: h.due,
  dueText: h.due ? dueWords(h.due, today) : null, light: lightOf(h.due, today),
});

/**
 * Which open hazards may await the caller, as a cheap pre-filter; the domain decides which do.
 * An enterprise: its own; a village or department: its unit's and those offered to it; the office:
 * those at a step it owes (verification, a major plan, an extension) or offered to its unit.
 */
function candidatesOf(actor: Actor): SQL {
  const offered = sql`${hazardTransfers.toUnitId} = ${actor.unitId}`;
  switch (actor.role) {
    case 'enterprise':
      return actor.enterpriseId ? eq(hazards.enterpriseId, actor.enterpriseId) : sql`false`;
    case 'village':
    case 'department':
      return sql`(${hazards.responsibleUnitId} = ${actor.unitId} or ${offered})`;
    case 'office':
    case 'admin':
      return sql`(${hazards.status} = 'awaiting_verification' or ${hazards.pendingExtensionId} is not null
        or (${hazards.level} = 'major' and ${hazards.acceptedAt} is null) or ${offered})`;
    default:
      return sql`false`;
  }
}

async function dutyItems(db: DbOrTx, actor: Actor, today: string): Promise<WorkbenchPart> {
  const rows = await db
    .select({
      id: hazards.id, number: hazards.number, description: hazards.description, status: hazards.status, level: hazards.level,
      due: hazards.dueDate, accepted: sql<boolean>`${hazards.acceptedAt} is not null`, pendingExtension: sql<boolean>`${hazards.pendingExtensionId} is not null`,
      transferTo: hazardTransfers.toUnitId, responsibleUnitId: hazards.responsibleUnitId, enterpriseId: hazards.enterpriseId,
      rectifiedBy: hazards.rectifiedBy, enterpriseName: enterprises.name,
      hasPlan: sql<boolean>`exists (select 1 from hazard_plans p where p.hazard_id = ${hazards.id})`,
    })
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .leftJoin(hazardTransfers, eq(hazardTransfers.id, hazards.pendingTransferId))
    .where(and(hazardScopeSql(actor), sql`${hazards.status} in (${OPEN})`, candidatesOf(actor)))
    .orderBy(sql`${hazards.dueDate} asc nulls last`, desc(hazards.foundAt))
    .limit(CANDIDATES);
  const part: WorkbenchPart = { items: [], totals: {} };
  for (const r of rows) {
    const relations = hazardRelationsFor(actor, r);
    const facts = {
      status: r.status, level: r.level, hasPlan: r.hasPlan, accepted: r.accepted, pendingExtension: r.pendingExtension,
      pendingTransfer: r.transferTo !== null, discoveryReportedToDepartment: false, discoveryReportedToGovernment: false,
    };
    const kind = hazardDutyKind(mustAct(hazardWorkflow, facts, relations));
    if (!kind) continue;
    part.totals[kind] = (part.totals[kind] ?? 0) + 1;
    part.items.push(hazardItem(kind, r, `${r.enterpriseName} · ${HAZARD_STATUS_LABELS[r.status]}${r.level === 'major' ? ' · 重大' : ''}`, today));
  }
  return part;
}

/** Transfers this unit asked for that were returned in the last fortnight (the hazard is still its own). */
async function returnedTransfers(db: DbOrTx, actor: Actor, today: string, now: Date): Promise<WorkbenchPart> {
  if (actor.role !== 'village' && actor.role !== 'department') return { items: [], totals: {} };
  const rows = await db
    .select({ id: hazards.id, number: hazards.number, description: hazards.description, due: hazards.dueDate, reason: hazardTransfers.decisionReason, toName: orgUnits.name })
    .from(hazardTransfers)
    .innerJoin(hazards, eq(hazards.id, hazardTransfers.hazardId))
    .innerJoin(orgUnits, eq(orgUnits.id, hazardTransfers.toUnitId))
    .where(and(eq(hazardTransfers.fromUnitId, actor.unitId), eq(hazardTransfers.status, 'returned'), isNotNull(hazardTransfers.decidedAt),
      gte(hazardTransfers.decidedAt, new Date(now.getTime() - 14 * 86_400_000)), sql`${hazards.status} in (${OPEN})`,
      eq(hazards.responsibleUnitId, actor.unitId)))
    .orderBy(desc(hazardTransfers.decidedAt))
    .limit(20);
  return {
    items: rows.map((r) => hazardItem('hazard_transfer_returned', r, `${r.toName}退回${r.reason ? `：${r.reason}` : ''}`, today)),
    totals: rows.length ? { hazard_transfer_returned: rows.length } : {},
  };
}

/** Per responsible unit in scope: open, overdue and due within a week. */
async function byUnit(db: DbOrTx, actor: Actor, today: string) {
  return sqlRows<{ unit_id: string; unit_name: string; open: number; overdue: number; due_week: number; next_due: string | null }>(db, sql`
    select ${hazards.responsibleUnitId} as unit_id, r.name as unit_name, count(*)::int as open,
           count(*) filter (where ${hazards.dueDate} < ${today})::int as overdue,
           count(*) filter (where ${hazards.dueDate} between ${today} and ${addDays(today, 6)})::int as due_week,
           min(${hazards.dueDate}) filter (where ${hazards.dueDate} >= ${today})::text as next_due
      from ${hazards} join org_units r on r.id = ${hazards.responsibleUnitId}
     where ${hazardScopeSql(actor)} and ${hazards.status} in (${OPEN})
     group by ${hazards.responsibleUnitId}, r.name`);
}

async function officeOverview(db: DbOrTx, actor: Actor, today: string): Promise<WorkbenchPart> {
  const units = await byUnit(db, actor, today);
  const overdue = units.filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  const week = units.filter((u) => u.due_week > 0).sort((a, b) => (a.next_due ?? '').localeCompare(b.next_due ?? ''));
  const list = (unitId: string, extra: string) => `/hazards?responsibleUnitId=${unitId}${extra}`;
  return {
    items: [
      ...overdue.map((u): TWorkbenchItem => ({
        kind: 'overdue_by_unit', title: `${u.unit_name}：逾期 ${u.overdue} 条`, subtitle: `在改 ${u.open} 条`, href: list(u.unit_id, '&overdue=true'),
        due: null, dueText: null, light: 'red',
      })),
      ...week.map((u): TWorkbenchItem => ({
        kind: 'due_this_week_by_unit', title: `${u.unit_name}：本周到期 ${u.due_week} 条`, subtitle: `在改 ${u.open} 条`, href: list(u.unit_id, '&open=true'),
        due: u.next_due, dueText: u.next_due ? `最近 ${dueWords(u.next_due, today)}` : null, light: u.next_due ? lightOf(u.next_due, today) : 'yellow',
      })),
    ],
    totals: { overdue_by_unit: overdue.length, due_this_week_by_unit: week.length },
  };
}

/** 挂牌督办 hazards still open, the nearest deadline first. */
async function listedHazards(db: DbOrTx, actor: Actor, today: string): Promise<WorkbenchPart> {
  const where = and(hazardScopeSql(actor), sql`${hazards.status} in (${OPEN})`, isNotNull(hazards.listingLevel));
  const [rows, [n]] = await Promise.all([
    db.select({ id: hazards.id, number: hazards.number, description: hazards.description, due: hazards.dueDate, status: hazards.status, enterpriseName: enterprises.name })
      .from(hazards).innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId)).where(where)
      .orderBy(sql`${hazards.dueDate} asc nulls last`).limit(20),
    db.select({ n: sql<number>`count(*)::int` }).from(hazards).where(where),
  ]);
  return {
    items: rows.map((r) => hazardItem('listed_hazard', r, `${r.enterpriseName} · ${HAZARD_STATUS_LABELS[r.status]}`, today)),
    totals: { listed_hazard: n?.n ?? 0 },
    moreHref: { listed_hazard: '/hazards?listed=true&open=true' },
  };
}

/** A supervision group: every unit its groups are assigned, with the open and overdue hazards it is responsible for. */
async function coveredUnits(db: DbOrTx, actor: Actor, today: string): Promise<WorkbenchPart> {
  const [assigned, counts] = await Promise.all([
    db.selectDistinct({ id: orgUnits.id, name: orgUnits.name }).from(supervisionGroupUnits)
      .innerJoin(supervisionGroupMembers, and(eq(supervisionGroupMembers.groupId, supervisionGroupUnits.groupId), eq(supervisionGroupMembers.userId, actor.userId)))
      .innerJoin(orgUnits, eq(orgUnits.id, supervisionGroupUnits.unitId)),
    byUnit(db, actor, today),
  ]);
  const countOf = new Map(counts.map((c) => [c.unit_id, c]));
  const units = assigned.map((u) => ({ ...u, open: 0, overdue: 0, due_week: 0, next_due: null as string | null, ...countOf.get(u.id) }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    items: units.map((u): TWorkbenchItem => ({
      kind: 'covered_unit', title: u.name, subtitle: `在改 ${u.open} 条 · 逾期 ${u.overdue} 条 · 本周到期 ${u.due_week} 条`,
      href: `/hazards?responsibleUnitId=${u.id}&open=true`, due: u.next_due, dueText: u.overdue ? `逾期 ${u.overdue} 条` : null,
      light: u.overdue > 0 ? 'red' : u.due_week > 0 ? 'yellow' : 'green',
    })),
    totals: { covered_unit: units.length },
  };
}

export async function hazardWorkbench(db: DbOrTx, actor: Actor, today: string, now: Date): Promise<WorkbenchPart[]> {
  return Promise.all([
    dutyItems(db, actor, today),
    returnedTransfers(db, actor, today, now),
    shows.overviewByUnit(actor.role) ? officeOverview(db, actor, today) : { items: [], totals: {} },
    shows.listed(actor.role) ? listedHazards(db, actor, today) : { items: [], totals: {} },
    shows.coveredUnits(actor.role) ? coveredUnits(db, actor, today) : { items: [], totals: {} },
  ]);
}

export interface MonthFigures { found: number; closed: number; closeRate: number | null; overdue: number; major: number; listed: number }

/**
 * The key figures of the 工作台, as the 看板 counts them (of the hazards found in the month: how
 * many, closed, overdue now, major, listed), this month and last, and what is open and overdue
 * now; one scan of the scope.
 */
export async function hazardFigures(db: DbOrTx, actor: Actor, today: string) {
  const m0 = monthStartOf(today, -1);
  const m1 = monthStartOf(today);
  const m2 = monthStartOf(today, 1);
  const month = (from: string, to: string, name: string) => {
    const inMonth = sql`${hazards.foundAt} >= ${shanghaiDayStart(from)} and ${hazards.foundAt} < ${shanghaiDayStart(to)}`;
    return sql`
      count(*) filter (where ${inMonth})::int as ${sql.raw(`${name}_found`)},
      count(*) filter (where ${inMonth} and ${hazards.status} = 'closed')::int as ${sql.raw(`${name}_closed`)},
      count(*) filter (where ${inMonth} and ${hazards.status} in (${OPEN}) and ${hazards.dueDate} < ${today})::int as ${sql.raw(`${name}_overdue`)},
      count(*) filter (where ${inMonth} and ${hazards.level} = 'major')::int as ${sql.raw(`${name}_major`)},
      count(*) filter (where ${inMonth} and ${hazards.listingLevel} is not null)::int as ${sql.raw(`${name}_listed`)}`;
  };
  const [r] = await sqlRows<Record<string, number>>(db, sql`
    select ${month(m1, m2, 'this')}, ${month(m0, m1, 'last')},
           count(*) filter (where ${hazards.status} in (${OPEN}))::int as open_now,
           count(*) filter (where ${hazards.status} in (${OPEN}) and ${hazards.dueDate} < ${today})::int as overdue_now
      from ${hazards}
     where ${hazardScopeSql(actor)} and ${hazards.status} <> 'voided'`);
  const of = (name: string): MonthFigures => {
    const found = Number(r?.[`${name}_found`] ?? 0);
    const closed = Number(r?.[`${name}_closed`] ?? 0);
    return {
      found, closed, closeRate: found ? closed / found : null, overdue: Number(r?.[`${name}_overdue`] ?? 0),
      major: Number(r?.[`${name}_major`] ?? 0), listed: Number(r?.[`${name}_listed`] ?? 0),
    };
  };
  return { thisMonth: of('this'), lastMonth: of('last'), open: Number(r?.open_now ?? 0), overdueNow: Number(r?.overdue_now ?? 0) };
}
