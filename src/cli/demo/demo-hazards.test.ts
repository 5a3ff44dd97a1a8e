// The demo hazard ledger in memory (no database): deterministic, numbered per year, and every
// timeline a walk through the state machine that ends in the hazard's status, whatever `now` is.
import { describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../domain/common/dates.ts';
import { HAZARD_ACTIONS, HAZARD_TRANSITIONS, type HazardAction, type HazardStatus } from '../../domain/hazards/hazard-machine.ts';
import { buildDemoData } from './seed-demo.ts';

const build = (now: string) => buildDemoData({ now: new Date(now), passwordHash: 'not-a-hash' });

/** Content without the random ids. */
function fingerprint(d: ReturnType<typeof build>) {
  return d.ledger.hazards.map((h) => ({
    number: h.number, status: h.status, level: h.level, source: h.source, description: h.description, location: h.location,
    foundAt: h.foundAt.toISOString(), dueDate: h.dueDate, listingLevel: h.listingLevel ?? null, reopenCount: h.reopenCount,
    events: d.ledger.events.filter((e) => e.entityId === h.id).map((e) => `${e.at.toISOString()} ${e.action} ${e.toStatus} ${e.note}`),
  }));
}

function checkTimelines(d: ReturnType<typeof build>, now: Date) {
  const byHazard = new Map<string, typeof d.ledger.events>();
  for (const e of d.ledger.events) byHazard.set(e.entityId, [...(byHazard.get(e.entityId) ?? []), e]);
  for (const h of d.ledger.hazards) {
    const events = byHazard.get(h.id!) ?? [];
    expect(events[0]?.action, h.number).toBe('report');
    expect(events[0]!.fromStatus).toBeNull();
    expect(events[0]!.at.getTime()).toBe(h.foundAt.getTime());
    let prev: HazardStatus | null = null;
    let prevAt = 0;
    for (const e of events) {
      if (prev !== null) expect(e.fromStatus, `${h.number} ${e.action}`).toBe(prev);
      if ((HAZARD_ACTIONS as readonly string[]).includes(e.action)) {
        expect(HAZARD_TRANSITIONS[prev!][e.action as HazardAction], `${h.number} ${e.action} from ${prev}`).toBe(e.toStatus);
      } else if (e.action !== 'report') {
        expect(e.toStatus, `${h.number} ${e.action} is a side action`).toBe(prev);
      }
      expect(e.at.getTime()).toBeGreaterThanOrEqual(prevAt);
      expect(e.at.getTime(), `${h.number} ${e.action} after now`).toBeLessThan(now.getTime());
      prevAt = e.at.getTime();
      prev = e.toStatus as HazardStatus;
    }
    expect(prev, h.number).toBe(h.status);
    expect(h.updatedAt!.getTime()).toBe(prevAt);
  }
}

function checkNumbers(d: ReturnType<typeof build>) {
  const seqs = new Map<number, number[]>();
  for (const h of d.ledger.hazards) {
    const m = /^YB-(\d{4})-(\d{6})$/.exec(h.number);
    expect(m, h.number).not.toBeNull();
    const year = Number(m![1]);
    expect(year).toBe(Number(shanghaiDay(h.foundAt).slice(0, 4)));
    seqs.set(year, [...(seqs.get(year) ?? []), Number(m![2])]);
  }
  expect(d.ledger.counters.map((c) => c.year).sort()).toEqual([...seqs.keys()].sort());
  for (const c of d.ledger.counters) {
    const s = seqs.get(c.year)!.sort((a, b) => a - b);
    expect(s).toEqual(s.map((_, i) => i + 1)); // 1..n, no gaps, no repeats
    expect(c.lastSeq).toBe(s.length);
  }
}

describe('demo hazard ledger', () => {
  it('is the same for the same seed and date (ids aside)', () => {
    expect(fingerprint(build('2026-11-20T02:00:00Z'))).toEqual(fingerprint(build('2026-11-20T02:00:00Z')));
  });

  it.each([
    ['a morning in the campaign', '2024-11-20T02:00:00Z'],
    ['late evening', '2026-11-20T15:59:00Z'],
    ['just after midnight, Shanghai', '2026-11-20T16:05:00Z'],
  ])('plays every timeline through the state machine (%s)', (_, at) => {
    const now = new Date(at);
    const d = build(at);
    checkTimelines(d, now);
    checkNumbers(d);
    const today = shanghaiDay(now);
    for (const h of d.ledger.hazards) {
      const days = (Date.parse(today) - Date.parse(shanghaiDay(h.foundAt))) / 86_400_000;
      expect(days, h.number).toBeGreaterThanOrEqual(1);
      // Hazards found in inspections go back as far as the inspections (~4 months).
      expect(days, h.number).toBeLessThanOrEqual(h.inspectionId ? 121 : 90);
    }
  });

  it('numbers each year from 000001 when the last 90 days cross new year', () => {
    const d = build('2027-01-20T02:00:00Z');
    expect(d.ledger.counters.map((c) => c.year).sort()).toEqual([2026, 2027]);
    checkNumbers(d);
    checkTimelines(d, new Date('2027-01-20T02:00:00Z'));
    expect(d.ledger.hazards.some((h) => h.number === 'YB-2027-000001')).toBe(true);
    expect(d.ledger.hazards.some((h) => h.number === 'YB-2026-000001')).toBe(true);
  });
});
