import { describe, expect, it } from 'vitest';
import { type ActivityFact, type LeaderRef, complianceTable, dueForLeader, occurrenceMet, parseFrequency } from './compliance.ts';
import { suggestRequirement } from './suggest.ts';

// A campaign that starts mid-month, as seed 000's (2023-05-15 to 2023-12-31).
const period = { start: '2023-05-15', end: '2023-12-31' };
const secretary: LeaderRef = { userId: 's', name: '书记', post: 'party_secretary' };
const head: LeaderRef = { userId: 'h', name: '镇长', post: 'government_head' };
const deputy: LeaderRef = { userId: 'd', name: '副镇长', post: 'deputy' };
const act = (id: string, heldOn: string, kind: ActivityFact['kind'], ...leaderUserIds: string[]): ActivityFact => ({ id, heldOn, kind, leaderUserIds });

describe('reading a frequency', () => {
  it.each([
    ['每月1次', 1, 8, { from: '2023-05-15', due: '2023-05-31' }, { from: '2023-12-01', due: '2023-12-31' }],
    ['每3个月1次', 1, 3, { from: '2023-05-15', due: '2023-08-14' }, { from: '2023-11-15', due: '2023-12-31' }],
    ['每季度2次', 2, 3, { from: '2023-05-15', due: '2023-06-30' }, { from: '2023-10-01', due: '2023-12-31' }],
    ['至少1次', 1, 1, { from: '2023-05-15', due: '2023-12-31' }, { from: '2023-05-15', due: '2023-12-31' }],
    ['专项行动期间至少两次', 2, 1, { from: '2023-05-15', due: '2023-12-31' }, { from: '2023-05-15', due: '2023-12-31' }],
    ['2023年5月20日前', 1, 1, { from: '2023-05-15', due: '2023-05-20' }, { from: '2023-05-15', due: '2023-05-20' }],
  ])('%s → %i per window, %i windows', (text, count, n, first, last) => {
    const f = parseFrequency(text, period);
    expect(f).toMatchObject({ count, readable: true });
    expect(f.windows).toHaveLength(n);
    expect(f.windows[0]).toEqual(first);
    expect(f.windows.at(-1)).toEqual(last);
  });

  it('flags a phrase it cannot read instead of guessing windows', () => {
    expect(parseFrequency('视情况而定', period)).toMatchObject({ readable: false, windows: [] });
  });
});

describe('the compliance table', () => {
  const spec = { posts: ['party_secretary', 'government_head'] as const, kinds: ['research_inspection'] as const, frequencyText: '每月1次' };

  it('marks each leader × month done, missing, due or upcoming, over month boundaries', () => {
    const acts = [
      act('a1', '2023-05-15', 'research_inspection', 's'), // first day of the short first window
      act('a2', '2023-06-30', 'research_inspection', 's', 'h'), // last day of June, both leaders
      act('a3', '2023-07-01', 'research_inspection', 'h'), // first day of July, counts for July only
      act('a4', '2023-07-10', 'meeting', 's'), // another kind: does not count
    ];
    const t = complianceTable({ ...spec, posts: [...spec.posts], kinds: [...spec.kinds] }, period, [secretary, head, deputy], acts, '2023-07-15');
    expect(t.rows.map((r) => r.leader.userId)).toEqual(['s', 'h']); // the deputy's post is not bound
    const s = t.rows[0]!.cells.slice(0, 4).map((c) => c.status);
    const h = t.rows[1]!.cells.slice(0, 4).map((c) => c.status);
    expect(s).toEqual(['done', 'done', 'due', 'upcoming']);
    expect(h).toEqual(['missing', 'done', 'done', 'upcoming']);
    expect(t.rows[0]!.cells[1]!.activityIds).toEqual(['a2']);
    expect(t.done).toBe(4);
    expect(t.missing).toBe(1);
  });

  it('counts the required number per window (每3个月 over quarter-like windows from the start day)', () => {
    const spec2 = { posts: ['party_secretary' as const], kinds: ['briefing_heard' as const], frequencyText: '每3个月2次' };
    const acts = [act('b1', '2023-06-01', 'briefing_heard', 's'), act('b2', '2023-08-14', 'briefing_heard', 's'), act('b3', '2023-08-15', 'briefing_heard', 's')];
    const t = complianceTable(spec2, period, [secretary], acts, '2023-12-31');
    expect(t.rows[0]!.cells.map((c) => [c.count, c.status])).toEqual([[2, 'done'], [1, 'missing'], [0, 'due']]);
  });
});

describe('a task occurrence met by activity records', () => {
  const spec = { posts: ['party_secretary' as const, 'government_head' as const], kinds: ['research_inspection' as const], frequencyText: '每月1次' };
  it('is met when every leader of a bound post held one inside the window', () => {
    const w = { from: '2023-06-01', due: '2023-06-30' };
    expect(occurrenceMet(spec, 1, [secretary, head], [act('x', '2023-06-03', 'research_inspection', 's')], w).met).toBe(false);
    const both = occurrenceMet(spec, 1, [secretary, head], [act('x', '2023-06-03', 'research_inspection', 's'), act('y', '2023-06-20', 'research_inspection', 'h')], w);
    expect(both).toEqual({ met: true, activityIds: ['x', 'y'] });
    expect(occurrenceMet(spec, 1, [deputy], [], w).met).toBe(false); // nobody holds the post: not met
  });
});

describe('what a leader owes this month', () => {
  it('lists the open window of each requirement binding the leader\'s post, until met', () => {
    const reqs = [
      { id: 'r1', label: '调研检查', posts: ['deputy' as const], kinds: ['research_inspection' as const], frequencyText: '每月1次', period },
      { id: 'r2', label: '听取汇报', posts: ['party_secretary' as const], kinds: ['briefing_heard' as const], frequencyText: '每3个月1次', period },
    ];
    expect(dueForLeader(reqs, deputy, [], '2023-07-15')).toEqual([{ requirementId: 'r1', label: '调研检查', from: '2023-07-01', due: '2023-07-31', done: 0, required: 1 }]);
    expect(dueForLeader(reqs, deputy, [act('z', '2023-07-02', 'research_inspection', 'd')], '2023-07-15')).toEqual([]);
    expect(dueForLeader(reqs, deputy, [], '2024-01-05')).toEqual([]); // after the campaign
  });
});

describe('suggesting a requirement from seed 000 附件1 rows 4–8', () => {
  it.each([
    ['（2）党委主要负责人要每3个月听取1次专项行动情况汇报。', '8月中旬、11月中旬', ['party_secretary'], ['briefing_heard'], '每3个月1次'],
    ['（3）政府主要负责人、部门主要负责人亲自组织召开专题会议动员部署。', '2023年5月20日前', ['government_head'], ['meeting'], '2023年5月20日前'],
    ['（4）主要负责人每月开展1次调研检查或专题调度，组织研判重大安全风险，研究解决突出问题。', '每月', ['party_secretary', 'government_head'], ['research_inspection'], '每月1次'],
    ['（5）分管负责人每月开展1次调研检查或专题调度，组织研判重大安全风险，研究解决突出问题。', '每月', ['deputy'], ['research_inspection'], '每月1次'],
    ['（6）分管负责人每月组织1次研究分析分管领域安全生产形势，推动分管行业领域排查整治重点任务。', '每月', ['deputy'], ['situation_analysis'], '每月1次'],
  ])('%s', (requirement, deadlineText, posts, kinds, frequencyText) => {
    expect(suggestRequirement({ requirement, deadlineText })).toEqual({ posts, kinds, frequencyText });
  });

  it('suggests nothing for a task that is not a leader\'s activity', () => {
    expect(suggestRequirement({ requirement: '（1）结合实际制定本辖区、本行业专项行动方案。', deadlineText: '2023年5月23日前' })).toBeNull();
  });
});
