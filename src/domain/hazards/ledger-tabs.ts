// Which states the ledger lists under its tab choices: one state (a status tab), 在改 or not
// (the three open states), and 已作废 only when it is chosen or asked for (含已作废). The ledger's
// SQL, its totals from the summary rows and its 全部 count all read this one rule.
import { HAZARD_STATUSES, type HazardStatus, OPEN_HAZARD_STATUSES } from './hazard-machine.ts';

export interface LedgerTabChoice {
  status?: HazardStatus | undefined;
  open?: boolean | undefined;
  includeVoided?: boolean | undefined;
}

export function ledgerStatuses(f: LedgerTabChoice): HazardStatus[] {
  return HAZARD_STATUSES.filter((s) => {
    if (f.status && s !== f.status) return false;
    if (s === 'voided' && !f.includeVoided && f.status !== 'voided') return false;
    if (f.open !== undefined && f.open !== OPEN_HAZARD_STATUSES.includes(s)) return false;
    return true;
  });
}
