// The local disk store: whole files or none, keys that cannot escape the root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidStorageKey, LocalDiskStorage, StoredObjectMissing, assertValidKey, newStorageKey } from './files.storage.ts';

let dir: string;
let storage: LocalDiskStorage;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-storage-'));
  storage = new LocalDiskStorage(path.join(dir, 'files'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of (await storage.open(key)) as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/** Every file under the root, hidden ones included, relative paths. */
function allFiles(root = storage.root): string[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

describe('LocalDiskStorage', () => {
  it('does not create its folder until the first write', () => {
    expect(fs.existsSync(storage.root)).toBe(false);
  });

  it('stores, reads back and removes a file under nested folders, leaving no temporary file', async () => {
    await storage.put('2026/11/abc-1', Buffer.from('内容 content'));
    expect(allFiles()).toEqual([path.join('2026', '11', 'abc-1')]);
    expect(await read('2026/11/abc-1')).toBe('内容 content');
    await storage.remove('2026/11/abc-1');
    expect(allFiles()).toEqual([]);
  });

  it('replaces a key written twice with the second content', async () => {
    await storage.put('2026/11/twice', Buffer.from('one'));
    await storage.put('2026/11/twice', Buffer.from('two'));
    expect(await read('2026/11/twice')).toBe('two');
  });

  it('reports a missing object as StoredObjectMissing, and removing it again is not an error', async () => {
    await expect(storage.open('2026/11/none')).rejects.toBeInstanceOf(StoredObjectMissing);
    await expect(storage.remove('2026/11/none')).resolves.toBeUndefined();
  });

  it('leaves neither the file nor a temporary one behind when the final rename fails', async () => {
    fs.mkdirSync(path.join(storage.root, '2026', '12', 'occupied'), { recursive: true }); // a folder where the file should go
    const before = allFiles();
    await expect(storage.put('2026/12/occupied', Buffer.from('x'))).rejects.toThrow();
    expect(allFiles()).toEqual(before);
  });

  it.each(['', '../escape', 'a/../../b', '/etc/passwd', 'a//b', '.hidden', 'a/.tmp', 'a\\b', 'a/b/', 'a b', '2026/11/..'])(
    'refuses the key %j before touching the disk',
    async (key) => {
      expect(() => assertValidKey(key)).toThrow(InvalidStorageKey);
      await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.open(key)).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.remove(key)).rejects.toBeInstanceOf(InvalidStorageKey);
    },
  );
});

describe('newStorageKey', () => {
  it('names a new object yyyy/mm/<uuid> by the given time', () => {
    const key = newStorageKey(new Date('2026-03-31T23:30:00Z'));
    expect(key).toMatch(/^2026\/03\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(() => assertValidKey(key)).not.toThrow();
    expect(newStorageKey(new Date('2026-03-31T23:30:00Z'))).not.toBe(key);
  });
});
