import { describe, expect, it } from 'vitest';
import { NO_HEADER_PROBLEM, NO_ROWS_PROBLEM, normalizeForKey, rowKey, rowKeys, tasksFromGrid } from './task-table.ts';

const HEADER = ['序号', '专项行动', '行动任务', '工作要求', '责任单位', '时限要求', '工作落实情况'];
const TITLE = '重大隐患专项排查整治2023行动工作清单和责任清单';

describe('tasksFromGrid: the task annex', () => {
  it('finds the header below title rows and reads each row with its 1-based source line', () => {
    const grid = [
      ['附件1', '', '', '', '', '', ''],
      Array(7).fill(TITLE) as string[], // a title merged across the width, filled into every cell
      HEADER,
      ['1', '一、属地', '1.树牢红线意识。', '（1）集中学习。', '党政办、应急办', '2023年7月30日前', ''],
    ];
    const { rows, problems } = tasksFromGrid(grid);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{
      line: 4, number: '1', group: '一、属地', action: '1.树牢红线意识。', requirement: '（1）集中学习。',
      unitsText: '党政办、应急办', coUnitsText: '', deadlineText: '2023年7月30日前', progressText: '', note: '',
    }]);
  });

  it('tolerates spaces and line breaks in headings, synonyms, bracketed notes and a 配合单位 column', () => {
    const grid = [
      ['编 号', '重点\n任务', '具体任务', '工作\r\n内容', '牵头单位（责任人）', '配合单位', '完成\n时限', '落实情况', '备　注'],
      ['一', 'A', 'a', '要求', '应急办', '党政办', '6月底', '已完成', '无'],
    ];
    const { rows, problems } = tasksFromGrid(grid);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      number: '一', group: 'A', action: 'a', requirement: '要求', unitsText: '应急办', coUnitsText: '党政办',
      deadlineText: '6月底', progressText: '已完成', note: '无',
    });
  });

  it('keeps merged values the reader filled in, and carries blank group and action cells down', () => {
    const grid = [
      HEADER,
      ['1', 'G1', 'A1', 'r1', 'u', 'd', ''],
      ['2', '', '', 'r2', 'u', 'd', ''],
      ['3', '', 'A2', 'r3', 'u', 'd', ''],
      ['4', 'G2', '', 'r4', 'u', 'd', ''], // a new 专项行动 without an action: A2 is not carried into it
      ['5', 'G2', 'B1', 'r5', 'u', 'd', ''],
      ['6', 'G2', 'B1', 'r6', 'u', 'd', ''],
    ];
    const { rows } = tasksFromGrid(grid);
    expect(rows.map((r) => [r.number, r.group, r.action])).toEqual([
      ['1', 'G1', 'A1'], ['2', 'G1', 'A1'], ['3', 'G1', 'A2'], ['4', 'G2', ''], ['5', 'G2', 'B1'], ['6', 'G2', 'B1'],
    ]);
  });

  it('keeps a repeated 序号, trims cells and unifies line breaks inside them', () => {
    const grid = [HEADER, ['40', 'G', 'A', 'r1', 'u', 'd', ''], ['40\n', ' G ', 'A', '第一段\r\n第二段  ', 'u', 'd', '']];
    const { rows } = tasksFromGrid(grid);
    expect(rows.map((r) => r.number)).toEqual(['40', '40']);
    expect(rows[1]!.requirement).toBe('第一段\n第二段');
  });

  it('skips blank rows and header rows repeated on each page, keeping lines true to the source', () => {
    const grid = [HEADER, ['', '', '', '', '', '', ''], ['1', 'G', 'A', 'r1', 'u', 'd', ''], [' ', '\u3000'], HEADER, ['2', '', '', 'r2', 'u', 'd', '']];
    const { rows, problems } = tasksFromGrid(grid);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.number, r.group])).toEqual([[3, '1', 'G'], [6, '2', 'G']]);
  });

  it('keeps a row without a requirement or a unit and says so in Chinese', () => {
    const grid = [HEADER, ['1', 'G', 'A', '', '应急办', 'd', ''], ['2', 'G', 'A', 'r', '', 'd', ''], ['', '', '', '注：各单位每月报送', '', '', '']];
    const { rows, problems } = tasksFromGrid(grid);
    expect(rows).toHaveLength(3);
    expect(problems).toEqual(['第2行（序号1）：缺少工作要求', '第3行（序号2）：缺少责任单位', '第4行：缺少责任单位']);
  });

  it('reports a heading it does not know, since that column is not read', () => {
    const { problems } = tasksFromGrid([[...HEADER, '分管领导'], ['1', 'G', 'A', 'r', 'u', 'd', '', '张三']]);
    expect(problems).toEqual(['表头第8列“分管领导”不是可识别的列名，该列内容未读取']);
  });

  it('takes a row spanning the table as the group of the rows below it', () => {
    const grid = [HEADER, Array(7).fill('一、工作责任') as string[], ['1', '', 'A', 'r1', 'u', 'd', ''], ['2', '', 'A', 'r2', 'u', 'd', '']];
    const { rows, problems } = tasksFromGrid(grid);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.number, r.group])).toEqual([['1', '一、工作责任'], ['2', '一、工作责任']]);
  });

  it('reads a two-row heading: 责任单位 over 牵头单位 and 配合单位', () => {
    const grid = [
      ['序号', '专项行动', '工作要求', '责任单位', '责任单位', '时限要求'],
      ['序号', '专项行动', '工作要求', '牵头单位', '配合单位', '时限要求'],
      ['1', 'G', 'r', '应急办', '党政办', '月底'],
      // Repeated on the next page.
      ['序号', '专项行动', '工作要求', '责任单位', '责任单位', '时限要求'],
      ['序号', '专项行动', '工作要求', '牵头单位', '配合单位', '时限要求'],
      ['2', 'G', 'r2', '规建办', '', '月底'],
    ];
    const { rows, problems } = tasksFromGrid(grid);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 3, unitsText: '应急办', coUnitsText: '党政办', deadlineText: '月底' });
    expect(rows.map((r) => [r.line, r.requirement, r.unitsText])).toEqual([[3, 'r', '应急办'], [6, 'r2', '规建办']]);
  });

  it('says when there is no header, or nothing under it', () => {
    expect(tasksFromGrid([[TITLE], ['1', '学习', '应急办']])).toEqual({ rows: [], problems: [NO_HEADER_PROBLEM] });
    expect(tasksFromGrid([])).toEqual({ rows: [], problems: [NO_HEADER_PROBLEM] });
    expect(tasksFromGrid([HEADER, ['', '']])).toEqual({ rows: [], problems: [NO_ROWS_PROBLEM] });
  });
});

describe('tasksFromGrid: a unit self-check list', () => {
  const grid = [
    ['附件1', '', '', ''],
    ['自查重点事项清单', '', '', ''],
    ['检查事项', '具体内容', '落实情况', '备注'],
    ['一、工作责任', '1.抓好监管工作。', '', ''],
    ['', '2.制定责任清单。', '已制定', ''],
    ['二、隐患排查', '1.开展大排查。', '', '见台账'],
  ];

  it('takes 检查事项 as the group (carried down) and 具体内容 as the requirement, with no units', () => {
    const { rows, problems } = tasksFromGrid(grid);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.group, r.requirement, r.unitsText, r.progressText, r.note])).toEqual([
      [4, '一、工作责任', '1.抓好监管工作。', '', '', ''],
      [5, '一、工作责任', '2.制定责任清单。', '', '已制定', ''],
      [6, '二、隐患排查', '1.开展大排查。', '', '', '见台账'],
    ]);
  });

  it('names the list’s own heading when a content cell is missing', () => {
    const { problems } = tasksFromGrid([...grid, ['', '', '已完成', '']]);
    expect(problems).toEqual(['第7行：缺少具体内容']);
  });
});

describe('rowKey', () => {
  const row = { group: '一、属地党委政府责任强化行动', action: '1.树牢红线意识。', requirement: '（1）集中组织学习。' };

  it('ignores 序号, whitespace, full-width forms, leading enumerators and a final 。', () => {
    const same = [
      { ...row, requirement: '（2）集中组织学习' },
      { ...row, requirement: '(1) 集中组织\n学习。' },
      { ...row, action: '2．树牢红线意识。' },
      { ...row, group: '二、 属地党委政府责任强化行动' },
    ];
    for (const r of same) expect(rowKey(r)).toBe(rowKey(row));
    expect(rowKey(row)).toMatch(/^t1-[0-9a-f]{14}$/);
  });

  it('tells apart the same requirement under different actions, and different requirements', () => {
    expect(rowKey({ ...row, action: '2.全面动员部署。' })).not.toBe(rowKey(row));
    expect(rowKey({ ...row, requirement: '（1）集中组织培训。' })).not.toBe(rowKey(row));
    expect(rowKey({ group: 'ab', action: 'c', requirement: 'd' })).not.toBe(rowKey({ group: 'a', action: 'bc', requirement: 'd' }));
  });

  it('numbers identical rows in order so each keeps a key of its own', () => {
    const k = rowKey(row);
    expect(rowKeys([row, { ...row, requirement: '其他' }, row, row])).toEqual([k, rowKey({ ...row, requirement: '其他' }), `${k}#2`, `${k}#3`]);
  });

  it('normalises enumerators of every form the plans use', () => {
    expect(['（1）学习', '(1)学习', '（1)学习', '1.学习', '1．学习', '1、学习', '一、学习', '（一）学习'].map(normalizeForKey))
      .toEqual(Array(8).fill('学习'));
  });
});
