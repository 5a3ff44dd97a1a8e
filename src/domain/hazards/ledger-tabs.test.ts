import { describe, expect, it } from 'vitest';
import { ledgerStatuses } from './ledger-tabs.ts';

describe('ledgerStatuses', () => {
  it('lists every state but 已作废 by default, and 已作废 when asked or chosen', () => {
    expect(ledgerStatuses({})).toEqual(['reported', 'rectifying', 'awaiting_verification', 'closed']);
    expect(ledgerStatuses({ includeVoided: true })).toContain('voided');
    expect(ledgerStatuses({ status: 'voided' })).toEqual(['voided']);
  });
  it('narrows to a status tab and to 在改 or not', () => {
    expect(ledgerStatuses({ status: 'closed' })).toEqual(['closed']);
    expect(ledgerStatuses({ open: true })).toEqual(['reported', 'rectifying', 'awaiting_verification']);
    expect(ledgerStatuses({ open: false })).toEqual(['closed']);
    expect(ledgerStatuses({ open: false, includeVoided: true })).toEqual(['closed', 'voided']);
    expect(ledgerStatuses({ status: 'closed', open: true })).toEqual([]);
  });
});
