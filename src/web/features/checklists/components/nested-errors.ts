// The server's field errors of a template (paths like groups.0.items.2.content) onto the nested
// fields of the editor form; messages for paths that have no input come back for an alert.
import type { FormInstance } from 'antd';
import type { FieldErrors } from '../../../components/form-errors.ts';

const namePath = (path: string) => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export function applyNestedErrors(form: FormInstance, fieldErrors: FieldErrors, labelOf: (path: string) => string): string[] {
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const unmatched: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [path, errors] of Object.entries(fieldErrors)) {
    if (registered.has(path)) fields.push({ name: namePath(path), errors });
    else unmatched.push(...errors.map((e) => `${labelOf(path)}${e}`));
  }
  form.setFields(fields);
  if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
  return unmatched;
}

/** "第2组第3项：" for a path inside the groups, '' otherwise. */
export function positionLabel(path: string): string {
  const m = path.match(/^groups\.(\d+)(?:\.items\.(\d+))?/);
  if (!m) return '';
  return m[2] !== undefined ? `第${Number(m[1]) + 1}组第${Number(m[2]) + 1}项：` : `第${Number(m[1]) + 1}组：`;
}
