// 修改: a correction by the supervising side, the before and after on the timeline. The level only
// changes before rectification and acceptance (the rules it decides must not be dodged mid-loop).
import { canChangeHazardLevel, criterionRefusal } from '../../../../domain/hazards/hazard-machine.ts';
import { invalid } from '../../../http/errors.ts';
import { findSector } from '../../org/index.ts';
import type { HazardHandler } from './hazard-action.ts';

const LEVEL_LOCKED = '隐患等级只能在整改开始前、方案审核前修改';

export const edit: HazardHandler<'edit'> = {
  async run({ tx, row: h, body, facts }) {
    const { action: _a, version: _v, ...changes } = body;
    const level = changes.level ?? h.level;
    if (level !== h.level && !canChangeHazardLevel(facts)) throw invalid({ level: [LEVEL_LOCKED] }, LEVEL_LOCKED);
    const criterion = changes.criterion !== undefined ? changes.criterion : h.criterion;
    const criterionProblem = criterionRefusal(level, criterion);
    if (criterionProblem) throw invalid({ criterion: [criterionProblem] });
    if (changes.sectorId && !(await findSector(tx, h.districtId, changes.sectorId))) throw invalid({ sectorId: ['行业领域不存在'] });
    const sectorName = async (sid: string) => (await findSector(tx, h.districtId, sid))?.name ?? null;
    return {
      set: { ...changes, category: changes.category === undefined ? h.category : changes.category ?? null, criterion: criterion ?? null },
      event: {
        data: {
          before: { description: h.description, location: h.location, sectorId: h.sectorId, sectorName: await sectorName(h.sectorId), category: h.category, level: h.level, criterion: h.criterion },
          after: { ...changes, ...(changes.sectorId ? { sectorName: await sectorName(changes.sectorId) } : {}) },
        },
      },
      // A major hazard downgraded before acceptance may start rectifying on its plan at once.
      facts: { level },
    };
  },
};
