// How much of an annex the readers take. A township's task annex is tens of rows (seed 000: 47)
// and a few hundred KB as .xlsx or .docx; the bounds are far above that yet keep a wrong or
// hostile file from holding a core and memory on the 2-core server.
import { AppError } from '../../http/errors.ts';

export const MAX_ANNEX_BYTES = 5 * 1024 * 1024;
export const MAX_ANNEX_ROWS = 2000;
/** Wider than any annex (7–9 columns); a wider grid is the wrong table or a broken file. */
export const MAX_ANNEX_COLUMNS = 100;

export const annexTooLarge = (what: '文件' | '粘贴的内容') =>
  new AppError('PAYLOAD_TOO_LARGE', `${what}过大，不能超过 ${MAX_ANNEX_BYTES / 1024 / 1024} MB`);

export const tooManyRows = () =>
  new AppError('VALIDATION', `表格行数过多（超过 ${MAX_ANNEX_ROWS} 行），请拆分后分批导入`);

export const tooManyColumns = () =>
  new AppError('VALIDATION', `表格列数过多（超过 ${MAX_ANNEX_COLUMNS} 列），请确认选择的是工作清单表格`);

/** Refuses a grid past the bounds (the readers check before building a large grid, too). */
export function checkGridSize(rows: number, columns: number): void {
  if (rows > MAX_ANNEX_ROWS) throw tooManyRows();
  if (columns > MAX_ANNEX_COLUMNS) throw tooManyColumns();
}
