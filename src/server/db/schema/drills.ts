// 应急演练 / 安全培训 (decision 019): one table of records, an enterprise's own or an org unit's
// (执法人员培训 of the authorities' enforcement staff), and the district's required times a year.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, districtId, id, instant, timestamps, version } from './columns.ts';

export const safetyActivities = pgTable(
  'safety_activities',
  {
    id: id(),
    districtId: districtId(),
    /** The township of the enterprise or of the unit (null for a district unit's own). */
    townshipId: uuid('township_id'),
    /** Set for an enterprise's drill or training; null for an org unit's staff training. */
    enterpriseId: uuid('enterprise_id'),
    /** Set for 执法人员培训: the department, village or office whose staff were trained. */
    unitId: uuid('unit_id'),
    category: text('category', { enum: ['drill', 'training'] }).notNull(),
    kind: text('kind', {
      enum: ['comprehensive_drill', 'special_drill', 'tabletop_drill', 'all_staff_training', 'topical_training', 'special_operations_training', 'enforcement_staff_training'],
    }).notNull(),
    heldOn: day('held_on').notNull(),
    participants: integer('participants').notNull(),
    content: text('content').notNull(),
    createdBy: uuid('created_by').notNull(),
    /** The unit of the account that recorded it (an enterprise's account: its village, with byEnterprise). */
    createdByUnitId: uuid('created_by_unit_id').notNull(),
    /** Recorded by the enterprise's own account (else by a supervising unit). */
    byEnterprise: boolean('by_enterprise').notNull(),
    verifiedAt: instant('verified_at'),
    verifiedBy: uuid('verified_by'),
    verifiedByUnitId: uuid('verified_by_unit_id'),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    voidedBy: uuid('voided_by'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('safety_activities_district_idx').on(t.districtId, t.heldOn),
    index('safety_activities_enterprise_idx').on(t.enterpriseId, t.category, t.heldOn),
    index('safety_activities_unit_idx').on(t.unitId, t.heldOn),
    check('safety_activities_subject_ck', sql`(${t.enterpriseId} is null) <> (${t.unitId} is null)`),
    check('safety_activities_staff_kind_ck', sql`(${t.kind} = 'enforcement_staff_training') = (${t.unitId} is not null)`),
  ],
);

/** The district's required times a year (0, 1, 2 or 4); no row: the default of domain/drills. */
export const drillRequirements = pgTable(
  'drill_requirements',
  {
    id: id(),
    districtId: districtId(),
    drillNormal: integer('drill_normal').notNull(),
    drillHighRisk: integer('drill_high_risk').notNull(),
    trainingNormal: integer('training_normal').notNull(),
    trainingHighRisk: integer('training_high_risk').notNull(),
    updatedBy: uuid('updated_by'),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('drill_requirements_district_uq').on(t.districtId)],
);
