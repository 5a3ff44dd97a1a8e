// Routes take their permission from the one registry, /api/auth/me sends the caller's abilities,
// and the web's menu is built from them: so a menu entry shows exactly when the server answers
// its page (the 督导组 account once could open 看板 but had no menu entry for it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navEntriesFor } from '../../web/app/layout/nav-items.tsx';
import { abilitiesOf } from '../../domain/access/permissions.ts';
import { type TestApp, createTestApp } from '../test/app.ts';
import { type Session, loginAs } from '../test/http.ts';
import { type ActorKey, type World, buildWorld } from '../test/world.ts';
import { defineRoute } from '../../contract/route.ts';
import { registerRoute } from './route.ts';

/** Pages whose first request is refused without the ability that shows their menu entry. */
const PAGE_ENDPOINTS: Record<string, string> = {
  '/dashboard': '/api/dashboard/hazards',
  '/plans': '/api/plans',
  '/accountability': '/api/accountability',
  '/publicity': '/api/publicity',
  '/self-inspection': '/api/self-inspection/compliance',
  '/audit': '/api/audit',
  '/security-events': '/api/security/events',
  '/admin/users': '/api/users',
  '/admin/criteria': '/api/hazard-criteria?includeInactive=true',
  '/drills': '/api/drills',
  '/drills/compliance': '/api/drills/compliance',
  '/drills/staff': '/api/drills?staff=true',
};

let t: TestApp;
let w: World;
const sessions = new Map<ActorKey, Session>();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const [key, u] of Object.entries(w.users)) sessions.set(key as ActorKey, await loginAs(t.app, u.username, u.password));
});
afterAll(async () => {
  await t?.close();
});

describe('permissions from one registry', () => {
  it('/api/auth/me sends each role its abilities', async () => {
    for (const [key, s] of sessions) {
      const res = await s.request('GET', '/api/auth/me');
      expect(res.json().user.abilities, key).toEqual(abilitiesOf(s.me.role));
    }
  });

  it('every menu entry of every role opens a page the server answers, and the pages left out are refused', async () => {
    for (const [key, s] of sessions) {
      const me = (await s.request('GET', '/api/auth/me')).json().user;
      const keys = new Set(navEntriesFor(me).flatMap((e) => [e.key, ...(e.children ?? []).map((c) => c.key)]));
      for (const [page, endpoint] of Object.entries(PAGE_ENDPOINTS)) {
        const res = await s.request('GET', endpoint);
        if (keys.has(page)) expect(res.statusCode, `${key} ${page} (in the menu)`).toBe(200);
        // an enterprise reads its own self-inspection and drill state on its own pages, not the lists of who is behind
        else if (page !== '/admin/criteria' && !(['/self-inspection', '/drills/compliance', '/drills/staff'].includes(page) && me.enterpriseId)) {
          expect(res.statusCode, `${key} ${page} (not in the menu)`).toBe(403);
        }
      }
    }
  });

  it('the supervision group’s menu has 看板, which its account may open', async () => {
    const me = (await sessions.get('groupMember')!.request('GET', '/api/auth/me')).json().user;
    expect(navEntriesFor(me).map((e) => e.label)).toContain('看板');
  });

  it('a route with a session must name its permission, and a public one must say it is public', () => {
    const def = defineRoute({ method: 'GET', path: '/api/test-only', summary: 'x', tag: 'x' });
    expect(() => registerRoute(t.app, def, { permission: 'public' }, async () => undefined)).toThrow(/names its permission/);
    const pub = defineRoute({ method: 'GET', path: '/api/test-only-public', summary: 'x', tag: 'x', public: true });
    expect(() => registerRoute(t.app, pub, { permission: 'read:hazard' }, async () => undefined)).toThrow(/public route/);
  });
});
