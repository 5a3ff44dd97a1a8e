// Campaigns (专项行动): the plan, its stages, its task and responsibility list, who owes each task,
// and what units report. Occurrences (a task's due dates for one unit) are derived from the task's
// deadline rule and the campaign's period, never stored: only what people do to them is.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, districtId, id, instant, timestamps, version } from './columns.ts';

/** A campaign issued by a district (townshipId null) or a township, possibly implementing a parent campaign. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    districtId: districtId(),
    /** The issuing township; null for a district's own campaign. */
    townshipId: uuid('township_id'),
    /** The district campaign this township campaign implements. */
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    docNumber: text('doc_number'),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    /** Null while a draft; the state after publication is derived from the dates. */
    publishedAt: instant('published_at'),
    keySectorIds: uuid('key_sector_ids').array().notNull().default(sql`'{}'::uuid[]`),
    checklistTemplateIds: uuid('checklist_template_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** When continuous tasks are reported, a deadline phrase (e.g. 每月14日和月底). */
    reportCycleText: text('report_cycle_text').notNull().default('每月'),
    /** Reminders go out this many days before an occurrence's due date. */
    remindDaysBefore: integer('remind_days_before').notNull().default(3),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [index('campaigns_district_township_idx').on(t.districtId, t.townshipId), index('campaigns_parent_idx').on(t.parentId)],
);

/** 阶段安排: a named phase with its dates and what is due in it. */
export const campaignStages = pgTable(
  'campaign_stages',
  {
    id: id(),
    districtId: districtId(),
    campaignId: uuid('campaign_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    due: text('due'),
  },
  (t) => [index('campaign_stages_campaign_idx').on(t.campaignId, t.ordinal)],
);

/** One row of the 工作清单和责任清单 (or a self-check item, kind 'self_check'). */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    id: id(),
    districtId: districtId(),
    campaignId: uuid('campaign_id').notNull(),
    kind: text('kind', { enum: ['task', 'self_check'] }).notNull().default('task'),
    /** Display order. */
    ordinal: integer('ordinal').notNull(),
    /** 序号 as the annex writes it (may repeat). */
    number: text('number').notNull().default(''),
    groupName: text('group_name').notNull().default(''),
    action: text('action').notNull().default(''),
    requirement: text('requirement').notNull(),
    unitsText: text('units_text').notNull().default(''),
    deadlineText: text('deadline_text').notNull().default(''),
    /** The parsed deadline rule (domain/campaigns/deadline-rule), kept with the text it came from. */
    deadlineRule: jsonb('deadline_rule').notNull(),
    /** For quantified tasks (每月至少…开展4次执法检查): the count each occurrence should reach. */
    target: integer('target'),
    /** Recognises the same annex row on re-import (domain/campaigns/task-table rowKey). */
    rowKey: text('row_key'),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    version: version(),
    ...timestamps,
  },
  (t) => [index('campaign_tasks_campaign_idx').on(t.campaignId, t.ordinal), uniqueIndex('campaign_tasks_row_key_uq').on(t.campaignId, t.rowKey)],
);

/** 责任单位: a unit that owes a task, lead or co-operating, and when it acknowledged (签收) it. */
export const campaignTaskUnits = pgTable(
  'campaign_task_units',
  {
    id: id(),
    districtId: districtId(),
    campaignId: uuid('campaign_id').notNull(),
    taskId: uuid('task_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    lead: boolean('lead').notNull().default(true),
    assignedAt: instant('assigned_at').notNull(),
    acknowledgedAt: instant('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [uniqueIndex('campaign_task_units_uq').on(t.taskId, t.unitId), index('campaign_task_units_unit_idx').on(t.unitId, t.campaignId)],
);

/** Names the office's annexes use for its units (党政办 → 党政办公室). */
export const unitAliases = pgTable(
  'unit_aliases',
  {
    id: id(),
    districtId: districtId(),
    alias: text('alias').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [uniqueIndex('unit_aliases_uq').on(t.districtId, t.alias)],
);

/** 工作落实情况: one filing of a unit on one occurrence; a refiling after a return is a new revision. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: id(),
    districtId: districtId(),
    campaignId: uuid('campaign_id').notNull(),
    taskId: uuid('task_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** The occurrence's due day: with task and unit, the occurrence it answers. */
    due: day('due').notNull(),
    revision: integer('revision').notNull(),
    status: text('status', { enum: ['submitted', 'confirmed', 'returned'] }).notNull(),
    text: text('text').notNull(),
    count: integer('count'),
    /** Inspections the count was taken from (pre-filled, linked). */
    inspectionIds: uuid('inspection_ids').array().notNull().default(sql`'{}'::uuid[]`),
    filedBy: uuid('filed_by').notNull(),
    filedAt: instant('filed_at').notNull(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: instant('reviewed_at'),
    reviewReason: text('review_reason'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('progress_reports_occurrence_uq').on(t.taskId, t.unitId, t.due, t.revision),
    index('progress_reports_campaign_idx').on(t.campaignId, t.unitId),
  ],
);

/** 催办: the office pressing a unit on one occurrence; every urge is kept. */
export const occurrenceUrges = pgTable(
  'occurrence_urges',
  {
    id: id(),
    districtId: districtId(),
    campaignId: uuid('campaign_id').notNull(),
    taskId: uuid('task_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    due: day('due').notNull(),
    note: text('note'),
    byId: uuid('by_id').notNull(),
    byName: text('by_name').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('occurrence_urges_occurrence_idx').on(t.taskId, t.unitId, t.due), index('occurrence_urges_campaign_idx').on(t.campaignId)],
);
