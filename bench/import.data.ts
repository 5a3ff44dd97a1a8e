// The files of `npm run bench:import`: a 市场监管-style registry of enterprises and a township's own
// hazard ledger, written with exceljs's streaming writer (shared strings, as Excel writes them), and
// the same rows as CSV for the limit (PostgreSQL COPY into the same table).
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../src/domain/enterprises/uscc.ts';

export const REGISTRY_HEADERS = ['序号', '企业名称', '统一社会信用代码', '法定代表人', '企业类型', '住所', '登记状态', '联系电话'];
export const LEDGER_HEADERS = ['序号', '企业名称', '隐患内容', '隐患位置', '所属行业', '隐患级别', '隐患来源', '排查日期', '整改状态', '整改时限'];

// No 注销: the import creates no unit for a company deregistered before it was ever registered here,
// and every one of the 100,000 rows is to be created beside COPY of as many.
const STATES = ['存续', '在业', '存续（在营、开业、在册）', '歇业', '吊销，未注销'];
const KINDS = ['有限责任公司（自然人投资或控股）', '个体工商户', '股份有限公司', '农民专业合作社'];
const FAMILY = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张';

/** A valid USCC numbered i (91 or 92 + a county code + i). */
export function usccOf(i: number, soleTrader: boolean): string {
  const first17 = `${soleTrader ? '92' : '91'}500115${String(i).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17)!;
}

export interface EnterpriseSpec {
  name: string;
  uscc: string;
  principal: string;
  kindText: string;
  address: string;
  state: string;
  phone: string;
  village: number;
}

export function enterpriseSpec(i: number, villages: string[]): EnterpriseSpec {
  const kindText = KINDS[i % KINDS.length]!;
  const village = i % villages.length;
  return {
    name: `积翠${villages[village]}第${i + 1}号${kindText === '个体工商户' ? '商店' : '实业有限公司'}`,
    uscc: usccOf(i + 1, kindText === '个体工商户'),
    principal: `${FAMILY[i % FAMILY.length]}${FAMILY[(i * 7) % FAMILY.length]}${i % 10}`,
    kindText,
    address: `重庆市积翠镇${villages[village]}${(i % 12) + 1}组${i % 97}号`,
    state: STATES[i % STATES.length]!,
    phone: `139${String(i).padStart(8, '0')}`,
    village,
  };
}

async function writeSheet(file: string, sheet: string, headers: string[], rows: number, row: (i: number) => unknown[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

export function writeRegistry(file: string, rows: number, villages: string[]): Promise<void> {
  return writeSheet(file, '企业登记信息', REGISTRY_HEADERS, rows, (i) => {
    const e = enterpriseSpec(i, villages);
    return [i + 1, e.name, e.uscc, e.principal, e.kindText, e.address, e.state, e.phone];
  });
}

export interface HazardSpec {
  enterprise: string;
  description: string;
  location: string;
  level: string;
  source: string;
  foundOn: string;
}

export function hazardSpec(i: number, enterprises: number, villages: string[]): HazardSpec {
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 360) * 86_400_000).toISOString().slice(0, 10);
  return {
    enterprise: enterpriseSpec(i % enterprises, villages).name,
    description: `${['灭火器过期未检', '安全出口堵塞', '电气线路私拉乱接', '未设置安全警示标志', '特种作业人员无证上岗'][i % 5]}（第${i + 1}项）`,
    location: ['生产车间', '仓库', '配电房', '办公区'][i % 4]!,
    level: '一般',
    source: ['村居排查', '企业自查', '安监站检查', '群众举报'][i % 4]!,
    foundOn: day,
  };
}

export function writeLedger(file: string, rows: number, enterprises: number, villages: string[]): Promise<void> {
  return writeSheet(file, '隐患排查整改台账', LEDGER_HEADERS, rows, (i) => {
    const h = hazardSpec(i, enterprises, villages);
    return [i + 1, h.enterprise, h.description, h.location, '工贸', h.level, h.source, h.foundOn, '未整改', '2025-06-30'];
  });
}

/** CSV of rows (quoted where needed), written in one pass. */
export function writeCsv(file: string, rows: number, row: (i: number) => (string | number | null)[]): void {
  const fd = fs.openSync(file, 'w', 0o644);
  const q = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += `${row(i).map(q).join(',')}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}
