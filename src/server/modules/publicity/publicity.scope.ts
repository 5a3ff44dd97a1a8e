// The publicity records' scope: the region-records rule (domain/access/scope.ts), compiled once in kernel/region-scope.ts.
import type { SQL } from 'drizzle-orm';
import { publicityRecords as pr } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { regionRecordScopeSql } from '../../kernel/region-scope.ts';

export const publicityScopeSql = (actor: Actor): SQL => regionRecordScopeSql(actor, { districtId: pr.districtId, townshipId: pr.townshipId });
