// Numbers of inspections and enforcement cases: <district code>-<kind>-<year>-<seq>, e.g. YB-JC-2026-000012.
// Hazards keep their own shorter format (hazard-machine.ts formatHazardNumber).

export const RECORD_NUMBER_KINDS = { inspection: 'JC', case: 'AJ' } as const;
export type RecordNumberKind = keyof typeof RECORD_NUMBER_KINDS;

export function formatRecordNumber(prefix: string, kind: RecordNumberKind, year: number, seq: number): string {
  return `${prefix}-${RECORD_NUMBER_KINDS[kind]}-${year}-${String(seq).padStart(6, '0')}`;
}
