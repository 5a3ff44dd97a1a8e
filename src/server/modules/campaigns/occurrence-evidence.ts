// Records that settle an occurrence without a progress report: another area (the leaders'
// activities) registers a source at start-up; the engine asks each once per call for any number
// of campaigns (one query per kind of row inside the source) and then, in memory, per occurrence.
import type { DbOrTx } from '../../db/client.ts';
import type { CampaignRow } from './campaigns.repository.ts';

export interface OccurrenceEvidence {
  /** The rule the records answer (e.g. a leadership requirement) and its name. */
  sourceId: string;
  label: string;
  /** Met: the occurrence is confirmed by the records, whatever its reports say. */
  met: boolean;
  /** The records that counted inside the window, for the occurrence's page. */
  records: { id: string; href: string; day: string; title: string; who: string }[];
}
/** The evidence of one task's occurrence over its window, or null when the task takes none. */
export type EvidenceOf = (taskId: string, w: { from: string; due: string }) => OccurrenceEvidence | null;
export type EvidenceSource = (db: DbOrTx, cs: readonly CampaignRow[]) => Promise<EvidenceOf | null>;

const sources: EvidenceSource[] = [];
export function registerOccurrenceEvidence(s: EvidenceSource): void {
  if (!sources.includes(s)) sources.push(s);
}

/** Every registered source's evidence for these campaigns, as one lookup (the first source that speaks for a task wins). */
export async function evidenceFor(db: DbOrTx, cs: readonly CampaignRow[]): Promise<EvidenceOf> {
  const found = (await Promise.all(sources.map((s) => s(db, cs)))).filter((e): e is EvidenceOf => e !== null);
  if (found.length === 0) return () => null;
  return (taskId, w) => {
    for (const e of found) {
      const r = e(taskId, w);
      if (r) return r;
    }
    return null;
  };
}
