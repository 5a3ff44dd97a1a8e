// What every case action handler is typed with, and the request → domain translations they share.
import type { TCaseActionRequest, TMeasureInput } from '../../../../contract/cases.ts';
import type { CaseWorkflowFacts, CaseWorkflowInput } from '../../../../domain/enforcement/case-workflow.ts';
import type { CaseStatus, EnforcementMeasure } from '../../../../domain/enforcement/enforcement.ts';
import { invalid } from '../../../http/errors.ts';
import type { ActionHandler } from '../../../kernel/run-action.ts';
import type { CaseRow } from '../cases.repository.ts';

export type CaseActionName = TCaseActionRequest['action'];
export type CaseBody<K extends CaseActionName> = Extract<TCaseActionRequest, { action: K }>;
export type CaseHandler<K extends CaseActionName> = ActionHandler<CaseRow, CaseWorkflowFacts, CaseBody<K>, CaseStatus, CaseWorkflowInput>;

export const CASE_FILE_OWNER = 'enforcement_case';

export const yuanToFen = (yuan: number) => Math.round(yuan * 100);

/** The domain's measure from the request's, in fen. */
export function measureFromInput(m: TMeasureInput): EnforcementMeasure {
  if (m.kind === 'penalty') return { kind: 'penalty', fineOnEnterpriseFen: yuanToFen(m.fineOnEnterpriseYuan), fineOnPrincipalFen: yuanToFen(m.fineOnPrincipalYuan) };
  if (m.kind === 'judicial_referral') return { kind: 'judicial_referral', personCount: m.personCount };
  return { kind: m.kind };
}

/** A day field may not lie after today nor before the step it follows. */
export function dayWithin(field: string, label: string, day: string, o: { today: string; notBefore: string | null }): void {
  if (day > o.today) throw invalid({ [field]: [`${label}不能晚于今天`] });
  if (o.notBefore && day < o.notBefore) throw invalid({ [field]: [`${label}不能早于${o.notBefore}`] });
}
