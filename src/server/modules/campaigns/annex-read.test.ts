// The readers on files made here; seed 000's whole annex through each reader is annex-read-seed.test.ts.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { annexDocx } from '../../../cli/demo/annex-files.ts';
import { LIN_E_2023_ANNEX } from '../../../cli/demo/data/lin-e-2023-annex.ts';
import { AppError } from '../../http/errors.ts';
import { gridFromDocx, gridFromPastedText, gridFromXlsx } from './annex-read.ts';

const HEADER = ['序号', '专项行动', '工作要求', '责任单位'];

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('gridFromXlsx', () => {
  it('fills merged ranges with the master’s text and reads rich text, formulas and links as plain text', async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet('清单');
      ws.mergeCells('A1:D1');
      ws.getCell('A1').value = '工作清单';
      ws.addRow(HEADER);
      ws.addRow(['1', '一、属地', { richText: [{ text: '（1）集中', font: { bold: true } }, { text: '学习\n第二行' }] }, { formula: '"应"&"急办"', result: '应急办' }]);
      ws.addRow(['2', null, { text: '（2）专题学习', hyperlink: 'https://example.org' }, '党政办']);
      ws.mergeCells('B3:B4');
      // Formatting far below the data adds no rows.
      ws.getCell('A50').border = { top: { style: 'thin' } };
    });
    expect(await gridFromXlsx(buf)).toEqual([
      ['工作清单', '工作清单', '工作清单', '工作清单'],
      HEADER,
      ['1', '一、属地', '（1）集中学习\n第二行', '应急办'],
      ['2', '一、属地', '（2）专题学习', '党政办'],
    ]);
  });

  it('reads the first visible sheet with a header row, else the first visible sheet', async () => {
    const buf = await xlsx((wb) => {
      wb.addWorksheet('隐藏').addRow(HEADER);
      wb.getWorksheet('隐藏')!.state = 'hidden';
      wb.addWorksheet('说明').addRow(['填表说明']);
      const ws = wb.addWorksheet('清单');
      ws.addRow(HEADER);
      ws.addRow(['1', 'G', 'r', 'u']);
    });
    expect(await gridFromXlsx(buf)).toEqual([HEADER, ['1', 'G', 'r', 'u']]);
    const none = await xlsx((wb) => {
      wb.addWorksheet('说明').addRow(['填表说明', '']);
      wb.addWorksheet('其他').addRow(['x']);
    });
    expect(await gridFromXlsx(none)).toEqual([['填表说明']]);
  });

  it('refuses a file over 5 MB, a file that is not .xlsx, and a sheet over 2,000 rows', async () => {
    const big = await refusal(gridFromXlsx(Buffer.alloc(5 * 1024 * 1024 + 1)));
    expect([big.code, big.userMessage]).toEqual(['PAYLOAD_TOO_LARGE', '文件过大，不能超过 5 MB']);
    expect((await refusal(gridFromXlsx(Buffer.from('序号\t工作要求')))).code).toBe('UNSUPPORTED_FILE');
    const long = await xlsx((wb) => {
      const ws = wb.addWorksheet('清单');
      ws.addRow(HEADER);
      for (let i = 1; i <= 2000; i++) ws.addRow([String(i), 'G', 'r', 'u']);
    });
    const e = await refusal(gridFromXlsx(long));
    expect([e.code, e.userMessage]).toEqual(['VALIDATION', '表格行数过多（超过 2000 行），请拆分后分批导入']);
  });
});

/** A Word document with a table of its own inserted before (or instead of) the annex table. */
async function docxWithTableFirst(keepAnnex: boolean): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await annexDocx(LIN_E_2023_ANNEX.slice(0, 2)));
  const xml = await zip.file('word/document.xml')!.async('string');
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const small = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>${cell('文号')}${cell('邻鄂府发〔2023〕58号')}</w:tr></w:tbl><w:p/>`;
  const body = keepAnnex ? xml.replace('<w:tbl>', `${small}<w:tbl>`) : xml.replace(/<w:tbl>.*<\/w:tbl>/s, small);
  zip.file('word/document.xml', body);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('gridFromDocx', () => {
  it('reads the first table with a header row, else the first table', async () => {
    const grid = await gridFromDocx(await docxWithTableFirst(true));
    expect(grid[0]).toEqual(['序号', '专项行动', '行动任务', '工作要求', '责任单位', '时限要求', '工作落实情况']);
    expect(grid.map((r) => r[0])).toEqual(['序号', '1', '2']);
    expect(await gridFromDocx(await docxWithTableFirst(false))).toEqual([['文号', '邻鄂府发〔2023〕58号']]);
  });

  it('refuses an old .doc, a file that is not a .docx, and one over 5 MB, in Chinese', async () => {
    const doc = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(gridFromDocx(doc))).userMessage).toBe('不支持旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后上传');
    expect((await refusal(gridFromDocx(Buffer.from('hello')))).userMessage).toBe('请上传 .docx 格式的 Word 文件');
    const zip = new JSZip();
    zip.file('a.txt', 'not word');
    const notWord = await refusal(gridFromDocx(await zip.generateAsync({ type: 'nodebuffer' })));
    expect([notWord.code, notWord.userMessage]).toEqual(['UNSUPPORTED_FILE', '无法读取该文件，请确认是 .docx 格式的 Word 文件']);
    expect((await refusal(gridFromDocx(Buffer.alloc(5 * 1024 * 1024 + 1)))).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('gridFromPastedText', () => {
  it('reads rows by line and cells by tab, keeping blank cells', () => {
    expect(gridFromPastedText('序号\t工作要求\t责任单位\r\n1\t学习\t\r\n2\t\t应急办\r\n')).toEqual([
      ['序号', '工作要求', '责任单位'], ['1', '学习', ''], ['2', '', '应急办'],
    ]);
    expect(gridFromPastedText('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(gridFromPastedText('')).toEqual([]);
  });

  it('reads Excel’s quoted cells: line breaks inside, doubled quotes', () => {
    const text = '1\t"第一行\n第二行"\t"他说""好"""\n2\t"a\r\nb"\tc\n';
    expect(gridFromPastedText(text)).toEqual([['1', '第一行\n第二行', '他说"好"'], ['2', 'a\nb', 'c']]);
  });

  it('reads a quote that closes no cell as text (Word does not quote)', () => {
    expect(gridFromPastedText('"两单两卡"工作\t应急办\n"未闭合\t x')).toEqual([['"两单两卡"工作', '应急办'], ['"未闭合', ' x']]);
  });

  it('refuses more than 5 MB or 2,000 rows', async () => {
    expect((await refusal(() => gridFromPastedText('中'.repeat(1_800_000)))).userMessage).toBe('粘贴的内容过大，不能超过 5 MB');
    expect((await refusal(() => gridFromPastedText('a\n'.repeat(2001)))).code).toBe('VALIDATION');
    expect(gridFromPastedText('a\n'.repeat(2000))).toHaveLength(2000);
  });
});
