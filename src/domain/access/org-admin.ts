// What an administrator may manage: a district admin the whole district, a township admin
// the township itself and the villages and departments directly under it.
export interface AdminUnit {
  id: string;
  kind: 'district' | 'township' | 'village' | 'department';
}
export interface ManagedUnit {
  id: string;
  parentId: string | null;
}

export function adminManagesUnit(admin: AdminUnit, unit: ManagedUnit): boolean {
  if (admin.kind === 'district') return true; // callers have already limited to the admin's district
  if (admin.kind === 'township') return unit.id === admin.id || unit.parentId === admin.id;
  return false;
}

/** Creating under a parent: a township admin only adds villages and departments to its own township. */
export function adminMayCreateUnder(admin: AdminUnit, parent: ManagedUnit): boolean {
  if (admin.kind === 'district') return true;
  return admin.kind === 'township' && parent.id === admin.id;
}

/** The sector list is district-wide configuration. */
export function adminManagesSectors(admin: AdminUnit): boolean {
  return admin.kind === 'district';
}
