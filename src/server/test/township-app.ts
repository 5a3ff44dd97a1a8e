// A test file's app with one district and one township in it, made before the file's tests and
// closed after them: the setup the account and security tests share. Call useTownshipApp() at the
// top of the file; the bindings below are live (each file's beforeAll sets them afresh).
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../domain/access/roles.ts';
import { type TestApp, createTestApp } from './app.ts';
import { type UnitRow, buildDistrict, buildTownship, buildUser } from './factories.ts';

export let t: TestApp;
export let district: UnitRow;
export let township: UnitRow;

export function useTownshipApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    district = await buildDistrict(t.db);
    township = await buildTownship(t.db, { district });
  });
  afterAll(() => t?.close());
}

/** A user of the township (an office account unless told otherwise). */
export const newUser = (o: Partial<Parameters<typeof buildUser>[1]> & { role?: Role } = {}) => buildUser(t.db, { role: 'office', unit: township, ...o });
