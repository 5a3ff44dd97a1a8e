// The publicity scope (domain/publicity/publicity-policy.ts publicityScopeFor) compiled to SQL.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { publicityScopeFor } from '../../../domain/publicity/publicity-policy.ts';
import { publicityRecords as pr } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';

export function publicityScopeSql(actor: Actor): SQL {
  const s = publicityScopeFor(actor);
  const inDistrict = eq(pr.districtId, actor.districtId);
  switch (s.kind) {
    case 'district':
      return inDistrict;
    case 'township':
      return and(inDistrict, eq(pr.townshipId, s.townshipId))!;
    case 'districtOwn':
      return and(inDistrict, isNull(pr.townshipId))!;
    case 'none':
      return sql`false`;
  }
}
