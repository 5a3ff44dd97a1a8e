import { describe, expect, it } from 'vitest';
import { unitNameCore } from './unit-name-core.ts';

describe('unitNameCore', () => {
  it.each([
    ['聚源建材厂', '聚源建材'],
    ['重庆聚源建材有限公司', '聚源建材'],
    ['重庆市渝北区大盛镇万家山庄', '万家山庄'],
    ['东风五金厂（普通合伙）', '东风五金'],
    ['渝北区老何面馆店', '老何面馆'],
    ['翠峰机械制造有限公司', '翠峰机械制造'],
    ['重庆德润调味品有限公司', '德润调味品'],
  ])('%s → %s', (name, core) => expect(unitNameCore(name)).toBe(core));

  it('keeps what would be too short to look for, and has nothing to add for a bare name', () => {
    expect(unitNameCore('五金店')).toBeNull(); // 五金 alone would match half a township
    expect(unitNameCore('大盛镇建材厂')).toBe('大盛镇建材'); // the place stays: 建材 is too short
    expect(unitNameCore('老何面馆')).toBeNull();
    expect(unitNameCore('古镇火锅')).toBeNull(); // 古镇 is no place of 2–3 characters and 镇
  });
});
