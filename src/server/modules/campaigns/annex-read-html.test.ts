import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { decodeEntities, gridOfTable, gridsFromHtml, parseHtml, tablesOf } from './annex-read-html.ts';

describe('gridsFromHtml', () => {
  it('expands rowspan and colspan so a merged cell’s text stands in every cell it covers', () => {
    const html = '<table><tr><td colspan="3"><p>标题</p></td></tr>'
      + '<tr><td>1</td><td rowspan="3"><p>一、属地</p></td><td rowspan="2">A1</td></tr>'
      + '<tr><td>2</td></tr>'
      + '<tr><td>3</td><td>A2</td></tr></table>';
    expect(gridsFromHtml(html)).toEqual([[
      ['标题', '标题', '标题'],
      ['1', '一、属地', 'A1'],
      ['2', '一、属地', 'A1'],
      ['3', '一、属地', 'A2'],
    ]]);
  });

  it('joins a cell’s paragraphs and line breaks with \\n and collapses HTML whitespace', () => {
    const html = '<table><tr><td><p>第一段</p><p>  第二  段 </p><p></p>第三<br />第四<br>第五</td><td><strong>粗</strong><em>斜</em></td></tr></table>';
    expect(gridsFromHtml(html)).toEqual([[['第一段\n第二 段\n第三\n第四\n第五', '粗斜']]]);
  });

  it('decodes entities in text and attributes', () => {
    expect(decodeEntities('&lt;a&gt; &amp; &quot;b&quot; &#8220;c&#x201D; &nbsp;&unknown;')).toBe('<a> & "b" “c”  &unknown;');
    expect(gridsFromHtml('<table><tr><td colspan=\'2\'>A&amp;B</td></tr></table>')).toEqual([[['A&B', 'A&B']]]);
  });

  it('reads header rows in <thead>/<th> and rows in <tbody>, as mammoth writes them', () => {
    const html = '<table><thead><tr><th><p>序号</p></th><th><p>工作要求</p></th></tr></thead><tbody><tr><td><p>1</p></td><td><p>学习</p></td></tr></tbody></table>';
    expect(gridsFromHtml(html)).toEqual([[['序号', '工作要求'], ['1', '学习']]]);
  });

  it('tolerates clipboard HTML: comments, conditionals, unquoted attributes, unclosed cells and rows, styles', () => {
    const html = `<html><head><style>td { color: red } a<b</style></head><body><!--StartFragment-->
      <table border=0 cellpadding=0>
       <col width=72>
       <tr height=19><td class=xl65 rowspan=2>一、工作责任<td>1.抓好监管<br style='mso-data-placement:same-cell;'>第二行
       <tr><td>2.制定清单
      </table><![if supportMisc]><p>after</p><![endif]><!--EndFragment--></body></html>`;
    expect(gridsFromHtml(html)).toEqual([[['一、工作责任', '1.抓好监管\n第二行'], ['一、工作责任', '2.制定清单']]]);
  });

  it('keeps a table nested in a cell as that cell’s text, and reads tables in document order', () => {
    const html = '<p>x</p><table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td><td>b</td></tr></table><table><tr><td>second</td></tr></table>';
    const tables = tablesOf(parseHtml(html));
    expect(tables).toHaveLength(2);
    expect(gridOfTable(tables[0]!)).toEqual([['外\n内1\n内2', 'b']]);
    expect(gridOfTable(tables[1]!)).toEqual([['second']]);
  });

  it('pads ragged rows, ignores a stray end tag inside a table, and reads "<" in text as text', () => {
    const html = '<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>1 < 2</span></td></tr></table>';
    expect(gridsFromHtml(html)).toEqual([[['a', 'b', 'c'], ['1 < 2', '', '']]]);
  });

  it('bounds rowspan by the table and refuses a table past the annex bounds', () => {
    expect(gridsFromHtml('<table><tr><td rowspan="99999">a</td></tr><tr></tr></table>')).toEqual([[['a'], ['a']]]);
    const wide = `<table><tr><td colspan="5000">a</td></tr></table>`;
    expect(() => gridsFromHtml(wide)).toThrow(AppError);
    const long = `<table>${'<tr><td>a</td></tr>'.repeat(2001)}</table>`;
    expect(() => gridsFromHtml(long)).toThrow(/表格行数过多（超过 2000 行）/);
  });
});
