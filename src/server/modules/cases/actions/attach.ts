// 上传文书: documents attached to the case, named on its timeline.
import { attachFiles } from '../../files/index.ts';
import { CASE_FILE_OWNER, type CaseHandler } from './case-action.ts';

export const attach: CaseHandler<'attach'> = {
  async run({ tx, actor, row: c, body }) {
    const files = await attachFiles(tx, actor, { ids: body.fileIds, ownerType: CASE_FILE_OWNER, ownerId: c.id, purpose: 'case', field: 'fileIds' });
    return { event: { note: files.map((f) => f.originalName).join('、'), data: { fileIds: files.map((f) => f.id) } } };
  },
};
