import type { TBehindItem } from '../../../contract/schedules.ts';

const pct = (r: number | null) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`);

export const BEHIND_EXPORT_COLUMNS = [
  { header: '生产经营单位', width: 30 }, { header: '所在村/社区', width: 12 }, { header: '未按期完成', width: 10 }, { header: '已完成', width: 8 },
  { header: '完成率', width: 8 }, { header: '日查未完成', width: 10 }, { header: '日查完成率', width: 10 }, { header: '周查未完成', width: 10 },
  { header: '周查完成率', width: 10 }, { header: '月查未完成', width: 10 }, { header: '月查完成率', width: 10 },
];

export function behindExportRow(r: Omit<TBehindItem, 'lastDoneOn'>): unknown[] {
  const f = r.byFrequency;
  return [
    r.enterpriseName, r.villageName, r.missed, r.done, pct(r.rate), f.daily.missed, pct(f.daily.rate), f.weekly.missed, pct(f.weekly.rate),
    f.monthly.missed, pct(f.monthly.rate),
  ];
}
