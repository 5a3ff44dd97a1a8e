// Evidence files: upload before the record exists, attach inside the record's transaction,
// download only by those who may see the record.
import { createHash } from 'node:crypto';
import { FILE_PURPOSES, type TStoredFile } from '../../../contract/files.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { decodeProblem } from './files.decode.ts';
import { presentFile } from './files.presenter.ts';
import * as repo from './files.repository.ts';
import type { FileRow } from './files.repository.ts';
import { type FileKind, sniffFileType } from './files.sniff.ts';
import { stripPhotoMetadata } from './files.strip.ts';
import { sniffVideo, videoStructureProblem } from './files.video.ts';
import { type FileStorage, LocalDiskStorage, StoredObjectMissing, filesRootOf, newStorageKey } from './files.storage.ts';

export type { FileRow } from './files.repository.ts';
export type { FileKind } from './files.sniff.ts';
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const UNSUPPORTED_FILE_MESSAGE = '文件内容不是 JPEG/PNG/WebP 照片或 PDF 文件（改了扩展名的其他文件也不能上传），请换一个文件';
export const FILE_UNAVAILABLE_MESSAGE = '文件不存在或已被使用';
/** Purposes that accept photos only. */
const PHOTO_PURPOSES: ReadonlySet<string> = new Set<FilePurpose>(['before', 'after', 'inspection']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


/** The app's store; buildApp always sets one, the fallback serves hand-made contexts. */
export function storageOf(ctx: AppContext): FileStorage {
  return ctx.storage ?? new LocalDiskStorage(filesRootOf(ctx.config));
}

/** A display name without path, control characters or excess length. */
export function cleanFilename(name: string, ext: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = [...base.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, 200).join('');
  return cleaned || `未命名.${ext}`;
}

export interface UploadInput {
  filename: string;
  data: Buffer;
  purpose?: FilePurpose | null;
}

/**
 * Stores an upload that belongs to no record yet (ownerType/ownerId null) and returns it.
 * The type is decided by the content; before/after photos must be photos. The bytes are
 * written first and removed again if the row cannot be saved.
 */
export async function uploadFile(ctx: AppContext, actor: Actor, input: UploadInput): Promise<TStoredFile> {
  const limit = ctx.config.uploadMaxBytes;
  if (input.data.length > limit) {
    throw new AppError('PAYLOAD_TOO_LARGE', `文件过大，不能超过 ${Math.floor(limit / 1024 / 1024)} MB`);
  }
  const type = sniffFileType(input.data);
  if (!type) throw new AppError('UNSUPPORTED_FILE', UNSUPPORTED_FILE_MESSAGE, { file: [UNSUPPORTED_FILE_MESSAGE] });
  const purpose = input.purpose ?? null;
  if (purpose && PHOTO_PURPOSES.has(purpose) && type.kind !== 'photo') {
    throw new AppError('UNSUPPORTED_FILE', '请上传照片', { file: ['请上传照片'] });
  }
  // The first bytes only say what the file claims to be; the whole of it must open.
  const problem = await decodeProblem(input.data, type);
  if (problem) throw new AppError('UNSUPPORTED_FILE', problem, { file: [problem] });
  return presentFile(await storeBytes(ctx, actor, { data: input.data, kind: type.kind, mime: type.mime, originalName: cleanFilename(input.filename, type.ext), purpose }));
}

/**
 * Writes the bytes, then the row and its audit row; the bytes are removed again if the row
 * cannot be saved. The caller has decided what the content is.
 */
async function storeBytes(ctx: AppContext, actor: Actor, input: { data: Buffer; kind: FileKind; mime: string; originalName: string; purpose: string | null }): Promise<FileRow> {
  const now = ctx.clock.now();
  const storage = storageOf(ctx);
  const storageKey = newStorageKey(now);
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  await storage.put(storageKey, input.data);
  try {
    return await ctx.db.transaction(async (tx) => {
      const f = await repo.insertFile(tx, {
        districtId: actor.districtId,
        ownerType: null,
        ownerId: null,
        purpose: input.purpose,
        kind: input.kind,
        mime: input.mime,
        size: input.data.length,
        sha256,
        originalName: input.originalName,
        storageKey,
        uploadedBy: actor.userId,
        createdAt: now,
      });
      await recordAudit(tx, {
        at: now, districtId: actor.districtId, actor: actor, action: 'file.upload', entityType: 'file', entityId: f.id,
        after: { kind: f.kind, mime: f.mime, size: f.size, sha256: f.sha256, originalName: f.originalName, purpose: f.purpose },
      });
      return f;
    });
  } catch (e) {
    await storage.remove(storageKey).catch(() => {});
    throw e;
  }
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Stores an .xlsx that the calling module has opened and checked itself (the upload route takes
 * photos and PDFs only), unowned until claimed with claimUpload. Size: the caller's own limit.
 */
export async function storeSpreadsheet(ctx: AppContext, actor: Actor, input: { filename: string; data: Buffer; purpose: string }): Promise<FileRow> {
  return storeBytes(ctx, actor, { data: input.data, kind: 'document', mime: XLSX_MIME, originalName: cleanFilename(input.filename, 'xlsx'), purpose: input.purpose });
}

/** The actor's own upload that no record has claimed yet, or null. */
export async function freeUploadOf(db: DbOrTx, actor: Actor, id: string): Promise<FileRow | null> {
  if (!UUID.test(id)) return null;
  const row = await repo.findFile(db, id);
  return row && row.districtId === actor.districtId && row.uploadedBy === actor.userId && row.ownerId === null ? row : null;
}

/** Gives the actor's free upload its record, inside the caller's transaction; false when it is no longer free. */
export async function claimUpload(tx: DbOrTx, actor: Actor, o: { id: string; ownerType: string; ownerId: string; purpose: string }): Promise<boolean> {
  const claimed = await repo.claimUnownedFiles(tx, { ids: [o.id], districtId: actor.districtId, uploadedBy: actor.userId, ownerType: o.ownerType, ownerId: o.ownerId, purpose: o.purpose });
  return claimed.length === 1;
}

/** A stored file's bytes (for a module that reads its own files, e.g. a form's workbook); null when the row or its bytes are missing. */
export async function fileBytes(ctx: AppContext, id: string): Promise<Buffer | null> {
  const row = await repo.findFile(ctx.db, id);
  if (!row) return null;
  try {
    const chunks: Buffer[] = [];
    for await (const c of await storageOf(ctx).open(row.storageKey)) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
    return Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof StoredObjectMissing) return null;
    throw e;
  }
}

export interface AttachInput {
  ids: readonly string[];
  ownerType: string;
  ownerId: string;
  purpose: FilePurpose;
  /** Required kind; before/after always require photos. */
  kind?: FileKind;
  /** The request field the ids came from, for the form's error (default 'fileIds'). */
  field?: string;
  /** Stored on each attached row (e.g. the inspection item a photo answers). */
  meta?: Record<string, unknown>;
}

/**
 * Attaches the actor's own unattached uploads to a record, inside the caller's transaction.
 * Any id that is unknown, in another district, someone else's, already attached or of the
 * wrong kind throws a VALIDATION error naming `field`: let it propagate so the whole record
 * write rolls back and nothing is half-saved. Returns the rows in the order of `ids`.
 * Writes no audit row of its own: the caller's audit/event row should list the file ids.
 */
export async function attachFiles(tx: DbOrTx, actor: Actor, input: AttachInput): Promise<FileRow[]> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return [];
  const field = input.field ?? 'fileIds';
  const kind = PHOTO_PURPOSES.has(input.purpose) ? 'photo' : input.kind;
  const unavailable = () => invalid({ [field]: [FILE_UNAVAILABLE_MESSAGE] }, FILE_UNAVAILABLE_MESSAGE);
  if (!ids.every((id) => UUID.test(id))) throw unavailable();
  const claimed = await repo.claimUnownedFiles(tx, {
    ids, districtId: actor.districtId, uploadedBy: actor.userId, kind, ownerType: input.ownerType, ownerId: input.ownerId, purpose: input.purpose,
    ...(input.meta ? { meta: input.meta } : {}),
  });
  if (claimed.length !== ids.length) {
    // Name the most useful reason: a wrong kind among the actor's own free files, else unavailable.
    const rows = await repo.findFiles(tx, ids);
    const wrongKind = rows.some((r) => r.districtId === actor.districtId && r.uploadedBy === actor.userId && r.ownerId === null && kind && r.kind !== kind);
    if (wrongKind) {
      const msg = kind === 'photo' ? '请上传照片' : '请上传 PDF 文件';
      throw invalid({ [field]: [msg] }, msg);
    }
    throw unavailable();
  }
  const byId = new Map(claimed.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * Makes attached files free again (owner cleared), e.g. photos removed from a draft answer:
 * their uploader may attach them elsewhere or leave them for cleanup. Inside the caller's
 * transaction; only rows of that owner are touched.
 */
export async function detachFiles(tx: DbOrTx, o: { ids: readonly string[]; ownerType: string; ownerId: string }): Promise<void> {
  await repo.releaseOwnedFiles(tx, { ids: [...new Set(o.ids)], ownerType: o.ownerType, ownerId: o.ownerId });
}

/**
 * New rows for another record on the same stored bytes (same key and hash), so each record
 * owns its own rows. Safe because stored objects are only removed when their upload fails.
 */
export async function copyFilesTo(
  tx: DbOrTx,
  rows: readonly FileRow[],
  o: { ownerType: string; ownerId: string; purpose: FilePurpose; at: Date },
): Promise<FileRow[]> {
  const out: FileRow[] = [];
  for (const r of rows) {
    out.push(
      await repo.insertFile(tx, {
        districtId: r.districtId, ownerType: o.ownerType, ownerId: o.ownerId, purpose: o.purpose, kind: r.kind, mime: r.mime,
        size: r.size, sha256: r.sha256, originalName: r.originalName, storageKey: r.storageKey, uploadedBy: r.uploadedBy,
        createdAt: o.at, meta: { copiedFrom: r.id },
      }),
    );
  }
  return out;
}

/** Files of several records at once, grouped by owner id (each list oldest first). */
export async function listFilesOf(db: DbOrTx, ownerType: string, ownerIds: readonly string[]): Promise<Map<string, FileRow[]>> {
  const grouped = new Map<string, FileRow[]>();
  const unique = [...new Set(ownerIds)];
  for (const id of unique) grouped.set(id, []);
  for (const row of await repo.listFilesOfOwners(db, ownerType, unique)) grouped.get(row.ownerId!)?.push(row);
  return grouped;
}

// ---- who may download ----------------------------------------------------------------

export type FileOwnerAccessCheck = (ctx: AppContext, actor: Actor, ownerId: string) => Promise<boolean>;
const ownerAccess = new Map<string, FileOwnerAccessCheck>();

/**
 * Says who may download files attached to records of `ownerType` (e.g. 'hazard' → the actor
 * may see the hazard). Registering again replaces the check (each test app registers anew).
 */
export function registerFileOwnerAccess(ownerType: string, check: FileOwnerAccessCheck): void {
  ownerAccess.set(ownerType, check);
}

/** Unattached: its uploader only. Attached: the owner type's registered check. Never another district. */
export async function mayDownload(ctx: AppContext, actor: Actor, row: FileRow): Promise<boolean> {
  if (row.districtId !== actor.districtId) return false;
  if (row.ownerId === null) return row.uploadedBy === actor.userId;
  const check = row.ownerType ? ownerAccess.get(row.ownerType) : undefined;
  return check ? check(ctx, actor, row.ownerId) : false;
}

/**
 * The file and a stream of its bytes, or NOT_FOUND (never FORBIDDEN) when the actor may not
 * see it. Rejects with StoredObjectMissing when the row exists but its bytes do not.
 */
export async function openFileForDownload(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ file: FileRow; stream: NodeJS.ReadableStream }> {
  const row = await repo.findFile(ctx.db, id);
  if (!row || !(await mayDownload(ctx, actor, row))) throw notFound('文件');
  return { file: row, stream: await storageOf(ctx).open(row.storageKey) };
}

export interface CheckedFile {
  data: Buffer;
  kind: FileKind;
  mime: string;
  originalName: string;
}

/**
 * What a file sent without an account is, checked whole like any upload: a photo that opens, or
 * (when allowed) a well-formed MP4/QuickTime video. Refusals name the file as sent; the stored name
 * is `nameAs` (the sender's file name may say who they are), and photos lose their metadata.
 */
export async function checkAnonymousFile(input: { filename: string; data: Buffer }, o: { allowVideo: boolean; nameAs: string }): Promise<CheckedFile> {
  const name = cleanFilename(input.filename, 'bin');
  const refuse = (m: string) => new AppError('UNSUPPORTED_FILE', `${name}：${m}`, { files: [`${name}：${m}`] });
  const video = o.allowVideo ? sniffVideo(input.data) : null;
  if (video) {
    const problem = videoStructureProblem(input.data);
    if (problem) throw refuse(problem);
    return { data: input.data, kind: 'video', mime: video.mime, originalName: `${o.nameAs}.${video.ext}` };
  }
  const type = sniffFileType(input.data);
  if (!type || type.kind !== 'photo') throw refuse(o.allowVideo ? '只能上传照片（JPEG/PNG/WebP）或视频（MP4/MOV）' : '只能上传照片（JPEG/PNG/WebP）');
  // What the camera wrote beside the picture (GPS, device) goes before anything is stored; the
  // stripped file must still open.
  const data = stripPhotoMetadata(input.data, type.mime);
  const problem = await decodeProblem(data, type);
  if (problem) throw refuse(problem);
  return { data, kind: type.kind, mime: type.mime, originalName: `${o.nameAs}.${type.ext}` };
}

/**
 * Stores checked files for a record created without an account: the bytes are written first, then
 * `write` runs (the record's transaction) and is given a function that inserts the rows with their
 * owner; if it fails, the bytes are removed again.
 */
export async function withStoredFiles<T>(
  ctx: AppContext, items: readonly CheckedFile[],
  write: (insertRows: (tx: DbOrTx, o: { districtId: string; ownerType: string; ownerId: string; purpose: string }) => Promise<FileRow[]>) => Promise<T>,
): Promise<T> {
  const storage = storageOf(ctx);
  const now = ctx.clock.now();
  const keys: string[] = [];
  try {
    for (const f of items) {
      const key = newStorageKey(now);
      await storage.put(key, f.data);
      keys.push(key);
    }
    return await write(async (tx, o) => {
      const rows: FileRow[] = [];
      for (const [i, f] of items.entries()) {
        rows.push(await repo.insertFile(tx, {
          districtId: o.districtId, ownerType: o.ownerType, ownerId: o.ownerId, purpose: o.purpose, kind: f.kind, mime: f.mime, size: f.data.length,
          sha256: createHash('sha256').update(f.data).digest('hex'), originalName: f.originalName, storageKey: keys[i]!, uploadedBy: null, createdAt: now,
        }));
      }
      return rows;
    });
  } catch (e) {
    await Promise.all(keys.map((k) => storage.remove(k).catch(() => {})));
    throw e;
  }
}
