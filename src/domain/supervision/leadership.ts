// Leadership activities (领导活动) and the posts of those who lead them: the words of seed 000
// 三.(一)2 and its 附件1 rows 4–8, and of seed 002's 调度表 section 4. Pure data.

/** The posts the plans name (党政主要负责人, 分管负责人, 安委会成员单位负责人). */
export const LEADER_POSTS = ['party_secretary', 'government_head', 'deputy', 'member_unit_head'] as const;
export type LeaderPost = (typeof LEADER_POSTS)[number];
export const LEADER_POST_LABELS: Record<LeaderPost, string> = {
  party_secretary: '党委主要负责人',
  government_head: '政府主要负责人',
  deputy: '分管负责人',
  member_unit_head: '安委会成员单位负责人',
};

export const ACTIVITY_KINDS = ['study', 'meeting', 'briefing_heard', 'research_inspection', 'site_supervision', 'enterprise_talk', 'situation_analysis', 'assessment'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  study: '专题学习',
  meeting: '专题会议/动员部署',
  briefing_heard: '听取汇报',
  research_inspection: '调研检查/专题调度',
  site_supervision: '现场督导检查',
  enterprise_talk: '到企业宣讲',
  situation_analysis: '形势研判',
  assessment: '考核巡查',
};

/** 区 or 乡镇: which level of government the activity was held at. */
export const ACTIVITY_LEVELS = ['district', 'township'] as const;
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];
export const ACTIVITY_LEVEL_LABELS: Record<ActivityLevel, string> = { district: '区级', township: '乡镇级' };

/** A leader taking part: an account of the system, or a person named with the post. */
export interface ActivityLeader {
  userId: string | null;
  name: string;
  post: LeaderPost;
}

/** 专兼职技术检查员 */
export const INSPECTOR_EMPLOYMENTS = ['full_time', 'part_time'] as const;
export type InspectorEmployment = (typeof INSPECTOR_EMPLOYMENTS)[number];
export const INSPECTOR_EMPLOYMENT_LABELS: Record<InspectorEmployment, string> = { full_time: '专职', part_time: '兼职' };

/** Whether a roster entry counts on a day: from ≤ day and (no end, or end ≥ day). */
export const inspectorActiveOn = (r: { fromDate: string; toDate: string | null }, day: string) => r.fromDate <= day && (r.toDate === null || r.toDate >= day);
