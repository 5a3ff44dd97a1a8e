// Where file contents live, behind one small interface: the local disk today, an
// S3-compatible store later (same keys). The database row holds the key; the store holds bytes.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../config.ts';

export interface FileStorage {
  /** Stores the bytes under the key, all or nothing. */
  put(key: string, data: Buffer): Promise<void>;
  /** A stream of the stored bytes; rejects with StoredObjectMissing if there is none. */
  open(key: string): Promise<NodeJS.ReadableStream>;
  /** Deletes the object; a missing one is not an error. */
  remove(key: string): Promise<void>;
}

export class StoredObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`stored object missing: ${key}`);
  }
}

export class InvalidStorageKey extends Error {
  constructor(readonly key: string) {
    super(`invalid storage key: ${JSON.stringify(key)}`);
  }
}

/** Segments of letters, digits, '_', '-' and inner dots; never '..', a leading dot, or an absolute path. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
export function assertValidKey(key: string): void {
  if (key.length === 0 || key.length > 512 || key.includes('..')) throw new InvalidStorageKey(key);
  if (!key.split('/').every((s) => SEGMENT.test(s))) throw new InvalidStorageKey(key);
}

/** A new key: yyyy/mm/<uuid> (UTC month; only a folder name, to keep folders small). */
export function newStorageKey(now: Date): string {
  const y = now.getUTCFullYear().toString();
  const m = (now.getUTCMonth() + 1).toString().padStart(2, '0');
  return `${y}/${m}/${randomUUID()}`;
}

export const filesRootOf = (config: Pick<AppConfig, 'dataDir'>): string => path.join(config.dataDir, 'files');

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code;

/**
 * Files under a root folder (created on first write, not before). A write goes to a hidden
 * temporary name in the same folder, is flushed, then renamed over the final name: a crash
 * leaves either no file or a whole one (and at worst a stray ".…tmp" that no key can name).
 */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    const p = path.resolve(this.root, key);
    if (!p.startsWith(this.root + path.sep)) throw new InvalidStorageKey(key);
    return p;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    await fs.promises.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(target)}.${randomUUID()}.tmp`);
    try {
      const fh = await fs.promises.open(temp, 'wx', 0o640);
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.promises.rename(temp, target);
    } catch (e) {
      await fs.promises.rm(temp, { force: true }).catch(() => {});
      throw e;
    }
  }

  async open(key: string): Promise<NodeJS.ReadableStream> {
    const p = this.pathOf(key);
    try {
      const fh = await fs.promises.open(p, 'r');
      return fh.createReadStream(); // closes the handle when done or destroyed
    } catch (e) {
      if (errCode(e) === 'ENOENT') throw new StoredObjectMissing(key);
      throw e;
    }
  }

  async remove(key: string): Promise<void> {
    try {
      await fs.promises.unlink(this.pathOf(key));
    } catch (e) {
      if (errCode(e) !== 'ENOENT') throw e;
    }
  }
}
