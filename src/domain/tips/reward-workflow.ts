// 举报奖励: for a report found true, the office proposes a reward (amount in fen, with its basis),
// a leader approves or refuses it, and the office records the payment. An anonymous reporter is
// paid against the tracking code: the office types the code the claimant shows, and the server
// checks it against the report's before the payment is recorded (codeMatches is the caller's fact).
import { defineWorkflow } from '../workflow/workflow.ts';

export const REWARD_STATES = ['proposed', 'approved', 'rejected', 'paid'] as const;
export type RewardState = (typeof REWARD_STATES)[number];
export const REWARD_STATE_LABELS: Record<RewardState, string> = { proposed: '待审批', approved: '待发放', rejected: '未批准', paid: '已发放' };

export const REWARD_ACTIONS = ['approve', 'reject', 'pay'] as const;
export type RewardAction = (typeof REWARD_ACTIONS)[number];
export const REWARD_ACTION_LABELS: Record<RewardAction, string> = { approve: '批准奖励', reject: '不予批准', pay: '登记发放' };

export const PAY_METHODS = ['cash', 'bank_transfer', 'wechat', 'alipay', 'other'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];
export const PAY_METHOD_LABELS: Record<PayMethod, string> = { cash: '现金', bank_transfer: '银行转账', wechat: '微信转账', alipay: '支付宝转账', other: '其他' };

/** leader: a leader of the report's township or the district; office: its 安委办. */
export const REWARD_RELATIONS = ['leader', 'office'] as const;
export type RewardRelation = (typeof REWARD_RELATIONS)[number];

export interface RewardFacts {
  status: RewardState;
  anonymous: boolean;
}
export type RewardInput =
  | { action: 'approve' }
  | { action: 'reject'; note: string }
  | { action: 'pay'; paidOn: string; today: string; proposedDay: string; codeMatches: boolean | null; receiptCount: number };
export type RewardRefusal = 'note_missing' | 'paid_in_future' | 'paid_before_proposal' | 'code_missing' | 'code_mismatch';

export const rewardWorkflow = defineWorkflow<RewardState, RewardAction, RewardFacts, RewardRelation, RewardInput, RewardRefusal>({
  entity: 'tip_reward',
  states: REWARD_STATES,
  actions: REWARD_ACTIONS,
  relations: REWARD_RELATIONS,
  transitions: {
    proposed: { approve: 'approved', reject: 'rejected' },
    approved: { pay: 'paid' },
    rejected: {},
    paid: {},
  },
  guard: (facts, input) => {
    if (input.action === 'reject' && input.note.trim() === '') return 'note_missing';
    if (input.action === 'pay') {
      if (input.paidOn > input.today) return 'paid_in_future';
      if (input.paidOn < input.proposedDay) return 'paid_before_proposal';
      if (facts.anonymous && input.codeMatches === null) return 'code_missing';
      if (facts.anonymous && !input.codeMatches) return 'code_mismatch';
    }
    return null;
  },
  refusalMessages: {
    not_in_state: '该奖励当前状态下不能进行此操作，请刷新后查看',
    note_missing: '请填写不予批准的理由',
    paid_in_future: '发放日期不能晚于今天',
    paid_before_proposal: '发放日期不能早于奖励提出的日期',
    code_missing: '匿名举报的奖励凭举报查询码发放，请输入领奖人出示的查询码',
    code_mismatch: '查询码与该举报不符，请核对领奖人出示的查询码',
  },
  permits: {
    approve: { by: ['leader'], duty: {} },
    reject: { by: ['leader'] },
    pay: { by: ['office'], duty: {} },
  },
});

/** Amounts are kept in fen; the office types 元 with at most two decimals. */
export const MAX_REWARD_FEN = 100_000_000; // 100万元: above any 安全生产举报奖励 scale
export const formatYuan = (fen: number): string => (fen / 100).toFixed(2);
