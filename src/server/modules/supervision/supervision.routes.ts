import type { FastifyInstance } from 'fastify';
import { supervisionRoutes as r } from '../../../contract/supervision.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import { registerReminderSource } from '../notifications/index.ts';
import * as findings from './findings.service.ts';
import { FINDING_FILE_OWNER } from './findings.workflow.ts';
import * as groups from './groups.service.ts';
import { findingReminders } from './supervision.reminders.ts';
import * as visits from './visits.service.ts';

export function registerSupervisionRoutes(app: FastifyInstance, ctx: AppContext) {
  registerFileOwnerAccess(visits.VISIT_FILE_OWNER, (c, actor, id) => visits.visitVisibleTo(c, actor, id));
  registerFileOwnerAccess(FINDING_FILE_OWNER, (c, actor, id) => findings.findingVisibleTo(c, actor, id));
  registerReminderSource(findingReminders);
  const read = { permission: 'read:supervision' } as const;
  const manage = { permission: 'manage:supervision_group' } as const;
  const visit = { permission: 'visit:supervision' } as const;
  registerRoute(app, r.groups, read, ({ actor, query }) => groups.listGroups(ctx, actor, query));
  registerRoute(app, r.groupOptions, manage, ({ actor, query }) => groups.groupOptions(ctx, actor, query.groupId));
  registerRoute(app, r.people, manage, ({ actor, query }) => groups.people(ctx, actor, query.q, query.groupId));
  registerRoute(app, r.createGroup, manage, ({ actor, body }) => groups.createGroup(ctx, actor, body));
  registerRoute(app, r.group, read, ({ actor, params }) => groups.getGroup(ctx, actor, params.id));
  registerRoute(app, r.updateGroup, manage, ({ actor, params, body }) => groups.updateGroup(ctx, actor, params.id, body));
  registerRoute(app, r.visitForm, visit, ({ actor }) => visits.visitForm(ctx, actor));
  registerRoute(app, r.visits, read, ({ actor, query }) => visits.listVisits(ctx, actor, query));
  registerRoute(app, r.createVisit, visit, ({ actor, body }) => visits.createVisit(ctx, actor, body));
  registerRoute(app, r.visit, read, ({ actor, params }) => visits.getVisit(ctx, actor, params.id));
  registerRoute(app, r.addFinding, visit, ({ actor, params, body }) => visits.addFinding(ctx, actor, params.id, body));
  registerRoute(app, r.visitHazard, { permission: 'create:hazard' }, ({ actor, params, body }) => visits.recordVisitHazard(ctx, actor, params.id, body));
  registerRoute(app, r.findings, read, ({ actor, query }) => findings.listFindings(ctx, actor, query));
  registerRoute(app, r.finding, read, ({ actor, params }) => findings.getFinding(ctx, actor, params.id));
  registerRoute(app, r.findingAction, read, ({ actor, params, body }) => findings.actOnFinding(ctx, actor, params.id, body));
}
