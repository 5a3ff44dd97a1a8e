// The create/update schema is the one place the server and the form check an enterprise.
import { describe, expect, it } from 'vitest';
import { EnterpriseCreate, EnterpriseUpdate } from './enterprises.ts';

const valid = {
  name: '测试化工有限公司',
  uscc: '91350100M000100Y43',
  kind: 'company',
  address: '一村1号',
  villageId: '6f1c1f40-6a53-4a0e-9a53-0d3c9f7c1a01',
  sectorIds: ['6f1c1f40-6a53-4a0e-9a53-0d3c9f7c1a02'],
  employeeCount: 12,
  principalName: '张三',
  principalPhone: '13800000000',
};

const fieldErrors = (input: unknown) => {
  const r = EnterpriseCreate.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('EnterpriseCreate', () => {
  it('accepts a valid company and defaults the flags', () => {
    const r = EnterpriseCreate.parse(valid);
    expect(r).toMatchObject({ isKey: false, isHighRisk: false, status: 'operating', riskGrade: null, venueType: null });
  });

  it('normalises a lower-case, padded USCC before checking it', () => {
    expect(EnterpriseCreate.parse({ ...valid, uscc: ' 91350100m000100y43 ' }).uscc).toBe('91350100M000100Y43');
  });

  it.each([
    [{ uscc: '91350100M000100Y44' }, 'uscc', /校验位/],
    [{ uscc: '91350100M000100Y4' }, 'uscc', /18位/],
    [{ uscc: '91350100O000100Y43' }, 'uscc', /非法字符/],
    [{ uscc: '' }, 'uscc', /须填写/],
    [{ uscc: null }, 'uscc', /须填写/],
    [{ name: '  ' }, 'name', /单位名称/],
    [{ sectorIds: [] }, 'sectorIds', /行业领域/],
    [{ principalPhone: '12345' }, 'principalPhone', /电话/],
    [{ employeeCount: -1 }, 'employeeCount', /负/],
    [{ kind: 'small_venue', uscc: null }, 'venueType', /场所类型/],
  ])('rejects %o on %s', (patch, field, message) => {
    const errors = fieldErrors({ ...valid, ...patch });
    expect(errors[field]).toMatch(message);
  });

  it('lets a sole trader or a small venue go without a USCC', () => {
    expect(EnterpriseCreate.safeParse({ ...valid, kind: 'sole_trader', uscc: null }).success).toBe(true);
    expect(EnterpriseCreate.safeParse({ ...valid, kind: 'small_venue', venueType: 'restaurant', uscc: '' }).success).toBe(true);
  });

  it('checks a USCC sent in an update, and allows a partial update', () => {
    expect(EnterpriseUpdate.safeParse({ version: 1, address: '新地址' }).success).toBe(true);
    expect(EnterpriseUpdate.safeParse({ version: 1, uscc: '91350100M000100Y44' }).success).toBe(false);
  });
});
