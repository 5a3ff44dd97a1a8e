// The supervising department (or the office) accepts a major hazard's plan; rectification then
// starts by itself (the workflow's automatic step).
import type { HazardHandler } from './hazard-action.ts';

export const accept: HazardHandler<'accept'> = {
  async run({ actor, body, now }) {
    return { set: { acceptedAt: now, acceptedBy: actor.userId }, event: { note: body.note ?? null }, facts: { accepted: true } };
  },
};
