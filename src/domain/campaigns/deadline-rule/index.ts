// The deadline-phrase module: a plan's 时限要求 → a rule (with its certainty) → due dates in a campaign.
// Pure: no IO, no clock; the campaign's period is always passed in.
export type { Certainty, DeadlineRule, Due, Period, RecurringDay, RecurringUnit } from './types.ts';
export { parseDeadline } from './parse-deadline.ts';
export { expandDeadline } from './expand.ts';
export { describeDeadline, needsConfirmation } from './describe.ts';
// Also read by a hazard's 整改期限 (domain/hazards/rectification-deadline.ts), counted from its found day.
export { addMonths } from './calendar.ts';
export { arabicNumerals } from './normalize.ts';
