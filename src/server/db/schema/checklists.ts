// Checklist templates (versioned) and the district's work calendar.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, timestamps, version, instant, day } from './columns.ts';

/** 检查表: one row per template code; its content lives in the versions. */
export const checklistTemplates = pgTable(
  'checklist_templates',
  {
    id: id(),
    districtId: districtId(),
    /** Stable across versions (domain/checklist.ts CODE). */
    code: text('code').notNull(),
    /** Name and audience of the newest version, for lists and search. */
    name: text('name').notNull(),
    audience: text('audience', { enum: ['enterprise_small', 'small_venue', 'department_village', 'spot_check', 'enterprise'] }).notNull(),
    currentVersion: integer('current_version').notNull(),
    /** Retired templates stay for the inspections that used them but are not offered for new ones. */
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('checklist_templates_code_uq').on(t.districtId, t.code), index('checklist_templates_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`)],
);

/** Every published version, immutable: an edit inserts the next version. */
export const checklistTemplateVersions = pgTable(
  'checklist_template_versions',
  {
    id: id(),
    districtId: districtId(),
    templateId: uuid('template_id').notNull(),
    version: integer('version').notNull(),
    /** ChecklistTemplateContent (domain/checklist.ts), groups and items word for word. */
    content: jsonb('content').notNull(),
    itemCount: integer('item_count').notNull(),
    publishedAt: instant('published_at').notNull(),
    publishedBy: uuid('published_by'),
  },
  (t) => [uniqueIndex('checklist_template_versions_uq').on(t.templateId, t.version)],
);

/** The district's work calendar: 法定节假日 (holiday) and 调休 weekend workdays (workday). */
export const workCalendarDays = pgTable(
  'work_calendar_days',
  {
    districtId: districtId(),
    day: day('day').notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.day] })],
);
