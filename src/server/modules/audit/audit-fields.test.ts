// Every field an audit entry can hold has a Chinese name: the audited records are written whole
// (a row before and after), so every column of every audited table must be named.
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { auditFieldLabel } from '../../../contract/audit-fields.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../contract/audit-labels.ts';
import {
  accountabilityRecords, checklistTemplateVersions, checklistTemplates, enforcementCases, enforcementMeasures, enterprises, files, hazardCriteria,
  hazards, inspectionAnswers, inspectionPlanEntries, inspectionPlans, inspections, orgUnits, sectors, selfInspectionSchedules,
  supervisionGroups, technicalInspectors, users, securitySettings, workCalendarDays, safetyActivities, drillRequirements, publicityRecords, importMappings,
} from '../../db/schema/index.ts';

/** The tables whose rows the audit trail holds, by the entity type they are audited as. */
const AUDITED: [string, PgTable][] = [
  ['enterprise', enterprises], ['hazard', hazards], ['inspection', inspections], ['inspection', inspectionAnswers],
  ['enforcement_case', enforcementCases], ['enforcement_case', enforcementMeasures], ['inspection_plan', inspectionPlans],
  ['inspection_plan', inspectionPlanEntries], ['accountability', accountabilityRecords], ['checklist_template', checklistTemplates],
  ['checklist_template', checklistTemplateVersions], ['unit', orgUnits], ['sector', sectors], ['user', users], ['file', files],
  ['hazard_criterion', hazardCriteria], ['self_inspection_schedule', selfInspectionSchedules], ['supervision_group', supervisionGroups],
  ['work_calendar', workCalendarDays], ['technical_inspector', technicalInspectors],
  ['safety_activity', safetyActivities], ['drill_requirement', drillRequirements], ['publicity_record', publicityRecords],
  ['security_settings', securitySettings], ['import_mapping', importMappings],
];
/** Never written to the audit trail. */
const NEVER_AUDITED = new Set(['passwordHash', 'totpSecret', 'totpPendingSecret']);

describe('the audit log’s field names', () => {
  it.each(AUDITED)('name every column of a %s row', (entityType, table) => {
    const unnamed = Object.keys(getTableColumns(table)).filter((k) => !NEVER_AUDITED.has(k) && auditFieldLabel(entityType, k) === k);
    expect(unnamed).toEqual([]);
  });

  it('name every kind of audited record', () => {
    for (const [entityType] of AUDITED) expect(AUDIT_ENTITY_LABELS[entityType], entityType).toBeDefined();
  });

  it('name every action in Chinese', () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) expect(label, code).toMatch(/[\u4e00-\u9fff]/);
  });
});
