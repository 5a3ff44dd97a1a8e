import { describe, expect, it } from 'vitest';
import { windowLabel } from './window-label.ts';

describe('a compliance window’s column label', () => {
  it.each([
    [{ from: '2023-06-01', due: '2023-06-30' }, '6月'],
    [{ from: '2023-05-18', due: '2023-05-31' }, '5月'],
    [{ from: '2024-02-01', due: '2024-02-29' }, '2月'],
    [{ from: '2023-05-18', due: '2023-05-20' }, '05-18~05-20'],
    [{ from: '2023-08-18', due: '2023-11-17' }, '08-18~11-17'],
  ])('%o → %s', (w, label) => expect(windowLabel(w)).toBe(label));
});
