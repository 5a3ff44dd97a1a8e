// Every route of /api/openapi.json fed malformed path parameters, query strings and bodies
// (huge and negative integers, fractions, NUL, overlong text, wrong types, arrays for objects,
// bad UUIDs and days, unknown enum values, empty, truncated, deeply nested and oversized bodies,
// broken multipart), as an admin, as a township office and anonymously. No answer may be a 5xx,
// and every non-2xx must be the error envelope. Seeded: the same requests on every run.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../contract/common.ts';
import { mulberry32 } from '../../cli/demo/prng.ts';
import { checklistTemplates } from '../db/schema/index.ts';
import { type TestApp, createTestApp } from '../test/app.ts';
import { buildInspection } from '../test/inspection-fixtures.ts';
import { buildUser } from '../test/factories.ts';
import { USCC_ALPHABET, usccCheckChar } from '../../domain/enterprises/uscc.ts';
import {
  DAY, type IdFor, type Js, PATH_JUNK, Rand, bodyJunk, deleteAt, junkFor, leaves, pathOfKey, queryJunk, repairCandidates, sample, seededUuid, setAt,
} from '../test/fuzz-inputs.ts';
import { reportHazard, uploadPhoto } from '../test/hazards.ts';
import { type Session, loginAs, multipartBody } from '../test/http.ts';
import { seedTemplates, SPOT } from '../test/inspections.ts';
import { type World, buildWorld } from '../test/world.ts';

interface Op { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; tag: string; op: Js }
interface Probe { method: Op['method']; url: string; body?: unknown; raw?: { payload: string | Buffer; contentType: string } }

/** Requests per route and caller: enough to give every field its own junk once, bounded for speed. */
const BUDGET = { admin: 14, office: 8, anonymous: 3 } as const;
type Caller = keyof typeof BUDGET;

let t: TestApp;
let w: World;
let ops: Op[];
const sessions: Partial<Record<Caller, Session>> = {};
/** Real records by path parameter and by field name, so that valid-looking requests reach the services. */
const ids: Record<string, string> = {};
let sent = 0;
/** The repaired body of each operation, by "METHOD path". */
const bases = new Map<string, unknown>();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await seedTemplates(t.db, w.D.id, t.clock.now());
  const login = async (u: { username: string; password: string }) => loginAs(t.app, u.username, u.password);
  sessions.admin = await login(w.users.adminD);
  sessions.office = await login(w.users.officeT1);
  const village = await login(w.users.villageV1a);
  const hazard = await reportHazard(village, t.clock.now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id });
  const caseRes = await sessions.office.request('POST', '/api/cases', { enterpriseId: w.enterprises.b.id, title: '模糊测试案件', facts: '事实', filedOn: DAY });
  expect(caseRes.statusCode, caseRes.body).toBe(200);
  const [template] = await t.db.select().from(checklistTemplates).limit(1);
  const inspection = await buildInspection(t.db, {
    enterprise: w.enterprises.a, type: 'spot_check', inspectedOn: DAY, unitId: w.T1.id, createdBy: w.users.officeT1.id, status: 'draft', templateCode: SPOT.code,
  });
  // A user of its own: the fuzz may deactivate or reset whoever it edits, never the callers.
  const victim = await buildUser(t.db, { role: 'village', unit: w.V1b });
  Object.assign(ids, {
    enterprises: w.enterprises.a.id, units: w.V1b.id, sectors: w.fire.id, users: victim.id, hazards: hazard.id, cases: (caseRes.json() as { id: string }).id,
    checklists: template!.id, inspections: inspection.id, files: (await uploadPhoto(sessions.admin, 'evidence')).id,
    enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, villageId: w.V1a.id, townshipId: w.T1.id, unitId: w.T1.id, parentId: w.T1.id,
    hazardId: hazard.id, inspectionId: inspection.id,
  });
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Js>> };
  ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([m, op]) => ({ method: m.toUpperCase() as Op['method'], path, tag: (op.tags as string[])[0]!, op })))
    // A server-sent event stream never ends, so inject() would wait for ever: notifications.test.ts
    // checks it over a real socket.
    .filter((o) => !JSON.stringify(o.op.responses ?? {}).includes('text/event-stream'));
}, 60_000);
afterAll(() => t?.close());

/** The real record for a path parameter (by the collection before it), or a seeded UUID. */
function pathValue(path: string, name: string, r: Rand): string {
  if (name === 'version') return '1';
  if (name === 'year') return '2024';
  if (name === 'day') return DAY;
  if (name === 'itemKey') return SPOT.keys[0]!;
  // The printed record would start Chromium: fuzz its parameters, never print a real one.
  if (path.endsWith('record.pdf')) return seededUuid(r);
  const collection = path.split('/')[2]!;
  return (name === 'id' ? ids[collection] : undefined) ?? seededUuid(r);
}

function urlOf(path: string, params: Record<string, string>, query: Record<string, string>): string {
  const p = path.replace(/\{(\w+)\}/g, (_, n: string) => params[n]!);
  const q = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&');
  return q ? `${p}?${q}` : p;
}

/** A valid 统一社会信用代码 from the PRNG (the factories' randomUscc is not seeded). */
function seededUscc(r: Rand): string {
  let body = '91350100';
  while (body.length < 17) body += USCC_ALPHABET.charAt(r.int(0, USCC_ALPHABET.length - 1));
  return body + usccCheckChar(body)!;
}

/**
 * The generated body made acceptable where the server says how: each refused field is left out
 * or given the next candidate value, a few rounds at most. Cross-field rules may still refuse it.
 */
async function repairBase(method: Op['method'], url: string, base: unknown, r: Rand): Promise<unknown> {
  const tried = new Map<string, number>();
  let body = base;
  for (let round = 0; round < 6; round++) {
    const res = await send('admin', { method, url, body });
    const fieldErrors = res.statusCode === 400 ? (res.json() as { error?: { fieldErrors?: Record<string, string[]> } }).error?.fieldErrors : undefined;
    if (!fieldErrors) return body;
    const keys = Object.keys(fieldErrors).filter((k) => k !== '_');
    if (keys.length === 0) return body;
    for (const key of keys) {
      const path = pathOfKey(key);
      const candidates = repairCandidates(String(path[path.length - 1]), r, () => seededUscc(r));
      const n = tried.get(key) ?? 0;
      tried.set(key, n + 1);
      if (n >= candidates.length) continue;
      body = candidates[n] === undefined ? deleteAt(body, path) : setAt(body, path, candidates[n]);
    }
  }
  return body;
}

/** Every malformed request for one operation; the caller keeps a seeded sample of them. */
async function probesFor({ method, path, op }: Op, r: Rand, caller: Caller): Promise<{ core: Probe[]; extra: Probe[] }> {
  const idFor: IdFor = (name) => ids[name];
  const params = (op.parameters ?? []) as { name: string; in: string; required: boolean; schema: Js }[];
  const pathParams = Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(path, p.name, r)]));
  const baseQuery = Object.fromEntries(
    params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, encodeURIComponent(String(sample(p.schema, r, idFor, p.name)))]),
  );
  const jsonSchema = op.requestBody?.content?.['application/json']?.schema as Js | undefined;
  const multipart = !!op.requestBody?.content?.['multipart/form-data'];
  const url = (pp = pathParams, q = baseQuery) => urlOf(path, pp, q);
  const generated = jsonSchema ? sample(jsonSchema, r, idFor) : undefined;
  // Repaired once, as the admin (whose answers name the refused fields); the office reuses it.
  const baseKey = `${method} ${path}`;
  if (jsonSchema && caller === 'admin' && !bases.has(baseKey)) bases.set(baseKey, await repairBase(method, url(), generated, r));
  const base = bases.get(baseKey) ?? generated;
  const withBody = (p: Omit<Probe, 'body'>): Probe => (jsonSchema ? { ...p, body: base } : p);
  const core: Probe[] = [];
  const extra: Probe[] = [];

  for (const p of params.filter((x) => x.in === 'path')) {
    PATH_JUNK.forEach((junk, i) => (i < 2 ? core : extra).push(withBody({ method, url: url({ ...pathParams, [p.name]: junk }) })));
  }
  for (const p of params.filter((x) => x.in === 'query')) {
    queryJunk(p.schema).forEach((junk, i) => (i < 2 ? core : extra).push(withBody({ method, url: url(pathParams, { ...baseQuery, [p.name]: junk }) })));
    extra.push(withBody({ method, url: `${url()}${url().includes('?') ? '&' : '?'}${p.name}=1&${p.name}=2` }));
  }
  if (jsonSchema) {
    for (const { path: at, schema } of leaves(jsonSchema)) {
      junkFor(schema).forEach((junk, i) => (i < 1 ? core : extra).push({ method, url: url(), body: setAt(base, at, junk) }));
    }
  }
  if (method !== 'GET') {
    for (const j of bodyJunk()) {
      (j.name === 'deep nesting' || j.name === 'empty body' ? core : extra).push({ method, url: url(), raw: { payload: j.payload, contentType: j.contentType ?? 'application/json' } });
    }
  }
  if (multipart) {
    const noise = Buffer.from(Array.from({ length: 4_096 }, () => r.int(0, 255)));
    const zipLike = Buffer.concat([Buffer.from('PK\u0003\u0004'), noise]);
    for (const [filename, data] of [['x.xlsx', zipLike], ['x.xlsx', noise], ['照片.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])], ['空.png', Buffer.alloc(0)]] as const) {
      const { payload, headers } = multipartBody({ filename, data, contentType: 'application/octet-stream' }, { purpose: 'evidence' });
      core.push({ method, url: url(), raw: { payload, contentType: headers['content-type']! } });
    }
    const { payload, headers } = multipartBody({ filename: 'x.xlsx', data: noise, field: 'other' }, { purpose: 'a\u0000b' });
    extra.push({ method, url: url(), raw: { payload: payload.subarray(0, payload.length - 20), contentType: headers['content-type']! } });
    extra.push({ method, url: url(), raw: { payload, contentType: 'multipart/form-data; boundary=' } });
  }
  return { core, extra };
}

/** A seeded sample within the budget: the core probes first (one per field), then others at random. */
function choose(all: { core: Probe[]; extra: Probe[] }, budget: number, r: Rand): Probe[] {
  const shuffle = (xs: Probe[]) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return [...shuffle(all.core), ...shuffle(all.extra)].slice(0, budget);
}

async function send(caller: Caller, p: Probe): Promise<LightMyRequestResponse> {
  sent++;
  const s = sessions[caller];
  const headers: Record<string, string> = {};
  if (s) {
    headers.cookie = s.cookie;
    if (p.method !== 'GET') headers['x-csrf-token'] = s.csrfToken;
  }
  if (p.raw) headers['content-type'] = p.raw.contentType;
  return t.app.inject({
    method: p.method, url: p.url, headers,
    ...(p.raw ? { payload: p.raw.payload } : p.body !== undefined ? { payload: p.body as object } : {}),
  });
}

/** Why an answer is wrong, or null: a 5xx, or a non-2xx without the error envelope. */
function problemOf(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 200)}`;
  if (res.statusCode < 300) return null;
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = res.json();
  } catch {
    return `${res.statusCode} not JSON: ${res.body.slice(0, 100)}`;
  }
  const e = body.error;
  if (!e || !(ERROR_CODES as readonly unknown[]).includes(e.code) || typeof e.message !== 'string' || !e.message) {
    return `${res.statusCode} without the error envelope: ${res.body.slice(0, 200)}`;
  }
  return null;
}

const describeProbe = (p: Probe) => {
  const body = p.raw ? `raw ${p.raw.contentType.split(';')[0]} (${p.raw.payload.length} B)` : p.body === undefined ? '' : JSON.stringify(p.body).slice(0, 120);
  return `${p.method} ${p.url.slice(0, 160)} ${body}`;
};

async function fuzz(caller: Caller, seed: number) {
  const r = new Rand(mulberry32(seed));
  const failures: string[] = [];
  for (const op of ops) {
    for (const p of choose(await probesFor(op, r, caller), BUDGET[caller], r)) {
      let res: LightMyRequestResponse;
      try {
        res = await send(caller, p);
      } catch (e) {
        failures.push(`${describeProbe(p)} → no answer: ${(e as Error).message}`); // e.g. a stream that failed half-way
        continue;
      }
      const problem = problemOf(res);
      if (problem) failures.push(`${describeProbe(p)} → ${problem}`);
      // A fuzzed logout or password change must not end the session for the requests after it.
      if (res.statusCode === 401 && caller !== 'anonymous') {
        const u = caller === 'admin' ? w.users.adminD : w.users.officeT1;
        sessions[caller] = await loginAs(t.app, u.username, u.password);
      }
    }
  }
  return failures;
}

describe('fuzzing every route of the OpenAPI document', () => {
  it('describes every route it fuzzes', () => {
    expect(ops.length).toBeGreaterThan(90);
  });

  for (const [caller, seed] of [['admin', 1], ['office', 2], ['anonymous', 3]] as const) {
    it(`answers ${caller} requests without a 5xx, every refusal in the error envelope`, async () => {
      const before = sent;
      const failures = await fuzz(caller, seed);
      expect(failures, `${failures.length} of ${sent - before} requests`).toEqual([]);
    }, 240_000); // 25 s alone; several times that beside the browser tests on 2 shared cores
  }

  it('stays within its request budget (a fast test, not a load test)', () => {
    // About 5,000 requests: ~180 operations × (14 admin + 8 office + 3 anonymous) plus the body repairs; each new route adds ~25.
    // Every field of every route gets its core probes first, so a smaller budget drops only the extra random ones.
    expect(sent).toBeGreaterThan(2_000);
    expect(sent).toBeLessThan(5_500);
  });
});
