// The region-records scope (domain/access/scope.ts regionRecordScopeFor) compiled to SQL, once, for
// every table of records kept per region (a district's own with a null township, or a township's).
import { type AnyColumn, type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import { regionRecordScopeFor } from '../../domain/access/scope.ts';
import type { Actor } from '../http/actor.ts';

export function regionRecordScopeSql(actor: Actor, cols: { districtId: AnyColumn; townshipId: AnyColumn }): SQL {
  const s = regionRecordScopeFor(actor);
  const inDistrict = eq(cols.districtId, actor.districtId);
  switch (s.kind) {
    case 'district':
      return inDistrict;
    case 'township':
      return and(inDistrict, eq(cols.townshipId, s.townshipId))!;
    case 'districtOwn':
      return and(inDistrict, isNull(cols.townshipId))!;
    case 'none':
      return sql`false`;
  }
}
