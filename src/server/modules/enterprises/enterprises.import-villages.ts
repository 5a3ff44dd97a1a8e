// Which village a row of an enterprise import names: by its 所在村/社区 text (镇名/村名 when the
// name repeats across townships), or, when the person chose 从地址识别, the one village (and
// township, when named) its address mentions.
import type { DbOrTx } from '../../db/client.ts';
import { listUnits } from '../org/index.ts';

export interface VillageRef {
  id: string;
  name: string;
  parentId: string | null;
}

export type VillageFinder = {
  byName(text: string): { village?: VillageRef; problem?: string };
  byAddress(address: string): { village?: VillageRef; problem?: string };
  /** Every village as a row may name it: 镇名/村名 where the name repeats. */
  names(): string[];
};

export async function villageFinder(db: DbOrTx, districtId: string): Promise<VillageFinder> {
  const villages: VillageRef[] = (await listUnits(db, { districtId, kind: 'village' })).map((r) => r.unit);
  // Village names can repeat across townships: such a name must be written 镇名/村名.
  const townshipName = new Map((await listUnits(db, { districtId, kind: 'township' })).map((r) => [r.unit.id, r.unit.name]));
  const villagesByName = new Map<string, VillageRef[]>();
  for (const v of villages) villagesByName.set(v.name, [...(villagesByName.get(v.name) ?? []), v]);
  // Longest names first: 东风村二组 is tried before 东风村.
  const byLength = [...villages].sort((a, b) => b.name.length - a.name.length);
  return {
    names: () => villages.map((v) => ((villagesByName.get(v.name)?.length ?? 0) > 1 ? `${townshipName.get(v.parentId ?? '') ?? ''}/${v.name}` : v.name)),
    byName(text) {
      const [a, b] = text.split(/[/／]/).map((x) => x.trim());
      const name = b ?? a!;
      const candidates = (villagesByName.get(name) ?? []).filter((v) => b === undefined || townshipName.get(v.parentId ?? '') === a);
      if (candidates.length === 1) return { village: candidates[0]! };
      if (candidates.length > 1) return { problem: `有多个同名村/社区“${name}”，请填写为“镇名/村名”` };
      return { problem: `村/社区“${text}”不存在` };
    },
    byAddress(address) {
      const hits = byLength.filter((v) => address.includes(v.name));
      // A name inside a longer one found too (东风村 in 东风村二组) is the same mention.
      const distinct = hits.filter((v) => !hits.some((w) => w !== v && w.name.length > v.name.length && w.name.includes(v.name)));
      const named = distinct.filter((v) => address.includes(townshipName.get(v.parentId ?? '') ?? '\u0000'));
      const pick = named.length > 0 ? named : distinct;
      if (pick.length === 1) return { village: pick[0]! };
      if (pick.length > 1) return { problem: `地址中有多个村/社区（${pick.map((v) => v.name).join('、')}），请填写所在村/社区` };
      return { problem: '无法从地址识别所在村/社区，请填写所在村/社区' };
    },
  };
}
