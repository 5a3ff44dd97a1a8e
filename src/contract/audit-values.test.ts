import { describe, expect, it } from 'vitest';
import { UNNAMED_RECORD, auditValueText, changeText, diffRows } from './audit-values.ts';

const VILLAGE = '11111111-1111-4111-8111-111111111111';
const SECTOR = '22222222-2222-4222-8222-222222222222';
const refs = { [VILLAGE]: '明月村', [SECTOR]: '工贸' };

describe('an enterprise’s change, as staff read it', () => {
  const before = {
    id: '33333333-3333-4333-8333-333333333333', districtId: '44444444-4444-4444-8444-444444444444', name: '甲公司', status: 'operating',
    villageId: VILLAGE, sectorIds: [SECTOR], isKey: false, employeeCount: null, updatedAt: '2024-06-03T01:30:00.000Z',
  };
  const after = { ...before, status: 'suspended', isKey: true, employeeCount: 40, updatedAt: '2024-06-03T16:05:09.000Z' };
  const rows = diffRows({ entityType: 'enterprise', refs }, before, after);
  const row = (label: string) => rows.find((r) => r.label === label)!;

  it('names the fields in Chinese and leaves out the record’s id and district', () => {
    expect(rows.map((r) => r.label)).toEqual(['名称', '状态', '所在村/社区', '行业领域', '重点监管', '从业人数', '更新时间']);
  });

  it('shows coded values by their names, ids by their records’ names, flags as 是/否', () => {
    expect(row('状态')).toMatchObject({ before: '在营', after: '停业', changed: true });
    expect(row('所在村/社区')).toMatchObject({ before: '明月村', after: '明月村', changed: false });
    expect(row('行业领域').after).toBe('工贸');
    expect(row('重点监管')).toMatchObject({ before: '否', after: '是' });
    expect(row('从业人数')).toMatchObject({ before: '—', after: '40' });
  });

  it('shows instants in Beijing time, formatted like the rest of the UI', () => {
    expect(row('更新时间')).toMatchObject({ before: '2024-06-03 09:30:00', after: '2024-06-04 00:05:09' });
  });
});

describe('auditValueText', () => {
  const ctx = { entityType: 'hazard', refs };

  it.each([
    ['status', 'rectifying', '整改中'],
    ['action', 'submit_plan', '提交五落实整改方案'],
    ['level', 'major', '重大隐患'],
    ['dueDate', '2024-06-30', '2024-06-30'],
    ['description', '配电箱未上锁', '配电箱未上锁'],
  ])('shows a hazard’s %s %j as %j', (field, value, text) => {
    expect(auditValueText(ctx, field, value)).toBe(text);
  });

  it('names the codes of the kind of record the entry is about', () => {
    expect(auditValueText({ entityType: 'enforcement_case', refs }, 'status', 'decided')).toBe('决定');
    expect(auditValueText({ entityType: 'user', refs }, 'role', 'village')).toBe('村居/网格员');
    expect(auditValueText({ entityType: 'unit', refs }, 'kind', 'village')).toBe('村/社区');
  });

  it('shows money in 元', () => {
    expect(auditValueText({ entityType: 'enforcement_case', refs }, 'fineOnEnterpriseFen', 150_000)).toBe('1500.00 元');
  });

  it('says so of an id whose record has no name to show, never printing the id', () => {
    expect(auditValueText(ctx, 'pendingTransferId', '55555555-5555-4555-8555-555555555555')).toBe(UNNAMED_RECORD);
  });

  it('writes out a nested record field by field', () => {
    expect(auditValueText({ entityType: 'inspection', refs }, 'representative', { name: '张三' })).toBe('姓名：张三');
    expect(auditValueText({ entityType: 'user', refs }, 'locks', [{ address: '10.0.0.1', failures: 5 }])).toBe('来源地址：10.0.0.1；连续失败次数：5');
  });
});

describe('an entry whose content is a list of rows', () => {
  it('is one row named 内容', () => {
    const rows = diffRows({ entityType: 'inspection_plan', refs }, null, [{ enterpriseId: VILLAGE, month: 3 }]);
    expect(rows).toEqual([{ key: 'content', label: '内容', before: '', after: '生产经营单位：明月村；月份：3', changed: true }]);
  });
});

describe('changeText: the export’s 变更内容', () => {
  const ctx = { entityType: 'enterprise', refs };
  const before = { id: '33333333-3333-4333-8333-333333333333', name: '甲公司', status: 'operating', villageId: VILLAGE, isKey: false };
  it('lists only the changed fields, each as before → after', () => {
    expect(changeText(ctx, before, { ...before, status: 'closed', isKey: true })).toBe('状态：在营 → 关闭\n重点监管：否 → 是');
  });
  it('lists a created record’s fields as they are, and a removed one’s as removed', () => {
    expect(changeText(ctx, null, before)).toBe('名称：甲公司\n状态：在营\n所在村/社区：明月村\n重点监管：否');
    expect(changeText(ctx, { name: '甲公司' }, null)).toBe('名称：甲公司（删除）');
  });
  it('reads an update that recorded only the fields it set: the others kept their value', () => {
    const whole = { ...before, employeeCount: 40, updatedAt: '2024-06-03T01:30:00.000Z' };
    const set = { status: 'suspended', employeeCount: null, updatedAt: '2024-06-03T16:05:09.000Z' };
    expect(changeText(ctx, whole, set)).toBe('状态：在营 → 停业\n从业人数：40 → —\n更新时间：2024-06-03 09:30:00 → 2024-06-04 00:05:09');
    const rows = diffRows(ctx, whole, set);
    expect(rows.find((r) => r.label === '名称')).toMatchObject({ before: '甲公司', after: '甲公司', changed: false });
  });
  it('reads an entry of facts (no stored record before it) as it is: a field it no longer holds is shown as gone', () => {
    expect(changeText({ entityType: 'user', refs }, { failuresSinceLastLogin: 5 }, { address: '10.0.0.1' })).toBe('自上次登录以来失败次数：5 → —\n来源地址：— → 10.0.0.1');
  });
  it('writes an emptied field as —', () => {
    expect(changeText(ctx, { name: '甲公司', employeeCount: 40 }, { name: '甲公司', employeeCount: null })).toBe('从业人数：40 → —');
  });
});

describe('codes the audit trail keeps, by their names', () => {
  it('names the second factor, an import mapping’s kind and a supervision group member’s role', () => {
    expect(auditValueText({ entityType: 'user', refs }, 'secondFactor', 'totp')).toBe('动态验证码');
    expect(auditValueText({ entityType: 'import_mapping', refs }, 'kind', 'enterprises')).toBe('生产经营单位');
    expect(auditValueText({ entityType: 'supervision_group', refs }, 'people', [{ role: 'member', name: '甲' }])).toBe('角色：成员；姓名：甲');
  });
});
