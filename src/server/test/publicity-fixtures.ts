// Publicity records as rows, for the tests that count them (the metric registry, the forms) and the
// demo's checks: built directly, not through the HTTP API.
import type { PublicityChannel, PublicityKind } from '../../domain/publicity/publicity.ts';
import type { Db } from '../db/client.ts';
import { publicityRecords } from '../db/schema/index.ts';
import type { UnitRow } from './factories.ts';

export type PublicityRow = typeof publicityRecords.$inferSelect;

/** A record of the office of `unit` (a township, or the district for the district's own). */
export async function buildPublicityRecord(db: Db, o: {
  unit: UnitRow; kind: PublicityKind; publishedOn: string; createdBy: string; endsOn?: string | null; channel?: PublicityChannel; mainstream?: boolean;
  enterpriseIds?: string[]; voided?: boolean; title?: string;
}): Promise<PublicityRow> {
  const [r] = await db.insert(publicityRecords).values({
    districtId: o.unit.districtId, townshipId: o.unit.kind === 'district' ? null : o.unit.id, unitId: o.unit.id, kind: o.kind, channel: o.channel ?? 'tv',
    mainstream: o.mainstream ?? true, publishedOn: o.publishedOn, endsOn: o.endsOn ?? null, title: o.title ?? '安全生产专题', enterpriseIds: o.enterpriseIds ?? [],
    createdBy: o.createdBy, ...(o.voided ? { voidedAt: new Date(`${o.publishedOn}T08:00:00Z`), voidReason: '重复登记' } : {}),
  }).returning();
  return r!;
}
