// Importing a plan's annex (工作清单和责任清单) into a campaign's task list: read the table from an
// .xlsx, a .docx or text pasted from Word or Excel; preview every row with its parsed deadline and
// its 责任单位 matched to real units, flagging what a person must fix; commit the (fixed) rows in
// one transaction, updating the rows an earlier import of the same annex created.
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { TAnnexCommit, TAnnexPreview, TImportPreviewRow } from '../../../contract/campaign-progress.ts';
import { AnnexText } from '../../../contract/campaign-progress.ts';
import { needsConfirmation, parseDeadline } from '../../../domain/campaigns/deadline-rule/index.ts';
import { rowKeys, tasksFromGrid } from '../../../domain/campaigns/task-table.ts';
import { matchUnits } from '../../../domain/campaigns/unit-match.ts';
import type { AppContext } from '../../context.ts';
import { campaignTasks } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { readingMultipart } from '../../http/multipart.ts';
import { parseOrThrow } from '../../http/validate.ts';
import { recordAudit } from '../audit/index.ts';
import { gridFromDocx, gridFromPastedText, gridFromXlsx } from './annex-read.ts';
import { checkUnits, deadlineView } from './campaign-tasks.service.ts';
import * as repo from './campaigns.repository.ts';
import { loadKeptCampaign } from './campaigns.service.ts';

const SELF_CHECK_UNITS = '各科室、村居';

/** The table of the request: an uploaded .xlsx or .docx (multipart `file`), or JSON { text } pasted from Word or Excel. */
export async function readAnnexGrid(req: FastifyRequest): Promise<string[][]> {
  if (!req.isMultipart()) return gridFromPastedText(parseOrThrow(AnnexText, req.body ?? {}).text);
  const upload = await readingMultipart(async () => {
    const file = await req.file();
    return file ? { name: file.filename, buf: await file.toBuffer() } : null;
  });
  if (!upload) throw new AppError('VALIDATION', '请选择要上传的文件', { file: ['请选择要上传的文件'] });
  if (/\.xlsx$/i.test(upload.name)) return gridFromXlsx(upload.buf);
  if (/\.docx$/i.test(upload.name)) return gridFromDocx(upload.buf);
  throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx（Excel）或 .docx（Word）文件，或直接粘贴表格内容');
}

export async function previewAnnex(ctx: AppContext, actor: Actor, id: string, grid: string[][]): Promise<TAnnexPreview> {
  const { c } = await loadKeptCampaign(ctx.db, actor, id);
  const period = { start: c.periodStart, end: c.periodEnd };
  const { rows, problems } = tasksFromGrid(grid);
  const [units, aliases, existing] = await Promise.all([
    repo.assignableUnits(ctx.db, c.districtId, c.townshipId),
    repo.aliasesOf(ctx.db, c.districtId),
    repo.tasksOf(ctx.db, [id], true),
  ]);
  const byKey = new Map(existing.filter((t) => t.rowKey).map((t) => [t.rowKey!, t.id]));
  // A self-check list (检查事项/具体内容) names no units: it is for every department and village.
  const selfCheck = rows.length > 0 && rows.every((r) => r.unitsText === '' && r.deadlineText === '');
  const keys = rowKeys(rows);
  const out: TImportPreviewRow[] = rows.map((r, i) => {
    const unitsText = r.unitsText || (selfCheck ? SELF_CHECK_UNITS : '');
    const lead = matchUnits(unitsText, units, aliases);
    const co = r.coUnitsText ? matchUnits(r.coUnitsText, units, aliases) : { tokens: [], unmatched: [] };
    const m = { tokens: [...lead.tokens, ...co.tokens], unmatched: [...lead.unmatched, ...co.unmatched] };
    const leadUnitIds = [...new Set(lead.tokens.flatMap((t) => t.unitIds))];
    const unitIds = [...new Set(m.tokens.flatMap((t) => t.unitIds))];
    const rule = parseDeadline(r.deadlineText, period);
    const rowProblems: string[] = [];
    if (!r.requirement) rowProblems.push('缺少工作要求');
    if (unitIds.length === 0 && m.unmatched.length === 0) rowProblems.push('缺少责任单位');
    for (const u of m.unmatched) rowProblems.push(`责任单位“${u}”未找到对应单位`);
    if (rule.kind === 'unread') rowProblems.push(r.deadlineText ? `时限要求“${r.deadlineText}”无法识别` : '缺少时限要求');
    else if (needsConfirmation(rule)) rowProblems.push('时限要求需人工确认');
    const key = keys[i]!;
    return {
      line: r.line, rowKey: key, kind: selfCheck ? 'self_check' as const : 'task' as const, number: r.number, groupName: r.group, action: r.action, requirement: r.requirement, unitsText,
      tokens: m.tokens, unitIds, leadUnitIds, unmatched: m.unmatched, deadlineText: r.deadlineText, deadline: deadlineView(rule, period),
      existingTaskId: byKey.get(key) ?? null, problems: rowProblems,
    };
  });
  return {
    rows: out, problems, units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    summary: {
      rows: out.length, unmatchedRows: out.filter((r) => r.unmatched.length > 0).length, unreadRows: out.filter((r) => r.deadline.kind === 'unread').length,
      toConfirmRows: out.filter((r) => r.deadline.kind !== 'unread' && r.deadline.needsConfirmation).length, updates: out.filter((r) => r.existingTaskId).length,
    },
  };
}

export async function commitAnnex(ctx: AppContext, actor: Actor, id: string, input: TAnnexCommit) {
  const { c } = await loadKeptCampaign(ctx.db, actor, id);
  const period = { start: c.periodStart, end: c.periodEnd };
  const errors: Record<string, string[]> = {};
  const parsed = input.rows.map((r, i) => {
    const rule = parseDeadline(r.deadlineText, period);
    const at = `第${r.line}行`;
    if (r.unitIds.length === 0) errors[`rows.${i}.unitIds`] = [`${at}：请选择责任单位`];
    if (rule.kind === 'unread') errors[`rows.${i}.deadlineText`] = [`${at}：时限要求无法识别，请改写（如“2023年7月30日前”“每月”“常态化”）`];
    else if (needsConfirmation(rule) && !r.deadlineConfirmed) errors[`rows.${i}.deadlineConfirmed`] = [`${at}：请确认时限要求的理解是否正确`];
    return { r, rule };
  });
  if (new Set(input.rows.map((r) => r.rowKey)).size !== input.rows.length) errors.rows = ['同一行出现了两次，请重新预览'];
  if (Object.keys(errors).length) throw invalid(errors, Object.values(errors)[0]![0]);
  await checkUnits(ctx.db, c, input.rows.flatMap((r) => r.unitIds), 'rows');
  await checkUnits(ctx.db, c, input.aliases.map((a) => a.unitId), 'aliases');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.select().from(campaignTasks).where(and(eq(campaignTasks.campaignId, id), inArray(campaignTasks.rowKey, input.rows.map((r) => r.rowKey))));
    const byKey = new Map(existing.map((t) => [t.rowKey!, t]));
    const base = (await repo.tasksOf(tx, [id], true)).filter((t) => !byKey.has(t.rowKey ?? '')).reduce((m, t) => Math.max(m, t.ordinal), 0);
    let created = 0;
    let updated = 0;
    for (const [i, { r, rule }] of parsed.entries()) {
      const fields = {
        kind: r.kind, number: r.number, groupName: r.groupName, action: r.action, requirement: r.requirement, unitsText: r.unitsText,
        deadlineText: r.deadlineText, deadlineRule: r.deadlineConfirmed ? { ...rule, certainty: 'certain' as const, notes: [...rule.notes, '已人工确认'] } : rule,
        ordinal: base + i + 1, updatedAt: now,
      };
      const old = byKey.get(r.rowKey);
      let task: { id: string; campaignId: string; districtId: string };
      if (old) {
        [task] = (await tx.update(campaignTasks).set({ ...fields, voidedAt: null, voidReason: null, version: old.version + 1 }).where(eq(campaignTasks.id, old.id)).returning()) as [typeof old];
        updated++;
      } else {
        [task] = (await tx.insert(campaignTasks).values({ ...fields, districtId: c.districtId, campaignId: id, rowKey: r.rowKey, createdAt: now }).returning()) as [typeof old & object];
        created++;
      }
      await repo.setTaskUnits(tx, task, r.unitIds.map((unitId) => ({ unitId, lead: r.leadUnitIds.length === 0 || r.leadUnitIds.includes(unitId) })), now);
    }
    await repo.saveAliases(tx, c.districtId, input.aliases);
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'campaign_task.import', entityType: 'campaign', entityId: id, after: { created, updated, rows: input.rows.length, aliases: input.aliases } });
    return { created, updated };
  });
}
