// A township's own form as a hand-made .xlsx, for the tests: a merged title, merged two-level
// headings with borders and fonts, print settings, and a text box (填表说明). exceljs writes the
// sheet; it cannot write a text box, so the drawing part, its relationship and its content type
// are added with jszip, as Excel itself would write them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const TEXT_BOX_TEXT = '填表说明：数据截至每月月底，金额以万元计';

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="TextBox 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></xdr:spPr><xdr:txBody><a:bodyPr wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-CN" altLang="en-US" sz="1100"/><a:t>${TEXT_BOX_TEXT}</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const DRAWING_REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';

/** Adds a text box drawing to the first sheet of an exceljs workbook's bytes. */
export async function withTextBox(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file('xl/drawings/drawing1.xml', DRAWING);
  const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const rel = `<Relationship Id="rIdTextBox1" Type="${DRAWING_REL_TYPE}" Target="../drawings/drawing1.xml"/>`;
  const rels = await zip.file(relsPath)?.async('string');
  zip.file(relsPath, rels
    ? rels.replace('</Relationships>', `${rel}</Relationships>`)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`);
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  // <drawing> follows pageMargins/pageSetup/headerFooter and precedes legacyDrawing and tableParts
  const at = sheet.search(/<(legacyDrawing|tableParts|extLst)\b|<\/worksheet>/);
  zip.file('xl/worksheets/sheet1.xml', `${sheet.slice(0, at)}<drawing r:id="rIdTextBox1"/>${sheet.slice(at)}`);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CENTER = { vertical: 'middle' as const, horizontal: 'center' as const, wrapText: true };

function sheetOf(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet('调度表', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = '某镇安全生产大排查情况调度表';
  ws.getCell('A1').font = { name: '宋体', size: 16, bold: true };
  ws.getCell('A1').alignment = CENTER;
  const heads: [string, string][] = [['A3', '填报单位'], ['B3', '隐患排查'], ['D3', '执法'], ['B4', '排查（条）'], ['C4', '已整改（条）'], ['D4', '罚款（万元）'], ['E4', '是否召开专题会']];
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:C3');
  ws.mergeCells('D3:E3');
  for (const [a, text] of heads) ws.getCell(a).value = text;
  for (let r = 3; r <= 4; r++) for (let c = 1; c <= 5; c++) Object.assign(ws.getCell(r, c), { border: BORDER, alignment: CENTER, font: { name: '宋体', size: 11, bold: true } });
  ws.getColumn(1).width = 16;
  for (let c = 2; c <= 5; c++) ws.getColumn(c).width = 12;
  return ws;
}

/** A sheet form: one unit's figures in row 5 (A5 its name), notes merged under it. */
export async function ownSheetForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheetOf(wb);
  for (let c = 1; c <= 5; c++) Object.assign(ws.getCell(5, c), { border: BORDER, alignment: CENTER, font: { name: '宋体', size: 11 } });
  ws.getRow(5).height = 24;
  ws.mergeCells('A6:E6');
  ws.getCell('A6').value = '注：每月28日前报送。';
  return withTextBox(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * A grid form: `drawn` unit rows from row 5, a 合计 row under them (B sums its column by formula,
 * the others are blank), notes merged under it, a print area over the table.
 */
export async function ownGridForm(drawn = 2): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheetOf(wb);
  const total = 5 + drawn;
  for (let r = 5; r <= total; r++) {
    for (let c = 1; c <= 5; c++) Object.assign(ws.getCell(r, c), { border: BORDER, alignment: CENTER, font: { name: '宋体', size: 11 } });
    ws.getRow(r).height = 24;
  }
  ws.getCell(`A${total}`).value = '合计';
  ws.getCell(`A${total}`).font = { name: '宋体', size: 11, bold: true };
  ws.getCell(`B${total}`).value = { formula: `SUM(B5:B${total - 1})` } as ExcelJS.CellFormulaValue;
  ws.mergeCells(`A${total + 1}:E${total + 1}`);
  ws.getCell(`A${total + 1}`).value = '注：每月28日前报送。';
  ws.pageSetup.printArea = `A1:E${total + 1}`;
  return withTextBox(Buffer.from(await wb.xlsx.writeBuffer()));
}
