// The demo's report forms (issue 11): 大盛's 附件3 and 附件4 on its live 秋冬季大排查, and the 崇明
// 调度表 on a district campaign the township fills; submissions in every state across the rounds
// already due (approved, submitted, returned, excused, late, never filed) and drafts in the current
// one. Figures are computed from the demo's own records by the metric engine, one grouped pass per
// round, and frozen in the submitted versions as a unit's submit would freeze them.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { addDays, shanghaiDayStart } from '../../domain/common/dates.ts';
import { roundsOf } from '../../domain/reports/rounds.ts';
import { SEED_FORMS } from '../../domain/reports/seed-forms.ts';
import type { SubmissionState } from '../../domain/reports/submission-workflow.ts';
import type { Tx } from '../../server/db/client.ts';
import { campaigns, recordEvents, reportSubmissionVersions, reportSubmissions, reportTemplates } from '../../server/db/schema/index.ts';
import { type SnapshotCell, evaluateCells, fillerUnits } from '../../server/modules/reports/index.ts';
import type { Rand } from './prng.ts';

interface Person { id: string; name: string; unitName: string }
export interface DemoReportsInput {
  districtId: string;
  townshipId: string;
  /** 大盛's live campaign. */
  campaignId: string;
  township: Person;
  /** The district's keeper (the admin account, at district level). */
  district: Person;
  filerOf: (unitId: string) => Person | undefined;
  today: string;
  now: Date;
}

const MANUAL_DEMO: Record<string, number | boolean> = {
  assist_townships: 3, study: 2, research: 2, onsite: 4, briefings: 6, inspectors: 5, assessments: 1, cases_transferred: 0,
};

export async function seedDemoReports(tx: Tx, rand: Rand, o: DemoReportsInput) {
  const [dasheng] = await tx.select().from(campaigns).where(eq(campaigns.id, o.campaignId));
  const start = addDays(o.today, -75);
  const districtCampaign = {
    id: randomUUID(), districtId: o.districtId, townshipId: null, name: '全区重大事故隐患专项排查整治行动', docNumber: '区安委〔2026〕5号',
    periodStart: start, periodEnd: addDays(start, 240), publishedAt: shanghaiDayStart(start), reportCycleText: '每月28日前', remindDaysBefore: 3,
    note: '各乡镇（街道）、各有关部门每月28日前报送进展情况调度表（每次报送累计数据）。', createdBy: o.district.id, createdAt: shanghaiDayStart(start), updatedAt: shanghaiDayStart(start),
  };
  await tx.insert(campaigns).values(districtCampaign);
  const plan = [
    { campaign: dasheng!, code: 'dasheng-annex-3', by: o.township },
    { campaign: dasheng!, code: 'dasheng-annex-4', by: o.township },
    { campaign: { ...districtCampaign, townshipId: null }, code: 'chongming-dispatch-2023', by: o.district },
  ];
  let submissions = 0;
  for (const p of plan) {
    const f = SEED_FORMS.find((x) => x.code === p.code)!;
    const seriesId = randomUUID();
    const attachedAt = p.campaign.publishedAt!;
    await tx.insert(reportTemplates).values({ id: seriesId, districtId: o.districtId, seriesId, version: 1, code: f.code, campaignId: p.campaign.id, name: f.name, body: f.body, createdBy: p.by.id, createdAt: attachedAt });
    const units = await fillerUnits(tx, p.campaign, f.body.fillers);
    const rounds = roundsOf(f.body, { start: p.campaign.periodStart, end: p.campaign.periodEnd });
    const past = rounds.filter((r) => r.due < o.today);
    const current = rounds.find((r) => r.due >= o.today);
    const cells = f.body.indicators.flatMap((i) => (i.source.kind === 'computed' ? [{ key: i.key, metric: i.source.metric, params: i.source.params }] : []));
    for (const [n, r] of past.entries()) {
      const last = n === past.length - 1;
      const ev = await evaluateCells(tx, { districtId: o.districtId, units: units.map((u) => ({ id: u.id, kind: u.kind })), cells, window: { from: r.from, to: r.due, cutoff: r.cutoff }, ids: true });
      for (const u of units) {
        const filer = o.filerOf(u.id) ?? (u.kind === 'township' ? o.township : undefined);
        if (!filer) continue;
        const state = rand.weighted<SubmissionState | 'missing'>(last
          ? [['approved', 4], ['submitted', 4], ['returned', 1], ['missing', 2]]
          : [['approved', 14], ['submitted', 1], ['excused', 1], ['missing', 1]]);
        if (state === 'missing') continue;
        const late = rand.chance(0.15);
        const submittedAt = new Date(r.deadline.getTime() + (late ? 1 : -1) * rand.int(2, 40) * 3600_000);
        const values = Object.fromEntries(f.body.indicators.filter((i) => i.source.kind === 'manual').map((i) => [i.key, MANUAL_DEMO[i.key] ?? 0]));
        const snapshot: SnapshotCell[] = f.body.indicators.map((i) => {
          if (i.source.kind === 'manual') return { key: i.key, value: values[i.key] ?? null };
          const x = ev.get(u.id)!.get(i.key)!;
          return { key: i.key, value: x.value, metric: i.source.metric, metricVersion: 1, ...(i.source.params ? { params: i.source.params } : {}), recordIds: x.ids ?? [] };
        });
        const id = randomUUID();
        const reviewedAt = new Date(submittedAt.getTime() + rand.int(3, 30) * 3600_000);
        const filed = state !== 'excused';
        await tx.insert(reportSubmissions).values({
          id, districtId: o.districtId, campaignId: p.campaign.id, seriesId, templateId: seriesId, unitId: u.id, townshipId: u.townshipId, due: r.due, status: state,
          values, fillerName: filer.name, fillerPhone: null, revision: filed ? 1 : 0, submittedAt: filed ? submittedAt : null, submittedBy: filed ? filer.id : null,
          late: filed && late, reviewedBy: state === 'approved' || state === 'returned' || state === 'excused' ? p.by.id : null,
          reviewedAt: state === 'approved' || state === 'returned' || state === 'excused' ? reviewedAt : null,
          reviewReason: state === 'returned' ? '隐患数与村（科室）台账不一致，请核实后重新提交' : state === 'excused' ? '本期无监管对象，同意免报' : null,
          version: 2, createdAt: submittedAt, updatedAt: reviewedAt,
        });
        const events: (typeof recordEvents.$inferInsert)[] = [];
        const ev2 = (action: string, from: string, to: string, at: Date, who: Person, note: string | null) =>
          events.push({ districtId: o.districtId, entityType: 'report_submission', entityId: id, at, actorId: who.id, actorName: who.name, actorUnitName: who.unitName, action, fromStatus: from, toStatus: to, note });
        if (filed) {
          await tx.insert(reportSubmissionVersions).values({ districtId: o.districtId, submissionId: id, revision: 1, templateId: seriesId, cells: snapshot, note: null, late, submittedBy: filer.id, submittedAt });
          ev2('submit', 'draft', 'submitted', submittedAt, filer, late ? '逾期提交' : null);
          if (state === 'approved') ev2('approve', 'submitted', 'approved', reviewedAt, p.by, null);
          if (state === 'returned') ev2('return', 'submitted', 'returned', reviewedAt, p.by, '隐患数与村（科室）台账不一致，请核实后重新提交');
        } else ev2('excuse', 'draft', 'excused', reviewedAt, p.by, '本期无监管对象，同意免报');
        await tx.insert(recordEvents).values(events);
        submissions++;
      }
    }
    if (current) {
      for (const u of units) {
        if (!rand.chance(0.3)) continue;
        await tx.insert(reportSubmissions).values({
          districtId: o.districtId, campaignId: p.campaign.id, seriesId, templateId: seriesId, unitId: u.id, townshipId: u.townshipId, due: current.due, status: 'draft',
          values: {}, fillerName: o.filerOf(u.id)?.name ?? null, createdAt: o.now, updatedAt: o.now,
        });
        submissions++;
      }
    }
  }
  return { submissions, districtCampaignId: districtCampaign.id };
}
