// The generated county's records (bench/county.seed.ts): hazards with listings and transfers,
// inspections with spot-check answers, cases opened from inspections with their measures, and
// accountability records. Each choice is r(key, salt), a hash of the row's number.
import type { Exec } from './county.seed.ts';
import {
  COUNTY_DAYS, COUNTY_FIRST_DAY, DEPARTMENT_NAMES, DISTRICT_DEPARTMENT_NAMES, HAZARD_TEXTS, NOW, SPOT_ITEMS, TODAY, dayOf, department, departmentOfSector,
  departmentUser, districtDepartment, districtDepartmentOfSector, lit, officeUser, pick, r, sector, shanghaiAt, textArray, township, uid, village, villageUser,
} from './county.sql.ts';

const CHUNK = 200_000;
const FIRST = `date '${COUNTY_FIRST_DAY}'`;

/** Hazards over three years: by source, level and age (most old ones closed, a few voided), a share listed or transferred. */
export async function insertHazards(exec: Exec, o: { districtId: string; count: number; enterprises: number; log: (line: string) => void }) {
  const D = lit(o.districtId);
  for (let a = 0; a < o.count; a += CHUNK) {
    const b = Math.min(o.count, a + CHUNK) - 1;
    await exec(`insert into hazards (id, district_id, township_id, village_id, enterprise_id, number, source, found_at, found_by_user_id, found_by_unit_id,
        description, location, sector_id, level, criterion, status, responsible_unit_id, due_date, rectified_at, closed_at, verified_by, verifier_name,
        listing_level, transfer_count, voided_at, void_reason, created_by, created_at, updated_at)
      select ${uid('h', 'g')}, ${D}, ${township('k')}, ${village('k', 'vn')}, eid, 'BJX-YH-' || lpad((g + 1)::text, 7, '0'), source, found_at,
        case when source in ('department', 'assigned') then ${departmentUser('k', 'si / 3')} when source = 'supervision' then ${officeUser('k')} else ${villageUser('k', 'vn')} end,
        case when source in ('department', 'assigned') then ${departmentOfSector('k', 'si')} when source = 'supervision' then ${township('k')} else ${village('k', 'vn')} end,
        (${textArray(HAZARD_TEXTS)})[1 + ${pick('g', 14, HAZARD_TEXTS.length)}], '车间' || (1 + g % 9) || '号', ${sector('si')},
        case when major then 'major' else 'general' end, case when major then '重大事故隐患判定标准第' || (1 + g % 20) || '条' end,
        case when voided then 'voided' when closed then 'closed' else (array['reported', 'rectifying', 'rectifying', 'awaiting_verification'])[1 + floor(rst * 4)::int] end,
        case when source = 'assigned' then ${departmentOfSector('k', 'si')} else ${village('k', 'vn')} end,
        ${dayOf('found_at')} + case when major then 30 else 15 end,
        case when closed then closes - interval '1 hour' end, case when closed then closes end,
        case when closed then ${officeUser('k')} end, case when closed then '验收员' || (k + 1) end,
        case when voided then null when major and rx < 0.08 then 'district' when (major and rx < 0.35) or rx < 0.003 then 'township' end,
        case when not voided and rt < 0.015 and found_at < ${NOW} - interval '2 days' then 1 else 0 end,
        case when voided then found_at + interval '2 hours' end, case when voided then '重复录入' end,
        case when source in ('department', 'assigned') then ${departmentUser('k', 'si / 3')} when source = 'supervision' then ${officeUser('k')} else ${villageUser('k', 'vn')} end,
        found_at, case when closed then closes when voided then found_at + interval '2 hours' else found_at end
      from (
        select x.*, e.id as eid, e.k, e.vn, e.sidx[1 + ${pick('g', 12, 'cardinality(e.sidx)')}] as si, rl < 0.04 as major,
          case when rs < 0.35 then 'self_inspection' when rs < 0.60 then 'department' when rs < 0.85 then 'village' when rs < 0.93 then 'supervision'
            when rs < 0.97 then 'public' else 'assigned' end as source,
          not voided and rc < 0.96 and closes < ${NOW} as closed
        from (
          select g, ${pick('g', 1, o.enterprises)} as en, ${r('g', 2)} as rs, ${r('g', 3)} as rl, ${r('g', 6)} < 0.015 as voided, ${r('g', 8)} as rc,
            ${r('g', 9)} as rx, ${r('g', 10)} as rt, ${r('g', 11)} as rst, found_at,
            found_at + (1 + floor(${r('g', 7)} ^ 2 * 90)) * interval '1 day' + ${pick('g', 13, 300)} * interval '1 minute' as closes
          from (select g, ${shanghaiAt(`${FIRST} + (g::bigint * ${COUNTY_DAYS} / ${o.count})::int`, pick('g', 5, 600))} as found_at from generate_series(${a}, ${b}) g) s
        ) x
        join bench_e e on e.n = x.en
      ) y`);
    o.log(`    hazards ${b + 1} / ${o.count}`);
  }
  await exec(`insert into hazard_listings (id, district_id, hazard_id, level, leader_name, listed_on, document_no, created_by, created_at)
    select ${uid('hl', 'number')}, ${D}, id, listing_level, case listing_level when 'district' then '区领导' else '镇领导' end || (1 + abs(hashtext(number)) % 5),
      listed_on, '督〔' || extract(year from listed_on) || '〕' || substr(number, 8) || '号', created_by, ${shanghaiAt('listed_on', '90')}
    from (select h.*, least(${dayOf('found_at')} + 1 + abs(hashtext(number)) % 14, ${TODAY}) as listed_on
      from hazards h where district_id = ${D} and listing_level is not null) h`);
  // Transfers: six in ten to the district department of the hazard's sector, the others to its township's.
  await exec(`insert into hazard_transfers (id, district_id, hazard_id, from_unit_id, to_unit_id, reason, status, requested_by, requested_at, decided_by, decided_at, decision_reason)
    select ${uid('ht', 'h.number')}, ${D}, h.id, h.responsible_unit_id, u.id, '超出本单位职责范围', h.st, h.created_by, h.requested_at,
      case when h.st <> 'pending' then h.created_by end, case when h.st <> 'pending' then h.requested_at + interval '2 days' end,
      case when h.st = 'returned' then '不属本部门职责' end
    from (select id, number, responsible_unit_id, created_by, sector_id, township_id, found_at + interval '1 day' as requested_at,
        abs(hashtext(number || ':to')) % 100 < 60 as to_district,
        case when found_at > ${NOW} - interval '10 days' then 'pending' when abs(hashtext(number || ':st')) % 10 < 7 then 'accepted' else 'returned' end as st
      from hazards where district_id = ${D} and transfer_count > 0) h
    join org_units u on u.district_id = ${D} and u.kind = 'department' and h.sector_id = any(u.sector_ids)
      and u.parent_id = case when h.to_district then ${D}::uuid else h.township_id end`);
}

/** Inspections over three years by type and unit; spot checks (chongming-spot-check) completed with an answer per item. */
export async function insertInspections(exec: Exec, o: { districtId: string; count: number; enterprises: number }) {
  const D = lit(o.districtId);
  await exec(`create temp table bench_tpl on commit drop as
    select t.code, v.id as version_id, v.version from checklist_templates t join checklist_template_versions v on v.template_id = t.id where t.district_id = ${D}`);
  // failed items of spot check g: item m fails with probability 0.05 + 0.03 m
  const fails = (m: string) => `${r('g', `20 + ${m}`)} < 0.05 + 0.03 * ${m}`;
  for (let a = 0; a < o.count; a += CHUNK) {
    const b = Math.min(o.count, a + CHUNK) - 1;
    await exec(`insert into inspections (id, district_id, township_id, village_id, enterprise_id, number, type, inspected_on, unit_id, template_version_id,
        template_code, template_version, period_key, status, failed_count, leader_led, summary, representative_name, representative_signed_at,
        completed_at, completed_by, created_by, created_at, updated_at)
      select ${uid('i', 'g')}, ${D}, ${township('k')}, ${village('k', 'vn')}, eid, 'BJX-JC-' || lpad((g + 1)::text, 7, '0'), type, day, unit_id,
        t.version_id, t.code, t.version,
        case type when 'self_daily' then day::text when 'self_weekly' then to_char(day, 'IYYY-"W"IW') when 'self_monthly' then to_char(day, 'YYYY-MM') end,
        case when draft then 'draft' else 'completed' end, failed, lead, case when failed > 0 then '发现问题' || failed || '项' else '未发现问题' end,
        case when not draft and not self then '负责人' || (en + 1) end, case when not draft and not self then at end,
        case when not draft then at end, case when not draft then user_id end, user_id, at, at
      from (
        select y.*,
          case who when 'village' then ${village('k', 'vn')} when 'department' then ${departmentOfSector('k', 'sidx[1]')}
            when 'district' then ${districtDepartmentOfSector('sidx[1]')} else ${township('k')} end as unit_id,
          case who when 'village' then ${villageUser('k', 'vn')} when 'department' then ${departmentUser('k', 'sidx[1] / 3')}
            when 'district' then ${uid('udd', 'case when sidx[1] < 20 then sidx[1] / 2 else sidx[1] - 20 end')} else ${officeUser('k')} end as user_id,
          case when draft then 0 when type = 'spot_check' then (select count(*) from generate_series(0, ${SPOT_ITEMS.length - 1}) m where ${fails('m')})::int
            when ${r('g', 7)} < (case when self then 0.05 else 0.3 end) then 1 + ${pick('g', 8, 3)} else 0 end as failed,
          ${shanghaiAt('day', pick('g', 9, 600))} as at,
          case when type = 'spot_check' then 'chongming-spot-check' when self then 'dasheng-self-check' else 'dasheng-small-enterprise' end as template_code
        from (
          select x.*, e.id as eid, e.k, e.vn, e.sidx, type like 'self_%' as self,
            case when type like 'self_%' or (type = 'assistance' and ru < 0.6) then 'village' when type = 'assistance' or ru < 0.6 then 'department'
              when ru < 0.8 then 'district' else 'office' end as who,
            not type like 'self_%' and ${r('g', 6)} < 0.08 as lead
          from (
            select g, ${pick('g', 1, o.enterprises)} as en, ${FIRST} + (g::bigint * ${COUNTY_DAYS} / ${o.count})::int as day, ${r('g', 4)} as ru, ${r('g', 5)} < 0.03 as draft,
              case when ${r('g', 2)} < 0.25 then 'enforcement' when ${r('g', 2)} < 0.45 then 'assistance' when ${r('g', 2)} < 0.55 then 'supervision'
                when ${r('g', 2)} < 0.75 then 'spot_check' when ${r('g', 2)} < 0.85 then 'self_daily' when ${r('g', 2)} < 0.95 then 'self_weekly'
                else 'self_monthly' end as type
            from generate_series(${a}, ${b}) g
          ) x
          join bench_e e on e.n = x.en
        ) y
      ) z
      join bench_tpl t on t.code = z.template_code`);
  }
  await exec(`insert into inspection_answers (id, district_id, inspection_id, item_key, result, comment, updated_by, updated_at)
    select ${uid('ia', "number || ':' || m")}, ${D}, id, (${textArray(SPOT_ITEMS)})[m + 1],
      case when ${fails('m')} then 'nonconform' when ${r('g', '30 + m')} < 0.08 then 'not_applicable' else 'conform' end,
      case when ${fails('m')} then '抽查发现该情形，已责令整改' end, completed_by, completed_at
    from (select i.*, split_part(number, '-', 3)::bigint - 1 as g from inspections i
      where district_id = ${D} and type = 'spot_check' and status = 'completed') i, generate_series(0, ${SPOT_ITEMS.length - 1}) m`);
}

/** Cases opened from one in 25 completed enforcement inspections and spot checks, decided, fined, published; their measures. */
export async function insertCases(exec: Exec, districtId: string) {
  const D = lit(districtId);
  await exec(`insert into enforcement_cases (id, district_id, township_id, village_id, enterprise_id, number, document_no, unit_id, inspection_id, title,
      status, filed_on, decided_on, closed_on, fine_on_enterprise_fen, fine_on_principal_fen, published, published_at, dangerous_operation_crime,
      created_by, created_at, updated_at)
    select ${uid('c', 'g')}, ${D}, township_id, village_id, enterprise_id, 'BJX-AJ-' || lpad((g + 1)::text, 7, '0'),
      case when decided_on is not null then '基应急罚〔' || extract(year from decided_on) || '〕' || (g + 1) || '号' end, unit_id, id,
      (array['未按规定开展隐患排查治理', '特种作业人员未持证上岗', '未按规定配备安全管理人员'])[1 + ${pick('g', 52, 3)}],
      case when decided_on is null then (case when ${r('g', 44)} < 0.5 then 'filed' else 'investigating' end) when closed then 'closed'
        when decided_on + 5 <= ${TODAY} then 'executing' else 'decided' end,
      filed_on, decided_on, case when closed then decided_on + 30 end, fine_e, fine_p, published,
      case when published then ${shanghaiAt('decided_on + 30', '90')} end, published and ${r('g', 51)} < 0.25,
      created_by, ${shanghaiAt('filed_on', '60')}, ${shanghaiAt('coalesce(decided_on, filed_on)', '60')}
    from (
      select y.*, closed and ${r('g', 50)} < 0.1 as published,
        case when fine_e > 0 and ${r('g', 48)} < 0.3 then (2000 + ${pick('g', 49, 20_000)}) * 100 else 0 end as fine_p
      from (
        select x.*, decided_on is not null and decided_on + 30 <= ${TODAY} and ${r('g', 45)} < 0.8 as closed,
          case when decided_on is not null and ${r('g', 46)} < 0.85 then (5000 + ${pick('g', 47, 195_000)}) * 100 else 0 end as fine_e
        from (
          select i.*, case when decided <= ${TODAY} and ${r('g', 43)} < 0.92 then decided end as decided_on
          from (
            select i.id, i.township_id, i.village_id, i.enterprise_id, i.unit_id, i.created_by, i.g,
              least(i.inspected_on + ${pick('i.g', 41, 10)}, ${TODAY}) as filed_on,
              least(i.inspected_on + ${pick('i.g', 41, 10)}, ${TODAY}) + 10 + ${pick('i.g', 42, 20)} as decided
            from (select i.*, split_part(number, '-', 3)::bigint - 1 as g from inspections i
              where district_id = ${D} and type in ('enforcement', 'spot_check') and status = 'completed') i
            where ${r('i.g', 40)} < 0.04
          ) i
        ) x
      ) y
    ) z`);
  await exec(`insert into enforcement_measures (id, district_id, case_id, kind, fine_on_enterprise_fen, fine_on_principal_fen, person_count, decided_on, executed_on,
      created_by, created_at)
    select ${uid('m', "number || ':' || k.kind")}, ${D}, c.id, k.kind, case when k.kind = 'penalty' then fine_on_enterprise_fen end,
      case when k.kind = 'penalty' and fine_on_principal_fen > 0 then fine_on_principal_fen end,
      case when k.kind = 'judicial_referral' then 1 + ${pick('g', 70, 3)} end, decided_on, case when status = 'closed' then closed_on end,
      created_by, ${shanghaiAt('decided_on', '120')}
    from (select c.*, split_part(number, '-', 3)::bigint - 1 as g from enforcement_cases c where district_id = ${D} and decided_on is not null) c
    cross join (values ('penalty', 60, 0.0), ('suspension', 61, 0.15), ('work_stop', 62, 0.08), ('judicial_referral', 63, 0.04), ('closure_request', 64, 0.02),
      ('summons', 65, 0.1), ('exposure', 66, 0.08), ('joint_sanction', 67, 0.03), ('circular', 68, 0.05), ('industry_ban', 69, 0.01)) k(kind, salt, p)
    where case when k.kind = 'penalty' then fine_on_enterprise_fen > 0 else ${r('g', 'k.salt')} < k.p end`);
}

/** 追责问责 of persons and 约谈通报 of departments, nine in ten by a township. */
export async function insertAccountability(exec: Exec, districtId: string, count: number) {
  const D = lit(districtId);
  await exec(`insert into accountability_records (id, district_id, township_id, kind, target_type, target_name, target_unit_id, position, measure, reason,
      decided_on, decided_by, document_no, created_by, created_at, updated_at)
    select ${uid('a', 'g')}, ${D}, case when local then ${township('k')} end,
      case when person then 'accountability' else 'interview_notice' end, case when person then 'person' else 'unit' end,
      case when person then '责任人' || (g + 1) when local then (${textArray(DEPARTMENT_NAMES)})[n + 1] else (${textArray(DISTRICT_DEPARTMENT_NAMES)})[j + 1] end,
      case when person and ${r('g', 7)} < 0.5 then null when local then ${department('k', 'n')} else ${districtDepartment('j')} end,
      case when person then '副站长' end,
      case when person then (array['诫勉谈话', '通报批评', '警告', '记过'])[1 + ${pick('g', 8, 4)}] else (array['约谈', '通报'])[1 + ${pick('g', 8, 2)}] end,
      '隐患排查整治不力', decided_on, case when local then '镇纪委' else '区纪委' end, '基纪〔' || extract(year from decided_on) || '〕' || (g + 1) || '号',
      case when local then ${officeUser('k')} else ${uid('ua', "'0'")} end, ${shanghaiAt('decided_on', '120')}, ${shanghaiAt('decided_on', '120')}
    from (select g, ${pick('g', 1, 20)} as k, ${r('g', 2)} < 0.9 as local, ${r('g', 3)} < 0.6 as person, ${FIRST} + ${pick('g', 4, COUNTY_DAYS)} as decided_on,
        ${pick('g', 5, 8)} as n, ${pick('g', 6, 10)} as j
      from generate_series(0, ${count - 1}) g) x`);
}
