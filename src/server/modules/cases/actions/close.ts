// 结案, with its note and day (today unless given).
import { type CaseHandler, dayWithin } from './case-action.ts';

export const close: CaseHandler<'close'> = {
  input: ({ body }) => ({ action: 'close', note: body.note }),
  async run({ row: c, body, today }) {
    const closedOn = body.closedOn ?? today;
    dayWithin('closedOn', '结案日期', closedOn, { today, notBefore: c.decidedOn });
    return { set: { closedOn, closeNote: body.note }, event: { note: body.note, data: { closedOn } } };
  },
};
