// Evidence files through the API and the service: content-checked uploads, downloads only for
// those who may see the record, and attachment that rolls back with the record's transaction.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, files } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildDistrict, buildTownship, buildUser, buildVillage, buildEnterprise, buildSector, uniq } from '../../test/factories.ts';
import { type Session, errorOf, loginAs, multipartBody } from '../../test/http.ts';
import { loadActor } from '../auth/auth.service.ts';
import { TINY_JPEG, TINY_PNG, TINY_WEBP, tinyPdf, uploadAs } from './files.fixtures.ts';
import {
  FILE_UNAVAILABLE_MESSAGE, UNSUPPORTED_FILE_MESSAGE, attachFiles, listFilesOf, registerFileOwnerAccess, uploadFile,
} from './files.service.ts';
import { LocalDiskStorage, type FileStorage } from './files.storage.ts';

let t: TestApp;
let dataDir: string;
let uploader: BuiltUser; // office, township
let colleague: BuiltUser; // office, same township
let enterpriseUser: BuiltUser;
let outsider: BuiltUser; // office, another district
let s: Session;
let sColleague: Session;
let sOutsider: Session;
let actor: Actor;
let colleagueActor: Actor;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-files-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  const district = await buildDistrict(t.db);
  const township = await buildTownship(t.db, { district });
  const village = await buildVillage(t.db, { township });
  const sector = await buildSector(t.db, { district });
  const enterprise = await buildEnterprise(t.db, { village, sectorIds: [sector.id] });
  const other = await buildDistrict(t.db);
  uploader = await buildUser(t.db, { role: 'office', unit: township });
  colleague = await buildUser(t.db, { role: 'office', unit: township });
  enterpriseUser = await buildUser(t.db, { role: 'enterprise', unit: village, enterpriseId: enterprise.id });
  outsider = await buildUser(t.db, { role: 'office', unit: other });
  s = await loginAs(t.app, uploader.username, uploader.password);
  sColleague = await loginAs(t.app, colleague.username, colleague.password);
  sOutsider = await loginAs(t.app, outsider.username, outsider.password);
  actor = await actorOf(uploader);
  colleagueActor = await actorOf(colleague);
});
afterAll(async () => {
  await t?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function actorOf(u: BuiltUser): Promise<Actor> {
  const a = await loadActor(t.ctx, u.id, { id: 'test', csrfToken: 'test' });
  if (!a) throw new Error(`no actor for ${u.username}`);
  return a;
}

const filesRoot = () => path.join(dataDir, 'files');
/** Every stored object (hidden temporaries included), as relative paths. */
function storedObjects(): string[] {
  if (!fs.existsSync(filesRoot())) return [];
  return fs.readdirSync(filesRoot(), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(filesRoot(), path.join(e.parentPath, e.name)));
}
const rowOf = async (id: string) => (await t.db.select().from(files).where(eq(files.id, id)))[0]!;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function upload(data: Buffer, filename = 'photo.jpg', who: Actor = actor, purpose: 'before' | 'after' | 'plan' | 'evidence' | null = null) {
  return uploadFile(t.ctx, who, { filename, data, purpose });
}

async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe('POST /api/files', () => {
  it.each([
    ['a JPEG', TINY_JPEG, 'IMG_0001.JPG', 'photo', 'image/jpeg'],
    ['a PNG named .jpg', TINY_PNG, '现场.jpg', 'photo', 'image/png'],
    ['a WebP', TINY_WEBP, 'shot.webp', 'photo', 'image/webp'],
    ['a PDF', tinyPdf(), '整改方案.pdf', 'document', 'application/pdf'],
  ])('stores %s as an unattached file typed by its content', async (_name, data, filename, kind, mime) => {
    const res = await uploadAs(s, { filename, data, contentType: 'text/plain' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String), kind, mime, purpose: null, size: data.length, originalName: filename,
      createdAt: t.clock.now().toISOString(), url: `/api/files/${body.id}`,
    });
    const row = await rowOf(body.id);
    expect(row).toMatchObject({ ownerType: null, ownerId: null, uploadedBy: uploader.id, districtId: uploader.districtId, sha256: sha256(data) });
    expect(row.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(fs.readFileSync(path.join(filesRoot(), row.storageKey))).toEqual(data);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit).toMatchObject({ action: 'file.upload', entityType: 'file', actorId: uploader.id, districtId: uploader.districtId });
    expect(audit!.after).toMatchObject({ sha256: sha256(data), mime, size: data.length });
  });

  it('takes the purpose field before or after the file part', async () => {
    const first = await uploadAs(s, { filename: 'a.jpg', data: TINY_JPEG }, { purpose: 'before' });
    expect(first.json().purpose).toBe('before');
    // the field after the file, as a FormData built file-first sends it
    const boundary = 'b' + uniq();
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`),
      TINY_PNG,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nafter\r\n--${boundary}--\r\n`),
    ]);
    const second = await s.request('POST', '/api/files', payload, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ purpose: 'after', mime: 'image/png' });
  });

  it('lets every signed-in role upload, enterprise users included', async () => {
    const e = await loginAs(t.app, enterpriseUser.username, enterpriseUser.password);
    const res = await uploadAs(e, { filename: '整改后.jpg', data: TINY_JPEG }, { purpose: 'after' });
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each([
    ['a text file renamed .jpg', Buffer.from('这不是照片\n'), 'photo.jpg'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1'), 'anim.gif'],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg'],
    ['an empty file', Buffer.alloc(0), 'empty.jpg'],
  ])('refuses %s with the 415 envelope and stores nothing', async (_name, data, filename) => {
    const before = storedObjects().length;
    const res = await uploadAs(s, { filename, data, contentType: 'image/jpeg' });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res)).toMatchObject({ code: 'UNSUPPORTED_FILE', message: UNSUPPORTED_FILE_MESSAGE });
    expect(storedObjects().length).toBe(before);
  });

  it.each(['before', 'after'])('refuses a PDF as a %s photo', async (purpose) => {
    const res = await uploadAs(s, { filename: 'scan.pdf', data: tinyPdf() }, { purpose });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res)).toMatchObject({ code: 'UNSUPPORTED_FILE', message: '请上传照片' });
  });

  it('accepts a PDF for a plan', async () => {
    const res = await uploadAs(s, { filename: '应急预案.pdf', data: tinyPdf() }, { purpose: 'plan' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'document', purpose: 'plan' });
  });

  it('refuses an unknown purpose, a form without a file, and a body that is not multipart', async () => {
    const bad = await uploadAs(s, { filename: 'a.jpg', data: TINY_JPEG }, { purpose: 'selfie' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fieldErrors).toEqual({ purpose: ['用途无效'] });

    const wrongField = multipartBody({ field: 'photo', filename: 'a.jpg', contentType: 'image/jpeg', data: TINY_JPEG });
    const none = await s.request('POST', '/api/files', wrongField.payload, { headers: wrongField.headers });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).fieldErrors).toEqual({ file: ['请选择要上传的文件'] });

    const json = await s.request('POST', '/api/files', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(errorOf(json).code).toBe('UNSUPPORTED_FILE');
  });

  it('refuses a photo or PDF that does not open to its end (415) and stores nothing', async () => {
    const before = storedObjects().length;
    for (const [filename, data, message] of [
      ['cut.jpg', TINY_JPEG.subarray(0, TINY_JPEG.length - 8), '照片已损坏或不完整，无法打开，请重新拍摄或上传'],
      ['cut.pdf', tinyPdf().subarray(0, 300), 'PDF 文件已损坏或不完整，无法打开，请重新上传'],
    ] as const) {
      const res = await uploadAs(s, { filename, data });
      expect(res.statusCode, filename).toBe(415);
      expect(errorOf(res)).toEqual({ code: 'UNSUPPORTED_FILE', message, fieldErrors: { file: [message] } });
    }
    expect(storedObjects().length).toBe(before);
  });

  it('needs a session and the CSRF token', async () => {
    const { payload, headers } = multipartBody({ filename: 'a.jpg', contentType: 'image/jpeg', data: TINY_JPEG });
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/files', payload, headers });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/files', payload, headers: { ...headers, cookie: s.cookie } });
    expect(errorOf(noCsrf).code).toBe('CSRF');
  });

  it('refuses a file over the size limit with the 413 envelope and stores nothing', async () => {
    const small = await createTestApp({ database: t.database, clock: t.clock, env: { UPLOAD_MAX_MB: '1', DATA_DIR: dataDir } });
    try {
      const s1 = await loginAs(small.app, uploader.username, uploader.password);
      const before = storedObjects().length;
      const big = Buffer.concat([TINY_JPEG, Buffer.alloc(1024 * 1024, 1)]);
      const res = await uploadAs(s1, { filename: 'big.jpg', data: big });
      expect(res.statusCode).toBe(413);
      expect(errorOf(res)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '文件过大，不能超过 1 MB' });
      expect(storedObjects().length).toBe(before);
    } finally {
      await small.close();
    }
  });

  it('checks the size limit in the service too', async () => {
    const tight = { ...t.ctx, config: { ...t.ctx.config, uploadMaxBytes: 100 } };
    const e = await appErrorOf(uploadFile(tight, actor, { filename: 'a.pdf', data: tinyPdf() }));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('removes the stored bytes again when the row cannot be saved', async () => {
    const removed: string[] = [];
    const inner = new LocalDiskStorage(filesRoot());
    const storage: FileStorage = { put: (k, d) => inner.put(k, d), open: (k) => inner.open(k), remove: (k) => (removed.push(k), inner.remove(k)) };
    const failingDb = Object.create(t.ctx.db, { transaction: { value: () => Promise.reject(new Error('database down')) } });
    const before = storedObjects().sort();
    await expect(uploadFile({ ...t.ctx, db: failingDb, storage }, actor, { filename: 'a.jpg', data: TINY_JPEG })).rejects.toThrow('database down');
    expect(removed).toHaveLength(1);
    expect(storedObjects().sort()).toEqual(before);
  });

  it('keeps a safe display name: no folders, no control characters', async () => {
    const f = await upload(TINY_JPEG, 'C:\\Users\\张三\\Desktop\\现场\u0007照片.jpg');
    expect(f.originalName).toBe('现场照片.jpg');
    const unnamed = await upload(TINY_PNG, '   ');
    expect(unnamed.originalName).toBe('未命名.png');
  });
});

describe('GET /api/files/:id', () => {
  it('streams an unattached photo to its uploader, inline, with its stored type and safe headers', async () => {
    const f = await upload(TINY_PNG, '整改前 照片(1).jpg');
    const res = await s.get(f.url);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(TINY_PNG);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-length']).toBe(String(TINY_PNG.length));
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="file.png"; filename*=UTF-8''${encodeURIComponent('整改前 照片')}%281%29.jpg`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, max-age=3600');
  });

  it('sends a PDF as an attachment', async () => {
    const f = await upload(tinyPdf(), '方案.pdf');
    const res = await s.get(f.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="file.pdf"; filename*=UTF-8''${encodeURIComponent('方案.pdf')}`);
  });

  it('answers 404, never 403, to anyone but the uploader while the file is unattached', async () => {
    const f = await upload(TINY_JPEG);
    for (const other of [sColleague, sOutsider]) {
      const res = await other.get(f.url);
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('NOT_FOUND');
    }
    expect((await t.app.inject({ method: 'GET', url: f.url })).statusCode).toBe(401);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await s.get(`/api/files/${randomUUID()}`)).statusCode).toBe(404);
    expect((await s.get('/api/files/not-a-uuid')).statusCode).toBe(400);
  });

  it('answers 404 when the row exists but its bytes are gone', async () => {
    const f = await upload(TINY_JPEG);
    fs.rmSync(path.join(filesRoot(), (await rowOf(f.id)).storageKey));
    const res = await s.get(f.url);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });

  it('lets the registered check of the owner type decide for attached files', async () => {
    const ownerType = `test-owner-${uniq()}`;
    const visibleOwner = randomUUID();
    const calls: [string, string][] = [];
    // Only the colleague may see owner `visibleOwner`; nobody may see any other owner.
    registerFileOwnerAccess(ownerType, async (ctx, a, ownerId) => {
      expect(ctx).toBe(t.ctx);
      calls.push([a.userId, ownerId]);
      return a.userId === colleague.id && ownerId === visibleOwner;
    });
    const shown = await upload(TINY_JPEG);
    const hidden = await upload(TINY_JPEG);
    await t.db.transaction(async (tx) => {
      await attachFiles(tx, actor, { ids: [shown.id], ownerType, ownerId: visibleOwner, purpose: 'before' });
      await attachFiles(tx, actor, { ids: [hidden.id], ownerType, ownerId: randomUUID(), purpose: 'before' });
    });
    expect((await sColleague.get(shown.url)).statusCode).toBe(200);
    expect(calls).toContainEqual([colleague.id, visibleOwner]);
    expect((await sColleague.get(hidden.url)).statusCode).toBe(404);
    expect((await s.get(shown.url)).statusCode).toBe(404); // attached: uploading it gives no right of its own
    expect((await sOutsider.get(shown.url)).statusCode).toBe(404); // other district: never asked
    expect(calls.some(([u]) => u === outsider.id)).toBe(false);
  });

  it('answers 404 for a file attached to an owner type nobody registered', async () => {
    const f = await upload(TINY_JPEG);
    await t.db.transaction((tx) => attachFiles(tx, actor, { ids: [f.id], ownerType: `unregistered-${uniq()}`, ownerId: randomUUID(), purpose: 'before' }));
    expect((await s.get(f.url)).statusCode).toBe(404);
  });
});

describe('attachFiles', () => {
  it('gives the actor’s unattached files an owner and a purpose, returned in the order asked', async () => {
    const a = await upload(TINY_JPEG);
    const b = await upload(TINY_PNG, 'b.png', actor, 'before');
    const ownerId = randomUUID();
    const rows = await t.db.transaction((tx) =>
      attachFiles(tx, actor, { ids: [b.id, a.id, b.id], ownerType: 'hazard', ownerId, purpose: 'after', kind: 'photo', field: 'afterPhotoIds' }),
    );
    expect(rows.map((r) => r.id)).toEqual([b.id, a.id]);
    for (const id of [a.id, b.id]) expect(await rowOf(id)).toMatchObject({ ownerType: 'hazard', ownerId, purpose: 'after' });
  });

  it('does nothing for an empty list', async () => {
    expect(await t.db.transaction((tx) => attachFiles(tx, actor, { ids: [], ownerType: 'hazard', ownerId: randomUUID(), purpose: 'before' }))).toEqual([]);
  });

  it('rolls back with the record: a later failure in the transaction leaves the file unattached and usable', async () => {
    const f = await upload(TINY_JPEG);
    await expect(
      t.db.transaction(async (tx) => {
        await attachFiles(tx, actor, { ids: [f.id], ownerType: 'hazard', ownerId: randomUUID(), purpose: 'before' });
        throw new Error('a later step of the hazard write failed');
      }),
    ).rejects.toThrow('a later step');
    expect(await rowOf(f.id)).toMatchObject({ ownerType: null, ownerId: null, purpose: null });
    const ownerId = randomUUID();
    await t.db.transaction((tx) => attachFiles(tx, actor, { ids: [f.id], ownerType: 'hazard', ownerId, purpose: 'before' }));
    expect((await rowOf(f.id)).ownerId).toBe(ownerId);
  });

  it.each([
    ['someone else’s upload', async () => (await upload(TINY_JPEG, 'x.jpg', colleagueActor)).id],
    ['an already attached file', async () => {
      const f = await upload(TINY_JPEG);
      await t.db.transaction((tx) => attachFiles(tx, actor, { ids: [f.id], ownerType: 'hazard', ownerId: randomUUID(), purpose: 'before' }));
      return f.id;
    }],
    ['an unknown id', async () => randomUUID()],
    ['a malformed id', async () => 'not-a-uuid'],
  ])('refuses %s with a field error, and the whole write rolls back', async (_name, makeId) => {
    const bad = await makeId();
    const mine = await upload(TINY_JPEG);
    const e = await appErrorOf(
      t.db.transaction((tx) => attachFiles(tx, actor, { ids: [mine.id, bad], ownerType: 'hazard', ownerId: randomUUID(), purpose: 'before', field: 'beforePhotoIds' })),
    );
    expect(e).toMatchObject({ code: 'VALIDATION', fieldErrors: { beforePhotoIds: [FILE_UNAVAILABLE_MESSAGE] } });
    expect((await rowOf(mine.id)).ownerId).toBeNull();
  });

  it('refuses a file of the wrong kind, naming the kind wanted', async () => {
    const pdf = await upload(tinyPdf(), 'p.pdf');
    const photo = await upload(TINY_JPEG);
    const asPhoto = await appErrorOf(
      t.db.transaction((tx) => attachFiles(tx, actor, { ids: [pdf.id], ownerType: 'hazard', ownerId: randomUUID(), purpose: 'before' })),
    );
    expect(asPhoto).toMatchObject({ code: 'VALIDATION', fieldErrors: { fileIds: ['请上传照片'] } });
    const asDocument = await appErrorOf(
      t.db.transaction((tx) => attachFiles(tx, actor, { ids: [photo.id], ownerType: 'plan', ownerId: randomUUID(), purpose: 'plan', kind: 'document' })),
    );
    expect(asDocument).toMatchObject({ code: 'VALIDATION', fieldErrors: { fileIds: ['请上传 PDF 文件'] } });
    expect((await rowOf(pdf.id)).ownerId).toBeNull();
    expect((await rowOf(photo.id)).ownerId).toBeNull();
  });
});

describe('listFilesOf', () => {
  it('groups the files of several owners, oldest first, with an empty list for owners without files', async () => {
    const [o1, o2, o3] = [randomUUID(), randomUUID(), randomUUID()];
    const first = await upload(TINY_JPEG);
    t.clock.advance({ seconds: 1 });
    const second = await upload(TINY_PNG);
    const third = await upload(tinyPdf());
    await t.db.transaction(async (tx) => {
      await attachFiles(tx, actor, { ids: [second.id, first.id], ownerType: 'hazard', ownerId: o1, purpose: 'before' });
      await attachFiles(tx, actor, { ids: [third.id], ownerType: 'hazard', ownerId: o2, purpose: 'evidence' });
    });
    const grouped = await listFilesOf(t.db, 'hazard', [o1, o2, o3]);
    expect([...grouped.keys()]).toEqual([o1, o2, o3]);
    expect(grouped.get(o1)!.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(grouped.get(o2)!.map((r) => r.id)).toEqual([third.id]);
    expect(grouped.get(o3)).toEqual([]);
    expect((await listFilesOf(t.db, 'other-type', [o1])).get(o1)).toEqual([]);
    expect(await t.db.select().from(files).where(and(eq(files.ownerId, o1), eq(files.ownerType, 'hazard')))).toHaveLength(2);
  });
});
