// 宣传/曝光 (publicity): what a district or township published about work safety. Seed 002's 调度表
// section 4 item 6 asks "是否在主流媒体播放安全生产专题栏目", and section 3 item 7 counts the
// enterprises exposed (曝光、约谈、联合惩戒). Pure data and rules, no IO.

/** 专题栏目 (a column or programme, often running a period), 曝光 (naming enterprises), 宣传报道 (any other report). */
export const PUBLICITY_KINDS = ['media_column', 'exposure', 'report'] as const;
export type PublicityKind = (typeof PUBLICITY_KINDS)[number];
export const PUBLICITY_KIND_LABELS: Record<PublicityKind, string> = {
  media_column: '专题栏目',
  exposure: '曝光',
  report: '宣传报道',
};

export const PUBLICITY_CHANNELS = ['tv', 'radio', 'newspaper', 'website', 'wechat', 'other'] as const;
export type PublicityChannel = (typeof PUBLICITY_CHANNELS)[number];
export const PUBLICITY_CHANNEL_LABELS: Record<PublicityChannel, string> = {
  tv: '电视',
  radio: '广播',
  newspaper: '报纸',
  website: '网站',
  wechat: '微信公众号',
  other: '其他',
};

/**
 * Whether a channel is taken for 主流媒体 until the recorder says otherwise: broadcast and print
 * are; a website or a WeChat account may be a 融媒体中心's (mainstream) or a unit's own (not),
 * which only the recorder knows.
 */
export function defaultMainstream(channel: PublicityChannel): boolean {
  return channel === 'tv' || channel === 'radio' || channel === 'newspaper';
}

/** At most this many enterprises named in one exposure (a bulletin of a sweep names a few dozen). */
export const MAX_EXPOSED_ENTERPRISES = 50;

export interface PublicityDates {
  kind: PublicityKind;
  publishedOn: string;
  endsOn: string | null;
}

/** What is wrong with a record's dates against `today` (field → message), empty when none. */
export function publicityDateProblems(r: PublicityDates, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.publishedOn > today) out.publishedOn = '播出/刊发日期不能晚于今天';
  // only a column runs a period; an exposure or a report appears on one day
  if (r.endsOn !== null && r.kind !== 'media_column') out.endsOn = '只有专题栏目可以填写结束日期';
  else if (r.endsOn !== null && r.endsOn < r.publishedOn) out.endsOn = '结束日期不能早于开始日期';
  return out;
}

/** The last day a record runs: a column without an end runs on; an exposure or a report is one day. */
export const lastDayOf = (r: { kind: PublicityKind; publishedOn: string; endsOn: string | null }): string | null =>
  r.endsOn ?? (r.kind === 'media_column' ? null : r.publishedOn);

/** Whether a record runs on any day of [from, to]: it started by `to` and had not ended before `from`. */
export const publicityInWindow = (r: { kind: PublicityKind; publishedOn: string; endsOn: string | null }, from: string, to: string) => {
  const last = lastDayOf(r);
  return r.publishedOn <= to && (last === null || last >= from);
};

/** An absolute http(s) address with a host: what a link to a published piece must be. */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
