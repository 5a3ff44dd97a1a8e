// Reads a campaign task's words (seed 000 附件1 rows 4–8) for a leadership requirement: which posts
// it binds, which activities count, how often. A suggestion the office confirms, never applied
// unseen: the words vary from plan to plan.
import type { ActivityKind, LeaderPost } from './leadership.ts';

const KINDS: [RegExp, ActivityKind][] = [
  [/听取.{0,12}汇报/, 'briefing_heard'],
  [/调研检查|专题调度/, 'research_inspection'],
  [/研究分析.{0,12}形势|形势研判|研判.{0,6}形势/, 'situation_analysis'],
  [/专题会议|动员部署/, 'meeting'],
  [/专题学习|集中.{0,6}学习/, 'study'],
  [/现场督导|督导检查/, 'site_supervision'],
  [/到企业宣讲|宣讲/, 'enterprise_talk'],
  [/考核巡查/, 'assessment'],
];

function postsOf(text: string): LeaderPost[] {
  const posts = new Set<LeaderPost>();
  if (/党委主要负责人|党委书记/.test(text)) posts.add('party_secretary');
  if (/政府主要负责人|镇长|区长/.test(text)) posts.add('government_head');
  if (/(党政|^|[^委府门])主要负责人/.test(text.replace(/党委主要负责人|政府主要负责人|部门主要负责人/g, ''))) {
    posts.add('party_secretary');
    posts.add('government_head');
  }
  if (/分管负责人/.test(text)) posts.add('deputy');
  if (/成员单位负责人/.test(text)) posts.add('member_unit_head');
  return [...posts];
}

/** The frequency phrase in the words ("每3个月…1次" → "每3个月1次"), else the task's deadline phrase. */
function frequencyOf(text: string, deadlineText: string): string {
  const every = /每(\d+个月|[一两三四五六]个月|月|季度|半年|年|周)/.exec(text);
  const times = /(\d+|[一两二三四五])次/.exec(text);
  if (every) return `每${every[1]}${times ? `${times[1]}次` : '1次'}`;
  if (/至少/.test(text) && times) return `至少${times[1]}次`;
  return deadlineText.trim() || '至少1次';
}

export interface RequirementSuggestion {
  posts: LeaderPost[];
  kinds: ActivityKind[];
  frequencyText: string;
}

export function suggestRequirement(task: { requirement: string; deadlineText: string }): RequirementSuggestion | null {
  const text = task.requirement.replace(/\s+/g, '');
  const kinds = KINDS.filter(([re]) => re.test(text)).map(([, k]) => k);
  const posts = postsOf(text);
  if (kinds.length === 0 || posts.length === 0) return null;
  return { posts, kinds, frequencyText: frequencyOf(text, task.deadlineText) };
}
