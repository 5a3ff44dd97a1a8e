// The demo's records behind the 崇明 调度表's section 4 figures: the technical-inspector rosters (the
// district's own and 大盛镇's, generated names, none of the seeds' real officials, some who left and
// one voided) and the 宣传/曝光 records (a year of 大盛镇's columns, exposures and reports, the
// district's own, 邻鄂镇's 2023), and the figures the reports froze from them. And its 群众举报:
// every state, hazards linked both ways, rewards at each step.
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/common/dates.ts';
import { isHttpUrl } from '../../domain/publicity/publicity.ts';
import { TIP_STATES } from '../../domain/tips/tip-workflow.ts';
import { inspectorActiveOn } from '../../domain/supervision/leadership.ts';
import {
  enterprises, hazards, orgUnits, publicReports, publicityRecords, recordEvents, reportSubmissionVersions, technicalInspectors, tipRewards,
} from '../../server/db/schema/index.ts';
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

describe('demo publicity', () => {
  it('keeps a year of 大盛镇\'s columns, exposures and reports, the district\'s own and 邻鄂镇\'s, each on its timeline', async () => {
    const rows = await database.db.select().from(publicityRecords);
    const dasheng = rows.filter((r) => r.townshipId === seeded!.townshipId);
    const live = dasheng.filter((r) => r.voidedAt === null);
    const kinds = (rs: typeof rows) => new Set(rs.map((r) => r.kind));
    expect(kinds(live)).toEqual(new Set(['media_column', 'exposure', 'report']));
    expect(dasheng.filter((r) => r.voidedAt !== null).map((r) => r.voidReason)).toEqual(['重复登记']);
    // over a year up to the demo's day
    const days = dasheng.map((r) => r.publishedOn).sort();
    expect(days[0]! >= addDays(TODAY, -366) && days.at(-1)! <= TODAY).toBe(true);
    expect(days[0]! <= addDays(TODAY, -300)).toBe(true);
    // a mainstream column runs on today: the 调度表 answers 是
    expect(live.some((r) => r.kind === 'media_column' && r.mainstream && r.publishedOn <= TODAY && (r.endsOn ?? TODAY) >= TODAY)).toBe(true);
    expect(live.some((r) => r.kind === 'media_column' && !r.mainstream)).toBe(true);
    expect(rows.filter((r) => r.districtId === seeded!.districtId && r.townshipId === null).map((r) => r.kind).sort()).toEqual(['exposure', 'media_column']);
    const [line] = await database.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, '邻鄂镇'));
    expect(rows.filter((r) => r.townshipId === line!.id).length).toBe(3);
    expect(rows.every((r) => r.link === null || isHttpUrl(r.link))).toBe(true);
    // every exposure names enterprises of its region, and only exposures name any
    const named = [...new Set(rows.flatMap((r) => r.enterpriseIds))];
    const owners = await database.db.select({ id: enterprises.id, townshipId: enterprises.townshipId }).from(enterprises).where(inArray(enterprises.id, named));
    expect(owners).toHaveLength(named.length);
    expect(owners.every((e) => e.townshipId === seeded!.townshipId)).toBe(true);
    expect(rows.every((r) => (r.kind === 'exposure') === (r.enterpriseIds.length > 0))).toBe(true);
    const events = await database.db.select().from(recordEvents).where(eq(recordEvents.entityType, 'publicity_record'));
    expect(new Set(events.filter((e) => e.action === 'create').map((e) => e.entityId))).toEqual(new Set(rows.map((r) => r.id)));
    expect(events.filter((e) => e.action === 'void')).toHaveLength(1);
  });

  it('feeds the 媒体专题栏目 and 曝光企业 figures the reports froze', async () => {
    const versions = await database.db.select({ cells: reportSubmissionVersions.cells }).from(reportSubmissionVersions);
    const cells = versions.flatMap((v) => v.cells as { key: string; metric?: string; value: unknown; recordIds?: string[] }[]);
    const media = cells.filter((c) => c.key === 'media' && c.metric === 'publicity.media_columns');
    expect(media.length).toBeGreaterThan(0);
    expect(media.some((c) => typeof c.value === 'number' && c.value > 0)).toBe(true);
    const exposed = cells.filter((c) => c.key === 'exposures' && c.metric === 'publicity.exposed_enterprises');
    expect(exposed.some((c) => typeof c.value === 'number' && c.value > 0)).toBe(true);
    // each enterprise once
    for (const c of exposed) expect(new Set(c.recordIds).size).toBe(c.recordIds!.length);
  });
});
