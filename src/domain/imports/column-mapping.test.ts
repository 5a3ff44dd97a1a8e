import { describe, expect, it } from 'vitest';
import {
  DistinctValues, EMPTY_MAPPING, type ImportField, mapValue, matchHeaders, mergeMappings, nameAliasKey, nameAliasOf, normalizeText, suggestValue,
} from './column-mapping.ts';
import {
  ENTERPRISE_ENUM_OPTIONS, ENTERPRISE_HEADER_SYNONYMS, ENTERPRISE_VALUE_SYNONYMS, HAZARD_ENUM_OPTIONS, HAZARD_HEADER_SYNONYMS, HAZARD_VALUE_SYNONYMS,
} from './import-synonyms.ts';

const ENTERPRISE_HEADERS: Record<string, string> = {
  name: '单位名称', uscc: '统一社会信用代码', kind: '单位类型', venueType: '九小场所类型', address: '地址', village: '所在村/社区',
  sectors: '行业领域', employeeCount: '从业人数', principalName: '主要负责人', principalPhone: '主要负责人电话', safetyManagerName: '安全管理人员',
  safetyManagerPhone: '安全管理人员电话', riskGrade: '分级监管', isKey: '重点监管', isHighRisk: '高危', status: '经营状态',
};
const enterpriseFields: ImportField[] = Object.entries(ENTERPRISE_HEADERS).map(([key, header]) => ({
  key, header, synonyms: ENTERPRISE_HEADER_SYNONYMS[key], options: ENTERPRISE_ENUM_OPTIONS[key], valueSynonyms: ENTERPRISE_VALUE_SYNONYMS[key],
}));
const keys = (headers: string[], o = {}) => matchHeaders(headers, enterpriseFields, o).map((m) => m.key);

describe('normalizeText', () => {
  it.each([
    ['单位名称*', '单位名称'], ['＊单位名称', '单位名称'], [' 单位 名称 ', '单位名称'], ['整改资金（元）', '整改资金'], ['住所(经营场所)', '住所'],
    ['所在村／社区', '所在村/社区'], ['【必填】企业名称', '企业名称'], ['ＵＳＣＣ', 'uscc'], ['联系电话：', '联系电话'],
  ])('%s → %s', (a, b) => expect(normalizeText(a)).toBe(b));
});

describe('matchHeaders', () => {
  it('maps a 市场监管 registry with no retyping', () => {
    expect(keys(['序号', '企业名称', '统一社会信用代码', '法定代表人', '住所', '登记状态', '企业类型', '联系电话'])).toEqual([
      null, 'name', 'uscc', 'principalName', 'address', 'status', 'kind', 'principalPhone',
    ]);
  });

  it('maps a township ledger with full-width marks and notes', () => {
    expect(keys(['单位名称＊', '负责人', '联系电话', '所属村（社区）', '所属行业', '地址'])).toEqual([
      'name', 'principalName', 'principalPhone', 'village', 'sectors', 'address',
    ]);
  });

  it('prefers the person’s choice, then the district’s memory, and takes a field once', () => {
    const remembered = { columns: { 经营者电话: 'principalPhone', 备注: '' }, values: {}, defaults: {} };
    const chosen = { columns: { 负责人: 'safetyManagerName' }, values: {}, defaults: {} };
    expect(matchHeaders(['负责人', '经营者电话', '备注', '法定代表人', '电话'], enterpriseFields, { remembered, chosen }).map((m) => [m.key, m.how])).toEqual([
      ['safetyManagerName', 'chosen'], ['principalPhone', 'remembered'], [null, 'remembered'], ['principalName', 'synonym'], [null, 'none'],
    ]);
  });

  it('maps a hazard ledger', () => {
    const fields = Object.entries(HAZARD_HEADER_SYNONYMS).map(([key, synonyms]) => ({ key, header: key, synonyms }));
    expect(matchHeaders(['序号', '企业名称', '隐患内容', '隐患位置', '所属行业', '隐患级别', '排查日期', '整改时限', '整改状态'], fields).map((m) => m.key)).toEqual([
      null, 'enterprise', 'description', 'location', 'sector', 'level', 'foundOn', 'dueDate', 'status',
    ]);
  });
});

describe('value mapping', () => {
  const status = enterpriseFields.find((f) => f.key === 'status')!;
  it.each([['存续', '在营'], ['在业', '在营'], ['存续（在营、开业、在册）', '在营'], ['注销', '关闭'], ['吊销，未注销', '关闭'], ['歇业', '停业'], ['在营', '在营']])(
    '%s reads as %s', (v, label) => expect(suggestValue(status, v)).toMatchObject({ target: label }),
  );

  it('reads a registry’s 企业类型 as our 单位类型', () => {
    const kind = enterpriseFields.find((f) => f.key === 'kind')!;
    expect(mapValue(kind, '有限责任公司（自然人投资或控股）')).toBe('企业');
    expect(mapValue(kind, '个体工商户')).toBe('个体经营者');
    expect(mapValue(kind, '农民专业合作社')).toBe('企业');
    expect(mapValue(kind, '公司')).toBe('公司');
  });

  it('names values it does not know and applies a chosen mapping', () => {
    expect(suggestValue(status, '清算中')).toEqual({ target: null, how: 'none' });
    const chosen = { columns: {}, values: { status: { 清算中: '停业' } }, defaults: {} };
    expect(mapValue(status, '清算中', { chosen })).toBe('停业');
    // A mapping to something that is not one of our labels is ignored.
    expect(mapValue(status, '清算中', { chosen: { ...chosen, values: { status: { 清算中: '破产' } } } })).toBe('清算中');
  });

  it('reads hazard levels and statuses in a ledger’s words', () => {
    const f = (key: string) => ({ key, header: key, options: HAZARD_ENUM_OPTIONS[key], valueSynonyms: HAZARD_VALUE_SYNONYMS[key] });
    expect(mapValue(f('level'), '一般')).toBe('一般隐患');
    expect(mapValue(f('level'), '重大事故隐患')).toBe('重大隐患');
    expect(mapValue(f('status'), '已整改')).toBe('已销号');
    expect(mapValue(f('status'), '未整改')).toBe('待整改');
    expect(mapValue(f('source'), '企业自查')).toBe('企业自查');
    expect(mapValue(f('source'), '安监站检查')).toBe('部门检查');
  });

  it('merges choices value by value', () => {
    const a = { columns: { a: 'name' }, values: { status: { x: '在营', y: '停业' } }, defaults: { sectors: '消防' } };
    const b = { columns: { b: 'uscc' }, values: { status: { y: '关闭' } }, defaults: {} };
    expect(mergeMappings(a, b)).toEqual({ columns: { a: 'name', b: 'uscc' }, values: { status: { x: '在营', y: '关闭' } }, defaults: { sectors: '消防' } });
  });

  it('counts distinct values up to a limit', () => {
    const d = new DistinctValues(2);
    for (const v of ['a', 'b', 'a', '', 'c']) d.add(v);
    expect([...d.counts]).toEqual([['a', 2], ['b', 1]]);
    expect(d.more).toBe(true);
  });
});

describe('nameAliasOf', () => {
  const alias = (values: Record<string, string>) => ({ ...EMPTY_MAPPING, values: { enterprise: values } });
  it('reads a short name as the registered one the person chose now, over the district\'s earlier choice', () => {
    const remembered = alias({ 翠峰机械: '翠峰机械厂' });
    expect(nameAliasOf('翠峰机械', { remembered })).toEqual({ target: '翠峰机械厂', how: 'remembered' });
    expect(nameAliasOf(' 翠峰 机械', { remembered, chosen: alias({ 翠峰机械: '翠峰机械制造有限公司' }) })).toEqual({ target: '翠峰机械制造有限公司', how: 'chosen' });
  });
  it('tells names apart by what their brackets say', () => {
    const chosen = alias({ [nameAliasKey('翠峰机械（一车间）')]: '翠峰机械制造有限公司' });
    expect(nameAliasOf('翠峰机械(一车间)', { chosen })).toEqual({ target: '翠峰机械制造有限公司', how: 'chosen' }); // full-width or not
    expect(nameAliasOf('翠峰机械（二车间）', { chosen })).toBeNull();
  });
  it('is undone by an empty choice, and is nothing for a name with none or mapped to itself', () => {
    expect(nameAliasOf('翠峰机械', { remembered: alias({ 翠峰机械: '翠峰机械厂' }), chosen: alias({ 翠峰机械: '' }) })).toBeNull();
    expect(nameAliasOf('东风五金厂', { remembered: alias({ 翠峰机械: '翠峰机械厂' }) })).toBeNull();
    expect(nameAliasOf('东风五金厂', { chosen: alias({ 东风五金厂: '东风五金厂' }) })).toBeNull();
    expect(nameAliasOf('东风五金厂', {})).toBeNull();
  });
});
