import { describe, expect, it } from 'vitest';
import { hasOwnNumber } from './item-number.tsx';

describe('hasOwnNumber', () => {
  it('sees the source document numbering', () => {
    for (const s of ['1.业主自己', '7.定期组织', ' 12、消防', '（3）电气', '(4)用电', '5．安全', '2)通道']) expect(hasOwnNumber(s)).toBe(true);
  });
  it('leaves plain content alone', () => {
    for (const s of ['是否配备灭火器', '2024年度培训', '3号库房是否上锁', '']) expect(hasOwnNumber(s)).toBe(false);
  });
});
