import type { FastifyInstance } from 'fastify';
import { leadershipRoutes as r } from '../../../contract/leadership.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { registerOccurrenceEvidence } from '../campaigns/index.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import { registerReminderSource } from '../notifications/index.ts';
import { leaderDue, leadershipReminders } from './leadership.due.ts';
import { leadershipEvidence } from './leadership.evidence.ts';
import { ACTIVITY_FILE_OWNER } from './leadership.repository.ts';
import * as svc from './leadership.service.ts';
import * as reqs from './requirements.service.ts';

export function registerLeadershipRoutes(app: FastifyInstance, ctx: AppContext) {
  registerOccurrenceEvidence(leadershipEvidence);
  registerReminderSource(leadershipReminders);
  registerFileOwnerAccess(ACTIVITY_FILE_OWNER, (c, actor, id) => svc.activityVisibleTo(c, actor, id));
  const read = { permission: 'read:leadership' } as const;
  const record = { permission: 'record:leadership' } as const;
  const edit = { permission: 'edit:campaign' } as const;

  registerRoute(app, r.list, read, ({ actor, query }) => svc.listActivities(ctx, actor, query));
  registerRoute(app, r.create, record, ({ actor, body }) => svc.createActivity(ctx, actor, body));
  registerRoute(app, r.get, read, ({ actor, params }) => svc.getActivity(ctx, actor, params.id));
  registerRoute(app, r.update, record, ({ actor, params, body }) => svc.updateActivity(ctx, actor, params.id, body));
  registerRoute(app, r.void, record, ({ actor, params, body }) => svc.voidActivity(ctx, actor, params.id, body));
  registerRoute(app, r.leaders, read, ({ actor }) => svc.regionLeaders(ctx, actor));
  registerRoute(app, r.due, read, ({ actor }) => leaderDue(ctx, actor));
  registerRoute(app, r.campaign, read, ({ actor, params }) => reqs.campaignLeadership(ctx, actor, params.id));
  registerRoute(app, r.suggestions, edit, ({ actor, params }) => reqs.suggestions(ctx, actor, params.id));
  registerRoute(app, r.createRequirement, edit, ({ actor, params, body }) => reqs.createRequirement(ctx, actor, params.id, body));
  registerRoute(app, r.updateRequirement, edit, ({ actor, params, body }) => reqs.updateRequirement(ctx, actor, params.id, params.requirementId, body));
  registerRoute(app, r.voidRequirement, edit, ({ actor, params, body }) => reqs.voidRequirement(ctx, actor, params.id, params.requirementId, body.version));
}
