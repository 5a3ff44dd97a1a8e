// Seed 000's real annex (47 rows, "40" twice, 专项行动 and 行动任务 merged) written as Excel and Word
// write it, read back by each reader and turned into rows; seed 003's self-check list pasted as
// text; and seed 000's 责任单位 column matched to a township's units.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { annexDocx, annexXlsx } from '../../../cli/demo/annex-files.ts';
import { DASHENG_SELF_CHECK } from '../../../cli/demo/data/dasheng-self-check.ts';
import { type AnnexTaskSeed, LIN_E_2023_ANNEX, LIN_E_2023_ANNEX_TITLE } from '../../../cli/demo/data/lin-e-2023-annex.ts';
import { type AnnexRow, rowKey, tasksFromGrid } from '../../../domain/campaigns/task-table.ts';
import { type UnitRef, matchUnits } from '../../../domain/campaigns/unit-match.ts';
import { gridFromDocx, gridFromPastedText, gridFromXlsx } from './annex-read.ts';

const HEADINGS = ['序号', '专项行动', '行动任务', '工作要求', '责任单位', '时限要求', '工作落实情况'];

/** Seed 000's rows as tasksFromGrid returns them, the first on line `first` of the source grid. */
const expected = (first: number) => LIN_E_2023_ANNEX.map((r, i): AnnexRow => ({
  line: first + i, number: r.number, group: r.group, action: r.action, requirement: r.requirement,
  unitsText: r.units, coUnitsText: '', deadlineText: r.deadline, progressText: '', note: '',
}));

/** Spot checks written out from the plan itself, not from the data file under test. */
function expectSeedRows(rows: AnnexRow[]) {
  expect(rows).toHaveLength(47);
  expect(rows.filter((r) => r.number === '40')).toHaveLength(2);
  expect(rows.map((r) => r.number)).toEqual([...Array.from({ length: 40 }, (_, i) => String(i + 1)), '40', '41', '42', '43', '44', '45', '46']);
  const at = (i: number) => rows[i]!;
  expect(at(1)).toMatchObject({ number: '2', group: '一、属地党委政府责任强化行动', requirement: '（2）专题学习安全生产“十五条硬措施”。', unitsText: '党政办、应急办', deadlineText: '2023年7月30日前' });
  expect(at(1).action).toMatch(/^1\.树牢红线意识。/);
  expect(at(9)).toMatchObject({ number: '10', group: '一、属地党委政府责任强化行动', unitsText: '党群办、应急办', deadlineText: '2023年11月30日前' });
  expect(at(9).action).toMatch(/^4．强化工作保障。/);
  expect(at(9).requirement).toMatch(/^（4）加强应急管理基层基础建设/);
  expect(at(39)).toMatchObject({ number: '40', group: '四、火灾防控“除险清患”行动', deadlineText: '每月' });
  expect(at(39).action).toMatch(/^3．突出问题大执法。/);
  expect(at(40)).toMatchObject({ number: '40', group: '五、“三大作业”集中排查整治行动', requirement: '（1）督促指导企业对照自查自改。', unitsText: '各相关科室', deadlineText: '2023年7月30日前' });
  expect(at(40).action).toMatch(/^1．明确整治重点。/);
  expect(at(46)).toMatchObject({ number: '46', group: '五、“三大作业”集中排查整治行动', requirement: '（2）指导企业，结合实际建立检维修作业工作指导书，明确作业前、作业中、作业后安全管理要求。', deadlineText: '2023年8月30日前' });
  expect(at(46).action).toMatch(/^3．加强过程管控。/);
  expect(rows.every((r) => r.deadlineText !== '' && r.unitsText !== '' && r.group !== '' && r.action !== '')).toBe(true);
  expect(new Set(rows.map((r) => r.group)).size).toBe(5);
  expect(new Set(rows.map((r) => `${r.group}|${r.action}`)).size).toBe(18);
}

/** The annex as Excel puts it on the clipboard: a merged cell's text in its first row, blanks below. */
function pastedTsv(rows: readonly AnnexTaskSeed[]): string {
  const quote = (s: string) => (/[\t\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [LIN_E_2023_ANNEX_TITLE, HEADINGS.join('\t')];
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    const group = prev?.group === r.group ? '' : r.group;
    const action = prev?.group === r.group && prev.action === r.action ? '' : r.action;
    lines.push([r.number, group, action, r.requirement, r.units, r.deadline, ''].map(quote).join('\t'));
  });
  return `${lines.join('\r\n')}\r\n`;
}

describe('seed 000 附件1 through each reader', () => {
  it('xlsx: annexXlsx merges the cells as the township does, and gridFromXlsx → tasksFromGrid reads all 47 rows', async () => {
    const buf = await annexXlsx(LIN_E_2023_ANNEX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const merges = (wb.worksheets[0]!.model as unknown as { merges: string[] }).merges;
    // The title; the five 专项行动; the 15 行动任务 of more than one row (3.强化宣传力度, 4．强化工作保障
    // and 3．突出问题大执法 have one row each).
    expect(merges).toHaveLength(1 + 5 + 15);
    expect(merges).toEqual(expect.arrayContaining(['A1:G1', 'B3:B12', 'B36:B42', 'B43:B49', 'C3:C4', 'C5:C10', 'C39:C41', 'C43:C44', 'C48:C49']));

    const { rows, problems } = tasksFromGrid(await gridFromXlsx(buf));
    expect(problems).toEqual([]);
    expectSeedRows(rows);
    expect(rows).toEqual(expected(3)); // title, header, then the tasks
  });

  it('docx: annexDocx writes w:vMerge, mammoth reads rowspans, and gridFromDocx → tasksFromGrid reads all 47 rows', async () => {
    const buf = await annexDocx(LIN_E_2023_ANNEX);
    const html = (await mammoth.convertToHtml({ buffer: buf })).value;
    expect(html).toContain('<td rowspan="10"><p>一、属地党委政府责任强化行动</p></td>');
    expect(html.match(/rowspan="/g)).toHaveLength(5 + 15);

    const { rows, problems } = tasksFromGrid(await gridFromDocx(buf));
    expect(problems).toEqual([]);
    expectSeedRows(rows);
    expect(rows).toEqual(expected(2)); // the title is a paragraph above the table: lines count table rows
  });

  it('pasted text: merged columns blank below their first row are carried down', () => {
    const { rows, problems } = tasksFromGrid(gridFromPastedText(pastedTsv(LIN_E_2023_ANNEX)));
    expect(problems).toEqual([]);
    expectSeedRows(rows);
    expect(rows).toEqual(expected(3));
  });

  it('gives each row a key of its own, the same whichever reader read it', async () => {
    const fromXlsx = tasksFromGrid(await gridFromXlsx(await annexXlsx(LIN_E_2023_ANNEX))).rows.map(rowKey);
    const fromText = tasksFromGrid(gridFromPastedText(pastedTsv(LIN_E_2023_ANNEX))).rows.map(rowKey);
    expect(new Set(fromXlsx).size).toBe(47);
    expect(fromText).toEqual(fromXlsx);
  });
});

describe('seed 003 附件1 自查重点事项清单', () => {
  it('reads 15 items in four groups, the merged 检查事项 carried down, with no units', () => {
    const lines = ['附件1', '自查重点事项清单', '检查事项\t具体内容\t落实情况\t备注'];
    DASHENG_SELF_CHECK.forEach((item, i) => {
      lines.push([DASHENG_SELF_CHECK[i - 1]?.group === item.group ? '' : item.group, item.content, '', ''].join('\t'));
    });
    const { rows, problems } = tasksFromGrid(gridFromPastedText(lines.join('\n')));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(15);
    expect(rows.map((r) => r.group)).toEqual([
      ...Array(6).fill('一、工作责任'), ...Array(3).fill('二、隐患排查'), ...Array(2).fill('三、问题整改'), ...Array(4).fill('四、执法处罚'),
    ]);
    expect(rows[0]!.requirement).toBe('1.抓好辖区内生产经营单位的安全生产监管工作，特别对小微企业、九小场所开展监管执法。');
    expect(rows[14]!.requirement).toBe('4.持续提升执法检查强度、问题查找强度、经济处罚强度。');
    expect(rows.every((r) => r.unitsText === '' && r.action === '')).toBe(true);
  });
});

describe('seed 000 责任单位 matched to a township’s units', () => {
  const units: UnitRef[] = [
    { id: 'dzb', name: '党政办公室', kind: 'department' },
    { id: 'yjb', name: '应急办', kind: 'department' },
    { id: 'dqb', name: '党群办', kind: 'department' },
    { id: 'gjb', name: '规建办', kind: 'department' },
    { id: 'czs', name: '财政所', kind: 'department' },
    { id: 'nfz', name: '农业服务中心', kind: 'department' },
    { id: 'v1', name: '邻鄂村', kind: 'village' },
    { id: 'v2', name: '石钟村', kind: 'village' },
    { id: 'v3', name: '邻鄂社区', kind: 'village' },
    { id: 'town', name: '邻鄂镇', kind: 'township' },
  ];
  const aliases = [{ alias: '党政办', unitId: 'dzb' }];

  it('leaves nothing unmatched', () => {
    for (const row of LIN_E_2023_ANNEX) expect(matchUnits(row.units, units, aliases).unmatched, row.units).toEqual([]);
  });

  it('gives each distinct 责任单位 the units meant', () => {
    const of = (text: string) => matchUnits(text, units, aliases).tokens.map((t) => [t.token, t.via, t.unitIds]);
    expect([...new Set(LIN_E_2023_ANNEX.map((r) => r.units))].sort()).toEqual(
      ['党政办、应急办', '党群办、应急办', '各相关科室', '应急办', '应急办、各村（居）', '应急办、规建办'].sort(),
    );
    // "党政办" is 党政办公室 by its suffix already; the alias would take it otherwise.
    expect(of('党政办、应急办')).toEqual([['党政办', 'name', ['dzb']], ['应急办', 'name', ['yjb']]]);
    expect(matchUnits('党政办', units.map((u) => (u.id === 'dzb' ? { ...u, name: '镇党政综合办' } : u)), aliases).tokens)
      .toEqual([{ token: '党政办', unitIds: ['dzb'], via: 'alias' }]);
    expect(of('应急办、各村（居）')).toEqual([['应急办', 'name', ['yjb']], ['各村（居）', 'set', ['v1', 'v2', 'v3']]]);
    expect(of('各相关科室')).toEqual([['各相关科室', 'set', ['dzb', 'yjb', 'dqb', 'gjb', 'czs', 'nfz']]]);
    expect(of('应急办、规建办')).toEqual([['应急办', 'name', ['yjb']], ['规建办', 'name', ['gjb']]]);
  });
});
