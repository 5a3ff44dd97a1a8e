// The district work calendar of the demo: 法定节假日 and 调休 workdays as the State Council's
// yearly notices set them (国办发明电〔2023〕7号, 〔2024〕12号, 〔2025〕7号). Holidays list every
// day of each break (weekend days inside it included); workdays are the weekend days worked.
import type { workCalendarDays } from '../../server/db/schema/index.ts';

type Holiday = { name: string; from: string; to: string; workdays: readonly string[] };

export const WORK_CALENDAR: readonly Holiday[] = [
  { name: '元旦', from: '2024-01-01', to: '2024-01-01', workdays: [] },
  { name: '春节', from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] },
  { name: '清明节', from: '2024-04-04', to: '2024-04-06', workdays: ['2024-04-07'] },
  { name: '劳动节', from: '2024-05-01', to: '2024-05-05', workdays: ['2024-04-28', '2024-05-11'] },
  { name: '端午节', from: '2024-06-08', to: '2024-06-10', workdays: [] },
  { name: '中秋节', from: '2024-09-15', to: '2024-09-17', workdays: ['2024-09-14'] },
  { name: '国庆节', from: '2024-10-01', to: '2024-10-07', workdays: ['2024-09-29', '2024-10-12'] },

  { name: '元旦', from: '2025-01-01', to: '2025-01-01', workdays: [] },
  { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', from: '2025-04-04', to: '2025-04-06', workdays: [] },
  { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
  { name: '端午节', from: '2025-05-31', to: '2025-06-02', workdays: [] },
  { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },

  { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
  { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
];

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Every calendar day of the table, in date order. */
export function workCalendarDaysOf(districtId: string): (typeof workCalendarDays.$inferInsert)[] {
  const rows: (typeof workCalendarDays.$inferInsert)[] = [];
  for (const h of WORK_CALENDAR) {
    for (let day = h.from; day <= h.to; day = nextDay(day)) rows.push({ districtId, day, kind: 'holiday', name: h.name });
    for (const day of h.workdays) rows.push({ districtId, day, kind: 'workday', name: `${h.name}调休上班` });
  }
  return rows.sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** The district's holidays and 调休 workdays as the schedule domain reads them. */
export function demoCalendarSets(): { holidays: string[]; extraWorkdays: string[] } {
  const rows = workCalendarDaysOf('');
  return { holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.day), extraWorkdays: rows.filter((r) => r.kind === 'workday').map((r) => r.day) };
}
