import type { Clock } from '../context.ts';

/** A clock the test moves by hand: the server reads time only through it. */
export interface TestClock extends Clock {
  set(at: Date | string): void;
  advance(by: { ms?: number; seconds?: number; minutes?: number; hours?: number; days?: number }): void;
}

export const TEST_EPOCH = new Date('2024-06-03T01:30:00.000Z'); // a Monday, 09:30 in Asia/Shanghai

export function createTestClock(start: Date | string = TEST_EPOCH): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set(at) {
      current = new Date(at).getTime();
    },
    advance({ ms = 0, seconds = 0, minutes = 0, hours = 0, days = 0 }) {
      current += ms + 1000 * (seconds + 60 * (minutes + 60 * (hours + 24 * days)));
    },
  };
}
