// The line a file read whole shows instead of the mapping table: what was recognised and, above all,
// the values filled in for every row (the person's, or the district's from its last import), which
// would otherwise go into the records unseen.
import type { TImportMappingInfo } from '../../contract/enterprises.ts';

export function mappingSummary(mapping: TImportMappingInfo): { recognised: string; wholeFile: string | null } {
  const recognised = `文件的 ${mapping.headers.filter((h) => h.key).length} 列均已识别${mapping.remembered ? '（沿用本区上次的对应）' : ''}`;
  const headerOf = new Map(mapping.fields.map((f) => [f.key, f.header]));
  const filled = Object.entries(mapping.defaults).filter(([, v]) => v.trim() !== '');
  if (filled.length === 0) return { recognised, wholeFile: null };
  const list = filled.map(([k, v]) => `${headerOf.get(k) ?? k}“${v}”`).join('、');
  return { recognised, wholeFile: `每一行都填为：${list}${mapping.remembered ? '（本区上次导入时的填写）' : ''}` };
}
