// Accountability records (问责).
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, timestamps, version, day } from './columns.ts';

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
