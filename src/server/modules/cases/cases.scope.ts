// Which enforcement cases an actor sees: the cases of the enterprises in their scope (by the
// case's own region and village columns), plus, for a department, the cases its unit handles.
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { EnterpriseScope, RegionRef } from '../../../domain/access/scope.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { enforcementCases as cases, enterprises } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';

const uuidArray = (ids: readonly string[]) => sql`array[${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}]::uuid[]`;

function regionSql(region: RegionRef): SQL {
  return region.level === 'district' ? eq(cases.districtId, region.id) : eq(cases.townshipId, region.id);
}

function enterpriseScopeOnCases(scope: EnterpriseScope): SQL {
  switch (scope.kind) {
    case 'region':
      return regionSql(scope.region);
    case 'sectors':
      // Sectors live on the enterprise: the same rule as the registry's scope.
      return and(
        regionSql(scope.region),
        inArray(cases.enterpriseId, sql`(select ${enterprises.id} from ${enterprises} where ${enterprises.sectorIds} && ${uuidArray(scope.sectorIds)})`),
      )!;
    case 'village':
      return eq(cases.villageId, scope.villageId);
    case 'enterprise':
      return eq(cases.enterpriseId, scope.enterpriseId);
    case 'union':
      return scope.parts.length ? or(...scope.parts.map(enterpriseScopeOnCases))! : sql`false`;
    case 'none':
      return sql`false`;
  }
}

export function caseScopeSql(actor: Actor): SQL {
  const base = enterpriseScopeOnCases(enterpriseScopeFor(actor));
  const own = actor.role === 'department' ? or(base, eq(cases.unitId, actor.unitId))! : base;
  return and(eq(cases.districtId, actor.districtId), own)!;
}
