import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, timestamps, version } from './columns.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

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

/** 问责: against officials (追责问责) and departments or units (约谈通报), never enterprises. */
export const accountabilityRecords = pgTable(
  'accountability_records',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id'),
    kind: text('kind', { enum: ['accountability', 'interview_notice'] }).notNull(),
    targetType: text('target_type', { enum: ['person', 'unit'] }).notNull(),
    /** Person's name, or the unit's name when it is not an org unit of ours. */
    targetName: text('target_name').notNull(),
    /** The person's unit, or the unit itself, when it is one of ours. */
    targetUnitId: uuid('target_unit_id'),
    position: text('position'),
    /** e.g. 诫勉谈话, 通报批评, 警告, 约谈. */
    measure: text('measure').notNull(),
    reason: text('reason').notNull(),
    hazardId: uuid('hazard_id'),
    /** The accident, described until accidents are records of their own. */
    accident: text('accident'),
    decidedOn: day('decided_on').notNull(),
    decidedBy: text('decided_by').notNull(),
    documentNo: text('document_no'),
    createdBy: uuid('created_by').notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [index('accountability_district_date_idx').on(t.districtId, t.decidedOn), index('accountability_hazard_idx').on(t.hazardId)],
);
