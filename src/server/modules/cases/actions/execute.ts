// 执行决定: every decided measure is marked executed on the day given.
import * as repo from '../cases.repository.ts';
import { type CaseHandler, dayWithin } from './case-action.ts';

export const execute: CaseHandler<'execute'> = {
  async run({ tx, row: c, body, today }) {
    dayWithin('executedOn', '执行日期', body.executedOn, { today, notBefore: c.decidedOn });
    await repo.markMeasuresExecuted(tx, c.id, body.executedOn);
    return { event: { note: body.note, data: { executedOn: body.executedOn } } };
  },
};
