import { describe, expect, it } from 'vitest';
import { formatRecordNumber } from './record-number.ts';

describe('formatRecordNumber', () => {
  it('pads the sequence and names the kind', () => {
    expect(formatRecordNumber('YB', 'inspection', 2026, 12)).toBe('YB-JC-2026-000012');
    expect(formatRecordNumber('YB', 'case', 2026, 1234567)).toBe('YB-AJ-2026-1234567');
  });
});
