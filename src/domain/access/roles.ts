export const ROLES = ['admin', 'office', 'leader', 'department', 'village', 'enterprise', 'supervision_group'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '安委办',
  leader: '领导',
  department: '科室/站所',
  village: '村居/网格员',
  enterprise: '生产经营单位',
  supervision_group: '督导工作组',
};

export const UNIT_KINDS = ['district', 'township', 'village', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  district: '区/县',
  township: '镇/乡/街道',
  village: '村/社区',
  department: '科室/站所/部门',
};

/** Which kinds of unit a user of each role may belong to. */
export const ROLE_UNIT_KINDS: Record<Role, readonly UnitKind[]> = {
  admin: ['district', 'township'],
  office: ['district', 'township'],
  leader: ['district', 'township'],
  department: ['department'],
  village: ['village'],
  enterprise: ['village'],
  supervision_group: ['district', 'township'],
};
