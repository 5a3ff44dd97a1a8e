// Uploaded bytes kept in memory, for test apps that do not set DATA_DIR (nothing lands on disk).
import { Readable } from 'node:stream';
import { type FileStorage, StoredObjectMissing, assertValidKey } from '../modules/files/files.storage.ts';

export class MemoryStorage implements FileStorage {
  readonly objects = new Map<string, Buffer>();

  async put(key: string, data: Buffer): Promise<void> {
    assertValidKey(key);
    this.objects.set(key, Buffer.from(data));
  }

  async open(key: string): Promise<NodeJS.ReadableStream> {
    assertValidKey(key);
    const data = this.objects.get(key);
    if (!data) throw new StoredObjectMissing(key);
    return Readable.from([data]);
  }

  async remove(key: string): Promise<void> {
    this.objects.delete(key);
  }
}
