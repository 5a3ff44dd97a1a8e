// 作出决定: the measures decided once (fines on the enterprise and its principal, suspension,
// referral …), or no penalty with its reason; the totals are stored on the case for the lists.
import { finesFen, imposesPenalty } from '../../../../domain/enforcement/enforcement.ts';
import { invalid } from '../../../http/errors.ts';
import * as repo from '../cases.repository.ts';
import { type CaseHandler, dayWithin, measureFromInput } from './case-action.ts';

export const decide: CaseHandler<'decide'> = {
  input: ({ body }) => ({ action: 'decide', measures: body.measures.map(measureFromInput), noPenaltyReason: body.noPenaltyReason }),
  async run({ tx, actor, row: c, body, now, today }) {
    dayWithin('decidedOn', '决定日期', body.decidedOn, { today, notBefore: c.filedOn });
    const decided = body.measures.map(measureFromInput);
    if (imposesPenalty(decided) && !body.documentNo) throw invalid({ documentNo: ['作出处罚决定须填写决定书文号'] });
    await repo.insertMeasures(tx, body.measures.map((m, i) => {
      const d = decided[i]!;
      return {
        districtId: c.districtId, caseId: c.id, kind: m.kind, note: m.note, decidedOn: body.decidedOn, createdBy: actor.userId, createdAt: now,
        fineOnEnterpriseFen: d.kind === 'penalty' ? d.fineOnEnterpriseFen : null,
        fineOnPrincipalFen: d.kind === 'penalty' ? d.fineOnPrincipalFen : null,
        personCount: d.kind === 'judicial_referral' ? d.personCount : null,
      };
    }));
    const fines = finesFen(decided);
    const noPenalty = body.noPenaltyReason; // the domain refused it beside a penalty
    return {
      set: {
        documentNo: body.documentNo, decidedOn: body.decidedOn, noPenaltyReason: noPenalty,
        fineOnEnterpriseFen: fines.onEnterprise, fineOnPrincipalFen: fines.onPrincipal,
      },
      event: {
        note: body.documentNo ?? noPenalty,
        data: { measures: body.measures, fineOnEnterpriseFen: fines.onEnterprise, fineOnPrincipalFen: fines.onPrincipal, noPenaltyReason: noPenalty },
      },
    };
  },
};
