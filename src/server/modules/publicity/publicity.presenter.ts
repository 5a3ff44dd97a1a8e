import type { PublicityAction, TPublicityDetail, TPublicityItem } from '../../../contract/publicity.ts';
import type { TStoredFile } from '../../../contract/files.ts';
import type { RecordEventRow } from '../../kernel/record-events.ts';
import type { PublicityListRow } from './publicity.repository.ts';

const WHAT: Record<string, string> = { create: '登记', update: '修改', void: '作废' };

export function presentPublicityItem(row: PublicityListRow): TPublicityItem {
  const r = row.p;
  const named = typeof row.enterprises === 'string' ? (JSON.parse(row.enterprises) as TPublicityItem['enterprises']) : row.enterprises;
  return {
    id: r.id, kind: r.kind, channel: r.channel, mainstream: r.mainstream, outlet: r.outlet, publishedOn: r.publishedOn, endsOn: r.endsOn,
    title: r.title, link: r.link, enterprises: named, townshipId: r.townshipId, regionName: row.regionName ?? '', fileCount: Number(row.fileCount),
    voided: r.voidedAt !== null, version: r.version,
  };
}

export function presentPublicityDetail(row: PublicityListRow, o: {
  files: TStoredFile[]; createdByName: string; events: RecordEventRow[]; allowedActions: PublicityAction[];
}): TPublicityDetail {
  const r = row.p;
  return {
    ...presentPublicityItem(row), summary: r.summary, files: o.files, unitName: row.unitName ?? '', createdByName: o.createdByName,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), voidedAt: r.voidedAt?.toISOString() ?? null, voidReason: r.voidReason,
    history: o.events.map((e) => ({ at: e.at.toISOString(), who: [e.actorUnitName, e.actorName].filter(Boolean).join(' '), what: WHAT[e.action] ?? e.action, note: e.note })),
    allowedActions: o.allowedActions,
  };
}
