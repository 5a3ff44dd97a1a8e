// 群众举报 (public reports, decision 021) and their rewards (举报奖励). A report arrives without an
// account; the reporter keeps a tracking code of which only the hash is stored, so a copy of the
// database does not let anyone read or follow someone else's report.
import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, districtId, id, instant, timestamps, version } from './columns.ts';

export const publicReports = pgTable(
  'public_reports',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id').notNull(),
    villageId: uuid('village_id'),
    /** JB + year + sequence, for the office's ledger (never shown to the public). */
    number: text('number').notNull(),
    /** sha256 of the tracking code: the lookup key. */
    codeHash: text('code_hash').notNull(),
    status: text('status', { enum: ['pending', 'investigating', 'substantiated', 'partly_substantiated', 'unfounded', 'duplicate', 'rejected'] }).notNull(),
    description: text('description').notNull(),
    place: text('place').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** The enterprise as the reporter named it (free text). */
    enterpriseName: text('enterprise_name'),
    /** The enterprise the office found it to be. */
    enterpriseId: uuid('enterprise_id'),
    anonymous: boolean('anonymous').notNull(),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    /** The department the office asked to investigate. */
    assignedUnitId: uuid('assigned_unit_id'),
    internalNote: text('internal_note'),
    publicReply: text('public_reply'),
    repliedAt: instant('replied_at'),
    conclusionReason: text('conclusion_reason'),
    hazardId: uuid('hazard_id'),
    duplicateOfId: uuid('duplicate_of_id'),
    submittedAt: instant('submitted_at').notNull(),
    acceptedAt: instant('accepted_at'),
    concludedAt: instant('concluded_at'),
    concludedBy: uuid('concluded_by'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('public_reports_code_uq').on(t.codeHash),
    uniqueIndex('public_reports_number_uq').on(t.districtId, t.number),
    index('public_reports_township_idx').on(t.townshipId, t.submittedAt.desc(), t.id),
    index('public_reports_district_idx').on(t.districtId, t.submittedAt.desc(), t.id),
    index('public_reports_assigned_idx').on(t.assignedUnitId, t.status),
    check('public_reports_identity_ck', sql`not ${t.anonymous} or (${t.reporterName} is null and ${t.reporterPhone} is null)`),
  ],
);

export const tipRewards = pgTable(
  'tip_rewards',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id').notNull(),
    reportId: uuid('report_id').notNull(),
    status: text('status', { enum: ['proposed', 'approved', 'rejected', 'paid'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** Copied from the report when proposed: an anonymous reward is paid against the tracking code. */
    anonymous: boolean('anonymous').notNull(),
    basis: text('basis').notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    proposedAt: instant('proposed_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
    /** The reporter asked for it on the code page; an optional phone to be reached on. */
    claimedAt: instant('claimed_at'),
    claimPhone: text('claim_phone'),
    paidOn: day('paid_on'),
    payMethod: text('pay_method', { enum: ['cash', 'bank_transfer', 'wechat', 'alipay', 'other'] }),
    paidBy: uuid('paid_by'),
    /** For an anonymous reward: the office checked the code the claimant showed against the report's. */
    codeVerified: boolean('code_verified').notNull().default(false),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('tip_rewards_report_uq').on(t.reportId),
    index('tip_rewards_township_idx').on(t.townshipId, t.status),
    index('tip_rewards_paid_idx').on(t.districtId, t.paidOn),
    check('tip_rewards_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/** A proof-of-work solution is good once: its signature is kept until the challenge expires. */
export const usedChallenges = pgTable(
  'used_challenges',
  {
    signature: text('signature').primaryKey(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('used_challenges_expiry_idx').on(t.expiresAt)],
);

export type PublicReportRow = typeof publicReports.$inferSelect;
export type TipRewardRow = typeof tipRewards.$inferSelect;
