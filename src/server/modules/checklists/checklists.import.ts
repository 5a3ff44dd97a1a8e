// Importing a template workbook: the preview checks the file and says whether it creates a new
// template (version 1) or publishes the next version of an existing code, writing nothing; the
// commit publishes it. A template goes in whole or not at all, so any error blocks the commit.
import type { TChecklistImportPreview } from '../../../contract/checklists.ts';
import { type ChecklistTemplateContent, type TemplateProblem, TEMPLATE_PROBLEM_MESSAGES, TEMPLATE_VERSION_REFUSAL_MESSAGES, firstTemplateVersion, itemsOf, nextTemplateVersion } from '../../../domain/checklists/checklist.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { loadWorkbook } from '../../http/xlsx-import.ts';
import { rejectsWorkbook, saveBatch, takeBatch } from '../../http/xlsx-import-batch.ts';
import type { RowProblem } from '../../http/xlsx-rejects.ts';
import { presentDiff } from './checklists.presenter.ts';
import * as repo from './checklists.repository.ts';
import { insertFirstVersion, insertNextVersion } from './checklists.service.ts';
import { INFO, parseTemplateWorkbook, problemCell } from './checklists.xlsx.ts';

const KIND = 'checklists';
interface BatchRow { content: ChecklistTemplateContent; templateId: string | null; baseVersion: number | null }

export async function previewChecklistImport(ctx: AppContext, actor: Actor, fileName: string, buf: Buffer): Promise<TChecklistImportPreview> {
  const wb = await loadWorkbook(buf);
  let parsed = parseTemplateWorkbook(wb, new Set());
  const errors: RowProblem[] = [...parsed.errors];
  let fromVersion: number | null = null;
  let diff: TChecklistImportPreview['diff'] = null;
  let row: BatchRow | null = null;
  const code = parsed.content?.code ?? null;
  const existing = code ? await repo.findTemplateByCode(ctx.db, actor.districtId, code) : null;

  if (parsed.content && existing) {
    const current = await repo.findVersion(ctx.db, existing.id, existing.currentVersion);
    if (!current) throw notFound('检查表');
    fromVersion = current.version;
    // Blank item keys must not take a key the template already uses for another item.
    parsed = parseTemplateWorkbook(wb, new Set(itemsOf(current.content).map((i) => i.key)));
    const content = parsed.content!;
    const r = nextTemplateVersion({ ...current.content, version: current.version }, content);
    if (!existing.active) {
      errors.push({ sheet: INFO, row: parsed.infoRow, column: '编码（检查表信息）', message: '该检查表已停用，请先重新启用再导入新版本' });
    } else if (!r.ok) {
      if (r.refusal === 'invalid') for (const p of r.problems) errors.push({ ...problemCell(parsed, p, content), message: problemMessage(p) });
      else errors.push({ sheet: INFO, row: parsed.infoRow, column: '编码（检查表信息）', message: TEMPLATE_VERSION_REFUSAL_MESSAGES[r.refusal] });
    } else {
      diff = presentDiff(current, { version: r.template.version, content });
      row = { content, templateId: existing.id, baseVersion: current.version };
    }
  } else if (parsed.content) {
    const content = parsed.content;
    const r = firstTemplateVersion(content);
    if (!r.ok) for (const p of r.problems) errors.push({ ...problemCell(parsed, p, content), message: problemMessage(p) });
    else row = { content, templateId: null, baseVersion: null };
  }

  const ok = errors.length === 0 && row !== null;
  // A template goes in whole: the download is the whole file, its wrong rows marked.
  const report = { keep: 'whole' as const, labelTitle: '检查内容', sheets: parsed.sheets, problems: errors };
  const saved = await saveBatch(ctx, actor, { kind: KIND, fileName, rows: ok ? [row] : [], report, totalRows: parsed.itemRows });
  return {
    ...saved, fileName, totalRows: parsed.itemRows, validRows: ok ? parsed.itemRows : 0,
    toCreate: ok && !row!.templateId ? 1 : 0, toUpdate: ok && row!.templateId ? 1 : 0,
    code, name: parsed.content?.name ?? null, fromVersion, diff,
  };
}

const problemMessage = (p: TemplateProblem) => TEMPLATE_PROBLEM_MESSAGES[p.problem];

export async function commitChecklistImport(ctx: AppContext, actor: Actor, batchId: string) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = (await takeBatch<BatchRow>(tx, actor, KIND, batchId, now)).rows;
    if (!row) throw invalid({ file: ['文件有误，请修改后重新上传'] }, '文件有误，未导入任何内容');
    if (row.templateId === null) {
      await insertFirstVersion(tx, actor, row.content, now, 'checklist.import');
      return { created: 1, updated: 0, skipped: 0 };
    }
    const found = await repo.findTemplate(tx, actor.districtId, row.templateId);
    if (!found) throw notFound('检查表');
    await insertNextVersion(tx, actor, found.t, row.baseVersion!, row.content, now, 'checklist.import');
    return { created: 0, updated: 1, skipped: 0 };
  });
}

/** The file of a batch with its problems marked row by row, to fix and upload again. */
export const checklistImportRejects = (ctx: AppContext, actor: Actor, batchId: string) => rejectsWorkbook(ctx.db, actor, KIND, batchId);
