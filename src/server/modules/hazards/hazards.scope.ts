// Which hazards an actor sees: the hazards of the enterprises in their scope (by the hazard's own
// village and sector), plus those their unit is responsible for or is asked to take over.
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { EnterpriseScope, RegionRef } from '../../../domain/access/scope.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { summaryRegionOf } from '../../../domain/hazards/hazard-count-window.ts';
import { hazards, hazardTransfers } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';

function regionSql(region: RegionRef): SQL {
  return region.level === 'district' ? eq(hazards.districtId, region.id) : eq(hazards.townshipId, region.id);
}

function enterpriseScopeOnHazards(scope: EnterpriseScope): SQL {
  switch (scope.kind) {
    case 'region':
      return regionSql(scope.region);
    case 'sectors':
      return and(regionSql(scope.region), inArray(hazards.sectorId, scope.sectorIds))!;
    case 'village':
      return eq(hazards.villageId, scope.villageId);
    case 'enterprise':
      return eq(hazards.enterpriseId, scope.enterpriseId);
    case 'union':
      return scope.parts.length ? or(...scope.parts.map(enterpriseScopeOnHazards))! : sql`false`;
    case 'none':
      return sql`false`;
  }
}

export function hazardScopeSql(actor: Actor): SQL {
  const base = enterpriseScopeOnHazards(enterpriseScopeFor(actor));
  if (actor.role !== 'village' && actor.role !== 'department') return and(eq(hazards.districtId, actor.districtId), base)!;
  return and(
    eq(hazards.districtId, actor.districtId),
    or(
      base,
      eq(hazards.responsibleUnitId, actor.unitId),
      // asked to take it over, or took it over once (a returned transfer gives no lasting view)
      sql`exists (select 1 from ${hazardTransfers} where ${hazardTransfers.hazardId} = ${hazards.id} and ${hazardTransfers.toUnitId} = ${actor.unitId} and ${hazardTransfers.status} in ('pending', 'accepted'))`,
    ),
  )!;
}

/** The whole township or district the actor's hazards are, when they are one (its summary rows then count them). */
export function hazardSummaryRegion(actor: Actor): SummaryRegion | null {
  const region = summaryRegionOf(actor.role, enterpriseScopeFor(actor));
  return region && { ...region, districtId: actor.districtId };
}
export type SummaryRegion = RegionRef & { districtId: string };
