// The demo's inspections, 日周月 schedules, plans, cases and accountability records, held to the domain's rules.
import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChecklistTemplateContent, itemsOf, templateDiff } from '../../domain/checklists/checklist.ts';
import { shanghaiDay } from '../../domain/common/dates.ts';
import { CASE_STATUSES, CASE_TRANSITIONS, MEASURE_KINDS, finesFen, isDualPenalty, judicialReferralPersons, measureProblem, noPenaltyByLaw, type CaseAction, type CaseStatus, type EnforcementMeasure } from '../../domain/enforcement/enforcement.ts';
import { isHazardOverdue } from '../../domain/hazards/hazard-machine.ts';
import { mayStartInspection } from '../../domain/inspections/inspection-policy.ts';
import { INSPECTION_TYPES, canonicalJson, failedItems, inspectionCompletionRefusal, inspectorRuleRefusal, isSelfInspection, methodTagsRefusal, selfInspectionType, signaturePayload, type ChecklistAnswer, type InspectionMethodTag } from '../../domain/inspections/inspection-rules.ts';
import { enterpriseInScope, enterpriseScopeFor } from '../../domain/access/scope.ts';
import { CHONGMING_SPOT_CHECK, DASHENG_SMALL_ENTERPRISE, DASHENG_SMALL_VENUE, SEED_CHECKLISTS } from '../../domain/checklists/seed-checklists.ts';
import { type SelfInspectionFrequency, complianceOf, occurrencesBetween, scheduleProblems } from '../../domain/schedules/self-inspection-schedule.ts';
import { accountabilityRecords, checklistTemplateVersions, checklistTemplates, enforcementCases, enforcementMeasures, enterprises, recordEvents, hazards, inspectionAnswers, inspectionInspectors, inspectionPlanEntries, inspectionPlans, inspections, orgUnits, recordCounters, selfInspectionSchedules, users, workCalendarDays } from '../../server/db/schema/index.ts';
import { groupAssignmentsOf } from '../../server/modules/auth/auth.repository.ts';
import { addDays } from './demo-context.ts';
import { isRealName } from './demo-names.ts';
import { NOW, TODAY, database, useSeededDemo } from './seed-demo.test-world.ts';

useSeededDemo();

describe('demo inspections, schedules, plans, cases and accountability', () => {
  type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
  let I: Row<typeof inspections>[];
  let answers: Row<typeof inspectionAnswers>[];
  let inspectors: Row<typeof inspectionInspectors>[];
  let versions: Map<string, Row<typeof checklistTemplateVersions>>;
  let H: Map<string, Row<typeof hazards>>;
  let U: Map<string, Row<typeof users>>;
  let E: Map<string, Row<typeof enterprises>>;
  let units: Map<string, Row<typeof orgUnits>>;
  const completed = () => I.filter((i) => i.status === 'completed');
  const answersOf = (i: { id: string }) => answers.filter((a) => a.inspectionId === i.id);
  const inspectorsOf = (i: { id: string }) => inspectors.filter((r) => r.inspectionId === i.id).sort((a, b) => a.sortOrder - b.sortOrder);
  const itemsFor = (i: Row<typeof inspections>) => itemsOf(versions.get(i.templateVersionId)!.content as ChecklistTemplateContent);
  const asAnswer = (a: Row<typeof inspectionAnswers>): ChecklistAnswer => ({ itemKey: a.itemKey, result: a.result, number: a.number, text: a.text, comment: a.comment, photoIds: [] });

  beforeAll(async () => {
    const db = database.db;
    I = await db.select().from(inspections).orderBy(asc(inspections.number));
    answers = await db.select().from(inspectionAnswers);
    inspectors = await db.select().from(inspectionInspectors);
    versions = new Map((await db.select().from(checklistTemplateVersions)).map((v) => [v.id, v]));
    H = new Map((await db.select().from(hazards)).map((h) => [h.id, h]));
    U = new Map((await db.select().from(users)).map((u) => [u.id, u]));
    E = new Map((await db.select().from(enterprises)).map((e) => [e.id, e]));
    units = new Map((await db.select().from(orgUnits)).map((u) => [u.id, u]));
  });

  it('stores the seed checklists, 附件2-1 edited into version 2 while older inspections keep version 1', async () => {
    const templates = await database.db.select().from(checklistTemplates);
    expect(templates.map((t) => t.code).sort()).toEqual(SEED_CHECKLISTS.map((t) => t.code).sort());
    const edited = templates.find((t) => t.code === DASHENG_SMALL_ENTERPRISE.code)!;
    expect(edited.currentVersion).toBe(2);
    const v = [...versions.values()].filter((x) => x.templateId === edited.id).sort((a, b) => a.version - b.version);
    expect(v.map((x) => x.version)).toEqual([1, 2]);
    expect(v[1]!.publishedAt.getTime()).toBeGreaterThan(v[0]!.publishedAt.getTime());
    const diff = templateDiff(v[0]!.content as ChecklistTemplateContent, v[1]!.content as ChecklistTemplateContent);
    expect(diff).toEqual({ added: [], removed: [], changed: ['safety-investment'] });
    for (const i of I) {
      const version = versions.get(i.templateVersionId)!;
      expect(templates.find((t) => t.id === version.templateId)?.code).toBe(i.templateCode);
      expect(version.version).toBe(i.templateVersion);
      expect(version.publishedAt.getTime(), i.number).toBeLessThanOrEqual(i.createdAt.getTime());
    }
    const used = I.filter((i) => i.templateCode === edited.code);
    expect(used.some((i) => i.templateVersion === 1)).toBe(true);
    expect(used.some((i) => i.templateVersion === 2)).toBe(true);
  });

  it('keeps the district work calendar 2024–2026: holidays and 调休 weekend workdays', async () => {
    const days = await database.db.select().from(workCalendarDays);
    const kind = new Map(days.map((d) => [d.day, d.kind]));
    for (const d of ['2024-10-01', '2025-01-28', '2026-02-17', '2026-10-07']) expect(kind.get(d), d).toBe('holiday');
    for (const d of ['2024-09-29', '2025-09-28', '2026-02-14', '2026-10-10']) expect(kind.get(d), d).toBe('workday');
    for (const d of days.filter((x) => x.kind === 'workday')) expect([0, 6], d.day).toContain(new Date(`${d.day}T00:00:00Z`).getUTCDay());
    expect(new Set(days.map((d) => d.day.slice(0, 4)))).toEqual(new Set(['2024', '2025', '2026']));
  });

  it('has inspections of every type over the last ~4 months, completed and in progress, numbered from the counters', async () => {
    for (const t of INSPECTION_TYPES) expect(completed().some((i) => i.type === t), t).toBe(true);
    expect(I.filter((i) => i.status === 'draft').length).toBeGreaterThanOrEqual(3);
    const first = I.map((i) => i.inspectedOn).sort()[0]!;
    expect(Date.parse(TODAY) - Date.parse(first)).toBeGreaterThan(100 * 86_400_000);
    for (const i of I) expect(i.inspectedOn <= TODAY && i.updatedAt.getTime() <= NOW.getTime(), i.number).toBe(true);
    const seqs = new Map<number, number[]>();
    for (const i of I) {
      const m = /^YB-JC-(\d{4})-(\d{6})$/.exec(i.number)!;
      expect(m, i.number).not.toBeNull();
      seqs.set(Number(m[1]), [...(seqs.get(Number(m[1])) ?? []), Number(m[2])]);
    }
    const counters = await database.db.select().from(recordCounters).where(eq(recordCounters.kind, 'inspection'));
    expect(counters.map((c) => c.year).sort()).toEqual([...seqs.keys()].sort());
    for (const c of counters) {
      const s = seqs.get(c.year)!.sort((a, b) => a - b);
      expect(s).toEqual(s.map((_, k) => k + 1));
      expect(c.lastSeq).toBe(s.length);
    }
    // 执法检查 by two certified officers, with 四不两直 and 异地执法 among the tags; 抽查 with the 崇明 items.
    const enforcement = completed().filter((i) => i.type === 'enforcement');
    for (const i of enforcement) expect(inspectorRuleRefusal('enforcement', inspectorsOf(i)), i.number).toBeNull();
    const tags = new Set(enforcement.flatMap((i) => i.methodTags));
    expect(tags.has('four_no_two_direct') && tags.has('cross_region')).toBe(true);
    for (const i of I) expect(methodTagsRefusal(i.type, i.methodTags as InspectionMethodTag[]), i.number).toBeNull();
    const spot = completed().filter((i) => i.type === 'spot_check');
    for (const i of spot) expect(i.templateCode).toBe(CHONGMING_SPOT_CHECK.code);
    expect(spot.some((i) => i.failedCount > 0)).toBe(true);
    expect(completed().filter((i) => i.type === 'supervision').some((i) => U.get(i.createdBy)!.username === 'dudao')).toBe(true);
  });

  it('completes inspections only as the domain allows, every signer signing the hash of the stored payload', () => {
    for (const i of completed()) {
      const items = itemsFor(i);
      const ans = answersOf(i);
      const team = inspectorsOf(i);
      for (const r of team) {
        expect(r.signedAt, i.number).not.toBeNull();
        expect(r.signatureHash, i.number).toBe(i.signatureHash);
        expect(r.signedAt!.getTime()).toBeLessThanOrEqual(i.completedAt!.getTime());
      }
      const representative = i.representativeName
        ? { kind: 'signed' as const, name: i.representativeName }
        : i.representativeRefusalNote ? { kind: 'refused' as const, note: i.representativeRefusalNote } : null;
      expect(inspectionCompletionRefusal({
        type: i.type, inspectors: team, items, answers: ans.map(asAnswer),
        signatures: { inspectorUserIds: team.map((r) => r.userId), representative },
      }), i.number).toBeNull();
      const payload = signaturePayload({
        inspectionId: i.id, type: i.type, enterpriseId: i.enterpriseId, inspectedOn: i.inspectedOn,
        template: { code: i.templateCode, version: i.templateVersion }, methodTags: i.methodTags as InspectionMethodTag[],
        inspectors: team, items, answers: ans.map(asAnswer),
      });
      expect(canonicalJson(i.signedPayload), i.number).toBe(canonicalJson(payload));
      expect(i.signatureHash, i.number).toBe(createHash('sha256').update(canonicalJson(payload)).digest('hex'));
      expect(i.failedCount).toBe(failedItems(items, ans.map(asAnswer)).length);
      if (isSelfInspection(i.type)) {
        expect(representative, i.number).toBeNull();
        expect(i.periodKey, i.number).not.toBeNull();
      } else {
        expect(representative, i.number).not.toBeNull();
      }
    }
    expect(completed().some((i) => i.representativeRefusalNote !== null)).toBe(true);
    for (const i of I.filter((x) => x.status === 'draft')) {
      expect(i.signatureHash).toBeNull();
      expect(answersOf(i).length).toBeLessThan(itemsFor(i).length);
      expect(answersOf(i).every((a) => a.hazardId === null)).toBe(true);
    }
  });

  it('keeps every inspection in its inspector\'s scope and links every failed answer to its hazard', async () => {
    const scopes = new Map<string, ReturnType<typeof enterpriseScopeFor>>();
    const scopeOf = async (userId: string) => {
      if (scopes.has(userId)) return scopes.get(userId)!;
      const u = U.get(userId)!;
      const unit = units.get(u.unitId)!;
      const parent = unit.parentId ? units.get(unit.parentId) : undefined;
      const scope = enterpriseScopeFor({
        role: u.role, districtId: u.districtId, unitId: unit.id, unitKind: unit.kind,
        departmentRegion: unit.kind === 'department' && parent && (parent.kind === 'township' || parent.kind === 'district') ? { level: parent.kind, id: parent.id } : null,
        sectorIds: unit.kind === 'department' ? unit.sectorIds : [], enterpriseId: u.enterpriseId,
        groupAssignments: u.role === 'supervision_group' ? await groupAssignmentsOf(database.db, u.id) : null,
      });
      scopes.set(userId, scope);
      return scope;
    };
    let failed = 0;
    for (const i of I) {
      const e = E.get(i.enterpriseId)!;
      expect(i.villageId).toBe(e.villageId);
      for (const r of inspectorsOf(i)) {
        const u = U.get(r.userId)!;
        expect(mayStartInspection(u.role, i.type), `${i.number} ${u.username}`).toBe(true);
        expect(enterpriseInScope(await scopeOf(u.id), e), `${i.number} ${u.username} at ${e.name}`).toBe(true);
        expect(r.name).toBe(u.displayName);
        expect(r.certificateNo).toBe(u.enforcementCertificateNo);
      }
      const lead = U.get(i.createdBy)!;
      if (isSelfInspection(i.type)) expect(lead.enterpriseId, i.number).toBe(i.enterpriseId);
      expect(i.unitId, i.number).toBe(lead.role === 'enterprise' || lead.role === 'village' ? e.villageId : lead.unitId);
      if (i.status !== 'completed') continue;
      for (const a of answersOf(i).filter((x) => x.result === 'nonconform')) {
        failed += 1;
        const h = H.get(a.hazardId ?? '');
        expect(h, `${i.number} ${a.itemKey}`).toBeDefined();
        expect(h!.inspectionId).toBe(i.id);
        expect(h!.inspectionItemKey).toBe(a.itemKey);
        expect(h!.enterpriseId).toBe(i.enterpriseId);
        expect(e.sectorIds).toContain(h!.sectorId);
        const draft = a.hazardDraft as { description: string; level: string; sectorId: string; location: string };
        expect(draft).toMatchObject({ description: h!.description, level: h!.level, sectorId: h!.sectorId, location: h!.location });
        expect(a.comment).toBeTruthy();
        expect(shanghaiDay(h!.foundAt)).toBe(i.inspectedOn);
        expect(h!.foundByUserId).toBe(i.createdBy);
        if (lead.role === 'department') {
          expect(units.get(lead.unitId)!.sectorIds, h!.number).toContain(h!.sectorId);
          expect(h!.source).toBe('department');
        }
        if (lead.role === 'village') expect(h!.source).toBe('village');
        if (lead.role === 'enterprise') expect(h!.source).toBe('self_inspection');
      }
    }
    expect(failed).toBeGreaterThan(20);
    expect([...H.values()].filter((h) => h.inspectionId !== null).length).toBe(failed);
  });

  it('sets 日周月 schedules for a good share of enterprises, with histories that include missed occurrences', async () => {
    const schedules = await database.db.select().from(selfInspectionSchedules);
    const calendar = await database.db.select().from(workCalendarDays);
    expect(schedules.length).toBeGreaterThanOrEqual(20);
    const qiye = [...U.values()].find((u) => u.username === 'qiye')!;
    const own = schedules.find((s) => s.enterpriseId === qiye.enterpriseId)!;
    expect([own.dailyTemplateCode, own.weeklyTemplateCode, own.monthlyTemplateCode].every((c) => c !== null)).toBe(true);
    let missed = 0;
    let diligent = 0;
    for (const s of schedules) {
      const e = E.get(s.enterpriseId)!;
      const code = e.kind === 'small_venue' ? DASHENG_SMALL_VENUE.code : DASHENG_SMALL_ENTERPRISE.code;
      for (const c of [s.dailyTemplateCode, s.weeklyTemplateCode, s.monthlyTemplateCode]) if (c) expect(c, e.name).toBe(code);
      const schedule = {
        daily: s.dailyTemplateCode, weekly: s.weeklyTemplateCode, monthly: s.monthlyTemplateCode, workOnWeekends: s.workOnWeekends,
        holidays: [...calendar.filter((d) => d.kind === 'holiday').map((d) => d.day), ...s.holidays],
        extraWorkdays: [...calendar.filter((d) => d.kind === 'workday').map((d) => d.day), ...s.extraWorkdays],
        weeklyDueWeekday: s.weeklyDueWeekday, monthlyDueDay: s.monthlyDueDay,
      };
      expect(scheduleProblems(schedule), e.name).toEqual([]);
      const mine = completed().filter((i) => i.enterpriseId === s.enterpriseId && isSelfInspection(i.type));
      const occurrences = occurrencesBetween(schedule, s.startsOn, addDays(TODAY, 40));
      const seen = new Set<string>();
      for (const i of mine) {
        const occ = occurrences.find((o) => o.periodKey === i.periodKey && selfInspectionType(o.frequency) === i.type);
        expect(occ, `${e.name} ${i.type} ${i.periodKey}`).toBeDefined();
        expect(i.inspectedOn >= occ!.periodStart && i.inspectedOn <= occ!.periodEnd && i.inspectedOn >= s.startsOn).toBe(true);
        expect(i.templateCode).toBe(occ!.templateCode);
        expect(seen.has(`${i.type}|${i.periodKey}`), `${e.name} twice in ${i.periodKey}`).toBe(false);
        seen.add(`${i.type}|${i.periodKey}`);
      }
      const dates = (f: SelfInspectionFrequency) => mine.filter((i) => i.type === selfInspectionType(f)).map((i) => i.inspectedOn);
      const c = complianceOf({ schedule, from: s.startsOn, to: addDays(TODAY, 40), today: TODAY, doneDates: { daily: dates('daily'), weekly: dates('weekly'), monthly: dates('monthly') } });
      expect(c.all.done, e.name).toBe(mine.length);
      if (c.all.missed > 0) missed += 1;
      if (c.all.rate !== null && c.all.rate >= 0.95) diligent += 1;
    }
    expect(missed).toBeGreaterThanOrEqual(5);
    expect(diligent).toBeGreaterThanOrEqual(3);
  });

  it('plans the current year and 2026 by department, key enterprises flagged, some fulfilled and some key ones not yet', async () => {
    const plans = await database.db.select().from(inspectionPlans);
    const entries = await database.db.select().from(inspectionPlanEntries);
    const year = Number(TODAY.slice(0, 4));
    expect(new Set(plans.map((p) => p.year))).toEqual(new Set([year, 2026]));
    const unitNames = new Set(plans.map((p) => units.get(p.unitId)!.name));
    for (const n of ['应急办', '村镇建设中心']) expect(unitNames.has(n), n).toBe(true);
    expect(unitNames.size).toBeGreaterThanOrEqual(4);
    const planOf = new Map(plans.map((p) => [p.id, p]));
    for (const en of entries) {
      const e = E.get(en.enterpriseId)!;
      const unit = units.get(planOf.get(en.planId)!.unitId)!;
      expect(e.sectorIds.some((s) => unit.sectorIds.includes(s)), `${unit.name} plans ${e.name}`).toBe(true);
      expect(en.isKey).toBe(e.isKey);
      expect(en.month >= 1 && en.month <= 12).toBe(true);
    }
    const entryById = new Map(entries.map((en) => [en.id, en]));
    const fulfilled = I.filter((i) => i.planEntryId !== null);
    expect(fulfilled.length).toBeGreaterThan(5);
    for (const i of fulfilled) {
      const en = entryById.get(i.planEntryId!)!;
      const plan = planOf.get(en.planId)!;
      expect(en.enterpriseId).toBe(i.enterpriseId);
      expect(en.month).toBe(Number(i.inspectedOn.slice(5, 7)));
      expect(plan.year).toBe(Number(i.inspectedOn.slice(0, 4)));
      expect(plan.unitId).toBe(i.unitId);
    }
    const month = Number(TODAY.slice(5, 7));
    const covered = (en: (typeof entries)[number]) => {
      const plan = planOf.get(en.planId)!;
      return completed().some((i) => i.planEntryId === en.id || (i.unitId === plan.unitId && i.enterpriseId === en.enterpriseId
        && i.inspectedOn.startsWith(`${plan.year}-${String(en.month).padStart(2, '0')}`)));
    };
    const pastKey = entries.filter((en) => en.isKey && planOf.get(en.planId)!.year === year && en.month < month);
    expect(pastKey.some((en) => !covered(en))).toBe(true);
    expect(entries.some((en) => covered(en))).toBe(true);
  });

  it('runs enforcement cases through CASE_TRANSITIONS with every measure kind and status, 一案双罚 and 依法不予处罚', async () => {
    const cases = await database.db.select().from(enforcementCases).orderBy(asc(enforcementCases.number));
    const measures = await database.db.select().from(enforcementMeasures);
    const events = await database.db.select().from(recordEvents).where(eq(recordEvents.entityType, 'enforcement_case')).orderBy(asc(recordEvents.seq));
    expect(new Set(measures.map((m) => m.kind))).toEqual(new Set(MEASURE_KINDS));
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
    expect(cases.some((c) => c.inspectionId !== null)).toBe(true);
    expect(cases.some((c) => c.inspectionId === null && c.hazardId !== null)).toBe(true);
    const asMeasures = (caseId: string): EnforcementMeasure[] => measures.filter((m) => m.caseId === caseId).map((m) =>
      m.kind === 'penalty' ? { kind: 'penalty', fineOnEnterpriseFen: m.fineOnEnterpriseFen!, fineOnPrincipalFen: m.fineOnPrincipalFen! }
        : m.kind === 'judicial_referral' ? { kind: 'judicial_referral', personCount: m.personCount! } : { kind: m.kind });
    let dual = 0;
    let enterpriseOnly = 0;
    let noPenalty = 0;
    for (const c of cases) {
      const ms = asMeasures(c.id);
      for (const m of ms) expect(measureProblem(m), c.number).toBeNull();
      const fines = finesFen(ms);
      expect([c.fineOnEnterpriseFen, c.fineOnPrincipalFen]).toEqual([fines.onEnterprise, fines.onPrincipal]);
      if (isDualPenalty(ms)) dual += 1;
      if (fines.onEnterprise > 0 && fines.onPrincipal === 0) enterpriseOnly += 1;
      if (['filed', 'investigating'].includes(c.status)) expect(ms, c.number).toEqual([]);
      else expect(c.decidedOn && c.documentNo, c.number).toBeTruthy();
      const e = E.get(c.enterpriseId)!;
      expect(units.get(c.unitId)!.sectorIds.some((s) => e.sectorIds.includes(s)), c.number).toBe(true);
      if (c.hazardId) expect(H.get(c.hazardId)!.enterpriseId).toBe(c.enterpriseId);
      if (c.inspectionId) expect(I.find((i) => i.id === c.inspectionId)!.enterpriseId).toBe(c.enterpriseId);
      if (c.noPenaltyReason) {
        const h = H.get(c.hazardId!)!;
        expect(noPenaltyByLaw({ hazardSource: h.source, hazardLevel: h.level, hazardStatus: h.status, measures: ms }), c.number).toBe(true);
        expect(ms).toEqual([]);
        noPenalty += 1;
      }
      // The timeline: 立案, then the actions of the transition table, ending in the case's status.
      const timeline = events.filter((ev) => ev.entityId === c.id);
      expect(timeline[0]).toMatchObject({ action: 'file', fromStatus: null, toStatus: 'filed' });
      for (let k = 1; k < timeline.length; k++) {
        const ev = timeline[k]!;
        expect(ev.fromStatus).toBe(timeline[k - 1]!.toStatus);
        expect(ev.at.getTime()).toBeGreaterThanOrEqual(timeline[k - 1]!.at.getTime());
        if (ev.action === 'publish') expect(ev.toStatus).toBe(ev.fromStatus);
        else expect(CASE_TRANSITIONS[ev.fromStatus as CaseStatus][ev.action as CaseAction], `${c.number} ${ev.action}`).toBe(ev.toStatus);
      }
      expect(timeline.at(-1)!.toStatus).toBe(c.status);
      expect(timeline.at(-1)!.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (c.status === 'closed') {
        expect(c.closedOn && c.closeNote).toBeTruthy();
        for (const m of measures.filter((x) => x.caseId === c.id)) expect(m.executedOn, c.number).not.toBeNull();
      }
    }
    expect(dual).toBeGreaterThanOrEqual(1);
    expect(enterpriseOnly).toBeGreaterThanOrEqual(1);
    expect(noPenalty).toBe(1);
    const published = cases.filter((c) => c.published);
    expect(published.length).toBeGreaterThanOrEqual(2);
    for (const c of published) expect(c.publishedAt && c.publicationSummary).toBeTruthy();
    const crime = cases.filter((c) => c.dangerousOperationCrime);
    expect(crime).toHaveLength(1);
    expect(judicialReferralPersons(asMeasures(crime[0]!.id))).toBeGreaterThanOrEqual(1);
    const seqs = new Map<number, number[]>();
    for (const c of cases) {
      const m = /^YB-AJ-(\d{4})-(\d{6})$/.exec(c.number)!;
      expect(Number(m[1]), c.number).toBe(Number(c.filedOn.slice(0, 4)));
      seqs.set(Number(m[1]), [...(seqs.get(Number(m[1])) ?? []), Number(m[2])]);
    }
    const counters = await database.db.select().from(recordCounters).where(eq(recordCounters.kind, 'case'));
    expect(new Map(counters.map((c) => [c.year, c.lastSeq]))).toEqual(new Map([...seqs].map(([y, s]) => [y, s.length])));
    for (const s of seqs.values()) expect(s.sort((a, b) => a - b)).toEqual(s.map((_, k) => k + 1));
  });

  it('records 追责问责 of officials and 约谈通报 of units, linked to overdue hazards', async () => {
    const rows = await database.db.select().from(accountabilityRecords);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['accountability', 'interview_notice']));
    for (const r of rows) {
      expect(units.has(r.targetUnitId!), r.targetName).toBe(true);
      if (r.targetType === 'person') {
        expect(isRealName(r.targetName)).toBe(false);
        expect(r.position).toBeTruthy();
      } else {
        expect(r.targetName).toBe(units.get(r.targetUnitId!)!.name);
      }
      expect(r.decidedOn <= TODAY).toBe(true);
      if (r.hazardId) {
        const h = H.get(r.hazardId)!;
        expect(isHazardOverdue(h, TODAY), h.number).toBe(true);
        expect(r.decidedOn >= h.dueDate!).toBe(true);
      }
    }
    expect(rows.filter((r) => r.hazardId !== null).length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.hazardId && H.get(r.hazardId)!.level === 'major')).toBe(true);
  });
});
