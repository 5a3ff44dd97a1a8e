import { describe, expect, it } from 'vitest';
import { parseSubmissionKey, submissionKey } from './submission-key.ts';

describe('a submission key', () => {
  it('names the form, the unit and the due day, and reads back; anything else is no key', () => {
    const o = { seriesId: '4a77b4b9-be5d-4d7f-b3de-cb9a4900f3ea', unitId: '12484c43-5a59-497a-8812-924f97ae3e28', due: '2026-12-14' };
    expect(parseSubmissionKey(submissionKey(o))).toEqual(o);
    expect(parseSubmissionKey(submissionKey(o).toUpperCase().replace('2026-12-14', '2026-12-14'))).toEqual(o);
    expect(parseSubmissionKey('not-a-key-at-all-but-long')).toBeNull();
    expect(parseSubmissionKey(`${o.seriesId}_${o.unitId}_2026-12-1`)).toBeNull();
  });
});
