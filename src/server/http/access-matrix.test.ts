// The access matrix, generated from the route table (/api/openapi.json, which a test keeps equal to
// every registered route) and the permission registry: every account of every role in one district
// sends every operation that names a record, with the records of ANOTHER district (邻区) in its
// path and body. Every answer must be 403 (the role may not do this at all) or 404 (the record does
// not exist for this caller), never a success, a validation answer that leaks nothing more, or a
// 5xx; and the database must be unchanged afterwards. New routes are covered without anyone
// remembering: they are in the route table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { mulberry32 } from '../../cli/demo/prng.ts';
import { checklistTemplates } from '../db/schema/index.ts';
import { tableFingerprints } from '../ops/backup.ts';
import { type TestApp, createTestApp } from '../test/app.ts';
import { buildUser } from '../test/factories.ts';
import { DAY, type Js, Rand, sample, seededUuid } from '../test/fuzz-inputs.ts';
import { reportHazard, uploadPhoto } from '../test/hazards.ts';
import { buildInspection } from '../test/inspection-fixtures.ts';
import { type Session, loginAs } from '../test/http.ts';
import { SPOT, seedTemplates } from '../test/inspections.ts';
import { type ActorKey, type World, buildWorld } from '../test/world.ts';

interface Op { method: string; path: string; op: Js }
let t: TestApp;
let w: World;
let ops: Op[];
const foreign: Record<string, string> = {};
const callers: [ActorKey, Session][] = [];
/** Tables a refused request may write to: who asked, when (sessions, the audit trail of refusals, sign-in records). */
const JOURNALS = /^public\.(sessions|audit_log|login_sources|security_events|used_challenges)$/;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await seedTemplates(t.db, w.X.id, t.clock.now());
  const ownerX = await loginAs(t.app, w.users.officeX.username, w.users.officeX.password);
  // the other district's records, made by its own office
  const hazard = await reportHazard(ownerX, t.clock.now(), { enterpriseId: w.enterprises.x.id, sectorId: w.xSector.id });
  const caseRes = await ownerX.request('POST', '/api/cases', { enterpriseId: w.enterprises.x.id, title: '邻区案件', facts: '事实', filedOn: DAY });
  expect(caseRes.statusCode, caseRes.body).toBe(200);
  const [template] = await t.db.select().from(checklistTemplates).where(sql`${checklistTemplates.districtId} = ${w.X.id}`).limit(1);
  const inspection = await buildInspection(t.db, {
    enterprise: w.enterprises.x, type: 'spot_check', inspectedOn: DAY, unitId: w.X.id, createdBy: w.users.officeX.id, status: 'draft', templateCode: SPOT.code,
  });
  const userX = await buildUser(t.db, { role: 'village', unit: w.XV });
  Object.assign(foreign, {
    enterprises: w.enterprises.x.id, units: w.XV.id, sectors: w.xSector.id, users: userX.id, hazards: hazard.id, cases: (caseRes.json() as { id: string }).id,
    inspections: inspection.id, files: (await uploadPhoto(ownerX, 'evidence')).id, checklists: template?.id ?? seededUuid(new Rand(mulberry32(1))),
    enterpriseId: w.enterprises.x.id, sectorId: w.xSector.id, villageId: w.XV.id, townshipId: w.XT.id, unitId: w.XT.id, parentId: w.XT.id,
    hazardId: hazard.id, inspectionId: inspection.id, userId: userX.id, caseId: (caseRes.json() as { id: string }).id,
  });
  for (const key of ['adminD', 'officeD', 'officeT1', 'leaderT2', 'deptChemT1', 'deptBuildD', 'villageV1a', 'villageV2', 'enterpriseB', 'groupMember'] as const) {
    callers.push([key, await loginAs(t.app, w.users[key].username, w.users[key].password)]);
  }
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Js>> };
  ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([m, op]) => ({ method: m.toUpperCase(), path, op })))
    .filter((o) => !JSON.stringify(o.op.responses ?? {}).includes('text/event-stream'));
}, 120_000);
afterAll(() => t?.close());

/** The request for an operation with the other district's records wherever it names one; null when it names none. */
function requestFor({ path, op }: Op, r: Rand): { url: string; body?: unknown } | null {
  let real = false;
  const idFor = (name: string) => {
    const id = foreign[name];
    if (id) real = true;
    return id;
  };
  const url = path.replace(/\{(\w+)\}/g, (_, n: string) => {
    if (n === 'id') return idFor(path.split('/')[2]!) ?? seededUuid(r);
    return idFor(n) ?? (n === 'year' ? '2024' : n === 'day' ? DAY : n === 'itemKey' ? SPOT.keys[0]! : n === 'version' ? '1' : seededUuid(r));
  });
  const required = ((op.parameters ?? []) as { name: string; in: string; required?: boolean; schema: Js }[]).filter((p) => p.in === 'query' && p.required);
  const query = required.map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, r, idFor, p.name)))}`).join('&');
  const full = query ? `${url}?${query}` : url;
  const schema = op.requestBody?.content?.['application/json']?.schema as Js | undefined;
  const body = schema ? sample(schema, r, idFor) : undefined;
  return real ? { url: full, ...(body !== undefined ? { body } : {}) } : null;
}

/** The same request with every record of the other district replaced by an id that exists nowhere. */
function withNothing(req: { url: string; body?: unknown }, r: Rand): { url: string; body?: unknown } {
  let text = JSON.stringify(req);
  for (const id of new Set(Object.values(foreign))) text = text.replaceAll(id, seededUuid(r));
  return JSON.parse(text) as typeof req;
}

describe('the access matrix', () => {
  it('answers every role as if another district\'s records did not exist (403 or 404 by path), and changes nothing', async () => {
    const business = async () => Object.fromEntries(Object.entries(await tableFingerprints(t.db)).filter(([name]) => !JOURNALS.test(name)));
    const before = await business();
    const r = new Rand(mulberry32(20261207));
    const wrong: string[] = [];
    const tally: Record<string, number> = {};
    let cells = 0;
    let operations = 0;
    const send = (s: Session, method: string, req: { url: string; body?: unknown }) =>
      method === 'GET' ? s.get(req.url) : s.request(method as 'POST', req.url, req.body ?? {});
    const codeOf = (body: string) => { try { return (JSON.parse(body) as { error?: { code?: string } }).error?.code; } catch { return undefined; } };
    for (const o of ops) {
      if (o.path.startsWith('/api/public/')) continue; // anyone's, by a tracking code
      const req = requestFor(o, r);
      if (!req) continue;
      operations++;
      const none = withNothing(req, r);
      const byPath = /\{id\}/.test(o.path) || Object.values(foreign).some((id) => req.url.includes(id));
      for (const [key, s] of callers) {
        const [got, absent] = [await send(s, o.method, req), await send(s, o.method, none)];
        cells++;
        tally[got.statusCode] = (tally[got.statusCode] ?? 0) + 1;
        const where = `${key} ${o.method} ${o.path} → ${got.statusCode} ${got.body.slice(0, 140)}`;
        if (got.statusCode < 400 || got.statusCode >= 500) wrong.push(where);
        else if (got.statusCode !== absent.statusCode || codeOf(got.body) !== codeOf(absent.body)) wrong.push(`${where}; with no such record: ${absent.statusCode} ${absent.body.slice(0, 140)}`);
        else if (byPath && (o.method === 'GET' || o.method === 'DELETE') && got.statusCode !== 403 && got.statusCode !== 404) wrong.push(where);
      }
    }
    console.log(`access matrix: ${operations} operations naming another district's records × ${callers.length} accounts = ${cells} requests (each beside the same with no such record); answers ${JSON.stringify(tally)}`);
    expect(wrong).toEqual([]);
    expect(await business()).toEqual(before);
    expect(operations).toBeGreaterThanOrEqual(55); // a floor: the generator still names records
  });
});
