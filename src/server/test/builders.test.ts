// A hazard built directly is the hazard the loop would have left: the API reads it with its state,
// its timeline and the actions the domain offers next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../contract/hazards.ts';
import { type TestApp, createTestApp } from './app.ts';
import { type BuiltHazardState, buildHazard } from './builders.ts';
import { type Session, loginAs } from './http.ts';
import { type World, buildWorld } from './world.ts';

let t: TestApp;
let w: World;
let village: Session;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  village = await loginAs(t.app, w.users.villageV1a.username, w.users.villageV1a.password);
});
afterAll(() => t?.close());

const EXPECTED: Record<BuiltHazardState, { status: string; events: string[]; next: string[] }> = {
  reported: { status: 'reported', events: ['report'], next: ['submit_plan', 'void', 'request_extension', 'transfer', 'edit'] },
  planned: { status: 'rectifying', events: ['report', 'submit_plan', 'start_rectification'], next: ['submit_plan', 'report_rectification', 'void', 'request_extension', 'transfer', 'edit'] },
  accepted: { status: 'rectifying', events: ['report', 'submit_plan', 'start_rectification'], next: ['submit_plan', 'report_rectification', 'void', 'request_extension', 'transfer', 'edit'] },
  awaiting_verification: { status: 'awaiting_verification', events: ['report', 'submit_plan', 'start_rectification', 'report_rectification'], next: ['verify_pass', 'verify_fail', 'void', 'transfer', 'edit'] },
  closed: { status: 'closed', events: ['report', 'submit_plan', 'start_rectification', 'report_rectification', 'verify_pass'], next: ['recheck_pass', 'recheck_reopen'] },
  voided: { status: 'voided', events: ['report', 'void'], next: [] },
};

describe('buildHazard', () => {
  it.each(Object.keys(EXPECTED) as BuiltHazardState[])('%s: read back by the API as the loop would leave it', async (state) => {
    const built = await buildHazard(t.db, {
      enterprise: w.enterprises.a, sectorId: w.chem.id, reporter: w.users.villageV1a, responsibleUnitId: w.V1a.id, state, at: t.clock.now(),
    });
    const h = (await village.get(`/api/hazards/${built.id}`)).json() as THazardDetail;
    const e = EXPECTED[state];
    expect(h.status).toBe(e.status);
    expect(h.events.map((x) => x.action)).toEqual(e.events);
    expect(h.version).toBe(built.version);
    expect(h.allowedActions).toEqual(e.next);
  });

  it('a major hazard waits for acceptance after its plan, with both discovery reports on record', async () => {
    const built = await buildHazard(t.db, {
      enterprise: w.enterprises.a, sectorId: w.chem.id, reporter: w.users.villageV1a, responsibleUnitId: w.V1a.id, state: 'planned', level: 'major', at: t.clock.now(),
    });
    const h = (await village.get(`/api/hazards/${built.id}`)).json() as THazardDetail;
    expect(h.status).toBe('reported');
    expect(h.reports.map((r) => r.recipient).sort()).toEqual(['department', 'government']);
  });
});
