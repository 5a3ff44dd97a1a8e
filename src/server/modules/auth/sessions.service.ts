// A user's own sessions: which are open (where from, on what), ending one or all the others.
import { createHash } from 'node:crypto';
import type { TSessionItem } from '../../../contract/security.ts';
import { userAgentSummary } from '../../../domain/access/security-rules.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './auth.repository.ts';
import { sessionsOfUser } from './security.repository.ts';

/** What the web calls a session: a hash of its key, so the list never shows what finds it in the table. */
const handleOf = (sessionId: string) => createHash('sha256').update(`session-handle:${sessionId}`).digest('hex').slice(0, 32);

const actorRef = (a: Actor) => ({ userId: a.userId, displayName: a.displayName });

/** The user's sessions still open (an idle one past the timeout is not), the latest first. */
async function openSessions(ctx: AppContext, actor: Actor) {
  const idleBefore = ctx.clock.now().getTime() - ctx.config.sessionIdleMinutes * 60_000;
  return (await sessionsOfUser(ctx.db, actor.userId)).filter((s) => s.id === actor.sessionId || s.lastSeenAt.getTime() >= idleBefore);
}

export async function listSessions(ctx: AppContext, actor: Actor): Promise<{ items: TSessionItem[] }> {
  const rows = await openSessions(ctx, actor);
  return {
    items: rows.map((s) => ({
      id: handleOf(s.id), createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), ip: s.ip,
      device: userAgentSummary(s.userAgent), current: s.id === actor.sessionId,
    })),
  };
}

/** Ends one of the user's sessions (this one too: then it is a sign-out); says whether it was this one. */
export async function endSession(ctx: AppContext, actor: Actor, handle: string): Promise<{ current: boolean }> {
  const session = (await sessionsOfUser(ctx.db, actor.userId)).find((s) => handleOf(s.id) === handle);
  if (!session) throw notFound('会话');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, session.id);
    await recordAudit(tx, {
      at: ctx.clock.now(), districtId: actor.districtId, actor: actorRef(actor), action: 'auth.session_ended', entityType: 'user', entityId: actor.userId,
      after: { ip: session.ip, device: userAgentSummary(session.userAgent), current: session.id === actor.sessionId },
    });
  });
  return { current: session.id === actor.sessionId };
}

export async function endOtherSessions(ctx: AppContext, actor: Actor): Promise<{ ended: number }> {
  return ctx.db.transaction(async (tx) => {
    const ended = await repo.deleteSessionsOfUser(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, {
      at: ctx.clock.now(), districtId: actor.districtId, actor: actorRef(actor), action: 'auth.sessions_ended_others', entityType: 'user', entityId: actor.userId,
      after: { endedSessions: ended },
    });
    return { ended };
  });
}
