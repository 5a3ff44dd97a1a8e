import { describe, expect, it } from 'vitest';
import type { TChecklistItem } from '../../../../contract/checklists.ts';
import { checklistItem } from '../../../../domain/checklists/checklist.ts';
import type { InspectionAnswerData } from '../api/keys.ts';
import {
  type LocalAnswer, checkHazard, describeHazard, fromServer, hazardWithDefaults, isAnswered, parseNumber, prefilledHazard, toBody,
} from './answer-state.ts';

const SECTOR = '11111111-1111-4111-8111-111111111111';
const OTHER_SECTOR = '22222222-2222-4222-8222-222222222222';
const item: TChecklistItem = checklistItem({
  key: 'special-work-certificates',
  content: '电焊等特种作业岗位人员无证上岗作业',
  requirement: '严禁聘用未取得相关证书的人员在特种作业岗位上岗作业',
});
const defaults = { location: '二号车间', sectorId: SECTOR };
const blank = (): LocalAnswer => fromServer(undefined);

describe('the hazard of a failed item', () => {
  it('is pre-filled from the item, the comment, the place and the enterprise', () => {
    expect(prefilledHazard(item, '  焊工无证  ', defaults)).toEqual({
      level: 'general',
      description: '电焊等特种作业岗位人员无证上岗作业：焊工无证',
      location: '二号车间',
      sectorId: SECTOR,
      criterion: item.requirement,
      dueDate: null,
      autoDescription: true,
    });
    expect(describeHazard(item, '')).toBe(item.content);
  });

  it('describes what was found: the item’s finding, not its question or requirement (that is the 判定依据)', () => {
    const asked = checklistItem({
      key: 'special-work', content: '特种作业人员持证上岗', requirement: '《安全生产法》第三十条', question: '特种作业人员是否持证上岗？',
      finding: '特种作业人员无证上岗作业', answerLabels: { conform: '是', nonconform: '否', not_applicable: '不适用' },
    });
    const h = prefilledHazard(asked, '焊工王某无证', defaults);
    expect(h.description).toBe('特种作业人员无证上岗作业：焊工王某无证');
    expect(h.criterion).toBe('《安全生产法》第三十条');
    expect(describeHazard(asked, '')).toBe('特种作业人员无证上岗作业');
  });

  it('takes the enterprise sector once known, keeping one already chosen', () => {
    const h = prefilledHazard(item, '', { location: 'x', sectorId: '' });
    expect(hazardWithDefaults(h, defaults).sectorId).toBe(SECTOR);
    expect(hazardWithDefaults({ ...h, sectorId: OTHER_SECTOR }, defaults).sectorId).toBe(OTHER_SECTOR);
  });

  it('names each field that is not right', () => {
    const bad = checkHazard({ ...prefilledHazard(item, '', defaults), description: ' ', sectorId: '' });
    expect(bad).toEqual({ ok: false, errors: { description: '请填写隐患描述', sectorId: '请选择行业领域' } });
    expect(checkHazard(prefilledHazard(item, 'x', defaults)).ok).toBe(true);
  });
});

describe('the body saved for an answer', () => {
  const saved: InspectionAnswerData = {
    itemKey: item.key, result: 'nonconform', number: null, text: null, comment: '旧说明', photos: [],
    hazardDraft: { level: 'major', description: '已保存的隐患', location: '仓库', sectorId: SECTOR, criterion: null, dueDate: null },
    hazard: null, updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('carries a valid hazard only with 不符合', () => {
    const failed: LocalAnswer = { ...blank(), result: 'nonconform', comment: ' 无证 ', hazard: prefilledHazard(item, '无证', defaults) };
    expect(toBody(failed, undefined, defaults)).toEqual({
      result: 'nonconform', number: null, text: null, comment: '无证', photoIds: [],
      hazardDraft: { level: 'general', description: `${item.content}：无证`, location: '二号车间', sectorId: SECTOR, criterion: item.requirement, dueDate: null },
    });
    expect(toBody({ ...failed, result: 'conform' }, undefined, defaults).hazardDraft).toBeNull();
  });

  it('keeps the hazard last saved while the one on the page does not pass its checks', () => {
    const editing: LocalAnswer = { ...fromServer(saved), hazard: { ...fromServer(saved).hazard!, location: '' } };
    expect(toBody(editing, saved, defaults).hazardDraft).toEqual(saved.hazardDraft);
  });

  it('reads back what the server has, the hazard no longer following the comment', () => {
    const a = fromServer(saved);
    expect(a).toMatchObject({ result: 'nonconform', comment: '旧说明', number: '' });
    expect(a.hazard).toMatchObject({ level: 'major', description: '已保存的隐患', criterion: '', autoDescription: false });
  });
});

describe('answers by response type', () => {
  it('counts an item answered by its kind', () => {
    const photo = { id: 'f', kind: 'photo', purpose: 'inspection', mime: 'image/png', size: 1, originalName: 'a.png', createdAt: '', url: '/api/files/f' } as const;
    expect(isAnswered(item, blank())).toBe(false);
    expect(isAnswered(item, { ...blank(), result: 'not_applicable' })).toBe(true);
    expect(isAnswered({ responseType: 'number' }, { ...blank(), number: '1.' })).toBe(true);
    expect(isAnswered({ responseType: 'number' }, { ...blank(), number: 'abc' })).toBe(false);
    expect(isAnswered({ responseType: 'text' }, { ...blank(), text: '  ' })).toBe(false);
    expect(isAnswered({ responseType: 'photo' }, { ...blank(), photos: [photo] })).toBe(true);
  });

  it('parses numbers as typed', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1e400')).toBeNull();
  });
});
