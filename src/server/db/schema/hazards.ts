// The hazard ledger and its side tables.
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, timestamps, version, instant, day } from './columns.ts';

/** 隐患台账: one row per hazard; its history lives in record_events (entity 'hazard') and the side tables. */
export const hazards = pgTable(
  'hazards',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id').notNull(),
    villageId: uuid('village_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    number: text('number').notNull(),
    source: text('source', { enum: ['self_inspection', 'department', 'village', 'supervision', 'public', 'assigned'] }).notNull(),
    foundAt: instant('found_at').notNull(),
    foundByUserId: uuid('found_by_user_id').notNull(),
    foundByUnitId: uuid('found_by_unit_id').notNull(),
    description: text('description').notNull(),
    location: text('location').notNull(),
    sectorId: uuid('sector_id').notNull(),
    category: text('category'),
    level: text('level', { enum: ['general', 'major'] }).notNull(),
    criterion: text('criterion'),
    fixedOnSpot: boolean('fixed_on_spot').notNull().default(false),
    status: text('status', { enum: ['reported', 'rectifying', 'awaiting_verification', 'closed', 'voided'] }).notNull(),
    /** The unit that supervises the hazard now (moves with an accepted transfer). */
    responsibleUnitId: uuid('responsible_unit_id').notNull(),
    dueDate: day('due_date'),
    acceptedAt: instant('accepted_at'),
    acceptedBy: uuid('accepted_by'),
    rectificationNote: text('rectification_note'),
    rectifiedAt: instant('rectified_at'),
    /** Who reported the rectification done (or fixed it on the spot): never the one who verifies it. */
    rectifiedBy: uuid('rectified_by'),
    closedAt: instant('closed_at'),
    verifiedBy: uuid('verified_by'),
    verifierName: text('verifier_name'),
    /** SHA-256 of the record as signed at close-out. */
    signatureHash: text('signature_hash'),
    listingLevel: text('listing_level', { enum: ['township', 'district', 'city'] }),
    transferCount: integer('transfer_count').notNull().default(0),
    pendingTransferId: uuid('pending_transfer_id'),
    pendingExtensionId: uuid('pending_extension_id'),
    reopenCount: integer('reopen_count').notNull().default(0),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    /** Found in an inspection: the inspection and the checklist item answered 不符合. */
    inspectionId: uuid('inspection_id'),
    inspectionItemKey: text('inspection_item_key'),
    /** Seen during a 督导检查 of a department or village (an enterprise-level problem becomes a hazard). */
    supervisionVisitId: uuid('supervision_visit_id'),
    /** The 群众举报 it was found true from (public_reports.hazard_id links back). */
    publicReportId: uuid('public_report_id'),
    createdBy: uuid('created_by').notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('hazards_number_uq').on(t.districtId, t.number),
    index('hazards_district_status_idx').on(t.districtId, t.status),
    // a 督导检查's record lists the hazards reported from it
    index('hazards_supervision_visit_idx').on(t.supervisionVisitId).where(sql`${t.supervisionVisitId} is not null`),
    index('hazards_public_report_idx').on(t.publicReportId).where(sql`${t.publicReportId} is not null`),
    // The ledger's order (found desc, id desc): pages and export keysets of a township or a district.
    index('hazards_township_found_idx').on(t.townshipId, t.foundAt.desc(), t.id.desc()),
    index('hazards_district_found_idx').on(t.districtId, t.foundAt.desc(), t.id.desc()),
    index('hazards_description_trgm').using('gin', sql`${t.description} gin_trgm_ops`),
    index('hazards_number_trgm').using('gin', sql`${t.number} gin_trgm_ops`),
    index('hazards_village_idx').on(t.villageId),
    index('hazards_enterprise_idx').on(t.enterpriseId),
    index('hazards_responsible_idx').on(t.responsibleUnitId, t.status),
    index('hazards_sector_idx').on(t.sectorId),
    index('hazards_due_idx').on(t.districtId, t.dueDate),
    // The reminder scheduler's scan: open hazards by deadline, across districts. Migration 0023 adds
    // INCLUDE columns (region, village, sector, level, source, state, found_at) so that the ledger's
    // and the dashboard's overdue counts read the index alone.
    index('hazards_open_due_idx').on(t.dueDate).where(sql`${t.status} in ('reported', 'rectifying', 'awaiting_verification')`),
    index('hazards_inspection_idx').on(t.inspectionId),
    // the forms' major-hazard figures read a district's major hazards in a window without the rest (bench:forms)
    index('hazards_major_found_idx').on(t.districtId, t.foundAt).where(sql`${t.level} = 'major'`),
    // the dashboard's 挂牌督办 count reads only the listed major hazards (hazard-counts.dashboard.ts)
    index('hazards_major_listed_idx').on(t.districtId, t.foundAt).where(sql`${t.level} = 'major' and ${t.listingLevel} is not null`),
    // Open hazards in the ledger's order: the overdue list and the 逾期 tab of a district or a
    // township skip the closed history (a district's newest 14,000 hazards held none overdue).
    // Migration 0027 adds INCLUDE columns so that the page's keys come from the index alone.
    index('hazards_open_district_found_idx').on(t.districtId, t.foundAt.desc(), t.id.desc()).where(sql`${t.status} in ('reported', 'rectifying', 'awaiting_verification')`),
    index('hazards_open_township_found_idx').on(t.townshipId, t.foundAt.desc(), t.id.desc()).where(sql`${t.status} in ('reported', 'rectifying', 'awaiting_verification')`),
    // Overdue hazards most overdue first (the dashboard's list, the ledger's 逾期): a district's or a
    // township's open hazards by deadline. Migration 0029 adds INCLUDE (found_at…) for the date range.
    index('hazards_open_district_due_idx').on(t.districtId, t.dueDate, t.id).where(sql`${t.status} in ('reported', 'rectifying', 'awaiting_verification')`),
    index('hazards_open_township_due_idx').on(t.townshipId, t.dueDate, t.id).where(sql`${t.status} in ('reported', 'rectifying', 'awaiting_verification')`),
  ],
);

/** 五落实 plans; every revision is kept, the newest is current. */
export const hazardPlans = pgTable(
  'hazard_plans',
  {
    id: id(),
    districtId: districtId(),
    hazardId: uuid('hazard_id').notNull(),
    owner: text('owner').notNull(),
    measures: text('measures').notNull(),
    fundsFen: bigint('funds_fen', { mode: 'number' }).notNull(),
    dueDate: day('due_date').notNull(),
    contingencyPlan: text('contingency_plan'),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('hazard_plans_hazard_idx').on(t.hazardId, t.createdAt)],
);

/** 延期: requested new due dates and the decision; old and new dates stay here. */
export const hazardExtensions = pgTable(
  'hazard_extensions',
  {
    id: id(),
    districtId: districtId(),
    hazardId: uuid('hazard_id').notNull(),
    oldDueDate: day('old_due_date'),
    newDueDate: day('new_due_date').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('hazard_extensions_hazard_idx').on(t.hazardId)],
);

/** 挂牌督办. */
export const hazardListings = pgTable(
  'hazard_listings',
  {
    id: id(),
    districtId: districtId(),
    hazardId: uuid('hazard_id').notNull(),
    level: text('level', { enum: ['township', 'district', 'city'] }).notNull(),
    leaderName: text('leader_name').notNull(),
    listedOn: day('listed_on').notNull(),
    documentNo: text('document_no').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  // with the day, so that "listed by day D" is answered from the index alone (the dashboard's 挂牌督办)
  (t) => [index('hazard_listings_hazard_idx').on(t.hazardId, t.listedOn)],
);

/** 移送: every hop is kept. */
export const hazardTransfers = pgTable(
  'hazard_transfers',
  {
    id: id(),
    districtId: districtId(),
    hazardId: uuid('hazard_id').notNull(),
    fromUnitId: uuid('from_unit_id').notNull(),
    toUnitId: uuid('to_unit_id').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'returned'] }).notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: instant('decided_at'),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('hazard_transfers_hazard_idx').on(t.hazardId), index('hazard_transfers_to_idx').on(t.toUnitId, t.status)],
);

/** 双报告: reports of a major hazard's discovery and rectification. */
export const hazardReports = pgTable(
  'hazard_reports',
  {
    id: id(),
    districtId: districtId(),
    hazardId: uuid('hazard_id').notNull(),
    kind: text('kind', { enum: ['discovery', 'rectification'] }).notNull(),
    recipient: text('recipient', { enum: ['department', 'government'] }).notNull(),
    reportedAt: instant('reported_at').notNull(),
    reportedBy: text('reported_by').notNull(),
    reportedTo: text('reported_to').notNull(),
    method: text('method').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('hazard_reports_hazard_idx').on(t.hazardId)],
);

/** 判定依据 suggestions: a configurable list per district (optionally per sector). */
export const hazardCriteria = pgTable(
  'hazard_criteria',
  {
    id: id(),
    districtId: districtId(),
    sectorId: uuid('sector_id'),
    text: text('text').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: version(),
    ...timestamps,
  },
  (t) => [index('hazard_criteria_district_idx').on(t.districtId)],
);

// Summary rows of the hazard ledger: how many hazards of each kind were found in each month, kept
// by a trigger on `hazards` in the same transaction as every change (migration 0023), so that a
// district's counts read a few hundred or thousand rows instead of its whole history (issue 14).
//
// Month grain, not day, and breakdowns apart, not crossed: at a county's density (1,000,000
// hazards over three years, 300 villages, 24 sectors) a row per day, village and sector would
// hold 98 % as many rows as the ledger itself (measured on bench/county). Each hazard counts in:
// - `all` of its township and of its district (level, source, state);
// - `village` of its township (level, state);
// - `sector` of its township and of its district (level, state).
// `region_id` is the township's or the district's id, `unit_id` the village's or sector's (for
// `all`, the region's again); `source` is '' where it is not kept. Ranges that do not start on a
// month's first day, or end before today, are counted from the ledger instead
// (modules/hazards/hazard-counts.ts decides).
export const HAZARD_COUNT_BREAKDOWNS = ['all', 'village', 'sector'] as const;
export type HazardCountBreakdown = (typeof HAZARD_COUNT_BREAKDOWNS)[number];

export const hazardCounts = pgTable(
  'hazard_counts',
  {
    districtId: uuid('district_id').notNull(),
    regionId: uuid('region_id').notNull(),
    by: text('by', { enum: HAZARD_COUNT_BREAKDOWNS }).notNull(),
    unitId: uuid('unit_id').notNull(),
    level: text('level').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull(),
    /** The first day of the month (Asia/Shanghai) the hazards were found in. */
    month: date('month', { mode: 'string' }).notNull(),
    /**
     * An open hazard's due month (its first day); 'infinity' for a hazard not open or without a due
     * day. Overdue hazards due before this month are then a sum of rows; only this month's are
     * counted from the open hazards' index (modules/hazards/hazard-counts.ts).
     */
    dueMonth: date('due_month', { mode: 'string' }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.regionId, t.by, t.month, t.unitId, t.level, t.source, t.status, t.dueMonth] }),
    // a district's villages are its townships' rows: read by breakdown and month, whatever the region
    index('hazard_counts_by_month_idx').on(t.districtId, t.by, t.month),
  ],
);

/**
 * A transaction's changes to the summary rows, before they are applied: the trigger writes the
 * statement's hazards here, counted by their own keys, and applies them at once, or, in a bulk
 * write that defers them (an import: hazard-counts.ts, withHazardCountsDeferred), once before it
 * commits. Many statements each upserting the same summary rows in one transaction made every
 * later upsert walk the row's earlier versions: 100 pages of an import of 100,000 hazards into a
 * county took 13 s against 7 s without the trigger (bench/county's database). A committed
 * transaction leaves no rows here.
 */
export const hazardCountsPending = pgTable(
  'hazard_counts_pending',
  {
    txid: bigint('txid', { mode: 'number' }).notNull(),
    districtId: uuid('district_id').notNull(),
    townshipId: uuid('township_id').notNull(),
    villageId: uuid('village_id').notNull(),
    sectorId: uuid('sector_id').notNull(),
    level: text('level').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    dueMonth: date('due_month', { mode: 'string' }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('hazard_counts_pending_txid_idx').on(t.txid)],
);
