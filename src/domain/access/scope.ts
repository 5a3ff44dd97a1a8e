// Data scope: which enterprises an actor may see, derived from the actor's unit.
// Pure: the repository turns the same description into SQL, and tests check both agree.
import type { Role } from './roles.ts';

export type RegionRef = { level: 'district' | 'township'; id: string };

export type EnterpriseScope =
  | { kind: 'region'; region: RegionRef }
  | { kind: 'sectors'; region: RegionRef; sectorIds: string[] }
  | { kind: 'village'; villageId: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'union'; parts: EnterpriseScope[] }
  | { kind: 'none' };

export interface ScopeActor {
  role: Role;
  districtId: string;
  unitId: string;
  unitKind: 'district' | 'township' | 'village' | 'department';
  /** For a department: the region (township or district) it belongs to. */
  departmentRegion: RegionRef | null;
  /** For a department: the sectors it supervises. */
  sectorIds: string[];
  enterpriseId: string | null;
  /** For a supervision group member: what the groups are assigned. */
  groupAssignments: { villageIds: string[]; departments: { region: RegionRef; sectorIds: string[] }[] } | null;
}

export interface ScopedEnterprise {
  id: string;
  districtId: string;
  townshipId: string;
  villageId: string;
  sectorIds: string[];
}

function regionOfUnit(actor: ScopeActor): RegionRef | null {
  if (actor.unitKind === 'district' || actor.unitKind === 'township') return { level: actor.unitKind, id: actor.unitId };
  return null;
}

export function enterpriseScopeFor(actor: ScopeActor): EnterpriseScope {
  switch (actor.role) {
    case 'admin':
    case 'office':
    case 'leader': {
      const region = regionOfUnit(actor);
      return region ? { kind: 'region', region } : { kind: 'none' };
    }
    case 'department':
      if (actor.unitKind !== 'department' || !actor.departmentRegion || actor.sectorIds.length === 0) return { kind: 'none' };
      return { kind: 'sectors', region: actor.departmentRegion, sectorIds: actor.sectorIds };
    case 'village':
      return actor.unitKind === 'village' ? { kind: 'village', villageId: actor.unitId } : { kind: 'none' };
    case 'enterprise':
      return actor.enterpriseId ? { kind: 'enterprise', enterpriseId: actor.enterpriseId } : { kind: 'none' };
    case 'supervision_group': {
      const g = actor.groupAssignments;
      if (!g) return { kind: 'none' };
      const parts: EnterpriseScope[] = [
        ...g.villageIds.map((villageId): EnterpriseScope => ({ kind: 'village', villageId })),
        ...g.departments
          .filter((d) => d.sectorIds.length > 0)
          .map((d): EnterpriseScope => ({ kind: 'sectors', region: d.region, sectorIds: d.sectorIds })),
      ];
      return parts.length ? { kind: 'union', parts } : { kind: 'none' };
    }
  }
}

function inRegion(region: RegionRef, e: ScopedEnterprise): boolean {
  return region.level === 'district' ? e.districtId === region.id : e.townshipId === region.id;
}

export function enterpriseInScope(scope: EnterpriseScope, e: ScopedEnterprise): boolean {
  switch (scope.kind) {
    case 'region':
      return inRegion(scope.region, e);
    case 'sectors':
      return inRegion(scope.region, e) && e.sectorIds.some((s) => scope.sectorIds.includes(s));
    case 'village':
      return e.villageId === scope.villageId;
    case 'enterprise':
      return e.id === scope.enterpriseId;
    case 'union':
      return scope.parts.some((p) => enterpriseInScope(p, e));
    case 'none':
      return false;
  }
}

/**
 * Which campaigns an actor sees: a district-level unit every campaign of the district (its own and
 * its townships'); a township's people and its departments their township's and the district's
 * own; a village its township's (its parent's) and the district's own; a district department the
 * district's own. Enterprises none.
 */
export type CampaignScope =
  | { kind: 'district' }
  | { kind: 'township'; townshipId: string }
  | { kind: 'parentOf'; unitId: string }
  | { kind: 'districtOwn' }
  | { kind: 'none' };

export function campaignScopeFor(actor: ScopeActor): CampaignScope {
  if (actor.role === 'enterprise') return { kind: 'none' };
  switch (actor.unitKind) {
    case 'district':
      return { kind: 'district' };
    case 'township':
      return { kind: 'township', townshipId: actor.unitId };
    case 'village':
      return { kind: 'parentOf', unitId: actor.unitId };
    case 'department': {
      const r = actor.departmentRegion;
      if (!r) return { kind: 'none' };
      return r.level === 'township' ? { kind: 'township', townshipId: r.id } : { kind: 'districtOwn' };
    }
  }
}

/**
 * Records kept per region (a district's own, or a township's): leaders' activities, publicity.
 * A district-level account sees every one of the district; a township's accounts and its
 * departments their township's; a district department the district's own; villages and
 * enterprises none.
 */
export type RegionRecordScope = { kind: 'district' } | { kind: 'township'; townshipId: string } | { kind: 'districtOwn' } | { kind: 'none' };

export function regionRecordScopeFor(a: ScopeActor): RegionRecordScope {
  if (a.role === 'enterprise' || a.role === 'village') return { kind: 'none' };
  switch (a.unitKind) {
    case 'district':
      return { kind: 'district' };
    case 'township':
      return { kind: 'township', townshipId: a.unitId };
    case 'department':
      if (!a.departmentRegion) return { kind: 'none' };
      return a.departmentRegion.level === 'township' ? { kind: 'township', townshipId: a.departmentRegion.id } : { kind: 'districtOwn' };
    case 'village':
      return { kind: 'none' };
  }
}

/**
 * Whether an account's unit stands over a region's record: a district-level unit over all of its
 * district, a township over its own township's (a null township is the district's own). The role
 * is the caller's condition (the office keeps, a leader approves).
 */
export function standsOver(a: ScopeActor, r: { districtId: string; townshipId: string | null }): boolean {
  if (a.districtId !== r.districtId) return false;
  return a.unitKind === 'district' || (a.unitKind === 'township' && r.townshipId === a.unitId);
}

/** The 安委办 (or admin) that issued a campaign keeps it: edits it, reviews its reports, urges its units. */
export function keepsCampaign(actor: ScopeActor, c: { districtId: string; townshipId: string | null }): boolean {
  if (actor.role !== 'office' && actor.role !== 'admin') return false;
  if (actor.districtId !== c.districtId) return false;
  return c.townshipId === null ? actor.unitKind === 'district' : actor.unitKind === 'township' && actor.unitId === c.townshipId;
}

/** Who sees every unit's occurrences of a campaign (not only their own unit's): its office, and the watchers of its region or above. */
export function watchesAllUnits(actor: ScopeActor, c: { districtId: string; townshipId: string | null }): boolean {
  if (keepsCampaign(actor, c)) return true;
  const watcher = actor.role === 'office' || actor.role === 'admin' || actor.role === 'leader' || actor.role === 'supervision_group';
  return watcher && actor.districtId === c.districtId && (actor.unitKind === 'district' || (actor.unitKind === 'township' && c.townshipId === actor.unitId));
}

/** A unit's form submission, as the scope rules read it. */
export interface SubmissionRef {
  districtId: string;
  unitId: string;
  unitKind: 'district' | 'township' | 'village' | 'department';
  /** The unit's township (itself for a township); null for a district-level unit. */
  townshipId: string | null;
}

const WATCHER_ROLES = ['office', 'admin', 'leader', 'supervision_group'];

/** Who sees a submission: its own unit; the office, leaders and groups of its township; those of the district. Anyone else gets 404. */
export function seesSubmission(actor: ScopeActor, s: SubmissionRef): boolean {
  if (actor.districtId !== s.districtId || actor.role === 'enterprise') return false;
  if (actor.unitId === s.unitId) return true;
  if (!WATCHER_ROLES.includes(actor.role)) return false;
  return actor.unitKind === 'district' || (actor.unitKind === 'township' && actor.unitId === s.townshipId);
}

/**
 * Who approves or returns a submission (DHIS2's approval levels): the township's office for its
 * villages and departments, the district's office for townships and district-level units.
 */
export function reviewsSubmission(actor: ScopeActor, s: SubmissionRef): boolean {
  if ((actor.role !== 'office' && actor.role !== 'admin') || actor.districtId !== s.districtId) return false;
  const belowTownship = (s.unitKind === 'village' || s.unitKind === 'department') && s.townshipId !== null && s.townshipId !== s.unitId;
  return belowTownship ? actor.unitKind === 'township' && actor.unitId === s.townshipId : actor.unitKind === 'district';
}

/** A 督导工作组's region: the township that set it up, or the district's own (null). */
export interface GroupRef {
  districtId: string;
  townshipId: string | null;
}

/** Whether the actor's region holds the group: a district-level unit every group of the district, a township its own. */
export function groupInRegion(actor: ScopeActor, g: GroupRef): boolean {
  if (g.districtId !== actor.districtId) return false;
  if (actor.unitKind === 'district') return true;
  return actor.unitKind === 'township' && g.townshipId === actor.unitId;
}

/** The office (or an admin) over a group: sets it up, acts for it, and settles its findings once it is disbanded. */
export const keepsGroup = (actor: ScopeActor, g: GroupRef): boolean =>
  (actor.role === 'office' || actor.role === 'admin') && groupInRegion(actor, g);
