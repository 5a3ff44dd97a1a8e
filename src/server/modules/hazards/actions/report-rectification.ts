// 整改完成，申请验收: the rectifying side reports with its after photos.
import { attachFiles } from '../../files/index.ts';
import { HAZARD_FILE_OWNER, type HazardHandler } from './hazard-action.ts';

export const reportRectification: HazardHandler<'report_rectification'> = {
  input: ({ body }) => ({ action: 'report_rectification', note: body.note, afterPhotoCount: body.afterPhotoIds.length }),
  async run({ tx, actor, row: h, body, now }) {
    await attachFiles(tx, actor, { ids: body.afterPhotoIds, ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'after', kind: 'photo', field: 'afterPhotoIds' });
    return { set: { rectificationNote: body.note, rectifiedAt: now, rectifiedBy: actor.userId }, event: { note: body.note } };
  },
};
