// 宣传/曝光 (decision 020): a district's or a township's media columns, exposures and other reports.
// The enterprises an exposure names are an array (at most 50, read whole with the record); the
// metric engine unnests them (reports/metrics/families.ts `exposure`).
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { day, districtId, id, instant, timestamps, version } from './columns.ts';

export const publicityRecords = pgTable(
  'publicity_records',
  {
    id: id(),
    districtId: districtId(),
    /** Null: the district's own record. */
    townshipId: uuid('township_id'),
    /** The unit of the office that recorded it (the township or the district). */
    unitId: uuid('unit_id').notNull(),
    kind: text('kind', { enum: ['media_column', 'exposure', 'report'] }).notNull(),
    channel: text('channel', { enum: ['tv', 'radio', 'newspaper', 'website', 'wechat', 'other'] }).notNull(),
    /** 主流媒体, as the recorder judged it. */
    mainstream: boolean('mainstream').notNull(),
    /** The outlet (e.g. 区融媒体中心), when named. */
    outlet: text('outlet'),
    /** The day it was broadcast or published; a column's first day. */
    publishedOn: day('published_on').notNull(),
    /** A column's last day (null: one day, or still running). */
    endsOn: day('ends_on'),
    title: text('title').notNull(),
    link: text('link'),
    enterpriseIds: uuid('enterprise_ids').array().notNull().default(sql`'{}'::uuid[]`),
    summary: text('summary'),
    createdBy: uuid('created_by').notNull(),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    voidedBy: uuid('voided_by'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('publicity_records_region_idx').on(t.districtId, t.townshipId, t.publishedOn),
    check('publicity_records_ends_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.publishedOn}`),
    check('publicity_records_exposure_ck', sql`(${t.kind} = 'exposure') = (cardinality(${t.enterpriseIds}) > 0)`),
  ],
);
