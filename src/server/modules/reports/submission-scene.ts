// A submission as every use case reads it: the key (form, unit, due day) resolved to the form's
// current template, its campaign in the caller's scope, the unit, the round, the stored row if any;
// and its cells, live (computed now, as of the round's cut-off) or frozen (the submitted version's).
import type { SubmissionRef } from '../../../domain/access/scope.ts';
import { seesSubmission } from '../../../domain/access/scope.ts';
import { type Round, isLocked, roundsOf } from '../../../domain/reports/rounds.ts';
import { parseSubmissionKey, submissionKey } from '../../../domain/reports/submission-key.ts';
import type { SubmissionView } from '../../../domain/reports/submission-workflow.ts';
import type { Indicator, TemplateBody } from '../../../domain/reports/template.ts';
import type { CellValue } from '../../../domain/reports/values.ts';
import type { TCell } from '../../../contract/reports.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { type CampaignRow, loadCampaign } from '../campaigns/index.ts';
import { evaluateCells } from './metrics/evaluate.ts';
import type { UnitKind } from './metrics/families.ts';
import { metricOf } from './metrics/registry.ts';
import * as repo from './reports.repository.ts';

export { submissionKey } from '../../../domain/reports/submission-key.ts';

export interface Scene {
  key: string;
  template: repo.TemplateRow;
  body: TemplateBody;
  campaign: CampaignRow;
  unit: { id: string; name: string; kind: UnitKind };
  ref: SubmissionRef;
  round: Round;
  row: repo.SubmissionRow | null;
  /** The campaign's own region unit (the roll-up's), rather than a unit that fills the form. */
  isRegion: boolean;
}

export const periodOf = (c: CampaignRow) => ({ start: c.periodStart, end: c.periodEnd });
export const viewOf = (row: repo.SubmissionRow | null): SubmissionView => row?.status ?? 'missing';
export const lockedOf = (s: Scene, today: string) => isLocked(s.round, today, s.row?.reopenedUntil ?? null);
export const windowOf = (r: Round) => ({ from: r.from, to: r.due, cutoff: r.cutoff });

/** The scene of a key, or 404 for a key that names nothing the caller may see. */
export async function loadScene(db: DbOrTx, actor: Actor, key: string): Promise<Scene> {
  const k = parseSubmissionKey(key);
  if (!k) throw notFound('报表');
  const template = await repo.currentOfSeries(db, k.seriesId);
  if (!template?.campaignId || template.districtId !== actor.districtId) throw notFound('报表');
  const campaign = (await loadCampaign(db, actor, template.campaignId).catch(() => { throw notFound('报表'); })).c;
  const body = repo.bodyOf(template);
  const u = await repo.unitById(db, k.unitId);
  if (!u || u.districtId !== campaign.districtId) throw notFound('报表');
  const regionId = campaign.townshipId ?? campaign.districtId;
  const isRegion = u.id === regionId;
  const fillers = await repo.fillerUnits(db, campaign, body.fillers);
  const filler = fillers.find((f) => f.id === u.id);
  if (!filler && !isRegion) throw notFound('报表');
  const round = roundsOf(body, periodOf(campaign)).find((r) => r.due === k.due);
  if (!round) throw notFound('报表');
  const townshipId = filler?.townshipId ?? (u.kind === 'township' ? u.id : null);
  const ref: SubmissionRef = { districtId: campaign.districtId, unitId: u.id, unitKind: u.kind, townshipId };
  if (!seesSubmission(actor, ref)) throw notFound('报表');
  const row = filler ? await repo.submissionOf(db, k.seriesId, u.id, k.due) : null;
  return { key: submissionKey(k), template, body, campaign, unit: { id: u.id, name: u.name, kind: u.kind }, ref, round, row, isRegion: !filler };
}

export interface SnapshotCell {
  key: string;
  value: CellValue;
  computedValue?: number;
  overrideReason?: string;
  metric?: string;
  metricVersion?: number;
  params?: Record<string, string>;
  recordIds?: string[];
}

type Overrides = Record<string, { value: number; reason: string }>;
const computedCells = (indicators: readonly Indicator[]) => indicators.flatMap((i) => (i.source.kind === 'computed' ? [{ key: i.key, metric: i.source.metric, params: i.source.params }] : []));

/** The cells as they stand now: computed figures as of the round's cut-off, with the unit's manual values and overrides. */
export async function liveCells(db: DbOrTx, s: Scene): Promise<SnapshotCell[]> {
  const ev = await evaluateCells(db, { districtId: s.campaign.districtId, units: [{ id: s.unit.id, kind: s.unit.kind }], cells: computedCells(s.body.indicators), window: windowOf(s.round), ids: true });
  const results = ev.get(s.unit.id)!;
  const values = (s.row?.values ?? {}) as Record<string, CellValue>;
  const overrides = (s.row?.overrides ?? {}) as Overrides;
  return s.body.indicators.map((i): SnapshotCell => {
    if (i.source.kind === 'manual') return { key: i.key, value: values[i.key] ?? null };
    const r = results.get(i.key) ?? { value: 0, ids: [] };
    const m = metricOf(i.source.metric);
    const o = overrides[i.key];
    const base = { key: i.key, metric: i.source.metric, metricVersion: m?.version ?? 0, ...(i.source.params ? { params: i.source.params } : {}), recordIds: r.ids ?? [] };
    return o ? { ...base, value: o.value, computedValue: r.value, overrideReason: o.reason } : { ...base, value: r.value };
  });
}

/** Frozen (the latest submitted version) while submitted or approved; live otherwise. */
export async function cellsOf(db: DbOrTx, s: Scene): Promise<{ cells: SnapshotCell[]; frozen: boolean }> {
  if (s.row && (s.row.status === 'submitted' || s.row.status === 'approved')) {
    const v = await repo.latestVersion(db, s.row.id);
    if (v) return { cells: v.cells as SnapshotCell[], frozen: true };
  }
  return { cells: await liveCells(db, s), frozen: false };
}

/** The cells as the API shows them, in the template's order. */
export function presentCells(s: Scene, cells: readonly SnapshotCell[]): TCell[] {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  return s.body.indicators.map((i): TCell => {
    const c = byKey.get(i.key);
    const common = { key: i.key, label: i.label, unit: i.unit };
    if (i.source.kind === 'manual') {
      return { ...common, kind: 'manual', manualType: i.source.type, ...(i.source.pending ? { pending: i.source.pending } : {}), value: c?.value ?? null };
    }
    // frozen when the figure was still entered by hand (an older version of the form): the value stays as entered
    if (c && c.metric === undefined && c.recordIds === undefined) return { ...common, kind: 'manual', manualType: 'number', value: c.value };
    const ids = c?.recordIds ?? [];
    return {
      ...common, kind: 'computed', value: c?.value ?? 0, ...(i.source.display ? { display: i.source.display } : {}),
      ...(c?.computedValue !== undefined ? { computedValue: c.computedValue, overrideReason: c.overrideReason ?? '' } : {}),
      records: { href: `/report-submissions/${s.key}/cells/${i.key}`, count: ids.length },
    };
  });
}
