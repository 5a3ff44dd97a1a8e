// SQL building blocks of the generated county (bench/county.seed.ts): deterministic choices and ids
// from a row's number, so two runs on two databases generate the same county.

/** The county's prefix: its ids are md5('bjx:<tag>:<key>'), its record numbers BJX-…. */
export const PREFIX = 'bjx';
/** The generated county's "today" (Asia/Shanghai); its records span the three years up to it. */
export const COUNTY_TODAY = '2026-12-07';
export const COUNTY_FIRST_DAY = '2023-12-08';
export const COUNTY_DAYS = 1096;

export const TOWNSHIPS = 20;
export const VILLAGES_PER_TOWNSHIP = 15;
export const SECTORS = 24;
/** Township department n supervises sectors 3n, 3n+1 and 3n+2. */
export const DEPARTMENTS_PER_TOWNSHIP = 8;
/** District department j supervises sectors 2j and 2j+1, and the first four also 20+j. */
export const DISTRICT_DEPARTMENTS = 10;

export const DEPARTMENT_NAMES = ['安监站', '城建办', '农业服务中心', '市场监管所', '消防工作站', '经济发展办', '交通运输站', '生态环境所'];
export const DISTRICT_DEPARTMENT_NAMES = ['区应急管理局', '区建设管理委', '区市场监管局', '区消防救援支队', '区交通委', '区农业农村委', '区生态环境局', '区商务委', '区文化旅游局', '区教育局'];
export const HAZARD_TEXTS = ['配电箱未接地', '安全出口堵塞', '灭火器过期未更换', '电线私拉乱接', '危化品未分类存放', '作业人员未佩戴防护用品', '安全警示标志缺失', '特种设备未定期检验'];
export const SPOT_ITEMS = ['principal-study', 'principal-led-inspection', 'deputy-duty-list', 'safety-management', 'special-work-certificates', 'outsourcing', 'drill-and-escape'];

/** A number in [0, 1) that depends only on `key` (an SQL integer expression) and `salt`. */
export const r = (key: string, salt: number | string) => `((hashint8((${key})::bigint * 1009 + (${salt})) & 2147483647)::float8 / 2147483648.0)`;
/** An integer in [0, n) from `key` and `salt`. */
export const pick = (key: string, salt: number | string, n: number | string) => `floor(${r(key, salt)} * (${n}))::int`;
/** The county's id of a row: tag 't' townships, 'v' villages, 'd' departments, 'h' hazards, … */
export const uid = (tag: string, key: string) => `md5('${PREFIX}:${tag}:' || (${key}))::uuid`;
export const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
export const textArray = (xs: readonly string[]) => `array[${xs.map(lit).join(', ')}]`;

/** An instant on a Shanghai day: `day` an SQL date expression, `minutes` after 08:00. */
export const shanghaiAt = (day: string, minutes: string) => `((${day})::timestamp + interval '8 hours' + (${minutes}) * interval '1 minute') at time zone 'Asia/Shanghai'`;
/** The Shanghai day of an instant. */
export const dayOf = (instant: string) => `((${instant}) at time zone 'Asia/Shanghai')::date`;
export const TODAY = `date '${COUNTY_TODAY}'`;
/** The end of the county's today (18:00 Shanghai): nothing is recorded after it. */
export const NOW = `timestamptz '${COUNTY_TODAY} 18:00:00+08'`;

/** Region keys: township k's id is uid('t', k); village n of township k uid('v', k*100+n); its department n uid('d', k*100+n). */
export const township = (k: string) => uid('t', k);
export const village = (k: string, n: string) => uid('v', `(${k}) * 100 + (${n})`);
export const department = (k: string, n: string) => uid('d', `(${k}) * 100 + (${n})`);
export const districtDepartment = (j: string) => uid('dd', j);
export const sector = (i: string) => uid('s', i);
/** The township department of sector index `si`; the district department of it. */
export const departmentOfSector = (k: string, si: string) => department(k, `(${si}) / 3`);
export const districtDepartmentOfSector = (si: string) => districtDepartment(`case when (${si}) < 20 then (${si}) / 2 else (${si}) - 20 end`);
/** Users: the office of township k, department n of township k, village n of township k. */
export const officeUser = (k: string) => uid('ut', k);
export const departmentUser = (k: string, n: string) => uid('ud', `(${k}) * 100 + (${n})`);
export const villageUser = (k: string, n: string) => uid('uv', `(${k}) * 100 + (${n})`);
