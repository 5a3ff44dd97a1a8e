// Inspections, their inspectors and their answers.
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, timestamps, version, instant, day } from './columns.ts';

/** 检查记录: an inspection by the authorities or an enterprise's own 日/周/月 self-inspection. */
export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id').notNull(),
    villageId: uuid('village_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** e.g. YB-JC-2026-000012, from record_counters kind 'inspection'. */
    number: text('number').notNull(),
    type: text('type', { enum: ['enforcement', 'assistance', 'supervision', 'spot_check', 'self_daily', 'self_weekly', 'self_monthly'] }).notNull(),
    methodTags: text('method_tags').array().notNull().default(sql`'{}'::text[]`),
    inspectedOn: day('inspected_on').notNull(),
    /** The unit that inspects (a department, village, township office or the enterprise's own village for self-inspections). */
    unitId: uuid('unit_id').notNull(),
    templateVersionId: uuid('template_version_id').notNull(),
    templateCode: text('template_code').notNull(),
    templateVersion: integer('template_version').notNull(),
    /** Self-inspections: the 日周月 period it fulfils ('2026-11-23', '2026-W48', '2026-11'). */
    periodKey: text('period_key'),
    /** The inspection plan entry it fulfils, if any. */
    planEntryId: uuid('plan_entry_id'),
    location: text('location'),
    summary: text('summary'),
    status: text('status', { enum: ['draft', 'completed'] }).notNull().default('draft'),
    failedCount: integer('failed_count').notNull().default(0),
    /** 领导带队: a leader of the unit took part (附件3 其中领导检查企业). */
    leaderLed: boolean('leader_led').notNull().default(false),
    /** The items answered 不符合, kept by a trigger on inspection_answers (the forms count enterprises per failed item). */
    failedItemKeys: text('failed_item_keys').array().notNull().default(sql`'{}'::text[]`),
    /** 被检查单位负责人: signed (name) or refused (note). */
    representativeName: text('representative_name'),
    representativeRefusalNote: text('representative_refusal_note'),
    representativeSignedAt: instant('representative_signed_at'),
    /** SHA-256 of canonicalJson(signaturePayload) at completion; every signature carries it. */
    signatureHash: text('signature_hash'),
    /** The payload as signed, kept so the hash can be re-checked. */
    signedPayload: jsonb('signed_payload'),
    completedAt: instant('completed_at'),
    completedBy: uuid('completed_by'),
    createdBy: uuid('created_by').notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('inspections_number_uq').on(t.districtId, t.number),
    // The list's search by any part of the number (ilike '%…%').
    index('inspections_number_trgm').using('gin', sql`${t.number} gin_trgm_ops`),
    // The list's order (inspected desc, created desc, id desc), for a district's and a township's pages and keysets.
    index('inspections_district_date_idx').on(t.districtId, t.inspectedOn.desc(), t.createdAt.desc(), t.id.desc()),
    index('inspections_township_date_idx').on(t.townshipId, t.inspectedOn.desc(), t.createdAt.desc(), t.id.desc()),
    index('inspections_village_idx').on(t.villageId),
    index('inspections_enterprise_date_idx').on(t.enterpriseId, t.inspectedOn),
    index('inspections_unit_date_idx').on(t.unitId, t.inspectedOn),
    index('inspections_type_idx').on(t.districtId, t.type, t.status),
    index('inspections_plan_entry_idx').on(t.planEntryId),
    // Template usage counts ("used N times") per district and code.
    index('inspections_template_idx').on(t.districtId, t.templateCode),
  ],
);

/** 检查人员 and their signatures (谁检查、谁签名、谁负责). */
export const inspectionInspectors = pgTable(
  'inspection_inspectors',
  {
    districtId: districtId(),
    inspectionId: uuid('inspection_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** Copied from the user at the time, so the record shows what was true then. */
    name: text('name').notNull(),
    certificateNo: text('certificate_no'),
    sortOrder: smallint('sort_order').notNull().default(0),
    signedAt: instant('signed_at'),
    /** The payload hash this inspector signed; cleared when the record changes before completion. */
    signatureHash: text('signature_hash'),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.userId] }), index('inspection_inspectors_user_idx').on(t.userId)],
);

/** One answer per checklist item; photos are files owned by the inspection with meta.itemKey. */
export const inspectionAnswers = pgTable(
  'inspection_answers',
  {
    id: id(),
    districtId: districtId(),
    inspectionId: uuid('inspection_id').notNull(),
    itemKey: text('item_key').notNull(),
    result: text('result', { enum: ['conform', 'nonconform', 'not_applicable'] }),
    number: doublePrecision('number'),
    text: text('text'),
    comment: text('comment'),
    /** A non-conforming answer's hazard as the inspector confirmed it (level, description, location, sector, due date, criterion). */
    hazardDraft: jsonb('hazard_draft'),
    /** The hazard created from this answer at completion. */
    hazardId: uuid('hazard_id'),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('inspection_answers_item_uq').on(t.inspectionId, t.itemKey),
    index('inspection_answers_hazard_idx').on(t.hazardId),
    // a spot check's failed items in one small probe (the 崇明 form's per-item figures, bench:forms)
    index('inspection_answers_nonconform_idx').on(t.inspectionId, t.itemKey).where(sql`${t.result} = 'nonconform'`),
  ],
);
