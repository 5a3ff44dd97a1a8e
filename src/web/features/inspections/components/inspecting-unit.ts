// 检查单位 as shown: an enterprise's own account belongs to its village's unit, which did not
// inspect anything, so a self-inspection names the enterprise itself.
import { type InspectionType, isSelfInspection } from '../../../../domain/inspections/inspection-rules.ts';

export const SELF_INSPECTING_UNIT = '本单位自查';

export function inspectingUnitName(i: { type: InspectionType; unitName: string }): string {
  return isSelfInspection(i.type) ? SELF_INSPECTING_UNIT : i.unitName;
}
