import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type ChecklistTemplateContent, type CheckMethod, answerLabelsOf, firstTemplateVersion, itemFinding, itemQuestion, itemsOf, templateProblems,
} from './checklist.ts';
import { CHONGMING_SPOT_CHECK, DASHENG_SELF_CHECK, DASHENG_SMALL_ENTERPRISE, DASHENG_SMALL_VENUE, SEED_CHECKLISTS } from './seed-checklists.ts';

// The seeds live in ../shared/seeds beside the repository (CI keeps them there too).
function readSeed(name: string): string {
  const url = new URL(`../../../../shared/seeds/${name}`, import.meta.url);
  const path = fileURLToPath(url);
  if (!existsSync(path)) {
    throw new Error(`Seed file not found: ${path}. The checklist tests compare the data with the seed plans; check out ../shared beside the repository.`);
  }
  return readFileSync(path, 'utf8');
}
const DASHENG = '003_b77a565fb6c0eff1.txt';
const CHONGMING = '002_e9a20359a8dc23af.txt';

/** The part of a seed from one marker to the next. */
function section(text: string, from: string, to: string): string {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a + from.length);
  if (a < 0 || b < 0) throw new Error(`Seed section ${from} … ${to} not found`);
  return text.slice(a, b);
}

/**
 * The non-empty table cells of a section of seed 003: a cell starts on a line opening with a
 * tab and runs on over the following lines that do not (line breaks inside a cell).
 */
function cells(text: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (cur !== null) out.push(cur);
      cur = line.slice(1);
    } else if (cur !== null && line !== '') {
      cur += `\n${line}`;
    } else if (cur !== null) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur !== null) out.push(cur);
  return out.filter((c) => c.trim() !== '');
}

const noSpace = (s: string) => s.replace(/\s+/g, '');

describe('seed files', () => {
  it.each([DASHENG, CHONGMING])('%s is readable from ../shared/seeds', (name) => {
    expect(readSeed(name).length).toBeGreaterThan(1000);
  });
});

describe('every seed checklist is a valid template', () => {
  it.each(SEED_CHECKLISTS.map((t) => [t.code, t] as const))('%s', (_code, t) => {
    expect(templateProblems(t)).toEqual([]);
    expect(firstTemplateVersion(t).ok).toBe(true);
  });

  it('codes are distinct', () => {
    expect(new Set(SEED_CHECKLISTS.map((t) => t.code)).size).toBe(SEED_CHECKLISTS.length);
  });
});

const count = (t: ChecklistTemplateContent) => itemsOf(t).length;

describe('大盛 附件1 自查重点事项清单', () => {
  const t = DASHENG_SELF_CHECK;

  it('four groups (工作责任, 隐患排查, 问题整改, 执法处罚) with 6, 3, 2 and 4 items: 15', () => {
    expect(t.groups.map((g) => g.title.replace(/^[一二三四]、/, ''))).toEqual(['工作责任', '隐患排查', '问题整改', '执法处罚']);
    expect(t.groups.map((g) => g.items.length)).toEqual([6, 3, 2, 4]);
    expect(count(t)).toBe(15);
  });

  it('is the seed table cell for cell: 检查事项 as the group, 具体内容 as the item', () => {
    const table = cells(section(readSeed(DASHENG), '\t附件1\n', '\t附件2-1'));
    expect(table.slice(0, 6)).toEqual(['附件1', '自查重点事项清单', '检查事项', '具体内容', '落实情况', '备注']);
    const expected = t.groups.flatMap((g) => [g.title, ...g.items.map((i) => i.content)]);
    expect(table.slice(6)).toEqual(expected);
    expect(t.name).toBe(table[1]);
  });

  it('落实情况 is written: every item takes a text answer, with no 排查要点 in the seed', () => {
    for (const i of itemsOf(t)) expect([i.responseType, i.howToCheck, i.checkMethods, i.requirement]).toEqual(['text', '', [], null]);
  });

  it.each([
    ['responsibility-4', '4.做到年初有方案、每月有研判、年底有考核，跟踪督办、考核问效。梳理并研究解决安全重点难点问题。'],
    ['investigation-3', '3.督促指导生产经营单位按要求常态化开展风险辨识管控和“日周月”排查，建立隐患台账，及时报告重大事故隐患。'],
    ['enforcement-4', '4.持续提升执法检查强度、问题查找强度、经济处罚强度。'],
  ])('%s reads word for word', (key, text) => {
    expect(itemsOf(t).find((i) => i.key === key)?.content).toBe(text);
  });
});

/** Rows of a 重点任务提示清单 in the seed: [序号, 主要内容, 日常管理重点任务清单及要求, 要点及方式]. */
function taskRows(from: string, to: string, header: string[]): string[][] {
  const table = cells(section(readSeed(DASHENG), from, to));
  expect(table.slice(0, header.length)).toEqual(header);
  const body = table.slice(header.length);
  expect(body.length % 4).toBe(0);
  return Array.from({ length: body.length / 4 }, (_, r) => body.slice(r * 4, r * 4 + 4));
}

describe.each([
  {
    t: DASHENG_SMALL_ENTERPRISE,
    from: '\t附件2-1',
    to: '\t附件2-2',
    header: ['附件2-1', '小微企业安全生产重点任务提示清单', '序号', '主要内容', '日常管理重点任务清单及要求', '排查要点及方式', '备注'],
    seedNumbers: ['11', '22', '33', '44', '65', '66', '77'],
    titles: ['全员安全生产责任制', '规章制度和操作规程', '教育和培训计划', '安全生产投入', '风险分级管控和隐患排查治理', '安全事故应急救援', '委外和特种作业'],
    methods: [['ask', 'records'], ['ask', 'records'], ['ask', 'records'], ['ask', 'look'], ['ask', 'records', 'look'], ['ask', 'records'], ['ask', 'records', 'look']],
  },
  {
    t: DASHENG_SMALL_VENUE,
    from: '\t附件2-2',
    to: '\t附件3',
    header: ['附件2-2', '九小场所安全生产重点任务提示清单', '序号', '主要内容', '日常管理重点任务清单及要求', '检查要点及方式', '备注'],
    seedNumbers: ['1', '2', '3', '4', '5', '6', '7'],
    titles: ['落实安全管理人员', '开展风险评辨识', '落实岗位责任', '安全培训和教育', '安全隐患排查', '应急处置', '委外和特种作业'],
    methods: [['ask'], ['records', 'look'], ['ask', 'look'], ['ask', 'records'], ['ask', 'look'], ['ask', 'records'], ['ask', 'records', 'look']],
  },
])('大盛 $header.0 $header.1', ({ t, from, to, header, seedNumbers, titles, methods }) => {
  it('seven rows: 主要内容 as the group, one conformity item each', () => {
    expect(t.name).toBe(header[1]);
    expect(t.groups.map((g) => g.title)).toEqual(titles);
    expect(t.groups.map((g) => g.items.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(count(t)).toBe(7);
    for (const i of itemsOf(t)) expect(i.responseType).toBe('conformity');
  });

  it('is the seed table row for row, word for word (序号 read as 1 to 7)', () => {
    const rows = taskRows(from, to, header);
    expect(rows.map((r) => r[0])).toEqual(seedNumbers);
    expect(t.groups.map((g) => [g.title, g.items[0]!.content, g.items[0]!.howToCheck])).toEqual(rows.map((r) => r.slice(1)));
  });

  it('问/查/看 are read from 要点及方式', () => {
    expect(itemsOf(t).map((i) => i.checkMethods)).toEqual(methods as CheckMethod[][]);
  });
});

describe('大盛 附件2 spot strings', () => {
  it('附件2-1 row 5 keeps its five numbered sub-points on their own lines, 日周月 included', () => {
    const c = DASHENG_SMALL_ENTERPRISE.groups[4]!.items[0]!.content;
    expect(c.split('\n').map((l) => l.match(/^\d+\./)?.[0])).toEqual(['7.', '8.', '9.', '10.', '11.']);
    expect(c).toContain('8.推动安全隐患检查“日周月”排查（班组每天1次、车间每周1次、厂长每月最少1次），发现隐患立即整改和管控。');
  });

  it('附件2-2 keeps the seed’s own wording, odd spots included', () => {
    expect(DASHENG_SMALL_VENUE.groups[1]!.title).toBe('开展风险评辨识');
    expect(DASHENG_SMALL_VENUE.groups[1]!.items[0]!.howToCheck).toBe('查风险辨识台账等是否登记 ，看警示标志');
  });
});

describe('崇明 调度表 section 2: spot-check items', () => {
  const t = CHONGMING_SPOT_CHECK;
  const items = itemsOf(t);

  it('seven conformity items in the form’s order', () => {
    expect(items.map((i) => i.key)).toEqual([
      'principal-study', 'principal-led-inspection', 'deputy-duty-list', 'safety-management', 'special-work-certificates', 'outsourcing', 'drill-and-escape',
    ]);
    for (const i of items) expect(i.responseType).toBe('conformity');
  });

  it('each item is a column header of section 2 word for word (the cell’s line breaks and the unit （家） aside), numbered 2 to 8', () => {
    const form = noSpace(section(readSeed(CHONGMING), '进展情况调度表\n\n', '注：1.'));
    const part = section(form, '对企业自查自改进行抽查检查情况', '部门精准严格执法情况');
    expect(part).toContain('1部门抽查检查的企业总数（家）');
    items.forEach((i, n) => expect(part).toContain(`${n + 2}${i.content}（家）`));
    expect(t.groups[0]!.title).toBe('对企业自查自改进行抽查检查情况');
    expect(t.name).toBe('对企业自查自改进行抽查检查情况');
  });

  it.each([
    ['principal-study', '企业主要负责人未按要求亲自研究排查整治工作'],
    ['principal-led-inspection', '企业主要负责人未带队检查'],
    ['deputy-duty-list', '企业未制定分管负责人职责清单'],
    ['safety-management', '企业未依法建立安全管理机构和配足安全管理人员'],
    ['special-work-certificates', '电焊等特种作业岗位人员无证上岗作业'],
    ['outsourcing', '外包外租安全管理混乱'],
    ['drill-and-escape', '未按规定开展应急演练、员工不熟悉逃生出口'],
  ])('%s: %s', (key, content) => {
    expect(items.find((i) => i.key === key)?.content).toBe(content);
  });

  it('requirements are the plan’s clauses and how to check is the form’s note, word for word', () => {
    const seed = readSeed(CHONGMING);
    const plan = section(seed, '（一）突出主要负责人带动企业全员安全生产责任落实', '（二）狠抓监管部门精准严格执法');
    const note = seed.slice(seed.indexOf('注：1.'));
    for (const i of items) {
      expect(i.requirement).not.toBeNull();
      expect(plan).toContain(i.requirement!);
      if (i.howToCheck !== '') expect(note).toContain(i.howToCheck);
    }
    expect(items.filter((i) => i.howToCheck !== '').map((i) => i.key)).toEqual(['special-work-certificates', 'outsourcing']);
  });

  it('each item asks whether its finding holds, answered 否 or 是 (the finding, stored as nonconform and counted by the form)', () => {
    for (const i of items) {
      expect(itemQuestion(i)).toBe(`是否存在“${i.content}”的情形？`);
      expect(answerLabelsOf(i)).toEqual({ conform: '否', nonconform: '是', not_applicable: '不适用' });
      expect(itemFinding(i)).toBe(i.content);
    }
    expect(t.description).toContain('答“是”');
  });

  it('the 大盛 lists keep the plain 符合/不符合/不适用 (their items are requirements)', () => {
    for (const i of [...itemsOf(DASHENG_SMALL_ENTERPRISE), ...itemsOf(DASHENG_SMALL_VENUE), ...itemsOf(DASHENG_SELF_CHECK)]) {
      expect([i.question, i.finding, i.answerLabels]).toEqual([null, null, null]);
    }
  });

  it('the note’s 现场检查 and 存单…检查核实 are look and records', () => {
    expect(items.find((i) => i.key === 'special-work-certificates')?.checkMethods).toEqual(['records', 'look']);
  });
});
