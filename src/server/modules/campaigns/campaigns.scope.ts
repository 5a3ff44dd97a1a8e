// The campaign scope (domain/access/scope.ts campaignScopeFor) compiled to SQL, in one place.
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { campaignScopeFor } from '../../../domain/access/scope.ts';
import { campaigns } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';

export function campaignScopeSql(actor: Actor): SQL {
  const s = campaignScopeFor(actor);
  const inDistrict = eq(campaigns.districtId, actor.districtId);
  switch (s.kind) {
    case 'district':
      return inDistrict;
    case 'township':
      return and(inDistrict, or(isNull(campaigns.townshipId), eq(campaigns.townshipId, s.townshipId)))!;
    case 'parentOf':
      return and(inDistrict, or(isNull(campaigns.townshipId), sql`${campaigns.townshipId} = (select parent_id from org_units where id = ${s.unitId})`))!;
    case 'districtOwn':
      return and(inDistrict, isNull(campaigns.townshipId))!;
    case 'none':
      return sql`false`;
  }
}
