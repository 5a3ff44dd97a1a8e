// Supervision of the township's own units and leaders: 督导检查 visits by the work groups and the
// findings (问题清单) they send to the units; leaders' activities (领导活动) and the frequencies a
// campaign requires of them; the roster of 专兼职技术检查员.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { day, districtId, id, instant, timestamps, version } from './columns.ts';

/** 督导检查: one visit of a group to an assigned department or village, its checklist answered item by item. */
export const supervisionVisits = pgTable(
  'supervision_visits',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id'),
    groupId: uuid('group_id').notNull(),
    campaignId: uuid('campaign_id'),
    /** The department or village visited. */
    unitId: uuid('unit_id').notNull(),
    visitedOn: day('visited_on').notNull(),
    /** The group's members present (accounts). */
    memberUserIds: uuid('member_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** 看查问 (domain/supervision/finding-workflow.ts VISIT_METHODS). */
    methods: text('methods').array().notNull().default(sql`'{}'::text[]`),
    templateVersionId: uuid('template_version_id'),
    templateCode: text('template_code'),
    /** [{ itemKey, result: done | not_done | not_applicable, note }] */
    answers: jsonb('answers').notNull().default(sql`'[]'::jsonb`),
    summary: text('summary'),
    createdBy: uuid('created_by').notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('supervision_visits_group_idx').on(t.groupId, t.visitedOn.desc()),
    index('supervision_visits_unit_idx').on(t.unitId, t.visitedOn.desc()),
    index('supervision_visits_district_idx').on(t.districtId, t.visitedOn.desc()),
  ],
);

/** 问题清单: a finding sent to the unit visited, answered by it and accepted (or returned) by the group. */
export const supervisionFindings = pgTable(
  'supervision_findings',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id'),
    groupId: uuid('group_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** The checklist item rated 不到位 it came from, if any. */
    itemKey: text('item_key'),
    description: text('description').notNull(),
    dueDate: day('due_date').notNull(),
    status: text('status', { enum: ['open', 'answered', 'returned', 'closed', 'withdrawn'] }).notNull().default('open'),
    /** Why the group withdrew it (sent in error). */
    withdrawReason: text('withdraw_reason'),
    measures: text('measures'),
    answeredAt: instant('answered_at'),
    answeredBy: uuid('answered_by'),
    returnReason: text('return_reason'),
    closedAt: instant('closed_at'),
    closedBy: uuid('closed_by'),
    createdBy: uuid('created_by').notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('supervision_findings_unit_idx').on(t.unitId, t.status),
    index('supervision_findings_group_idx').on(t.groupId, t.status),
    index('supervision_findings_visit_idx').on(t.visitId),
  ],
);

/** 领导活动: a leaders' study, meeting, heard briefing, inspection, talk, analysis or assessment. */
export const leadershipActivities = pgTable(
  'leadership_activities',
  {
    id: id(),
    districtId: districtId(),
    /** Null for the district's own. */
    townshipId: uuid('township_id'),
    /** The unit that recorded it (the office, a department, a leader's township). */
    unitId: uuid('unit_id').notNull(),
    level: text('level', { enum: ['district', 'township'] }).notNull(),
    kind: text('kind', { enum: ['study', 'meeting', 'briefing_heard', 'research_inspection', 'site_supervision', 'enterprise_talk', 'situation_analysis', 'assessment'] }).notNull(),
    heldOn: day('held_on').notNull(),
    topic: text('topic').notNull(),
    place: text('place'),
    enterpriseId: uuid('enterprise_id'),
    /** [{ userId | null, name, post }] */
    leaders: jsonb('leaders').notNull().default(sql`'[]'::jsonb`),
    /** The accounts among the leaders, for the frequency checks. */
    leaderUserIds: uuid('leader_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    campaignId: uuid('campaign_id'),
    hazardIds: uuid('hazard_ids').array().notNull().default(sql`'{}'::uuid[]`),
    taskIds: uuid('task_ids').array().notNull().default(sql`'{}'::uuid[]`),
    summary: text('summary'),
    createdBy: uuid('created_by').notNull(),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('leadership_activities_district_idx').on(t.districtId, t.heldOn.desc()),
    index('leadership_activities_township_idx').on(t.townshipId, t.heldOn.desc()),
    index('leadership_activities_leaders_idx').using('gin', t.leaderUserIds),
  ],
);

/** A campaign's required frequency of leaders' activities (seed 000 附件1 rows 4–8), optionally feeding one task's progress. */
export const leadershipRequirements = pgTable(
  'leadership_requirements',
  {
    id: id(),
    districtId: districtId(),
    campaignId: uuid('campaign_id').notNull(),
    label: text('label').notNull(),
    posts: text('posts').array().notNull(),
    kinds: text('kinds').array().notNull(),
    /** "每月1次", "每3个月1次", "至少1次" (domain/supervision/compliance.ts parseFrequency). */
    frequencyText: text('frequency_text').notNull(),
    /** The campaign task whose occurrences take their progress from these records. */
    taskId: uuid('task_id'),
    createdBy: uuid('created_by').notNull(),
    voidedAt: instant('voided_at'),
    version: version(),
    ...timestamps,
  },
  (t) => [index('leadership_requirements_campaign_idx').on(t.campaignId), index('leadership_requirements_task_idx').on(t.taskId)],
);

/** 专兼职技术检查员: a roster per district and township, counted on any date. */
export const technicalInspectors = pgTable(
  'technical_inspectors',
  {
    id: id(),
    districtId: districtId(),
    /** Null: the district's own roster. */
    townshipId: uuid('township_id'),
    /** The unit the inspector works for. */
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    userId: uuid('user_id'),
    employment: text('employment', { enum: ['full_time', 'part_time'] }).notNull(),
    fromDate: day('from_date').notNull(),
    toDate: day('to_date'),
    certificates: text('certificates'),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    version: version(),
    ...timestamps,
  },
  (t) => [index('technical_inspectors_region_idx').on(t.districtId, t.townshipId, t.fromDate)],
);

