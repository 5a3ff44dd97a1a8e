// 日周月 self-inspection schedules.
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { districtId, timestamps, version, day } from './columns.ts';

/** 日周月 self-inspection schedule of one enterprise. */
export const selfInspectionSchedules = pgTable(
  'self_inspection_schedules',
  {
    enterpriseId: uuid('enterprise_id').primaryKey(),
    districtId: districtId(),
    townshipId: uuid('township_id').notNull(),
    villageId: uuid('village_id').notNull(),
    /** Checklist template code per frequency; null: not scheduled. */
    dailyTemplateCode: text('daily_template_code'),
    weeklyTemplateCode: text('weekly_template_code'),
    monthlyTemplateCode: text('monthly_template_code'),
    workOnWeekends: boolean('work_on_weekends').notNull().default(false),
    /** The enterprise's own days off, on top of the district calendar. */
    holidays: text('holidays').array().notNull().default(sql`'{}'::text[]`),
    extraWorkdays: text('extra_workdays').array().notNull().default(sql`'{}'::text[]`),
    weeklyDueWeekday: smallint('weekly_due_weekday'),
    monthlyDueDay: smallint('monthly_due_day'),
    /** Occurrences are derived from this day on. */
    startsOn: day('starts_on').notNull(),
    active: boolean('active').notNull().default(true),
    version: version(),
    ...timestamps,
  },
  (t) => [index('self_inspection_schedules_district_idx').on(t.districtId), index('self_inspection_schedules_township_idx').on(t.townshipId), index('self_inspection_schedules_village_idx').on(t.villageId)],
);
