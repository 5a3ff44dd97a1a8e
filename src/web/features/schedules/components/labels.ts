import type { OccurrenceStatus } from '../../../../domain/schedules/self-inspection-schedule.ts';

/** Colours of occurrence statuses: antd tag colours and cell backgrounds of the month grid. */
export const STATUS_TAG_COLOR: Record<OccurrenceStatus, string> = { done: 'success', missed: 'error', due: 'processing', upcoming: 'default' };
export const STATUS_CELL_BG: Record<OccurrenceStatus, string> = { done: '#f6ffed', missed: '#fff1f0', due: '#e6f4ff', upcoming: '#ffffff' };

export const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
