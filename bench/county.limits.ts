// The limits bench/county.ts measures each scenario against: the same answer as the product's
// endpoint, written by hand as ONE SQL statement on the ledger itself (no summary rows), the way a
// developer would answer the question with nothing but PostgreSQL and its indexes.
import { type SQL, sql } from 'drizzle-orm';

const OPEN = sql`('reported', 'rectifying', 'awaiting_verification')`;

export interface LedgerAsk {
  region: { column: 'district_id' | 'township_id'; id: string };
  level?: string;
  source?: string;
  q?: string;
  /** Found on or after this instant (the ledger's 发现日期 from). */
  fromInstant?: Date;
  today: string;
  offset: number;
  limit: number;
}

/** The ledger page (the listed columns) with the status tabs and their overdue counts. */
export function ledgerQuery(a: LedgerAsk): SQL {
  const c: SQL[] = [sql`h.${sql.raw(a.region.column)} = ${a.region.id}`];
  if (a.level) c.push(sql`h.level = ${a.level}`);
  if (a.source) c.push(sql`h.source = ${a.source}`);
  if (a.fromInstant) c.push(sql`h.found_at >= ${a.fromInstant}`);
  if (a.q) {
    const like = `%${a.q}%`;
    c.push(sql`(h.number ilike ${like} or h.description ilike ${like} or h.enterprise_id in (select id from enterprises where name ilike ${like}))`);
  }
  const where = sql.join(c, sql` and `);
  return sql`
    select
      (select json_agg(p) from (
        select h.id, h.number, h.status, h.level, h.found_at, h.due_date, h.description, e.name as enterprise_name, v.name as village_name,
          r.name as responsible_name, s.name as sector_name
        from hazards h join enterprises e on e.id = h.enterprise_id join org_units v on v.id = h.village_id
          join org_units r on r.id = h.responsible_unit_id join sectors s on s.id = h.sector_id
        where ${where} and h.status <> 'voided'
        order by h.found_at desc, h.id desc limit ${a.limit} offset ${a.offset}) p) as page,
      (select json_agg(t) from (
        select h.status, count(*) as n, count(*) filter (where h.status in ${OPEN} and h.due_date < ${a.today}) as overdue
        from hazards h where ${where} group by h.status) t) as tabs`;
}

/** The dashboard's figures for a region found since `from`, as of today: totals, major by state, by village and by sector. */
export function dashboardQuery(a: { column: 'district_id' | 'township_id'; id: string; from: string; fromInstant: Date; today: string }): SQL {
  return sql`
    select coalesce(village_id::text, '') as village, coalesce(sector_id::text, '') as sector, coalesce(status, '') as status,
      coalesce(level, '') as level,
      count(*) as found, count(*) filter (where status = 'closed') as closed,
      count(*) filter (where status in ${OPEN} and due_date < ${a.today}) as overdue
    from hazards
    where ${sql.raw(a.column)} = ${a.id} and status <> 'voided' and found_at >= ${a.fromInstant}
    group by grouping sets ((), (status, level), (village_id), (sector_id))`;
}

/** 企业 search: the first page and the total of the enterprises whose name, code or principal contains the text. */
export function enterpriseSearchQuery(a: { districtId: string; q: string; limit: number }): SQL {
  const like = `%${a.q}%`;
  return sql`
    with f as (select e.id from enterprises e
      where e.district_id = ${a.districtId} and e.voided_at is null and (e.name ilike ${like} or e.uscc ilike ${like} or e.principal_name ilike ${like}))
    select (select count(*) from f) as total,
      (select json_agg(p) from (select e.*, v.name as village_name from enterprises e join org_units v on v.id = e.village_id
        where e.id in (select id from f) order by e.updated_at desc, e.id desc limit ${a.limit}) p) as page`;
}
