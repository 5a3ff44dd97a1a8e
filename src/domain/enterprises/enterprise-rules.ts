// Rules about enterprises that do not depend on storage.
export const SMALL_ENTERPRISE_EMPLOYEE_LIMIT = 30; // 小微企业: fewer than 30 employees (seed 000, 三.1)

export const ENTERPRISE_KINDS = ['company', 'sole_trader', 'small_venue'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];
export const ENTERPRISE_KIND_LABELS: Record<EnterpriseKind, string> = {
  company: '企业',
  sole_trader: '个体经营者',
  small_venue: '九小场所',
};

export const VENUE_TYPES = [
  'shop', 'restaurant', 'hotel', 'karaoke', 'internet_cafe', 'beauty_bath', 'workshop', 'clinic', 'school',
] as const;
export type VenueType = (typeof VENUE_TYPES)[number];
export const VENUE_TYPE_LABELS: Record<VenueType, string> = {
  shop: '小商店',
  restaurant: '小餐饮',
  hotel: '小旅馆',
  karaoke: '小歌舞娱乐',
  internet_cafe: '小网吧',
  beauty_bath: '小美容洗浴',
  workshop: '小生产加工',
  clinic: '小医疗',
  school: '小学校/幼儿园',
};

export const RISK_GRADES = ['red', 'orange', 'yellow', 'blue'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];
export const RISK_GRADE_LABELS: Record<RiskGrade, string> = { red: '红', orange: '橙', yellow: '黄', blue: '蓝' };

export const ENTERPRISE_STATUSES = ['operating', 'suspended', 'closed'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];
export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = {
  operating: '在营',
  suspended: '停业',
  closed: '关闭',
};

export function isSmallEnterprise(employeeCount: number | null | undefined): boolean {
  return employeeCount != null && employeeCount < SMALL_ENTERPRISE_EMPLOYEE_LIMIT;
}

/** USCC is required for companies only; sole traders and 九小场所 may have none. */
export function usccRequired(kind: EnterpriseKind): boolean {
  return kind === 'company';
}
