import type { FastifyInstance } from 'fastify';
import { scheduleRoutes as r } from '../../../contract/schedules.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { oneBatch, sendXlsxExport } from '../../http/xlsx-export.ts';
import { behindPage, behindRows } from './schedules.behind.ts';
import * as svc from './schedules.service.ts';
import { BEHIND_EXPORT_COLUMNS, behindExportRow } from './schedules.xlsx.ts';

/** Who looks at 谁落后了: everyone who watches enterprises, each within their scope. */

export function registerScheduleRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, r.get, { permission: 'read:schedule' }, ({ actor, params }) => svc.getSchedule(ctx, actor, params.id));
  registerRoute(app, r.put, { permission: 'edit:schedule' }, ({ actor, params, body }) => svc.putSchedule(ctx, actor, params.id, body));
  registerRoute(app, r.calendar, { permission: 'read:schedule' }, ({ actor, params, query }) => svc.calendar(ctx, actor, params.id, query.month));
  registerRoute(app, r.compliance, { permission: 'read:schedule' }, ({ actor, params }) => svc.complianceSummary(ctx, actor, params.id));
  registerRoute(app, r.today, { permission: 'read:schedule' }, ({ actor, params }) => svc.todayTasks(ctx, actor, params.id));
  registerRoute(app, r.behind, { permission: 'read:schedule_compliance' }, ({ actor, query }) => behindPage(ctx, actor, query));
  registerRoute(app, r.behindExport, { permission: 'read:schedule_compliance' }, async ({ actor, query, reply }) => {
    const { from, to, rows } = await behindRows(ctx, actor, query);
    return sendXlsxExport(reply, `自查情况-${from}至${to}.xlsx`, { sheet: '自查情况', columns: BEHIND_EXPORT_COLUMNS, batches: oneBatch(rows.map(behindExportRow)) });
  });
}
