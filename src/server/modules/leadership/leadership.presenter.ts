import type { TActivityDetail, TActivityItem } from '../../../contract/leadership.ts';
import type { ActivityLeader } from '../../../domain/supervision/leadership.ts';
import type { ActivityListRow } from './leadership.repository.ts';

export const leadersOf = (row: { leaders: unknown }) => (Array.isArray(row.leaders) ? (row.leaders as ActivityLeader[]) : []);

export function presentActivityItem(row: ActivityListRow): TActivityItem {
  const a = row.a;
  return {
    id: a.id, kind: a.kind, level: a.level, heldOn: a.heldOn, topic: a.topic, place: a.place,
    enterprise: a.enterpriseId ? { id: a.enterpriseId, name: row.enterpriseName ?? '' } : null,
    leaders: leadersOf(a).map((l) => ({ userId: l.userId, name: l.name, post: l.post })),
    campaign: a.campaignId ? { id: a.campaignId, name: row.campaignName ?? '' } : null,
    unitId: a.unitId, unitName: row.unitName ?? '', hazardCount: a.hazardIds.length, taskCount: a.taskIds.length, fileCount: Number(row.fileCount),
    voided: a.voidedAt !== null, version: a.version,
  };
}

export function presentActivityDetail(row: ActivityListRow, more: Pick<TActivityDetail, 'hazards' | 'tasks' | 'files' | 'createdByName' | 'allowedActions'>): TActivityDetail {
  const a = row.a;
  return {
    ...presentActivityItem(row), ...more, summary: a.summary, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
    voidedAt: a.voidedAt?.toISOString() ?? null, voidReason: a.voidReason,
  };
}

/** "张三、李四" of an activity's leaders. */
export const leaderNames = (row: { leaders: unknown }) => leadersOf(row).map((l) => l.name).join('、');
