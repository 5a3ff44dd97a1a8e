// Enforcement cases and their measures.
import { bigint, boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, timestamps, version, instant, day } from './columns.ts';

/** 执法案件: opened from an inspection or a hazard, for an enterprise. */
export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id').notNull(),
    villageId: uuid('village_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** e.g. YB-AJ-2026-000007, from record_counters kind 'case'. */
    number: text('number').notNull(),
    /** 处罚决定书文号, once decided. */
    documentNo: text('document_no'),
    /** The department (or office) handling the case. */
    unitId: uuid('unit_id').notNull(),
    inspectionId: uuid('inspection_id'),
    hazardId: uuid('hazard_id'),
    /** 案由. */
    title: text('title').notNull(),
    facts: text('facts'),
    status: text('status', { enum: ['filed', 'investigating', 'decided', 'executing', 'closed'] }).notNull(),
    filedOn: day('filed_on').notNull(),
    decidedOn: day('decided_on'),
    /** 不予处罚 reason given with a decision that imposes nothing. */
    noPenaltyReason: text('no_penalty_reason'),
    closedOn: day('closed_on'),
    closeNote: text('close_note'),
    /** Derived from the measures at decision time and kept for the forms' sums. */
    fineOnEnterpriseFen: bigint('fine_on_enterprise_fen', { mode: 'number' }).notNull().default(0),
    fineOnPrincipalFen: bigint('fine_on_principal_fen', { mode: 'number' }).notNull().default(0),
    /** 典型执法案例. */
    published: boolean('published').notNull().default(false),
    publishedAt: instant('published_at'),
    publicationSummary: text('publication_summary'),
    /** 危险作业罪 (刑法 第一百三十四条之一). */
    dangerousOperationCrime: boolean('dangerous_operation_crime').notNull().default(false),
    createdBy: uuid('created_by').notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('enforcement_cases_number_uq').on(t.districtId, t.number),
    // The list's order (filed desc, number desc, id desc).
    index('enforcement_cases_district_filed_idx').on(t.districtId, t.filedOn.desc(), t.number.desc(), t.id.desc()),
    index('enforcement_cases_township_filed_idx').on(t.townshipId, t.filedOn.desc(), t.number.desc(), t.id.desc()),
    index('enforcement_cases_enterprise_idx').on(t.enterpriseId),
    index('enforcement_cases_unit_idx').on(t.unitId, t.status),
    index('enforcement_cases_inspection_idx').on(t.inspectionId),
    index('enforcement_cases_hazard_idx').on(t.hazardId),
  ],
);

/** Measures decided in a case, one row each (domain/enforcement.ts EnforcementMeasure). */
export const enforcementMeasures = pgTable(
  'enforcement_measures',
  {
    id: id(),
    districtId: districtId(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind', {
      enum: ['penalty', 'suspension', 'work_stop', 'judicial_referral', 'closure_request', 'industry_ban', 'summons', 'exposure', 'joint_sanction', 'circular'],
    }).notNull(),
    fineOnEnterpriseFen: bigint('fine_on_enterprise_fen', { mode: 'number' }),
    fineOnPrincipalFen: bigint('fine_on_principal_fen', { mode: 'number' }),
    personCount: integer('person_count'),
    note: text('note'),
    decidedOn: day('decided_on').notNull(),
    executedOn: day('executed_on'),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('enforcement_measures_case_idx').on(t.caseId), index('enforcement_measures_district_kind_idx').on(t.districtId, t.kind, t.decidedOn)],
);
