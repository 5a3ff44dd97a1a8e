// Migration 0008 moves the per-area timelines (hazard_events, enforcement_case_events) and the
// hazard counter into the kernel's record_events and record_counters: checked on a database at
// 0007 holding rows of each, migrated the way a running installation is.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, PGLITE_EXTENSIONS } from './client.ts';

const D = '00000000-0000-4000-8000-000000000001';
const H = '00000000-0000-4000-8000-0000000000a1';
const C = '00000000-0000-4000-8000-0000000000c1';

async function apply(db: PGlite, file: string) {
  const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
  for (const statement of sql.split('--> statement-breakpoint')) if (statement.trim()) await db.exec(statement);
}

describe('migration 0008: one timeline and one counter', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite({ extensions: PGLITE_EXTENSIONS });
    const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
    for (const f of files.filter((f) => f < '0008')) await apply(db, f);
    // Two hazard events inserted out of id order, a case event, and a counter, as 0007 held them.
    await db.exec(`
      insert into hazard_events (id, district_id, hazard_id, at, actor_name, actor_unit_name, action, from_status, to_status, note, data) values
        ('00000000-0000-4000-8000-00000000e002', '${D}', '${H}', '2024-05-01T02:00:00Z', '王某', '明月村', 'report', null, 'reported', '发现', null),
        ('00000000-0000-4000-8000-00000000e001', '${D}', '${H}', '2024-05-01T02:00:00Z', '王某', '明月村', 'submit_plan', 'reported', 'reported', null, '{"planId":"p1"}');
      insert into enforcement_case_events (id, district_id, case_id, at, actor_name, action, from_status, to_status, note) values
        ('00000000-0000-4000-8000-00000000f001', '${D}', '${C}', '2024-05-02T02:00:00Z', '李某', 'file', null, 'filed', '案由');
      insert into hazard_counters (district_id, year, last_seq) values ('${D}', 2024, 57);
      insert into record_counters (district_id, kind, year, last_seq) values ('${D}', 'case', 2024, 3);
    `);
    await apply(db, files.find((f) => f.startsWith('0008'))!);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('moves every event with its id, record, order and content', async () => {
    const r = await db.query<Record<string, unknown>>('select id, entity_type, entity_id, action, from_status, to_status, note, data, actor_name, actor_unit_name from record_events order by seq');
    expect(r.rows).toEqual([
      { id: '00000000-0000-4000-8000-00000000e002', entity_type: 'hazard', entity_id: H, action: 'report', from_status: null, to_status: 'reported', note: '发现', data: null, actor_name: '王某', actor_unit_name: '明月村' },
      { id: '00000000-0000-4000-8000-00000000e001', entity_type: 'hazard', entity_id: H, action: 'submit_plan', from_status: 'reported', to_status: 'reported', note: null, data: { planId: 'p1' }, actor_name: '王某', actor_unit_name: '明月村' },
      { id: '00000000-0000-4000-8000-00000000f001', entity_type: 'enforcement_case', entity_id: C, action: 'file', from_status: null, to_status: 'filed', note: '案由', data: null, actor_name: '李某', actor_unit_name: null },
    ]);
  });

  it('continues hazard numbers from the one counter, beside the other kinds', async () => {
    const r = await db.query<{ kind: string; last_seq: number }>('select kind, last_seq from record_counters order by kind');
    expect(r.rows).toEqual([{ kind: 'case', last_seq: 3 }, { kind: 'hazard', last_seq: 57 }]);
  });

  it('drops the old tables and keeps the timeline append-only', async () => {
    const r = await db.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_name in ('hazard_events', 'enforcement_case_events', 'hazard_counters')");
    expect(r.rows[0]!.n).toBe(0);
    await expect(db.exec("update record_events set note = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.exec('delete from record_events')).rejects.toThrow(/append-only/);
  });
});
