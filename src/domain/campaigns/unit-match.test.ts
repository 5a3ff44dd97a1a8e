import { describe, expect, it } from 'vitest';
import { type UnitRef, matchUnits, splitUnitText } from './unit-match.ts';

describe('splitUnitText', () => {
  it('splits on full-width and half-width separators, keeping tokens as written', () => {
    expect(splitUnitText('党政办、应急办')).toEqual(['党政办', '应急办']);
    expect(splitUnitText('应急办,各村（居）')).toEqual(['应急办', '各村（居）']);
    expect(splitUnitText('党群办 应急办')).toEqual(['党群办', '应急办']);
    expect(splitUnitText('党群办　应急办；规建办;财政所，农服中心/派出所\n综治办')).toEqual(['党群办', '应急办', '规建办', '财政所', '农服中心', '派出所', '综治办']);
    expect(splitUnitText(' 应急办、、应急办。 ')).toEqual(['应急办']);
    expect(splitUnitText('')).toEqual([]);
  });

  it('keeps a set phrase whole even when it holds a separator', () => {
    expect(splitUnitText('镇级各科室、部门')).toEqual(['镇级各科室、部门']);
    expect(splitUnitText('各科室、村居')).toEqual(['各科室、村居']);
    expect(splitUnitText('应急办、各科室、村(居)')).toEqual(['应急办', '各科室、村(居)']);
    // "各村" begins "各村（居）" but is a phrase only where the token ends.
    expect(splitUnitText('各村（居）、各村民小组')).toEqual(['各村（居）', '各村民小组']);
  });
});

describe('matchUnits', () => {
  const units: UnitRef[] = [
    { id: 'd1', name: '党政办公室', kind: 'department' },
    { id: 'd2', name: '应急办', kind: 'department' },
    { id: 'd3', name: '党群办', kind: 'department' },
    { id: 'd4', name: '规建办', kind: 'department' },
    { id: 'd5', name: '财政所', kind: 'department' },
    { id: 'd6', name: '农业服务中心', kind: 'department' },
    { id: 'v1', name: '邻鄂村', kind: 'village' },
    { id: 'v2', name: '石钟社区', kind: 'village' },
    { id: 't1', name: '邻鄂镇', kind: 'township' },
    { id: 'x1', name: '综治办', kind: 'district' },
  ];
  const departments = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];
  const villages = ['v1', 'v2'];

  it('matches exact names, and names with or without an office suffix', () => {
    const m = matchUnits('应急办、党政办、财政、农业服务、邻鄂村', units, []);
    expect(m.unmatched).toEqual([]);
    expect(m.tokens).toEqual([
      { token: '应急办', unitIds: ['d2'], via: 'name' },
      { token: '党政办', unitIds: ['d1'], via: 'name' },
      { token: '财政', unitIds: ['d5'], via: 'name' },
      { token: '农业服务', unitIds: ['d6'], via: 'name' },
      { token: '邻鄂村', unitIds: ['v1'], via: 'name' },
    ]);
  });

  it('uses the office’s aliases, which may name several units, and ignores aliases of unknown units', () => {
    const aliases = [
      { alias: '农服中心', unitId: 'd6' },
      { alias: '两办', unitId: 'd1' }, { alias: '两办', unitId: 'd2' },
      { alias: '安监站', unitId: 'gone' },
    ];
    const m = matchUnits('农服中心、两办、安监站', units, aliases);
    expect(m.tokens).toEqual([
      { token: '农服中心', unitIds: ['d6'], via: 'alias' },
      { token: '两办', unitIds: ['d1', 'd2'], via: 'alias' },
      { token: '安监站', unitIds: [], via: 'none' },
    ]);
    expect(m.unmatched).toEqual(['安监站']);
  });

  it('expands unit sets to every department, every village, or both; never to the township', () => {
    const expand = (text: string) => matchUnits(text, units, []).tokens.map((t) => [t.token, t.unitIds, t.via]);
    for (const t of ['各相关科室', '各科室', '镇级各科室、部门', '各部门']) expect(expand(t)).toEqual([[t, departments, 'set']]);
    for (const t of ['各村（居）', '各村居', '各村（社区）', '各村', '各村(居)']) expect(expand(t)).toEqual([[t, villages, 'set']]);
    expect(expand('各科室、村居')).toEqual([['各科室、村居', [...departments, ...villages], 'set']]);
    expect(expand('应急办、各村（居）')).toEqual([['应急办', ['d2'], 'name'], ['各村（居）', villages, 'set']]);
  });

  it('lets an alias narrow a set phrase to the units really meant', () => {
    const m = matchUnits('各相关科室', units, [{ alias: '各相关科室', unitId: 'd2' }, { alias: '各相关科室', unitId: 'd4' }]);
    expect(m.tokens).toEqual([{ token: '各相关科室', unitIds: ['d2', 'd4'], via: 'alias' }]);
  });

  it('returns what it cannot match instead of guessing', () => {
    const m = matchUnits('应急管理办、党政办、规划建设办、应急办（牵头）', units, []);
    expect(m.tokens.map((t) => [t.token, t.unitIds, t.via])).toEqual([
      ['应急管理办', [], 'none'], // no fuzzy match on 应急办
      ['党政办', ['d1'], 'name'],
      ['规划建设办', [], 'none'], // no fuzzy match on 规建办
      ['应急办（牵头）', ['d2'], 'name'], // a bracketed note is no part of the name
    ]);
    expect(m.unmatched).toEqual(['应急管理办', '规划建设办']);
  });

  it('leaves a name shared by two units, or a stem shared by two, unmatched', () => {
    const twins: UnitRef[] = [
      { id: 'a', name: '应急办', kind: 'department' }, { id: 'b', name: '应急办', kind: 'village' },
      { id: 'c', name: '安监站', kind: 'department' }, { id: 'd', name: '安监所', kind: 'department' },
    ];
    expect(matchUnits('应急办、安监', twins, []).unmatched).toEqual(['应急办', '安监']);
    expect(matchUnits('应急办', twins, [{ alias: '应急办', unitId: 'a' }]).tokens).toEqual([{ token: '应急办', unitIds: ['a'], via: 'alias' }]);
  });

  it('counts a set with no units in it as unmatched', () => {
    const m = matchUnits('各村（居）', units.filter((u) => u.kind !== 'village'), []);
    expect(m.tokens).toEqual([{ token: '各村（居）', unitIds: [], via: 'set' }]);
    expect(m.unmatched).toEqual(['各村（居）']);
  });

  it('takes units typed as database rows (kind: string); an unknown kind is matched by name, never by a set', () => {
    const rows = [{ id: 'g1', name: '网格一组', kind: 'grid', parentId: 't1' }, { id: 'd2', name: '应急办', kind: 'department', parentId: 't1' }];
    expect(matchUnits('网格一组、各部门', rows, []).tokens.map((t) => t.unitIds)).toEqual([['g1'], ['d2']]);
  });

  it('matches nothing in an empty cell', () => {
    expect(matchUnits('  ', units, [])).toEqual({ tokens: [], unmatched: [] });
  });
});
