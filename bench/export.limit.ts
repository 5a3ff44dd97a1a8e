// The export's limit (bench:export, bench:county): one hand-written query with a cursor over the
// same rows, joins and order as the product's export, its rows written to the same streaming workbook.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { HAZARD_EXPORT_COLUMNS } from '../src/server/modules/hazards/hazards.xlsx.ts';
import type { Raw } from './export.seed.ts';

/** The limit: one query with a cursor, rows written to the same streaming workbook. */
export async function handWritten(raw: Raw, townshipId: string): Promise<{ ms: number; rows: number; bytes: number }> {
  const started = performance.now();
  const out = new PassThrough();
  let bytes = 0;
  out.on('data', (c: Buffer) => (bytes += c.length));
  const done = new Promise((r) => out.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('隐患台账');
  ws.columns = HAZARD_EXPORT_COLUMNS;
  let rows = 0;
  await raw.exec('begin');
  await raw.exec(`declare c no scroll cursor for
    select h.number, e.name as ent, v.name as village, h.description, h.location, s.name as sector, h.level, h.source, h.found_at,
      h.status, h.due_date::text, h.fixed_on_spot, h.listing_level, h.transfer_count, h.reopen_count, r.name as unit, h.closed_at
    from hazards h join enterprises e on e.id = h.enterprise_id join org_units v on v.id = h.village_id
      join org_units r on r.id = h.responsible_unit_id join sectors s on s.id = h.sector_id
    where h.township_id = '${townshipId}' and h.status <> 'voided'
    order by h.found_at desc, h.id desc`);
  for (;;) {
    const batch = await raw.exec('fetch 2000 from c');
    if (batch.length === 0) break;
    for (const b of batch) {
      ws.addRow([b.number, b.ent, b.village, b.description, b.location, b.sector, b.level, b.source, b.found_at, b.status, b.due_date ?? '',
        '否', b.fixed_on_spot ? '是' : '否', b.listing_level ?? '', b.transfer_count, b.reopen_count, b.unit, b.closed_at ?? '']).commit();
      rows++;
    }
  }
  await raw.exec('commit');
  ws.commit();
  await wb.commit();
  await done;
  return { ms: performance.now() - started, rows, bytes };
}

