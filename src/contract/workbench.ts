import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { LIGHTS } from '../domain/workbench/light.ts';
import { WORKBENCH_KINDS } from '../domain/workbench/workbench.ts';

export const WorkbenchItem = z.object({
  kind: z.enum(WORKBENCH_KINDS),
  title: z.string(),
  /** A second line: the enterprise, the state, the unit. */
  subtitle: z.string().nullable(),
  href: z.string(),
  due: z.string().nullable(),
  /** 逾期 3 天 / 今天到期 / 剩 2 天. */
  dueText: z.string().nullable(),
  light: z.enum(LIGHTS),
});
export type TWorkbenchItem = z.infer<typeof WorkbenchItem>;

const Figures = z.object({ found: int(), closed: int(), closeRate: z.number().nullable(), overdue: int(), major: int(), listed: int() });
export const Workbench = z.object({
  today: z.string(),
  items: z.array(WorkbenchItem),
  /** Per kind, how many there are (the list shows the most urgent few of each). */
  totals: z.partialRecord(z.enum(WORKBENCH_KINDS), int()),
  /** Where "查看全部" of a kind leads, when a list shows them all. */
  moreHref: z.partialRecord(z.enum(WORKBENCH_KINDS), z.string()),
  figures: z.object({ thisMonth: Figures, lastMonth: Figures, open: int(), overdueNow: int() }).nullable(),
});
export type TWorkbench = z.infer<typeof Workbench>;

export const workbenchRoutes = {
  get: defineRoute({ method: 'GET', path: '/api/workbench', summary: '工作台：等待我处理的事项', tag: 'workbench', response: Workbench }),
};
