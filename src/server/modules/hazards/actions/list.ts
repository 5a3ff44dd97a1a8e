// 挂牌督办: a major hazard listed at a level, with the supervising leader and the document.
import * as repo from '../hazards.repository.ts';
import type { HazardHandler } from './hazard-action.ts';

export const list: HazardHandler<'list'> = {
  async run({ tx, actor, row: h, body, now }) {
    await repo.insertListing(tx, {
      districtId: h.districtId, hazardId: h.id, level: body.level, leaderName: body.leaderName, listedOn: body.listedOn,
      documentNo: body.documentNo, createdBy: actor.userId, createdAt: now,
    });
    return { set: { listingLevel: body.level }, event: { note: `${body.documentNo}，督办领导：${body.leaderName}`, data: { level: body.level } } };
  },
};
