// Leaders' activities and technical-inspector roster entries as rows, for the tests that count
// them (the metric registry, the forms): built directly, not through the HTTP API.
import type { ActivityKind, ActivityLeader, InspectorEmployment } from '../../domain/supervision/leadership.ts';
import type { Db } from '../db/client.ts';
import { leadershipActivities, technicalInspectors } from '../db/schema/index.ts';
import type { UnitRow } from './factories.ts';

export type ActivityRow = typeof leadershipActivities.$inferSelect;
export type InspectorRow = typeof technicalInspectors.$inferSelect;

/** An activity recorded by `unit` (its township and district follow from it), held on `heldOn`. */
export async function buildLeadershipActivity(db: Db, o: {
  unit: UnitRow; townshipId: string | null; kind: ActivityKind; heldOn: string; createdBy: string; posts?: ActivityLeader['post'][];
  level?: 'district' | 'township'; enterpriseId?: string | null; voided?: boolean; topic?: string;
}): Promise<ActivityRow> {
  const leaders: ActivityLeader[] = (o.posts ?? ['party_secretary']).map((post, n) => ({ userId: null, name: `领导${n + 1}`, post }));
  const [r] = await db.insert(leadershipActivities).values({
    districtId: o.unit.districtId, townshipId: o.townshipId, unitId: o.unit.id, level: o.level ?? (o.townshipId ? 'township' : 'district'), kind: o.kind,
    heldOn: o.heldOn, topic: o.topic ?? '学习重大事故隐患判定标准', leaders, enterpriseId: o.enterpriseId ?? null, createdBy: o.createdBy,
    ...(o.voided ? { voidedAt: new Date(`${o.heldOn}T08:00:00Z`), voidReason: '重复登记' } : {}),
  }).returning();
  return r!;
}

/** A roster entry of `unit`, on the township's roster (null: the district's own). */
export async function buildTechnicalInspector(db: Db, o: {
  unit: UnitRow; townshipId: string | null; employment: InspectorEmployment; fromDate: string; toDate?: string | null; createdBy: string; voided?: boolean; name?: string;
}): Promise<InspectorRow> {
  const [r] = await db.insert(technicalInspectors).values({
    districtId: o.unit.districtId, townshipId: o.townshipId, unitId: o.unit.id, name: o.name ?? '检查员', employment: o.employment,
    fromDate: o.fromDate, toDate: o.toDate ?? null, createdBy: o.createdBy,
    ...(o.voided ? { voidedAt: new Date('2026-11-02T08:00:00Z'), voidReason: '录入错误' } : {}),
  }).returning();
  return r!;
}
