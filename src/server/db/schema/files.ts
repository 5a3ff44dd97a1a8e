// Uploaded files (evidence, documents) of every module.
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, instant } from './columns.ts';

/** Uploaded evidence. A file uploaded before its record exists has no owner until attached. */
export const files = pgTable(
  'files',
  {
    id: id(),
    districtId: districtId(),
    ownerType: text('owner_type'),
    ownerId: uuid('owner_id'),
    purpose: text('purpose'), // before | after | plan | evidence | report
    kind: text('kind', { enum: ['photo', 'document', 'video'] }).notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    originalName: text('original_name').notNull(),
    storageKey: text('storage_key').notNull(),
    /** Null for a file sent with a public report (no account). */
    uploadedBy: uuid('uploaded_by'),
    createdAt: instant('created_at').notNull(),
    meta: jsonb('meta'),
  },
  (t) => [index('files_owner_idx').on(t.ownerType, t.ownerId), index('files_uploader_idx').on(t.uploadedBy, t.createdAt)],
);
