// Exports stream a one-sheet workbook batch by batch (exceljs streaming writer) from a list's
// keyset iterator: no export loads a whole table, counts anything, or has a row cap. The first
// batch is read before the first byte goes out, so a failing query still answers the error
// envelope instead of a 200 cut off mid-download.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxExport {
  sheet: string;
  columns: { header: string; width: number }[];
  /** The rows in order, a batch at a time (an empty export is a header row alone). */
  batches: AsyncIterable<unknown[][]>;
}

/** Rows already in memory (a computed report, not a table) as a one-batch export. */
export async function* oneBatch(rows: unknown[][]): AsyncGenerator<unknown[][]> {
  yield rows;
}

/** Sends the export: headers once the first batch is in hand, then the rest as it is read. */
export async function sendXlsxExport(reply: FastifyReply, fileName: string, x: XlsxExport) {
  const batches = x.batches[Symbol.asyncIterator]();
  const first = await batches.next(); // a failure here leaves as the error envelope
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(x.sheet);
  ws.columns = x.columns;
  ws.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for (let step = first; !step.done; step = await batches.next()) {
        for (const r of step.value) ws.addRow(r).commit();
      }
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return sendXlsx(reply, fileName, out);
}

export function sendXlsx(reply: FastifyReply, fileName: string, body: PassThrough | Buffer) {
  reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  return reply.send(body);
}

/** Maps each batch of an iterator (list rows → spreadsheet rows). */
export async function* mapBatches<T, U>(batches: AsyncIterable<T[]>, f: (item: T) => U): AsyncGenerator<U[]> {
  for await (const b of batches) yield b.map(f);
}
