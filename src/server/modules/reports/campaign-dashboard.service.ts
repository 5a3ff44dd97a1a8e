// The campaign's 概况: its hazards counted by the metric registry over the campaign's region from
// its start (the same definitions the forms use), week by week, by village and by sector, each
// figure linking to the ledger filtered to it; each unit's task completion; and each form's current
// round. One grouped query per breakdown.
import { and, eq, inArray } from 'drizzle-orm';
import type { TCampaignDashboard } from '../../../contract/reports.ts';
import { addDays, shanghaiDay, shanghaiDayStart } from '../../../domain/common/dates.ts';
import type { AppContext } from '../../context.ts';
import { orgUnits, sectors } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { watchesAllUnits } from '../../../domain/access/scope.ts';
import { loadCampaign, occurrencesOf } from '../campaigns/index.ts';
import { campaignForms } from './forms.service.ts';
import { type MetricCell, breakdownCells, evaluateCells } from './metrics/evaluate.ts';

const HAZARD_CELLS: (MetricCell & { label: string; ledger: Record<string, string> })[] = [
  { key: 'found', label: '排查隐患', metric: 'hazards.found', ledger: {} },
  { key: 'rectified', label: '已整改', metric: 'hazards.rectified', ledger: { status: 'closed' } },
  { key: 'major', label: '重大隐患', metric: 'hazards.found', params: { level: 'major' }, ledger: { level: 'major' } },
  { key: 'major_rectified', label: '重大隐患已整改', metric: 'hazards.rectified', params: { level: 'major' }, ledger: { level: 'major', status: 'closed' } },
  { key: 'listed', label: '挂牌督办', metric: 'hazards.listed', ledger: { listed: 'true' } },
  { key: 'self', label: '企业自查发现', metric: 'hazards.found', params: { source: 'self_inspection' }, ledger: { source: 'self_inspection' } },
];

const ledger = (q: Record<string, string>) => `/hazards?${new URLSearchParams(q).toString()}`;

export async function campaignDashboard(ctx: AppContext, actor: Actor, id: string): Promise<TCampaignDashboard> {
  const c = (await loadCampaign(ctx.db, actor, id)).c;
  if (!watchesAllUnits(actor, c)) throw forbidden('专项行动概况仅供安委办、领导和督导组查看');
  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  const regionId = c.townshipId ?? (actor.unitKind === 'township' ? actor.unitId : c.districtId);
  const [region] = await ctx.db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits).where(eq(orgUnits.id, regionId)).limit(1);
  if (!region || (region.kind !== 'township' && region.kind !== 'district')) throw notFound('专项行动');
  const to = today < c.periodEnd ? today : c.periodEnd;
  const window = { from: c.periodStart, to, cutoff: shanghaiDayStart(to, 1) };
  const unit = { id: region.id, kind: region.kind };
  const range = { from: c.periodStart, to };
  const totals = (await evaluateCells(ctx.db, { districtId: c.districtId, units: [unit], cells: HAZARD_CELLS, window })).get(region.id)!;
  const pair: MetricCell[] = [HAZARD_CELLS[0]!, HAZARD_CELLS[1]!];
  const [weeks, villages, bySector] = [
    await breakdownCells(ctx.db, { districtId: c.districtId, unit, cells: pair, window, by: 'week' }),
    await breakdownCells(ctx.db, { districtId: c.districtId, unit, cells: pair, window, by: 'village' }),
    await breakdownCells(ctx.db, { districtId: c.districtId, unit, cells: pair, window, by: 'sector' }),
  ];
  const ids = [...villages.keys()];
  const sectorIds = [...bySector.keys()];
  const names = new Map((ids.length ? await ctx.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ids)) : []).map((u) => [u.id, u.name]));
  const sectorNames = new Map((sectorIds.length ? await ctx.db.select({ id: sectors.id, name: sectors.name }).from(sectors).where(and(eq(sectors.districtId, c.districtId), inArray(sectors.id, sectorIds))) : []).map((s) => [s.id, s.name]));
  const occs = c.publishedAt ? await occurrencesOf(ctx.db, [c], today) : [];
  const unitIds = [...new Set(occs.map((o) => o.unitId))];
  const unitNames = new Map((unitIds.length ? await ctx.db.select({ id: orgUnits.id, name: orgUnits.name, sortOrder: orgUnits.sortOrder }).from(orgUnits).where(inArray(orgUnits.id, unitIds)) : []).map((u) => [u.id, u]));
  const forms = await campaignForms(ctx, actor, c);
  return {
    region: { id: region.id, name: region.name }, from: c.periodStart, to,
    hazards: HAZARD_CELLS.map((h) => ({ key: h.key, label: h.label, value: totals.get(h.key)?.value ?? 0, href: ledger({ ...range, ...h.ledger }) })),
    weekly: [...weeks].map(([week, m]) => ({
      week, found: m.get('found') ?? 0, rectified: m.get('rectified') ?? 0, href: ledger({ from: week < c.periodStart ? c.periodStart : week, to: addDays(week, 6) > to ? to : addDays(week, 6) }),
    })),
    byVillage: [...villages].map(([vid, m]) => ({ id: vid, name: names.get(vid) ?? '', found: m.get('found') ?? 0, rectified: m.get('rectified') ?? 0, href: ledger({ ...range, villageId: vid }) }))
      .sort((a, b) => b.found - a.found),
    bySector: [...bySector].map(([sid, m]) => ({ id: sid, name: sectorNames.get(sid) ?? '', found: m.get('found') ?? 0, rectified: m.get('rectified') ?? 0, href: ledger({ ...range, sectorId: sid }) }))
      .sort((a, b) => b.found - a.found),
    units: unitIds.map((uid) => {
      const mine = occs.filter((o) => o.unitId === uid);
      return {
        id: uid, name: unitNames.get(uid)?.name ?? '', dueSoFar: mine.filter((o) => o.due <= today).length, confirmed: mine.filter((o) => o.state === 'confirmed').length,
        submitted: mine.filter((o) => o.state === 'submitted').length, overdue: mine.filter((o) => o.overdue).length,
      };
    }).sort((a, b) => b.overdue - a.overdue || (unitNames.get(a.id)?.sortOrder ?? 0) - (unitNames.get(b.id)?.sortOrder ?? 0)),
    forms: forms.items.map((f) => {
      const r = f.rounds.find((x) => x.due === f.current);
      return {
        seriesId: f.seriesId, name: f.name, due: f.current, expected: r?.expected ?? 0, reported: r?.reported ?? 0, onTime: r?.onTime ?? 0, approved: r?.approved ?? 0, overdue: r?.overdue ?? 0,
        href: r && !r.mine ? `/campaigns/${c.id}/reports/${r.due}?form=${f.seriesId}` : r?.mine ? `/report-submissions/${r.mine.key}` : null,
      };
    }),
  };
}
