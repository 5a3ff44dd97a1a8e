// When the hazard summary rows (a count per month of finding, kept by the database) can answer a
// question instead of the ledger: the question must cover whole months of finding days. A range
// that starts on a month's first day (or has no start) and ends on a month's last day, or on
// today or later (nothing is found after today), does; 3 March to 20 June does not.
import { addDays, monthStartOf } from '../common/dates.ts';
import type { EnterpriseScope, RegionRef } from '../access/scope.ts';

export interface MonthWindow {
  /** First month counted ('YYYY-MM-01'), or none: from the beginning. */
  fromMonth?: string;
  /** Last month counted ('YYYY-MM-01'), or none: up to now. */
  toMonth?: string;
}

/** The months a range of finding days covers whole, or null when it cuts a month. */
export function monthWindowOf(range: { from?: string | undefined; to?: string | undefined }, today: string): MonthWindow | null {
  const w: MonthWindow = {};
  if (range.from) {
    if (monthStartOf(range.from) !== range.from) return null;
    w.fromMonth = range.from;
  }
  if (range.to && range.to < today) {
    if (monthStartOf(addDays(range.to, 1)) !== addDays(range.to, 1)) return null;
    w.toMonth = monthStartOf(range.to);
  }
  return w;
}

/**
 * The region whose summary rows count exactly what the actor sees: a whole township or district.
 * A village's, a department's or an enterprise's view is a part of one (and small): the ledger
 * counts it directly.
 */
export function summaryRegionOf(role: string, scope: EnterpriseScope): RegionRef | null {
  if (role === 'village' || role === 'department') return null; // they also see hazards handed to them
  return scope.kind === 'region' ? scope.region : null;
}
