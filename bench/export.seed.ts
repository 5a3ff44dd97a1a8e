// A generated county for bench/export.ts, written by set-based SQL (generate_series) so a million
// rows take minutes, not hours: townships with villages and departments, enterprises, and hazards
// over three years in every state, the first township holding the export's share.
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/server/db/client.ts';
import { orgUnits, sectors } from '../src/server/db/schema/index.ts';
import type { UnitRow } from '../src/server/test/factories.ts';

export interface Raw {
  exec(query: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

const VILLAGES_PER_TOWNSHIP = 12;
const ENTERPRISES_PER_TOWNSHIP = 1000;

export async function generateCounty(
  db: Db,
  raw: Raw,
  o: { townshipHazards: number; otherHazards: number; townships: number },
): Promise<{ township: UnitRow; enterprises: number }> {
  const id = randomUUID();
  const [district] = await db.insert(orgUnits).values({ id, districtId: id, kind: 'district', name: '基准县', code: 'BJ' }).returning();
  const d = district!;
  const sectorRows = await db.insert(sectors).values(Array.from({ length: 8 }, (_, i) => ({ districtId: d.id, name: `行业${i + 1}` }))).returning();
  const sectorIds = `array[${sectorRows.map((s) => `'${s.id}'::uuid`).join(',')}]`;
  const townships = await db
    .insert(orgUnits)
    .values(Array.from({ length: o.townships }, (_, i) => ({ districtId: d.id, kind: 'township' as const, name: `第${i + 1}镇`, parentId: d.id, sortOrder: i })))
    .returning();
  // Villages and one department per township, numbered so enterprises and hazards can pick them by arithmetic.
  await raw.exec(`create temp table bench_units as
    select t.id as township_id, t.sort_order as k, v.n, gen_random_uuid() as village_id, gen_random_uuid() as dept_id
    from org_units t cross join generate_series(0, ${VILLAGES_PER_TOWNSHIP - 1}) v(n) where t.kind = 'township' and t.district_id = $1`, [d.id]);
  await raw.exec(`insert into org_units (id, district_id, kind, name, parent_id, sort_order)
    select village_id, $1, 'village', '村' || k || '-' || n, township_id, n from bench_units`, [d.id]);
  await raw.exec(`insert into org_units (id, district_id, kind, name, parent_id, sector_ids)
    select dept_id, $1, 'department', '应急站' || k, township_id, ${sectorIds} from bench_units where n = 0`, [d.id]);
  await raw.exec(`create temp table bench_ents as
    select (u.k * ${ENTERPRISES_PER_TOWNSHIP} + e.n) as n, gen_random_uuid() as id, u.township_id, u.village_id, u.k
    from generate_series(0, ${ENTERPRISES_PER_TOWNSHIP - 1}) e(n)
    join bench_units u on u.n = e.n % ${VILLAGES_PER_TOWNSHIP}`);
  await raw.exec('create index on bench_ents (n)');
  await raw.exec(`insert into enterprises (id, district_id, township_id, village_id, name, kind, address, sector_ids, employee_count, principal_name, principal_phone)
    select id, $1, township_id, village_id, '基准企业' || n || '号', 'company', '基准县', array[(${sectorIds})[1 + n % 8]], 10 + n % 90, '负责人' || n, '10000000000'
    from bench_ents`, [d.id]);
  const [user] = await raw.exec(`insert into users (district_id, username, display_name, role, unit_id, password_hash)
    values ($1, 'bench_reporter', '基准填报人', 'office', $2, 'x') returning id`, [d.id, townships[0]!.id]);
  // Hazards: g picks an enterprise of the first township (the export's) or of the others, a state,
  // a level and a day within three years.
  const hazardsFor = (from: number, count: number, entLo: number, entN: number) =>
    raw.exec(`insert into hazards (district_id, township_id, village_id, enterprise_id, number, source, found_at, found_by_user_id, found_by_unit_id,
        description, location, sector_id, level, criterion, status, responsible_unit_id, due_date, closed_at, listing_level, transfer_count, reopen_count, created_by)
      select $1, e.township_id, e.village_id, e.id, 'BJ-' || (2024 + g % 3) || '-' || lpad(g::text, 7, '0'),
        (array['self_inspection','department','village','supervision'])[1 + g % 4],
        now() - ((g::bigint * 7) % 1095) * interval '1 day' - (g % 600) * interval '1 minute', $2, e.township_id,
        '基准隐患' || g || '：配电箱未接地，安全出口堵塞', '车间' || (g % 9) || '号', (${sectorIds})[1 + g % 8],
        case when g % 17 = 0 then 'major' else 'general' end, case when g % 17 = 0 then '判定标准第' || (g % 30) || '条' end,
        (array['reported','rectifying','awaiting_verification','closed','closed','closed','voided'])[1 + g % 7],
        e.village_id, (current_date + ((g % 120) - 60))::date,
        case when g % 7 in (3, 4, 5) then now() - (g % 30) * interval '1 day' end,
        case when g % 17 = 0 and g % 3 = 0 then 'township' end, g % 5 / 4, g % 11 / 10, $2
      from generate_series(${from}, ${from + count - 1}) g
      join bench_ents e on e.n = ${entLo} + (g::bigint * 7919) % ${entN}`, [d.id, user!.id]);
  await hazardsFor(1, o.townshipHazards, 0, ENTERPRISES_PER_TOWNSHIP);
  if (o.townships > 1 && o.otherHazards > 0) {
    const chunk = 200_000;
    for (let done = 0; done < o.otherHazards; done += chunk) {
      await hazardsFor(o.townshipHazards + 1 + done, Math.min(chunk, o.otherHazards - done), ENTERPRISES_PER_TOWNSHIP, ENTERPRISES_PER_TOWNSHIP * (o.townships - 1));
    }
  }
  await raw.exec('analyze');
  return { township: townships[0]!, enterprises: ENTERPRISES_PER_TOWNSHIP * o.townships };
}
