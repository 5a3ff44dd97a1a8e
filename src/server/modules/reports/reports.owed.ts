// What units owe on forms: for published campaigns, each form's rounds inside a horizon, each
// filling unit's state. Derived like the campaign's occurrences (nothing is stored until a unit
// saves): one query for the forms, one for the units, one for the submissions, for any number of
// campaigns. The 工作台 and the reminders read it.
import { and, eq, inArray } from 'drizzle-orm';
import { type Round, roundsOf } from '../../../domain/reports/rounds.ts';
import { type SubmissionView, owesSubmission } from '../../../domain/reports/submission-workflow.ts';
import type { DbOrTx } from '../../db/client.ts';
import { reportSubmissions } from '../../db/schema/index.ts';
import type { CampaignRow } from '../campaigns/index.ts';
import * as repo from './reports.repository.ts';
import { periodOf, submissionKey } from './submission-scene.ts';

export interface OwedRound {
  key: string;
  campaign: CampaignRow;
  form: repo.TemplateRow;
  title: string;
  round: Round;
  unitId: string;
  unitName: string;
  state: SubmissionView;
}

/** Rounds due on or before `until` (and not before `since`) that units still owe; one unit's or every unit's. */
export async function owedRounds(db: DbOrTx, cs: readonly CampaignRow[], o: { since: string; until: string; unitId?: string }): Promise<OwedRound[]> {
  const forms = await repo.formsOf(db, cs.map((c) => c.id));
  if (forms.length === 0) return [];
  const subs = await db.select({ seriesId: reportSubmissions.seriesId, unitId: reportSubmissions.unitId, due: reportSubmissions.due, status: reportSubmissions.status })
    .from(reportSubmissions)
    .where(and(inArray(reportSubmissions.seriesId, forms.map((f) => f.seriesId)), o.unitId ? eq(reportSubmissions.unitId, o.unitId) : undefined));
  const state = new Map(subs.map((s) => [`${s.seriesId}_${s.unitId}_${s.due}`, s.status]));
  const out: OwedRound[] = [];
  for (const f of forms) {
    const c = cs.find((x) => x.id === f.campaignId)!;
    const body = repo.bodyOf(f);
    const units = (await repo.fillerUnits(db, c, body.fillers)).filter((u) => !o.unitId || u.id === o.unitId);
    if (units.length === 0) continue;
    for (const r of roundsOf(body, periodOf(c)).filter((x) => x.due >= o.since && x.due <= o.until)) {
      for (const u of units) {
        const key = submissionKey({ seriesId: f.seriesId, unitId: u.id, due: r.due });
        const st: SubmissionView = state.get(key) ?? 'missing';
        if (owesSubmission(st)) out.push({ key, campaign: c, form: f, title: body.title.replace('{unit}', u.name), round: r, unitId: u.id, unitName: u.name, state: st });
      }
    }
  }
  return out;
}
