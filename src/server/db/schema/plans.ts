// Annual inspection plans and their entries.
import { boolean, index, integer, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, timestamps, version } from './columns.ts';

/** 年度监督检查计划 of one department (or township office) for one year. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id'),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('inspection_plans_unit_year_uq').on(t.unitId, t.year), index('inspection_plans_district_year_idx').on(t.districtId, t.year)],
);

/** One enterprise to inspect in one month of a plan; key enterprises (重点企业) must be covered. */
export const inspectionPlanEntries = pgTable(
  'inspection_plan_entries',
  {
    id: id(),
    districtId: districtId(),
    planId: uuid('plan_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    month: smallint('month').notNull(),
    isKey: boolean('is_key').notNull().default(false),
    inspectionType: text('inspection_type', { enum: ['enforcement', 'assistance', 'supervision', 'spot_check'] }),
    note: text('note'),
  },
  (t) => [uniqueIndex('inspection_plan_entries_uq').on(t.planId, t.enterpriseId, t.month), index('inspection_plan_entries_enterprise_idx').on(t.enterpriseId)],
);
