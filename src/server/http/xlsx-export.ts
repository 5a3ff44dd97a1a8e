// Streams a one-sheet workbook page by page (exceljs streaming writer): exports never load a whole table.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxExport {
  sheet: string;
  columns: { header: string; width: number }[];
  /** Page n (1-based) of rows; an empty array ends the export. */
  nextPage: (page: number) => Promise<unknown[][]>;
  maxRows: number;
}

export function streamXlsx(x: XlsxExport): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(x.sheet);
  ws.columns = x.columns;
  ws.getRow(1).font = { bold: true };
  void (async () => {
    try {
      let written = 0;
      for (let page = 1; written < x.maxRows; page++) {
        const rows = await x.nextPage(page);
        if (rows.length === 0) break;
        for (const r of rows) {
          if (written++ >= x.maxRows) break;
          ws.addRow(r).commit();
        }
      }
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}

export function sendXlsx(reply: FastifyReply, fileName: string, body: PassThrough | Buffer) {
  reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  return reply.send(body);
}
