// How a publicity record reads in a list and on its page: kind and channel tags, its dates.
import { Tag } from 'antd';
import { PUBLICITY_CHANNEL_LABELS, PUBLICITY_KIND_LABELS, type TPublicityItem } from '../../../../contract/publicity.ts';

const KIND_COLORS = { media_column: 'blue', exposure: 'red', report: undefined } as const;

export const KindTag = ({ r }: { r: Pick<TPublicityItem, 'kind'> }) => <Tag color={KIND_COLORS[r.kind]}>{PUBLICITY_KIND_LABELS[r.kind]}</Tag>;

/** 电视 · 主流媒体 · 区融媒体中心 */
export const channelText = (r: Pick<TPublicityItem, 'channel' | 'mainstream' | 'outlet'>) =>
  [PUBLICITY_CHANNEL_LABELS[r.channel], r.mainstream ? '主流媒体' : null, r.outlet].filter(Boolean).join(' · ');

/** One day, a period, or a column still running. */
export const datesText = (r: Pick<TPublicityItem, 'kind' | 'publishedOn' | 'endsOn'>) =>
  r.endsOn ? `${r.publishedOn} 至 ${r.endsOn}` : r.kind === 'media_column' ? `${r.publishedOn} 起` : r.publishedOn;
