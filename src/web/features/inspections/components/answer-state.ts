// One item's answer as the fill page holds it while the inspector types, and what it sends
// (PUT /api/inspections/:id/answers/:itemKey). A 不符合 answer carries the hazard it will
// become, pre-filled from the item, the comment and the enterprise, for the inspector to confirm.
import type { TStoredFile } from '../../../../contract/files.ts';
import { HazardDraft } from '../../../../contract/inspections.ts';
import type { TChecklistItem } from '../../../../contract/checklists.ts';
import { type ConformityResult, itemFinding } from '../../../../domain/checklists/checklist.ts';
import type { HazardLevel } from '../../../../domain/hazards/hazard-machine.ts';
import type { AnswerSaveBody, InspectionAnswerData } from '../api/keys.ts';

export interface HazardForm {
  level: HazardLevel;
  description: string;
  location: string;
  sectorId: string;
  criterion: string;
  dueDate: string | null;
  /** The description still follows the item and the comment (the inspector has not rewritten it). */
  autoDescription: boolean;
}

export interface LocalAnswer {
  result: ConformityResult | null;
  /** As typed, so "1." or "" survive until it parses. */
  number: string;
  text: string;
  comment: string;
  photos: TStoredFile[];
  hazard: HazardForm | null;
}

/** What the hazard's fields default to when the item fails. */
export interface HazardDefaults {
  /** The inspection's location, else the enterprise's address. */
  location: string;
  /** The enterprise's first sector ('' until known). */
  sectorId: string;
}

/** The hazard's description: the item's finding (the violation, never its requirement or question), then what was seen. */
export function describeHazard(item: Pick<TChecklistItem, 'content' | 'finding'>, comment: string): string {
  const c = comment.trim();
  const finding = itemFinding(item);
  return c ? `${finding}：${c}` : finding;
}

export function prefilledHazard(item: TChecklistItem, comment: string, d: HazardDefaults): HazardForm {
  return {
    level: 'general',
    description: describeHazard(item, comment),
    location: d.location,
    sectorId: d.sectorId,
    // 判定依据 is the requirement the item checks, not the finding (that is the description).
    criterion: item.requirement ?? '',
    dueDate: null,
    autoDescription: true,
  };
}

export function fromServer(a: InspectionAnswerData | undefined): LocalAnswer {
  const h = a?.hazardDraft;
  return {
    result: a?.result ?? null,
    number: a?.number == null ? '' : String(a.number),
    text: a?.text ?? '',
    comment: a?.comment ?? '',
    photos: a?.photos ?? [],
    hazard: h
      ? {
          level: h.level,
          description: h.description,
          location: h.location,
          sectorId: h.sectorId,
          criterion: h.criterion ?? '',
          dueDate: h.dueDate,
          autoDescription: false,
        }
      : null,
  };
}

/** The hazard with its empty sector filled in from the enterprise (known only after it loads). */
export function hazardWithDefaults(h: HazardForm, d: HazardDefaults): HazardForm {
  return h.sectorId || !d.sectorId ? h : { ...h, sectorId: d.sectorId };
}

export type HazardFieldErrors = Partial<Record<'level' | 'description' | 'location' | 'sectorId' | 'criterion' | 'dueDate', string>>;

/** The hazard as the contract wants it, or the message of each field that is not right. */
export function checkHazard(h: HazardForm): { ok: true; draft: AnswerSaveBody['hazardDraft'] } | { ok: false; errors: HazardFieldErrors } {
  const parsed = HazardDraft.safeParse({
    level: h.level,
    description: h.description,
    location: h.location,
    sectorId: h.sectorId,
    criterion: h.criterion || null,
    dueDate: h.dueDate,
  });
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: HazardFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '') as keyof HazardFieldErrors;
    errors[key] ??= key === 'sectorId' ? '请选择行业领域' : issue.message;
  }
  return { ok: false, errors };
}

export function parseNumber(raw: string): number | null {
  const t = raw.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * The body to save. A hazard that does not pass its checks yet is not sent: the last one saved
 * stays on the server (`saved`) and the inspector's edits stay on the page.
 */
export function toBody(a: LocalAnswer, saved: InspectionAnswerData | undefined, d: HazardDefaults): AnswerSaveBody {
  let hazardDraft: AnswerSaveBody['hazardDraft'] = null;
  if (a.result === 'nonconform' && a.hazard) {
    const checked = checkHazard(hazardWithDefaults(a.hazard, d));
    hazardDraft = checked.ok ? checked.draft : (saved?.hazardDraft ?? null);
  }
  return {
    result: a.result,
    number: parseNumber(a.number),
    text: a.text.trim() || null,
    comment: a.comment.trim() || null,
    photoIds: a.photos.map((p) => p.id),
    hazardDraft,
  };
}

/** Whether the item has an answer of its kind (for the index and 跳到未填). */
export function isAnswered(item: Pick<TChecklistItem, 'responseType'>, a: LocalAnswer): boolean {
  switch (item.responseType) {
    case 'conformity':
      return a.result !== null;
    case 'number':
      return parseNumber(a.number) !== null;
    case 'text':
      return a.text.trim() !== '';
    case 'photo':
      return a.photos.length > 0;
  }
}
