// The demo's technical-inspector rosters: the district's own and 大盛镇's, generated names (none of
// the seeds' real officials), some who left and one voided, and the 崇明 调度表's 技术检查员 figure
// frozen from them. And its 群众举报: every state, hazards linked both ways, rewards at each step.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TIP_STATES } from '../../domain/tips/tip-workflow.ts';
import { inspectorActiveOn } from '../../domain/supervision/leadership.ts';
import { hazards, publicReports, reportSubmissionVersions, technicalInspectors, tipRewards } from '../../server/db/schema/index.ts';
import { hashCode } from '../../server/modules/tips/tips.public.ts';
import { DEMO_TIP_CODE } from './demo-tips.ts';
import { isRealName, personName } from './demo-names.ts';
import { ROSTER_SEED } from './demo-roster.ts';
import { Rand, mulberry32 } from './prng.ts';
import { TODAY, database, seeded, useSeededDemo } from './seed-demo.test-world.ts';

useSeededDemo();

describe('demo roster', () => {
  it('keeps the district\'s own roster and 大盛镇\'s, with generated names, departures and one voided entry', async () => {
    const rows = await database.db.select().from(technicalInspectors);
    const district = rows.filter((r) => r.districtId === seeded!.districtId && r.townshipId === null);
    const dasheng = rows.filter((r) => r.townshipId === seeded!.townshipId);
    expect(district).toHaveLength(4);
    expect(dasheng).toHaveLength(11);
    const live = (rs: typeof rows) => rs.filter((r) => r.voidedAt === null && inspectorActiveOn(r, TODAY));
    expect(live(district)).toHaveLength(3);
    expect(live(dasheng)).toHaveLength(9);
    expect(dasheng.filter((r) => r.voidedAt !== null).map((r) => r.voidReason)).toEqual(['重复登记']);
    expect(rows.every((r) => !isRealName(r.name))).toBe(true);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    // deterministic: the first name is the seeded stream's first
    expect(district.map((r) => r.name)).toContain(personName(new Rand(mulberry32(ROSTER_SEED))));
    expect(rows.every((r) => r.toDate === null || r.toDate >= r.fromDate)).toBe(true);
  });

  it('feeds the 技术检查员 figure the reports froze', async () => {
    const versions = await database.db.select({ cells: reportSubmissionVersions.cells }).from(reportSubmissionVersions);
    const figures = versions.flatMap((v) => (v.cells as { key: string; metric?: string; value: unknown }[]).filter((c) => c.key === 'inspectors' && c.metric === 'inspectors.count'));
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.some((c) => typeof c.value === 'number' && c.value > 0)).toBe(true);
  });
});

describe('demo public reports', () => {
  it('holds reports in every state, each public-source hazard linked both ways, and rewards at every step', async () => {
    const reports = await database.db.select().from(publicReports).where(eq(publicReports.townshipId, seeded!.townshipId));
    expect(new Set(reports.map((r) => r.status))).toEqual(new Set(TIP_STATES));
    const found = await database.db.select().from(hazards).where(and(eq(hazards.townshipId, seeded!.townshipId), eq(hazards.source, 'public')));
    expect(found.length).toBeGreaterThan(0);
    for (const h of found) expect(reports.find((r) => r.id === h.publicReportId)?.hazardId).toBe(h.id);
    expect(reports.every((r) => r.reporterPhone === null)).toBe(true);
    const rewards = await database.db.select().from(tipRewards);
    expect(new Set(rewards.map((w) => w.status))).toEqual(new Set(['paid', 'approved', 'proposed']));
    expect(rewards.some((w) => w.status === 'paid' && w.anonymous && w.codeVerified)).toBe(true);
    const [demo] = await database.db.select().from(publicReports).where(eq(publicReports.codeHash, hashCode(DEMO_TIP_CODE.replace(/-/g, ''))));
    expect(demo).toMatchObject({ status: 'substantiated' });
    expect(demo!.publicReply).toBeTruthy();
    expect(rewards.find((w) => w.reportId === demo!.id)?.status).toBe('paid');
  });
});
