// Reading public reports for the office: the list (one scan with the state counts) and the rows a
// page or a detail presents, with the names they show. The reporter's identity is never selected
// here: it is read only by the audited identity request.
import { type SQL, and, eq, getTableColumns, gte, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TTipItem } from '../../../contract/tips.ts';
import { TIP_CONCLUDE_DAYS, TIP_STATES, type TipState, tipDueDay, tipOverdue } from '../../../domain/tips/tip-workflow.ts';
import { shanghaiDay, shanghaiDayStart } from '../../../domain/common/dates.ts';
import type { DbOrTx } from '../../db/client.ts';
import { files, orgUnits, publicReports as pr, tipRewards } from '../../db/schema/index.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';

const township = alias(orgUnits, 'tip_township');
const village = alias(orgUnits, 'tip_village');
const assigned = alias(orgUnits, 'tip_assigned');

/** Every column but the identity's (and the code's hash). */
const { reporterName: _n, reporterPhone: _p, codeHash: _c, ...reportColumns } = getTableColumns(pr);

export const joinedReports = (db: DbOrTx) => db.select({
  r: reportColumns, townshipName: township.name, villageName: village.name, assignedName: assigned.name, rewardStatus: tipRewards.status,
  fileCount: sql<number>`(select count(*)::int from ${files} where ${files.ownerType} = 'public_report' and ${files.ownerId} = ${pr.id})`,
  hasIdentity: sql<boolean>`(${pr.reporterName} is not null or ${pr.reporterPhone} is not null or ${tipRewards.claimPhone} is not null)`,
}).from(pr)
  .innerJoin(township, eq(township.id, pr.townshipId))
  .leftJoin(village, eq(village.id, pr.villageId))
  .leftJoin(assigned, eq(assigned.id, pr.assignedUnitId))
  .leftJoin(tipRewards, eq(tipRewards.reportId, pr.id));
export type JoinedReport = Awaited<ReturnType<ReturnType<typeof joinedReports>['execute']>>[number];
export type ReportRow = JoinedReport['r'];

export const findReport = (db: DbOrTx, where: SQL) => joinedReports(db).where(where).limit(1).then((r) => r[0] ?? null);

export function presentTipItem(j: JoinedReport, today: string): TTipItem {
  const r = j.r;
  const submittedDay = shanghaiDay(r.submittedAt);
  return {
    id: r.id, number: r.number, status: r.status, township: { id: r.townshipId, name: j.townshipName },
    village: r.villageId && j.villageName ? { id: r.villageId, name: j.villageName } : null,
    summary: r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description, place: r.place, anonymous: r.anonymous,
    assignedUnit: r.assignedUnitId && j.assignedName ? { id: r.assignedUnitId, name: j.assignedName } : null,
    submittedAt: r.submittedAt.toISOString(), dueDay: tipDueDay(submittedDay), overdue: tipOverdue({ status: r.status, submittedDay }, today),
    fileCount: j.fileCount, rewardStatus: j.rewardStatus ?? null,
  };
}

export interface TipFilter {
  scope: SQL;
  today: string;
  status?: TipState | undefined;
  townshipId?: string | undefined;
  villageId?: string | undefined;
  assignedUnitId?: string | undefined;
  anonymous?: boolean | undefined;
  overdue?: boolean | undefined;
  /** What awaits the caller: open reports, or for a department the open ones assigned to it. */
  mineUnitId?: string | null | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

const OPEN = sql`${pr.status} in ('pending', 'investigating')`;

export const tipList = defineListQuery<TipFilter, JoinedReport, TipState>({
  from: sql`from ${pr}`,
  id: pr.id,
  where: (f) => [
    f.scope,
    f.townshipId ? eq(pr.townshipId, f.townshipId) : undefined,
    f.villageId ? eq(pr.villageId, f.villageId) : undefined,
    f.assignedUnitId ? eq(pr.assignedUnitId, f.assignedUnitId) : undefined,
    f.anonymous === undefined ? undefined : eq(pr.anonymous, f.anonymous),
    // overdue: still open and its due day (submitted + 30) is before today
    f.overdue ? and(OPEN, lt(pr.submittedAt, shanghaiDayStart(f.today, -TIP_CONCLUDE_DAYS))) : undefined,
    f.mineUnitId === undefined ? undefined : f.mineUnitId === null ? OPEN : and(OPEN, eq(pr.assignedUnitId, f.mineUnitId)),
    f.from ? gte(pr.submittedAt, shanghaiDayStart(f.from)) : undefined,
    f.to ? lt(pr.submittedAt, shanghaiDayStart(f.to, 1)) : undefined,
    containsText(f.q, pr.description, pr.place, pr.number, pr.enterpriseName),
  ],
  // open ones first, oldest first (they are the office's queue), then the concluded, newest first
  sort: () => [
    { expr: sql`(case when ${OPEN} then 0 else 1 end)`, dir: 'asc' },
    { expr: sql`(case when ${OPEN} then extract(epoch from ${pr.submittedAt}) else -extract(epoch from ${pr.submittedAt}) end)`, dir: 'asc' },
  ],
  tab: { column: pr.status, values: TIP_STATES, where: (f, v) => (f.status ? sql`${v} = ${f.status}` : undefined) },
  rows: (db, ids) => joinedReports(db).where(idIn(pr.id, ids)),
  rowId: (r) => r.r.id,
});

