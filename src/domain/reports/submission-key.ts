// A submission's stable, URL-safe name: the form (its series), the unit and the round's due day.
// A round a unit has not touched has no row yet, so pages and links name it by this key.
import { UUID_SOURCE } from '../common/ids.ts';

const KEY = new RegExp(`^(${UUID_SOURCE})_(${UUID_SOURCE})_(\\d{4}-\\d{2}-\\d{2})$`, 'i');
export const submissionKey = (o: { seriesId: string; unitId: string; due: string }) => `${o.seriesId}_${o.unitId}_${o.due}`;
export function parseSubmissionKey(key: string): { seriesId: string; unitId: string; due: string } | null {
  const m = KEY.exec(key);
  return m ? { seriesId: m[1]!.toLowerCase(), unitId: m[2]!.toLowerCase(), due: m[3]! } : null;
}
