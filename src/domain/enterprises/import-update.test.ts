import { describe, expect, it } from 'vitest';
import { importedUpdate } from './import-update.ts';

const data = { name: '甲公司', status: 'operating', villageId: 'v1', sectorIds: ['工贸'], riskGrade: null, principalName: '张三' };

describe('what an import changes of a registered unit', () => {
  it('sets only the fields of the file’s own columns: a whole-file value or a missing column changes nothing', () => {
    expect(importedUpdate({ data }, ['name', 'principalName', 'status'])).toEqual({ name: '甲公司', principalName: '张三', status: 'operating' });
  });
  it('leaves the village of a row the address did not place', () => {
    expect(importedUpdate({ data, keepVillage: true }, ['name', 'villageId'])).toEqual({ name: '甲公司' });
    expect(importedUpdate({ data }, ['name', 'villageId'])).toEqual({ name: '甲公司', villageId: 'v1' });
  });
  it('only closes a unit the registry says is gone', () => {
    expect(importedUpdate({ data, closeOnly: true }, ['name', 'principalName', 'status'])).toEqual({ status: 'closed' });
  });
  it('sets every field for a batch staged before the file’s columns were kept', () => {
    expect(importedUpdate({ data }, null)).toEqual(data);
  });
});
