// The shipped forms are valid templates over metrics the registry has, with the seeds' shapes:
// 崇明 four sections of 32 numbered items; 附件3 16 columns under three heading rows; 附件4 10.
import { describe, expect, it } from 'vitest';
import { SEED_FORMS } from '../../../domain/reports/seed-forms.ts';
import { gridLeaves, headingDepth, templateProblems } from '../../../domain/reports/template.ts';
import { knownMetric, paramProblems } from './metrics/registry.ts';

describe('the shipped forms', () => {
  it.each(SEED_FORMS.map((f) => [f.name, f] as const))('%s is a valid template', (_name, f) => {
    expect(templateProblems(f.body, knownMetric)).toEqual([]);
    for (const i of f.body.indicators) if (i.source.kind === 'computed') expect(paramProblems(i.source.metric, i.source.params), i.key).toEqual([]);
  });

  it('have the seeds\' shapes', () => {
    const [chongming, annex3, annex4] = SEED_FORMS.map((f) => f.body);
    if (chongming!.layout.kind !== 'sheet' || annex3!.layout.kind !== 'grid' || annex4!.layout.kind !== 'grid') throw new Error('layouts');
    expect(chongming!.layout.sections.map((s) => s.title)).toEqual(['总体情况', '对企业自查自改进行抽查检查情况', '部门精准严格执法情况', '党委政府组织领导情况']);
    expect(chongming!.layout.sections.flatMap((s) => s.rows.flatMap((r) => r.cells.filter((c) => c.no)))).toHaveLength(32);
    expect(gridLeaves(annex3!.layout.headings)).toHaveLength(16);
    expect(headingDepth(annex3!.layout.headings)).toBe(3);
    expect(gridLeaves(annex4!.layout.headings)).toHaveLength(10);
  });
});
