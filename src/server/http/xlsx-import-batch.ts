// The import batch: a preview stores the rows it accepted and its report (the file's rows as text
// and the problems found); the same user commits it once, within the hour, and may download the
// rows that were not imported, before or after committing.
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { TImportRowError } from '../../contract/enterprises.ts';
import type { AppContext } from '../context.ts';
import type { DbOrTx, Tx } from '../db/client.ts';
import { importBatchRows, importBatches } from '../db/schema/index.ts';
import { insertAsJson, pgArray } from '../kernel/bulk.ts';
import type { Actor } from './actor.ts';
import { AppError, notFound } from './errors.ts';
import { type CapturedRow, type ImportReport, type RowProblem, buildRejectsWorkbook, labelledErrors, rejectedRowCount, type rowCapture } from './xlsx-rejects.ts';
import type { TextRow } from './xlsx-stream.ts';

const BATCH_TTL_MS = 60 * 60_000;
/** How long a batch's report stays for its rejects download (and its problems' pages), committed or not. */
const REPORT_KEPT_MS = 7 * 24 * 60 * 60_000;

/**
 * Removes what no one can use any more, at the start of every preview: the staged rows of a batch
 * that expired uncommitted (a 100,000-row preview left in a tab would otherwise stay in
 * import_batch_rows for good), including a preview a crash cut off while it read (it never got an
 * expiry: it goes an hour after it began); and, after a week, a batch's record with its report.
 * A commit deletes its own staged rows.
 */
export async function sweepImportBatches(db: DbOrTx, now: Date): Promise<void> {
  const abandoned = db.select({ id: importBatches.id }).from(importBatches).where(and(
    isNull(importBatches.committedAt), lt(importBatches.expiresAt, now), lt(importBatches.createdAt, new Date(now.getTime() - BATCH_TTL_MS)),
  ));
  await db.delete(importBatchRows).where(inArray(importBatchRows.batchId, abandoned));
  await db.delete(importBatches).where(lt(importBatches.createdAt, new Date(now.getTime() - REPORT_KEPT_MS)));
}

/** Problems a preview answers at once; the rest page through …/import/:batchId/errors. */
export const PREVIEW_ERRORS = 50;

/** What every preview answers besides its own counts. */
export interface SavedBatch {
  batchId: string;
  expiresAt: string;
  errors: TImportRowError[];
  errorTotal: number;
  labelTitle: string;
  rejectedRows: number;
}

// The report lives in the batch's `errors` column (jsonb): a batch saved before reports existed
// holds a bare array of errors there, and has no rows to give back.
const reportOf = (stored: unknown): ImportReport | null =>
  stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as ImportReport) : null;

/** An accepted row of a large import, kept in import_batch_rows: its data, and its text as in the file. */
export interface StagedRow<Row> {
  row: number;
  data: Row;
  label: string;
  source: string[];
}

const STAGE_PAGE = 1000;

/**
 * Stores a small import's preview, its rows in the batch (`rows`). Large imports stage theirs in
 * import_batch_rows as they read the file (openStaging); their report holds only the rows with problems.
 */
export async function saveBatch(
  ctx: AppContext,
  actor: Actor,
  b: { kind: string; fileName: string; rows: unknown[]; report: ImportReport; totalRows: number },
): Promise<SavedBatch> {
  const now = ctx.clock.now();
  await sweepImportBatches(ctx.db, now);
  const expiresAt = new Date(now.getTime() + BATCH_TTL_MS);
  const [batch] = await ctx.db
    .insert(importBatches)
    .values({
      districtId: actor.districtId, userId: actor.userId, kind: b.kind, fileName: b.fileName, rows: b.rows, errors: b.report, totalRows: b.totalRows,
      createdAt: now, expiresAt,
    })
    .returning({ id: importBatches.id });
  const errors = labelledErrors(b.report);
  return {
    batchId: batch!.id, expiresAt: expiresAt.toISOString(), errors: errors.slice(0, PREVIEW_ERRORS), errorTotal: errors.length,
    labelTitle: b.report.labelTitle, rejectedRows: rejectedRowCount(b.report),
  };
}

/** A large import's preview stored as it reads (openStaging): accepted rows batch by batch, then the report. */
export interface Staging {
  /** Stages accepted rows, in the file's order. */
  add(rows: StagedRow<unknown>[]): Promise<void>;
  /** Stores the report (the rows with problems and the problems) and makes the batch committable. */
  save(report: ImportReport, totalRows: number): Promise<SavedBatch>;
  /** Removes what was staged (the preview failed, e.g. the file passed the row cap). */
  discard(): Promise<void>;
}

/**
 * Starts a large import's batch before its file is read. Until `save` it has expired before it was
 * made, so nothing can commit it; its id is not told to anyone before then either. Staged outside a
 * transaction: on PGlite a transaction would hold the one connection while the file is parsed.
 */
export async function openStaging(ctx: AppContext, actor: Actor, b: { kind: string; fileName: string }): Promise<Staging> {
  await sweepImportBatches(ctx.db, ctx.clock.now());
  const [batch] = await ctx.db
    .insert(importBatches)
    .values({
      districtId: actor.districtId, userId: actor.userId, kind: b.kind, fileName: b.fileName, rows: [],
      errors: { keep: 'rejected', labelTitle: '', sheets: [], problems: [] } satisfies ImportReport, totalRows: 0,
      createdAt: ctx.clock.now(), expiresAt: new Date(0),
    })
    .returning({ id: importBatches.id });
  const batchId = batch!.id;
  let n = 0;
  return {
    async add(rows) {
      for (let i = 0; i < rows.length; i += STAGE_PAGE) {
        await insertAsJson(ctx.db, importBatchRows, rows.slice(i, i + STAGE_PAGE).map((r, j) => ({ batchId, n: n + i + j, ...r })));
      }
      n += rows.length;
    },
    async save(report, totalRows) {
      const expiresAt = new Date(ctx.clock.now().getTime() + BATCH_TTL_MS);
      await ctx.db.update(importBatches).set({ errors: report, totalRows, expiresAt }).where(eq(importBatches.id, batchId));
      const errors = labelledErrors(report);
      return {
        batchId, expiresAt: expiresAt.toISOString(), errors: errors.slice(0, PREVIEW_ERRORS), errorTotal: errors.length,
        labelTitle: report.labelTitle, rejectedRows: rejectedRowCount(report),
      };
    },
    async discard() {
      await ctx.db.delete(importBatchRows).where(eq(importBatchRows.batchId, batchId));
      await ctx.db.delete(importBatches).where(eq(importBatches.id, batchId));
    },
  };
}

/**
 * One batch of a streamed preview read: its rows with a problem join the report (they download with
 * their reasons), and the accepted ones are staged with their text, should the commit skip one
 * after all.
 */
export async function stageBatch<G extends { row: number }>(
  staging: Staging, capture: ReturnType<typeof rowCapture>,
  o: { batch: readonly TextRow[]; accepted: readonly G[]; problemRows: Iterable<number>; rejected: CapturedRow[] },
): Promise<void> {
  const bad = new Set(o.problemRows);
  for (const r of o.batch) if (bad.has(r.row)) o.rejected.push(capture.of(r));
  const text = new Map(o.batch.map((r) => [r.row, r]));
  await staging.add(o.accepted.map((g) => {
    const c = capture.of(text.get(g.row)!);
    return { row: g.row, data: g, label: c.label, source: c.values };
  }));
}

export interface TakenBatch<Row> {
  rows: Row[];
  /** A large import's rows (import_batch_rows), 1,000 at a time in the file's order: the row's number and data. */
  staged(): AsyncGenerator<Pick<StagedRow<Row>, 'row' | 'data'>[]>;
  /** The person's choices the preview applied (to remember for the district). */
  mapping: ImportReport['mapping'];
  /** The fields an update may set (ImportReport.updateFields); null: every field. */
  updateFields: string[] | null;
  /** Rows the preview passed over on purpose (ImportReport.passedOver). */
  passedOver: number;
  /** A row the commit could not write after all (e.g. its village was removed since the preview), and why. */
  skip(row: number, column: string, message: string): void;
  /** Stores the commit's skips with the preview's problems; the rows of the file not imported, each counted once. */
  finish(): Promise<number>;
}

/** Locks the user's own uncommitted, unexpired batch inside the commit transaction. */
export async function takeBatch<Row>(tx: Tx, actor: Actor, kind: string, batchId: string, now: Date): Promise<TakenBatch<Row>> {
  const [batch] = await tx
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.userId, actor.userId), eq(importBatches.kind, kind)))
    .limit(1)
    .for('update');
  if (!batch) throw notFound('导入批次');
  if (batch.committedAt) throw new AppError('CONFLICT', '该批次已导入，请勿重复提交');
  if (batch.expiresAt < now) throw new AppError('CONFLICT', '预检结果已过期，请重新上传文件');
  await tx.update(importBatches).set({ committedAt: now }).where(eq(importBatches.id, batchId));
  const report = reportOf(batch.errors);
  const skipped: RowProblem[] = [];
  const captured = new Set(report?.sheets[0]?.rows.map((r) => r.row) ?? []);
  return {
    rows: batch.rows as Row[],
    async *staged() {
      // The rows' data only: the text of a row the commit skips is read at `finish`.
      for (let n = 0; ; n += STAGE_PAGE) {
        const page = await tx.select({ row: importBatchRows.row, data: importBatchRows.data }).from(importBatchRows)
          .where(and(eq(importBatchRows.batchId, batchId), gte(importBatchRows.n, n), lt(importBatchRows.n, n + STAGE_PAGE)))
          .orderBy(asc(importBatchRows.n));
        if (page.length === 0) return;
        yield page as { row: number; data: Row }[];
      }
    },
    mapping: report?.mapping ?? null,
    updateFields: report?.updateFields ?? null,
    passedOver: report?.passedOver ?? 0,
    skip: (row, column, message) => {
      skipped.push({ row, column, message });
    },
    async finish() {
      // A skipped row the report does not hold joins the report's sheet with its staged text.
      const join = report ? [...new Set(skipped.map((p) => p.row))].filter((r) => !captured.has(r)) : [];
      if (join.length > 0) {
        const text = await tx.select({ row: importBatchRows.row, label: importBatchRows.label, source: importBatchRows.source }).from(importBatchRows)
          .where(and(eq(importBatchRows.batchId, batchId), sql`${importBatchRows.row} = any(${pgArray(join.map(String))}::int[])`));
        for (const t of text) report!.sheets[0]!.rows.push({ row: t.row, values: t.source, label: t.label });
      }
      await tx.delete(importBatchRows).where(eq(importBatchRows.batchId, batchId));
      if (!report) return batch.totalRows - (batch.rows as unknown[]).length + skipped.length;
      report.sheets[0]?.rows.sort((a, b) => a.row - b.row);
      const after = { ...report, problems: [...report.problems, ...skipped] };
      if (skipped.length > 0) await tx.update(importBatches).set({ errors: after }).where(eq(importBatches.id, batchId));
      return rejectedRowCount(after);
    },
  };
}

/** The user's own batch's rows not imported, as a workbook to fix and upload again. */
export async function rejectsWorkbook(db: DbOrTx, actor: Actor, kind: string, batchId: string): Promise<{ fileName: string; buf: Buffer }> {
  const [batch] = await db
    .select({ fileName: importBatches.fileName, errors: importBatches.errors })
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.userId, actor.userId), eq(importBatches.kind, kind)))
    .limit(1);
  if (!batch) throw notFound('导入批次');
  const report = reportOf(batch.errors);
  if (!report || rejectedRowCount(report) === 0) throw new AppError('CONFLICT', '该批次没有未导入的行');
  const base = batch.fileName.replace(/\.xlsx$/i, '');
  const fileName = report.keep === 'whole' ? `${base}-标注错误.xlsx` : `${base}-未导入的行.xlsx`;
  return { fileName, buf: await buildRejectsWorkbook(report) };
}

/** A page of the problems a preview found in the user's own batch, in the preview's order. */
export async function errorsPage(db: DbOrTx, actor: Actor, kind: string, batchId: string, q: { page: number; pageSize: number }) {
  const [batch] = await db
    .select({ errors: importBatches.errors })
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.userId, actor.userId), eq(importBatches.kind, kind)))
    .limit(1);
  if (!batch) throw notFound('导入批次');
  const report = reportOf(batch.errors);
  const all = report ? labelledErrors(report) : [];
  const from = (q.page - 1) * q.pageSize;
  return { items: all.slice(from, from + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
}
