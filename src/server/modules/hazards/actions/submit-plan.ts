// 五落实: a plan recorded or revised (the newest is current); a reported hazard then starts
// rectifying by itself once its guards hold (the workflow's automatic step).
import { isPlanComplete } from '../../../../domain/hazards/hazard-machine.ts';
import { dueDateRefusal } from '../../../../domain/hazards/hazard-assignment.ts';
import { invalid } from '../../../http/errors.ts';
import { attachFiles } from '../../files/index.ts';
import * as repo from '../hazards.repository.ts';
import { type HazardHandler, PLAN_FILE_OWNER } from './hazard-action.ts';

const fen = (yuan: number) => Math.round(yuan * 100);

export const submitPlan: HazardHandler<'submit_plan'> = {
  input: ({ body: { plan } }) => ({
    action: 'submit_plan',
    plan: {
      complete: isPlanComplete({
        owner: plan.owner, measures: plan.measures, fundsFen: fen(plan.fundsYuan), dueDate: plan.dueDate,
        contingencyPlan: plan.contingencyPlan, contingencyFileCount: plan.contingencyFileIds.length,
      }),
    },
  }),
  async run({ tx, actor, row: h, body: { plan: p }, now, today }) {
    const dueProblem = dueDateRefusal(p.dueDate, today);
    if (dueProblem) throw invalid({ 'plan.dueDate': [dueProblem] }, dueProblem);
    const plan = await repo.insertPlan(tx, {
      districtId: h.districtId, hazardId: h.id, owner: p.owner, measures: p.measures, fundsFen: fen(p.fundsYuan), dueDate: p.dueDate,
      contingencyPlan: p.contingencyPlan, createdBy: actor.userId, createdAt: now,
    });
    await attachFiles(tx, actor, { ids: p.contingencyFileIds, ownerType: PLAN_FILE_OWNER, ownerId: plan.id, purpose: 'plan', field: 'plan.contingencyFileIds' });
    return {
      set: { dueDate: p.dueDate },
      event: { note: `责任人：${p.owner}；时限：${p.dueDate}；资金：${p.fundsYuan}元`, data: { planId: plan.id } },
      facts: { hasPlan: true },
    };
  },
};
