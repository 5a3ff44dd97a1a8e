import { describe, expect, it } from 'vitest';
import type { TImportMappingInfo } from '../../contract/enterprises.ts';
import { mappingSummary } from './import-mapping-summary.ts';

const base: TImportMappingInfo = {
  fields: [
    { key: 'sector', header: '行业领域', required: true, options: null },
    { key: 'source', header: '来源', required: true, options: ['部门检查', '企业自查'] },
  ],
  headers: [{ header: '单位名称', key: 'enterprise', how: 'synonym' }, { header: '备注', key: null, how: 'none' }],
  missing: [], unmatched: [], values: [], suggestions: {}, defaults: {}, remembered: false,
} as unknown as TImportMappingInfo;

describe('mappingSummary', () => {
  const none = { defaults: {} };
  it('says how many columns were read, and that the district’s last choices were used', () => {
    expect(mappingSummary(base, none)).toEqual({ recognised: '文件的 1 列均已识别', wholeFile: null });
    expect(mappingSummary({ ...base, remembered: true }, none).recognised).toBe('文件的 1 列均已识别（沿用本区上次的对应）');
  });

  it('says a village found from each row’s address as such, not as a value', () => {
    const m = { ...base, fields: [...base.fields, { key: 'village', header: '所在村/社区', required: true, options: null }], defaults: { village: '从地址识别', sector: '工贸' } } as unknown as TImportMappingInfo;
    expect(mappingSummary(m, { defaults: { village: '从地址识别', sector: '工贸' } }).wholeFile).toBe('每一行都填为：行业领域“工贸”；所在村/社区按每一行的地址识别');
    expect(mappingSummary({ ...m, defaults: { village: '从地址识别' } }, { defaults: { village: '从地址识别' } }).wholeFile).toBe('所在村/社区按每一行的地址识别');
  });

  it('names every value filled in for the whole file, and which came from the district’s last import', () => {
    const m = { ...base, remembered: true, defaults: { sector: '工贸', source: '部门检查', blank: ' ' } };
    expect(mappingSummary(m, none).wholeFile).toBe('每一行都填为：行业领域“工贸”、来源“部门检查”（本区上次导入时的填写）');
    expect(mappingSummary(m, { defaults: { source: '部门检查' } }).wholeFile).toBe('每一行都填为：行业领域“工贸”、来源“部门检查”（其中行业领域沿用本区上次导入时的填写）');
    expect(mappingSummary(m, { defaults: { sector: '工贸', source: '部门检查' } }).wholeFile).toBe('每一行都填为：行业领域“工贸”、来源“部门检查”');
  });
});
