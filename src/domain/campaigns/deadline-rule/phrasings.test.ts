import { describe, expect, it } from 'vitest';
import { expandDeadline, needsConfirmation, parseDeadline, type Period } from './index.ts';
import { PUBLIC_PHRASINGS } from './phrasings-public.fixture.ts';
import { SEED_PHRASINGS } from './phrasings-seeds.fixture.ts';

/** kind, '?' when it needs confirmation, then the dues ('@time') or 'start..end' for a range. */
function summary(text: string, period: Period): string {
  const rule = parseDeadline(text, period);
  const mark = rule.kind !== 'unread' && needsConfirmation(rule) ? '?' : '';
  if (rule.kind === 'range') return `range${mark} ${rule.start}..${rule.end}`;
  const dues = expandDeadline(rule, period).map((d) => d.due + (d.time ? `@${d.time}` : ''));
  return `${rule.kind}${mark} ${dues.join(' ')}`.trim();
}

const ALL = [...SEED_PHRASINGS, ...PUBLIC_PHRASINGS];

describe('real 时限 phrasings from the seed plans and public plans', () => {
  it('holds at least 150 different phrasings, each with a source (a seed line or a public page)', () => {
    expect(new Set(ALL.map(([text]) => text)).size).toBeGreaterThanOrEqual(150);
    for (const [, source] of ALL) expect(source).toMatch(/^seed 00[0-3]:\d+$|^https?:\/\//);
  });

  it.each(SEED_PHRASINGS)('%s (%s) reads as expected', (text, _source, period, expected) => {
    expect(summary(text, period)).toBe(expected);
  });

  it.each(PUBLIC_PHRASINGS)('%s (%s) reads as expected', (text, _source, period, expected) => {
    expect(summary(text, period)).toBe(expected);
  });

  it('keeps the text of every rule, and says why when it could not read one or assumed something', () => {
    for (const [text, , period] of ALL) {
      const rule = parseDeadline(text, period);
      expect(rule.text).toBe(text);
      if (needsConfirmation(rule)) expect(rule.notes.length).toBeGreaterThan(0);
    }
  });
});
