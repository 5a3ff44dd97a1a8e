// Report forms (调度表 / 汇总表): templates as versioned data, one submission per (form, unit, due
// date) holding what the unit entered, and every submitted version as a frozen snapshot (values,
// the metrics' versions and the ids of the records each figure counted).
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, districtId, id, instant, timestamps, version } from './columns.ts';

/**
 * A version of a form template. `seriesId` is the first version's id and names the form across
 * versions; a library template has no campaign, a campaign's form is a copy with its campaign.
 */
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: id(),
    districtId: districtId(),
    seriesId: uuid('series_id').notNull(),
    version: integer('version').notNull(),
    /** The shipped form it came from (SEED_FORMS code), if any. */
    code: text('code'),
    campaignId: uuid('campaign_id'),
    name: text('name').notNull(),
    /** domain/reports/template.ts TemplateBody. */
    body: jsonb('body').notNull(),
    /** A township's own uploaded workbook that export fills, with the cells bound to indicators. */
    workbookFileId: uuid('workbook_file_id'),
    bindings: jsonb('bindings'),
    current: boolean('current').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('report_templates_series_version_uq').on(t.seriesId, t.version),
    index('report_templates_district_idx').on(t.districtId, t.campaignId, t.current),
  ],
);

/** What a unit has done about one round of one form. No row: 未填. */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: id(),
    districtId: districtId(),
    campaignId: uuid('campaign_id').notNull(),
    seriesId: uuid('series_id').notNull(),
    /** The template version the draft is filled on (the newest when it was last saved). */
    templateId: uuid('template_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** The unit's township (itself for a township); null for a district-level unit. */
    townshipId: uuid('township_id'),
    due: day('due').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'approved', 'excused'] }).notNull(),
    /** Manual cells by indicator key. */
    values: jsonb('values').notNull().default({}),
    /** Computed cells the unit overrode: key → { value, reason }; the computed figure is kept beside it. */
    overrides: jsonb('overrides').notNull().default({}),
    note: text('note'),
    fillerName: text('filler_name'),
    fillerPhone: text('filler_phone'),
    /** Submitted versions so far (report_submission_versions.revision of the latest). */
    revision: integer('revision').notNull().default(0),
    submittedAt: instant('submitted_at'),
    submittedBy: uuid('submitted_by'),
    late: boolean('late').notNull().default(false),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: instant('reviewed_at'),
    reviewReason: text('review_reason'),
    /** The office reopened a locked round for this unit until this day. */
    reopenedUntil: day('reopened_until'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('report_submissions_round_unit_uq').on(t.seriesId, t.due, t.unitId),
    index('report_submissions_campaign_idx').on(t.campaignId, t.due),
    index('report_submissions_unit_idx').on(t.unitId, t.status),
  ],
);

/** A submitted version, frozen: what the unit sent, figure by figure, and the records counted. */
export const reportSubmissionVersions = pgTable(
  'report_submission_versions',
  {
    id: id(),
    districtId: districtId(),
    submissionId: uuid('submission_id').notNull(),
    revision: integer('revision').notNull(),
    templateId: uuid('template_id').notNull(),
    /** Cells as sent: key, value, computedValue, overrideReason, metric and its version, recordIds. */
    cells: jsonb('cells').notNull(),
    note: text('note'),
    late: boolean('late').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: instant('submitted_at').notNull(),
  },
  (t) => [uniqueIndex('report_submission_versions_uq').on(t.submissionId, t.revision)],
);
