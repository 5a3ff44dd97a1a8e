// Queries on the files table, named by intent.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { files } from '../../db/schema/index.ts';
import type { FileKind } from './files.sniff.ts';

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;

export async function insertFile(tx: DbOrTx, row: NewFileRow): Promise<FileRow> {
  const [r] = await tx.insert(files).values(row).returning();
  return r!;
}

export async function findFile(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  const [r] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  return r;
}

export function findFiles(db: DbOrTx, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(files).where(inArray(files.id, ids));
}

/**
 * Gives owner and purpose to those of `ids` that are still unowned, in the district, uploaded
 * by `uploadedBy` and (if given) of `kind`. Conditional in the UPDATE itself, so two writers
 * racing for one file cannot both win. Returns the rows it changed.
 */
export function claimUnownedFiles(
  tx: DbOrTx,
  o: { ids: string[]; districtId: string; uploadedBy: string; kind?: FileKind; ownerType: string; ownerId: string; purpose: string; meta?: unknown },
): Promise<FileRow[]> {
  if (o.ids.length === 0) return Promise.resolve([]);
  return tx
    .update(files)
    .set({ ownerType: o.ownerType, ownerId: o.ownerId, purpose: o.purpose, ...(o.meta !== undefined ? { meta: o.meta } : {}) })
    .where(
      and(
        inArray(files.id, o.ids),
        eq(files.districtId, o.districtId),
        eq(files.uploadedBy, o.uploadedBy),
        isNull(files.ownerId),
        ...(o.kind ? [eq(files.kind, o.kind)] : []),
      ),
    )
    .returning();
}

/** Files of the given owners, oldest first (uses files_owner_idx). */
export function listFilesOfOwners(db: DbOrTx, ownerType: string, ownerIds: string[]): Promise<FileRow[]> {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(files)
    .where(and(eq(files.ownerType, ownerType), inArray(files.ownerId, ownerIds)))
    .orderBy(asc(files.createdAt), asc(files.id));
}

/** Clears the owner of those of `ids` that belong to the given owner. */
export async function releaseOwnedFiles(tx: DbOrTx, o: { ids: string[]; ownerType: string; ownerId: string }): Promise<void> {
  if (o.ids.length === 0) return;
  await tx
    .update(files)
    .set({ ownerType: null, ownerId: null, meta: null })
    .where(and(inArray(files.id, o.ids), eq(files.ownerType, o.ownerType), eq(files.ownerId, o.ownerId)));
}
