import { FILE_PURPOSES, type TStoredFile } from '../../../contract/files.ts';
import type { FileRow } from './files.repository.ts';

type Purpose = TStoredFile['purpose'];
const isPurpose = (p: string | null): p is NonNullable<Purpose> => p !== null && (FILE_PURPOSES as readonly string[]).includes(p);

export const fileUrl = (id: string): string => `/api/files/${id}`;

/** The API shape of a stored file; `url` downloads it (session cookie required). */
export function presentFile(row: FileRow): TStoredFile {
  return {
    id: row.id,
    kind: row.kind,
    purpose: isPurpose(row.purpose) ? row.purpose : null,
    mime: row.mime,
    size: row.size,
    originalName: row.originalName,
    createdAt: row.createdAt.toISOString(),
    url: fileUrl(row.id),
  };
}
