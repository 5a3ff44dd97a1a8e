// The line a file read whole shows instead of the mapping table: what was recognised and, above all,
// the values filled in for every row (the person's, or the district's from its last import), which
// would otherwise go into the records unseen.
import type { TImportMappingInfo, TImportMappingInput } from '../../contract/enterprises.ts';

/**
 * `chosen` is what the person sent with this check: a whole-file value the server applied that is
 * not among its defaults came from the district's last import, and is said to.
 */
export function mappingSummary(mapping: TImportMappingInfo, chosen: Pick<TImportMappingInput, 'defaults'>): { recognised: string; wholeFile: string | null } {
  const recognised = `文件的 ${mapping.headers.filter((h) => h.key).length} 列均已识别${mapping.remembered ? '（沿用本区上次的对应）' : ''}`;
  const headerOf = (key: string) => mapping.fields.find((f) => f.key === key)?.header ?? key;
  const filled = Object.entries(mapping.defaults).filter(([, v]) => v.trim() !== '');
  if (filled.length === 0) return { recognised, wholeFile: null };
  const list = filled.map(([k, v]) => `${headerOf(k)}“${v}”`).join('、');
  const fromLast = filled.filter(([k]) => chosen.defaults[k] === undefined).map(([k]) => headerOf(k));
  const origin = fromLast.length === 0 ? '' : fromLast.length === filled.length ? '（本区上次导入时的填写）' : `（其中${fromLast.join('、')}沿用本区上次导入时的填写）`;
  return { recognised, wholeFile: `每一行都填为：${list}${origin}` };
}
