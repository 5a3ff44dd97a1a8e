// A small region with one account per role and enterprises placed so that every scope rule
// has something inside and something outside it. Used by the scope and enterprise tests.
//
//   district D ─ township T1 ─ villages V1a, V1b      district X (another tenant)
//              │              └ departments 应急站 (chem), 消防所 (fire)    └ XT ─ XV
//              ├ township T2 ─ village V2
//              └ department 住建局 (build, district level)
//
//   enterprise  village  sectors        enterprise  village  sectors
//   a           V1a      chem           d           V2       chem
//   b           V1a      fire           e           V2       build
//   c           V1b      chem, build    x           XV       (X's sector)
import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../db/client.ts';
import {
  type BuiltUser, type EnterpriseRow, type SectorRow, type UnitRow, buildDepartment, buildDistrict, buildEnterprise, buildSector,
  buildSupervisionGroup, buildTownship, buildUser, buildVillage,
} from './factories.ts';

export type EnterpriseKey = 'a' | 'b' | 'c' | 'd' | 'e' | 'x';
export type ActorKey =
  | 'adminD' | 'officeD' | 'officeT1' | 'leaderT2' | 'deptChemT1' | 'deptBuildD' | 'villageV1a' | 'villageV2'
  | 'enterpriseB' | 'groupMember' | 'groupless' | 'officeX';

export interface World {
  D: UnitRow; T1: UnitRow; T2: UnitRow; V1a: UnitRow; V1b: UnitRow; V2: UnitRow;
  X: UnitRow; XT: UnitRow; XV: UnitRow;
  chem: SectorRow; fire: SectorRow; build: SectorRow; xSector: SectorRow;
  depChemT1: UnitRow; depFireT1: UnitRow; depBuildD: UnitRow;
  enterprises: Record<EnterpriseKey, EnterpriseRow>;
  users: Record<ActorKey, BuiltUser>;
}

/** Who sees what: the expected scope of every account, written out by hand. */
export const EXPECTED_SCOPE: Record<ActorKey, { role: Role; sees: EnterpriseKey[] }> = {
  adminD: { role: 'admin', sees: ['a', 'b', 'c', 'd', 'e'] },
  officeD: { role: 'office', sees: ['a', 'b', 'c', 'd', 'e'] },
  officeT1: { role: 'office', sees: ['a', 'b', 'c'] },
  leaderT2: { role: 'leader', sees: ['d', 'e'] },
  deptChemT1: { role: 'department', sees: ['a', 'c'] },
  deptBuildD: { role: 'department', sees: ['c', 'e'] },
  villageV1a: { role: 'village', sees: ['a', 'b'] },
  villageV2: { role: 'village', sees: ['d', 'e'] },
  enterpriseB: { role: 'enterprise', sees: ['b'] },
  groupMember: { role: 'supervision_group', sees: ['b', 'c', 'e'] }, // V1b ∪ 住建局 (build in D) ∪ 消防所 (fire in T1)
  groupless: { role: 'supervision_group', sees: [] },
  officeX: { role: 'office', sees: ['x'] },
};

export async function buildWorld(db: Db): Promise<World> {
  const D = await buildDistrict(db, { name: '测试区' });
  const T1 = await buildTownship(db, { district: D, name: '一镇' });
  const T2 = await buildTownship(db, { district: D, name: '二镇' });
  const V1a = await buildVillage(db, { township: T1, name: '一村' });
  const V1b = await buildVillage(db, { township: T1, name: '二村' });
  const V2 = await buildVillage(db, { township: T2, name: '三村' });
  const X = await buildDistrict(db, { name: '邻区' });
  const XT = await buildTownship(db, { district: X, name: '邻镇' });
  const XV = await buildVillage(db, { township: XT, name: '邻村' });
  const chem = await buildSector(db, { district: D, name: '危险化学品' });
  const fire = await buildSector(db, { district: D, name: '消防' });
  const build = await buildSector(db, { district: D, name: '建筑施工' });
  const xSector = await buildSector(db, { district: X, name: '危险化学品' });
  const depChemT1 = await buildDepartment(db, { parent: T1, sectorIds: [chem.id], name: '应急站' });
  const depFireT1 = await buildDepartment(db, { parent: T1, sectorIds: [fire.id], name: '消防所' });
  const depBuildD = await buildDepartment(db, { parent: D, sectorIds: [build.id], name: '住建局' });

  const e = (village: UnitRow, sectors: SectorRow[], name: string) =>
    buildEnterprise(db, { village, sectorIds: sectors.map((s) => s.id), name });
  const enterprises: World['enterprises'] = {
    a: await e(V1a, [chem], '甲化工有限公司'),
    b: await e(V1a, [fire], '乙商贸有限公司'),
    c: await e(V1b, [chem, build], '丙建材有限公司'),
    d: await e(V2, [chem], '丁化工有限公司'),
    e: await e(V2, [build], '戊建筑有限公司'),
    x: await e(XV, [xSector], '己邻区有限公司'),
  };

  const u = (role: Role, unit: UnitRow, enterpriseId: string | null = null) => buildUser(db, { role, unit, enterpriseId });
  const users: World['users'] = {
    adminD: await u('admin', D),
    officeD: await u('office', D),
    officeT1: await u('office', T1),
    leaderT2: await u('leader', T2),
    deptChemT1: await u('department', depChemT1),
    deptBuildD: await u('department', depBuildD),
    villageV1a: await u('village', V1a),
    villageV2: await u('village', V2),
    enterpriseB: await u('enterprise', V1a, enterprises.b.id),
    groupMember: await u('supervision_group', T1),
    groupless: await u('supervision_group', T1),
    officeX: await u('office', X),
  };
  await buildSupervisionGroup(db, { district: D, township: T1, members: [users.groupMember], units: [V1b, depBuildD] });
  await buildSupervisionGroup(db, { district: D, township: T1, members: [users.groupMember], units: [depFireT1] });

  return { D, T1, T2, V1a, V1b, V2, X, XT, XV, chem, fire, build, xSector, depChemT1, depFireT1, depBuildD, enterprises, users };
}
