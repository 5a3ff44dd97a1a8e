// A round's roll-up for the office: every unit's state and submitted figures, their sum, and the
// same metrics recomputed over the whole region beside it (a difference shows a record counted by
// two units, or one no unit counted); and the records behind any figure.
import { type SQL, inArray, sql } from 'drizzle-orm';
import type { TCellRecords, TRollup } from '../../../contract/reports.ts';
import { seesSubmission } from '../../../domain/access/scope.ts';
import { SUBMISSION_STATE_LABELS, type SubmissionView, completeness, isOverdueSubmission } from '../../../domain/reports/submission-workflow.ts';
import { roundsOf } from '../../../domain/reports/rounds.ts';
import { ACTIVITY_KIND_LABELS, INSPECTOR_EMPLOYMENT_LABELS } from '../../../domain/supervision/leadership.ts';
import { PUBLICITY_CHANNEL_LABELS, PUBLICITY_KIND_LABELS } from '../../../domain/publicity/publicity.ts';
import { ACTIVITY_KIND_LABELS as SAFETY_ACTIVITY_KIND_LABELS } from '../../../domain/drills/drill-requirement.ts';
import type { AppContext } from '../../context.ts';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { loadCampaign } from '../campaigns/index.ts';
import { cellRecordIds, evaluateCells } from './metrics/evaluate.ts';
import { type RecordKind, metricOf } from './metrics/registry.ts';
import * as repo from './reports.repository.ts';
import { type SnapshotCell, cellsOf, loadScene, periodOf, submissionKey, windowOf } from './submission-scene.ts';

export async function rollup(ctx: AppContext, actor: Actor, campaignId: string, due: string, seriesId: string): Promise<TRollup> {
  const c = (await loadCampaign(ctx.db, actor, campaignId)).c;
  const t = await repo.currentOfSeries(ctx.db, seriesId);
  if (!t || t.campaignId !== c.id) throw notFound('报表');
  const body = repo.bodyOf(t);
  const round = roundsOf(body, periodOf(c)).find((r) => r.due === due);
  if (!round) throw notFound('报表轮次');
  // a township's people see their own township's units of a district campaign
  const regionId = c.townshipId ?? (actor.unitKind === 'township' ? actor.unitId : c.districtId);
  const [region] = await ctx.db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits).where(inArray(orgUnits.id, [regionId])).limit(1);
  if (!region || !seesSubmission(actor, { districtId: c.districtId, unitId: region.id, unitKind: region.kind, townshipId: region.kind === 'township' ? region.id : null })) throw notFound('报表');
  const units = (await repo.fillerUnits(ctx.db, c, body.fillers)).filter((u) => region.kind === 'district' || u.townshipId === region.id);
  const subs = (await repo.submissionsOfRound(ctx.db, [seriesId], due)).filter((s) => units.some((u) => u.id === s.unitId));
  const bySub = new Map(subs.map((s) => [s.unitId, s]));
  const reported = subs.filter((s) => s.status === 'submitted' || s.status === 'approved');
  const versions = await repo.latestVersions(ctx.db, reported.map((s) => s.id));
  const now = ctx.clock.now();
  const numericKeys = body.indicators.filter((i) => i.source.kind === 'computed' || i.source.type === 'number' || i.source.type === 'amount').map((i) => i.key);
  const sum: Record<string, number> = Object.fromEntries(numericKeys.map((k) => [k, 0]));
  const rows = units.map((u) => {
    const s = bySub.get(u.id);
    const state: SubmissionView = s?.status ?? 'missing';
    const v = s ? versions.get(s.id) : undefined;
    const values: Record<string, number | boolean | string | null> = {};
    for (const cell of (v?.cells ?? []) as SnapshotCell[]) {
      values[cell.key] = cell.value;
      if (typeof cell.value === 'number' && cell.key in sum) sum[cell.key] = sum[cell.key]! + cell.value;
    }
    return {
      unit: { id: u.id, name: u.name, kind: u.kind }, key: submissionKey({ seriesId, unitId: u.id, due }), state, stateLabel: SUBMISSION_STATE_LABELS[state],
      late: s?.late ?? false, overdue: isOverdueSubmission(state, round.deadline, now), values,
    };
  });
  const computed = body.indicators.flatMap((i) => (i.source.kind === 'computed' ? [{ key: i.key, metric: i.source.metric, params: i.source.params }] : []));
  const ev = await evaluateCells(ctx.db, { districtId: c.districtId, units: [{ id: region.id, kind: region.kind }], cells: computed, window: windowOf(round) });
  const regionKey = submissionKey({ seriesId, unitId: region.id, due });
  return {
    form: { seriesId, title: body.title.replace('{unit}', ''), layout: body.layout },
    round: { due: round.due, from: round.from },
    indicators: body.indicators.map((i) => ({ key: i.key, label: i.label, unit: i.unit, kind: i.source.kind, ...(i.source.kind === 'computed' && i.source.display ? { display: i.source.display } : {}) })),
    rows, sum,
    region: {
      unitId: region.id, name: region.name,
      values: Object.fromEntries([...(ev.get(region.id) ?? new Map())].map(([k, r]) => [k, r.value])),
      recordsHref: Object.fromEntries(computed.map((cc) => [cc.key, `/report-submissions/${regionKey}/cells/${cc.key}`])),
    },
    completeness: completeness(rows),
    byTownship: region.kind === 'district' ? await byTownship(ctx, units, rows) : [],
  };
}

/** Completeness per township (and one line for the district's own units), for the district's view of a round. */
async function byTownship(ctx: AppContext, units: readonly { id: string; townshipId: string | null }[], rows: readonly { unit: { id: string }; state: SubmissionView; late: boolean }[]) {
  const ids = [...new Set(units.map((u) => u.townshipId).filter((x): x is string => x !== null))];
  const names = new Map((ids.length ? await ctx.db.select({ id: orgUnits.id, name: orgUnits.name, sortOrder: orgUnits.sortOrder }).from(orgUnits).where(inArray(orgUnits.id, ids)) : [])
    .map((t) => [t.id, t]));
  const groups = new Map<string | null, typeof rows[number][]>();
  for (const r of rows) {
    const t = units.find((u) => u.id === r.unit.id)?.townshipId ?? null;
    groups.set(t, [...(groups.get(t) ?? []), r]);
  }
  return [...groups].map(([id, rs]) => ({ id, name: id ? names.get(id)?.name ?? '' : '区级部门', ...completeness(rs) }))
    .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : (names.get(a.id)?.sortOrder ?? 0) - (names.get(b.id)?.sortOrder ?? 0)));
}

type RecordRow = { id: string; title: string; subtitle: string };
/** A code's label in SQL (the labels are the domain's constants, passed as parameters). */
const labelOf = (labels: Record<string, string>, code: SQL) =>
  sql`coalesce((case ${code} ${sql.join(Object.entries(labels).map(([k, v]) => sql`when ${k} then ${v}::text`), sql` `)} end), ${code})`;
/**
 * The page of a figure's records, in each record's own order: the ids go as ONE array parameter
 * (a district's figure can count a hundred thousand records, past a statement's parameter limit)
 * and only the page's rows are read.
 */
type Page = { ids: string[]; limit: number; offset: number };
const idsIn = (alias: string, p: Page) => sql`${sql.raw(alias)}.id = any(${`{${p.ids.join(',')}}`}::uuid[])`;
const paged = (p: Page) => sql`limit ${p.limit} offset ${p.offset}`;
const RECORD_QUERIES: Record<RecordKind, { entity: string; href: (id: string) => string; query: (p: Page) => ReturnType<typeof sql> }> = {
  enterprise: { entity: '生产经营单位', href: (id) => `/enterprises/${id}`, query: (p) => sql`select e.id, e.name as title, coalesce(v.name, '') || ' · ' || e.address as subtitle from enterprises e left join org_units v on v.id = e.village_id where ${idsIn('e', p)} order by e.name, e.id ${paged(p)}` },
  hazard: { entity: '隐患', href: (id) => `/hazards/${id}`, query: (p) => sql`select h.id, h.number || ' ' || left(h.description, 60) as title, to_char(h.found_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') || ' · ' || e.name as subtitle from hazards h join enterprises e on e.id = h.enterprise_id where ${idsIn('h', p)} order by h.found_at desc, h.id ${paged(p)}` },
  inspection: { entity: '检查记录', href: (id) => `/inspections/${id}`, query: (p) => sql`select i.id, i.number || ' ' || e.name as title, i.inspected_on::text as subtitle from inspections i join enterprises e on e.id = i.enterprise_id where ${idsIn('i', p)} order by i.inspected_on desc, i.id ${paged(p)}` },
  case: { entity: '执法案件', href: (id) => `/cases/${id}`, query: (p) => sql`select c.id, c.number || ' ' || c.title as title, c.filed_on::text || ' · ' || e.name as subtitle from enforcement_cases c join enterprises e on e.id = c.enterprise_id where ${idsIn('c', p)} order by c.filed_on desc, c.id ${paged(p)}` },
  accountability: { entity: '问责记录', href: (id) => `/accountability/${id}`, query: (p) => sql`select a.id, a.target_name || ' · ' || a.measure as title, a.decided_on::text as subtitle from accountability_records a where ${idsIn('a', p)} order by a.decided_on desc, a.id ${paged(p)}` },
  leadership_activity: { entity: '领导活动', href: (id) => `/leadership/${id}`, query: (p) => sql`select la.id, la.topic as title, la.held_on::text || ' · ' || ${labelOf(ACTIVITY_KIND_LABELS, sql`la.kind`)} || coalesce(' · ' || la.place, '') as subtitle from leadership_activities la where ${idsIn('la', p)} order by la.held_on desc, la.id ${paged(p)}` },
  public_report: { entity: '群众举报', href: (id) => `/tips/${id}`, query: (p) => sql`select p.id, p.number || ' ' || left(p.description, 60) as title, coalesce(to_char(tr.paid_on, 'YYYY-MM-DD') || ' 发放奖励 ' || to_char(tr.amount_fen / 100.0, 'FM999999990.00') || ' 元', '') || case when p.anonymous then '（匿名）' else '' end as subtitle from public_reports p left join tip_rewards tr on tr.report_id = p.id where ${idsIn('p', p)} order by p.submitted_at desc, p.id ${paged(p)}` },
  safety_activity: { entity: '演练/培训记录', href: (id) => `/drills/${id}`, query: (p) => sql`select sa.id, ${labelOf(SAFETY_ACTIVITY_KIND_LABELS, sql`sa.kind`)} || ' · ' || coalesce(e.name, u.name, '') as title, sa.held_on::text || ' · ' || sa.participants || '人' as subtitle from safety_activities sa left join enterprises e on e.id = sa.enterprise_id left join org_units u on u.id = sa.unit_id where ${idsIn('sa', p)} order by sa.held_on desc, sa.id ${paged(p)}` },
  technical_inspector: { entity: '技术检查员', href: (id) => `/inspector-roster/${id}`, query: (p) => sql`select ti.id, ti.name || ' · ' || ${labelOf(INSPECTOR_EMPLOYMENT_LABELS, sql`ti.employment`)} as title, coalesce(u.name, '') || ' · ' || ti.from_date::text || ' 起' || coalesce('，' || ti.to_date::text || ' 离任', '') as subtitle from technical_inspectors ti left join org_units u on u.id = ti.unit_id where ${idsIn('ti', p)} order by ti.from_date, ti.name, ti.id ${paged(p)}` },
  publicity: { entity: '宣传/曝光记录', href: (id) => `/publicity/${id}`, query: (p) => sql`select pr.id, pr.title as title, pr.published_on::text || coalesce(' 至 ' || pr.ends_on::text, '') || ' · ' || ${labelOf(PUBLICITY_KIND_LABELS, sql`pr.kind`)} || ' · ' || ${labelOf(PUBLICITY_CHANNEL_LABELS, sql`pr.channel`)} || coalesce(' · ' || pr.outlet, '') as subtitle from publicity_records pr where ${idsIn('pr', p)} order by pr.published_on desc, pr.id ${paged(p)}` },
};

async function recordRows(db: DbOrTx, kind: RecordKind, p: Page): Promise<RecordRow[]> {
  if (p.ids.length === 0) return [];
  return sqlRows<RecordRow>(db, RECORD_QUERIES[kind].query(p));
}

/** The records a figure counted: the submitted version's when frozen, else counted now. Paged, in the record's own order. */
export async function cellRecords(ctx: AppContext, actor: Actor, key: string, cellKey: string, page: number, pageSize: number): Promise<TCellRecords> {
  const s = await loadScene(ctx.db, actor, key);
  const ind = s.body.indicators.find((i) => i.key === cellKey);
  if (!ind || ind.source.kind !== 'computed') throw notFound('指标');
  const m = metricOf(ind.source.metric);
  if (!m) throw notFound('指标');
  const { cells, frozen } = s.isRegion ? { cells: null, frozen: false } : await cellsOf(ctx.db, s);
  const snap = cells?.find((c) => c.key === cellKey);
  // a version frozen when this figure was still entered by hand has no records behind it
  const handEntered = frozen && snap !== undefined && snap.metric === undefined;
  const ids = handEntered ? [] : snap?.recordIds ?? await cellRecordIds(ctx.db, { districtId: s.campaign.districtId, unit: { id: s.unit.id, kind: s.unit.kind }, cell: { key: cellKey, metric: m.key, params: ind.source.params }, window: windowOf(s.round) });
  const slice = await recordRows(ctx.db, m.record, { ids, limit: pageSize, offset: (page - 1) * pageSize });
  const value = typeof snap?.value === 'number' ? snap.value : ids.length;
  const q = RECORD_QUERIES[m.record];
  return {
    items: slice.map((r) => ({ ...r, href: q.href(r.id) })), total: ids.length, page, pageSize,
    label: ind.label, unit: ind.unit, value: snap ? Number(snap.value ?? 0) : (m.agg === 'count' ? ids.length : value), entity: q.entity, frozen, unitName: s.unit.name,
    ...(ind.source.display ? { display: ind.source.display } : {}),
    backHref: s.isRegion ? `/campaigns/${s.campaign.id}/reports/${s.round.due}?form=${s.template.seriesId}` : `/report-submissions/${s.key}`,
  };
}
