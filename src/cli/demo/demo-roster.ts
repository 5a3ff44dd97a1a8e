// The demo's 专兼职技术检查员 rosters: 渝北区's own (kept by the district's office) and 大盛镇's (kept
// by the township's office), with generated names, a few who left, one entry voided. Deterministic:
// its own seeded random stream, dates relative to the demo's day, so the same run after run.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { addDays, shanghaiDayStart } from '../../domain/common/dates.ts';
import type { InspectorEmployment } from '../../domain/supervision/leadership.ts';
import type { Tx } from '../../server/db/client.ts';
import { orgUnits, technicalInspectors } from '../../server/db/schema/index.ts';
import { personName } from './demo-names.ts';
import { Rand, mulberry32 } from './prng.ts';

export const ROSTER_SEED = 0x5eed_0012;
const CERTIFICATES = ['注册安全工程师', '安全评价师', '特种设备检验员', '消防设施操作员', '建筑施工安全员（C证）', '危险化学品安全管理人员', null] as const;

/** Who serves where, by unit name: [unit, employment, days since from, days until left (null: serving), voided]. */
type Plan = readonly [string, InspectorEmployment, number, number | null, boolean?];
const DISTRICT: readonly Plan[] = [
  ['渝北区', 'full_time', 400, null], ['渝北区', 'full_time', 300, null], ['渝北区', 'part_time', 220, null], ['渝北区', 'part_time', 500, -40],
];
const TOWNSHIP: readonly Plan[] = [
  ['应急办', 'full_time', 420, null], ['应急办', 'full_time', 260, null], ['应急办', 'part_time', 150, null],
  ['经济发展办公室经济发展岗', 'part_time', 180, null], ['村镇建设中心', 'part_time', 200, null], ['平安法治办', 'part_time', 90, null],
  ['基层指挥中心', 'full_time', 60, null], ['大盛镇', 'full_time', 330, -25], ['东升社区', 'part_time', 120, null], ['大盛村', 'part_time', 45, null],
  ['应急办', 'part_time', 30, null, true],
];

export async function seedDemoRoster(tx: Tx, o: { districtId: string; townshipId: string; districtKeeper: string; townshipKeeper: string; today: string }) {
  const rand = new Rand(mulberry32(ROSTER_SEED));
  const names = [...new Set([...DISTRICT, ...TOWNSHIP].map(([u]) => u))];
  const units = await tx.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(and(eq(orgUnits.districtId, o.districtId), inArray(orgUnits.name, names)));
  const unitId = (name: string) => units.find((u) => u.name === name)?.id;
  const used = new Set<string>();
  const rows = ([[DISTRICT, null, o.districtKeeper], [TOWNSHIP, o.townshipId, o.townshipKeeper]] as const).flatMap(([plans, townshipId, keeper]) =>
    plans.flatMap(([unit, employment, since, left, voided]) => {
      const id = unitId(unit);
      let name = personName(rand);
      while (used.has(name)) name = personName(rand);
      used.add(name);
      const certificates = rand.pick(CERTIFICATES);
      if (!id) return [];
      const fromDate = addDays(o.today, -since);
      const at = new Date(shanghaiDayStart(fromDate).getTime() + 10 * 3600_000);
      return [{
        id: randomUUID(), districtId: o.districtId, townshipId, unitId: id, name, employment, fromDate,
        toDate: left === null ? null : addDays(o.today, left), certificates, note: employment === 'part_time' ? '兼任，按月参加联合检查' : null, createdBy: keeper,
        createdAt: at, updatedAt: at, ...(voided ? { voidedAt: new Date(at.getTime() + 2 * 86400_000), voidReason: '重复登记' } : {}),
      }];
    }));
  await tx.insert(technicalInspectors).values(rows);
  return rows.length;
}
