// The line a file read whole shows instead of the mapping table: what was recognised and, above all,
// the values filled in for every row (the person's, or the district's from its last import), which
// would otherwise go into the records unseen.
import { type TImportMappingInfo, type TImportMappingInput, VILLAGE_FROM_ADDRESS } from '../../contract/enterprises.ts';

/**
 * `chosen` is what the person sent with this check: a whole-file value the server applied that is
 * not among its defaults came from the district's last import, and is said to.
 */
export function mappingSummary(mapping: TImportMappingInfo, chosen: Pick<TImportMappingInput, 'defaults'>): { recognised: string; wholeFile: string | null } {
  const recognised = `文件的 ${mapping.headers.filter((h) => h.key).length} 列均已识别${mapping.remembered ? '（沿用本区上次的对应）' : ''}`;
  const headerOf = (key: string) => mapping.fields.find((f) => f.key === key)?.header ?? key;
  const filled = Object.entries(mapping.defaults).filter(([, v]) => v.trim() !== '');
  if (filled.length === 0) return { recognised, wholeFile: null };
  // 从地址识别 is no value but a way to find one: said as such, not as if it were a village's name.
  const byAddress = filled.filter(([, v]) => v === VILLAGE_FROM_ADDRESS);
  const literal = filled.filter(([, v]) => v !== VILLAGE_FROM_ADDRESS);
  const parts = [
    ...(literal.length ? [`每一行都填为：${literal.map(([k, v]) => `${headerOf(k)}“${v}”`).join('、')}`] : []),
    ...byAddress.map(([k]) => `${headerOf(k)}按每一行的地址识别`),
  ];
  const fromLast = filled.filter(([k]) => chosen.defaults[k] === undefined).map(([k]) => headerOf(k));
  const origin = fromLast.length === 0 ? '' : fromLast.length === filled.length ? '（本区上次导入时的填写）' : `（其中${fromLast.join('、')}沿用本区上次导入时的填写）`;
  return { recognised, wholeFile: `${parts.join('；')}${origin}` };
}
