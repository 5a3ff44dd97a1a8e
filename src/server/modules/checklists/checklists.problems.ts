// The domain's template problems as form field errors, at the path of the offending field
// (e.g. groups.0.items.2.content), so the editor can mark the very input.
import {
  type ChecklistTemplateContent, type TemplateProblem, type TemplateVersionRefusal,
  TEMPLATE_PROBLEM_MESSAGES, TEMPLATE_VERSION_REFUSAL_MESSAGES,
} from '../../../domain/checklists/checklist.ts';
import { AppError, invalid } from '../../http/errors.ts';

const ITEM_FIELD: Partial<Record<TemplateProblem['problem'], string>> = {
  item_key_invalid: 'key',
  item_key_duplicate: 'key',
  item_content_missing: 'content',
  response_type_invalid: 'responseType',
  check_methods_invalid: 'checkMethods',
  unit_not_number: 'unit',
  answer_labels_invalid: 'answerLabels',
  wording_not_conformity: 'answerLabels',
};

/** Where each problem sits in the content. A key problem names every item with that key (a duplicate: all but the first). */
export function problemFieldErrors(content: ChecklistTemplateContent, problems: TemplateProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (path: string, msg: string) => {
    const list = (out[path] ??= []);
    if (!list.includes(msg)) list.push(msg);
  };
  const positions = new Map<string, string[]>();
  content.groups.forEach((g, gi) => g.items.forEach((i, ii) => positions.set(i.key, [...(positions.get(i.key) ?? []), `groups.${gi}.items.${ii}`])));
  for (const p of problems) {
    const msg = TEMPLATE_PROBLEM_MESSAGES[p.problem];
    switch (p.problem) {
      case 'code_invalid': add('code', msg); break;
      case 'name_missing': add('name', msg); break;
      case 'audience_invalid': add('audience', msg); break;
      case 'no_groups': add('groups', msg); break;
      case 'group_title_missing': add(`groups.${p.group}.title`, msg); break;
      case 'group_empty': add(`groups.${p.group}.items`, msg); break;
      default: {
        const at = positions.get(p.key) ?? [];
        for (const path of p.problem === 'item_key_duplicate' ? at.slice(1) : at) add(`${path}.${ITEM_FIELD[p.problem]}`, msg);
      }
    }
  }
  return out;
}

/** The error a refused version answers with: field errors for invalid content, the domain's message otherwise. */
export function refusalError(refusal: TemplateVersionRefusal, content: ChecklistTemplateContent, problems: TemplateProblem[]): AppError {
  const msg = TEMPLATE_VERSION_REFUSAL_MESSAGES[refusal];
  if (refusal === 'invalid') return invalid(problemFieldErrors(content, problems), msg);
  if (refusal === 'code_changed') return invalid({ code: [msg] }, msg);
  return new AppError('VALIDATION', msg);
}
