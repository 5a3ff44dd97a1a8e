// Builders that put records in a given state directly, written by the same HazardStory the demo
// generator plays its stories with (through the domain's transition table), instead of driving
// the HTTP API step by step. Use them where a test needs a hazard in a state, not the steps.
import { randomUUID } from 'node:crypto';
import { shanghaiDay } from '../../domain/common/dates.ts';
import { type HazardLevel, type HazardSource, formatHazardNumber } from '../../domain/hazards/hazard-machine.ts';
import { HazardStory, type StoryActor } from '../../cli/demo/hazard-story.ts';
import type { Db } from '../db/client.ts';
import { hazardExtensions, hazardListings, hazardPlans, hazardReports, hazardTransfers, hazards, recordEvents } from '../db/schema/index.ts';
import { nextRecordSeq } from '../kernel/record-counter.ts';
import type { BuiltUser, EnterpriseRow } from './factories.ts';

/** Where a built hazard's story stops. */
export type BuiltHazardState = 'reported' | 'planned' | 'accepted' | 'awaiting_verification' | 'closed' | 'voided';

export interface HazardBuild {
  enterprise: EnterpriseRow;
  sectorId: string;
  /** Who reports it and, unless `rectifier`/`verifier` are given, takes every step. */
  reporter: BuiltUser;
  responsibleUnitId: string;
  state: BuiltHazardState;
  at: Date;
  level?: HazardLevel;
  source?: HazardSource;
  description?: string;
  dueDate?: string;
  rectifier?: BuiltUser;
  verifier?: BuiltUser;
}

const actorOf = (u: BuiltUser): StoryActor => ({ userId: u.id, displayName: u.displayName, unitName: '' });

/** A hazard in the state asked for, with its plan, reports and timeline as the loop would leave them. */
export async function buildHazard(db: Db, o: HazardBuild): Promise<{ id: string; number: string; version: number }> {
  const level = o.level ?? 'general';
  const major = level === 'major';
  const year = Number(shanghaiDay(o.at).slice(0, 4));
  const seq = await nextRecordSeq(db, o.enterprise.districtId, 'hazard', year);
  const story = new HazardStory({
    id: randomUUID(), districtId: o.enterprise.districtId, townshipId: o.enterprise.townshipId, villageId: o.enterprise.villageId,
    enterpriseId: o.enterprise.id, number: formatHazardNumber('T', year, seq), source: o.source ?? 'village', foundAt: o.at,
    foundByUserId: o.reporter.id, foundByUnitId: o.reporter.unitId, description: o.description ?? '配电箱未接地', location: '一号车间',
    sectorId: o.sectorId, level, criterion: major ? '判定标准第3条' : null, status: 'reported', responsibleUnitId: o.responsibleUnitId,
    dueDate: o.dueDate ?? null, createdBy: o.reporter.id, createdAt: o.at, updatedAt: o.at,
  });
  const by = actorOf(o.reporter);
  const rectifier = actorOf(o.rectifier ?? o.reporter);
  const verifier = actorOf(o.verifier ?? o.reporter);
  const step = (() => {
    let n = 0;
    return () => new Date(o.at.getTime() + ++n * 60_000);
  })();
  story.report(o.at, by, { note: '测试报告' });
  const due = o.dueDate ?? shanghaiDay(new Date(o.at.getTime() + 30 * 86_400_000));
  if (major) {
    for (const recipient of ['department', 'government'] as const) {
      story.dualReport(step(), rectifier, { kind: 'discovery', recipient, reportedBy: '张负责人', reportedTo: recipient === 'department' ? '应急站' : '镇政府', method: '书面报告' });
    }
  }
  if (o.state === 'voided') story.void(step(), verifier, '重复录入');
  if (o.state !== 'reported' && o.state !== 'voided') {
    story.submitPlan(step(), rectifier, { owner: '张负责人', measures: '更换配电箱并接地', fundsFen: 50_000, dueDate: due, contingencyPlan: '设置警示标识' });
    if (major && o.state !== 'planned') story.accept(step(), verifier, '同意');
    if (o.state === 'awaiting_verification' || o.state === 'closed') story.reportRectification(step(), rectifier, '已整改');
    if (o.state === 'closed') story.verifyPass(step(), verifier, 'built-by-test');
  }
  const h = story.finish();
  const r = story.rows;
  await db.transaction(async (tx) => {
    await tx.insert(hazards).values(h);
    if (r.plans.length) await tx.insert(hazardPlans).values(r.plans);
    if (r.reports.length) await tx.insert(hazardReports).values(r.reports);
    if (r.extensions.length) await tx.insert(hazardExtensions).values(r.extensions);
    if (r.transfers.length) await tx.insert(hazardTransfers).values(r.transfers);
    if (r.listings.length) await tx.insert(hazardListings).values(r.listings);
    await tx.insert(recordEvents).values(r.events);
  });
  return { id: h.id!, number: h.number, version: h.version! };
}
