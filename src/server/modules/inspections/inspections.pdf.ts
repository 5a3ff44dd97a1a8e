// 现场检查记录: the completed inspection as one A4 HTML page (everything escaped, photos inline
// as data URIs), printed to PDF by the shared Chromium printer.
import type { TInspectionDetail } from '../../../contract/inspections.ts';
import { answerLabelsOf, itemQuestion, itemsOf } from '../../../domain/checklists/checklist.ts';
import { HAZARD_LEVEL_LABELS } from '../../../domain/hazards/hazard-machine.ts';
import { INSPECTION_METHOD_TAG_LABELS, INSPECTION_TYPE_LABELS, isSelfInspection } from '../../../domain/inspections/inspection-rules.ts';
import type { AppContext } from '../../context.ts';
import type { PdfPrinter } from '../../http/pdf-printer.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { storageOf } from '../files/index.ts';
import { detailOf, loadInScope } from './inspections.service.ts';
import { loadState } from './inspections.state.ts';
import { esc } from '../../http/html-escape.ts';

/** Shanghai wall-clock time of an ISO instant, to the minute. */
const at = (iso: string | null): string => {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
};

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

const STYLE = `
  @page { size: A4; }
  body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10.5pt; color: #000; margin: 0; }
  h1 { text-align: center; font-size: 18pt; margin: 0 0 4mm; letter-spacing: 2pt; }
  .no { text-align: right; font-size: 9pt; margin-bottom: 3mm; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
  th, td { border: 0.5pt solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
  th { background: #f0f0f0; font-weight: bold; white-space: nowrap; }
  .items td.r { white-space: nowrap; width: 14mm; text-align: center; }
  .group td { background: #fafafa; font-weight: bold; }
  .photos img { width: 32mm; height: 24mm; object-fit: cover; margin: 1mm 1mm 0 0; border: 0.5pt solid #999; }
  .muted { color: #555; font-size: 9pt; }
  .hash { font-family: monospace; font-size: 8pt; word-break: break-all; }
  tr { page-break-inside: avoid; }
`;

export function inspectionRecordHtml(d: TInspectionDetail, photoData: ReadonlyMap<string, string>): string {
  const answers = new Map(d.answers.map((a) => [a.itemKey, a]));
  const items = itemsOf(d.template);
  let group = '';
  const rows: string[] = [];
  items.forEach((item, n) => {
    if (item.groupTitle !== group) {
      group = item.groupTitle;
      rows.push(`<tr class="group"><td colspan="4">${esc(group)}</td></tr>`);
    }
    const a = answers.get(item.key);
    // The item's own question and answer words: "是否存在“…”的情形？ 否", never a finding marked 符合.
    const value = !a ? '' : a.result ? answerLabelsOf(item)[a.result] : a.number !== null ? `${a.number}${item.unit ?? ''}` : (a.text ?? '');
    const photos = (a?.photos ?? []).map((p) => (photoData.has(p.id) ? `<img src="${photoData.get(p.id)!}" alt="">` : '')).join('');
    const hazard = a?.hazard ? `<div>隐患：${esc(a.hazard.number)}（${esc(HAZARD_LEVEL_LABELS[a.hazard.level])}）</div>` : '';
    rows.push(
      `<tr><td class="r">${n + 1}</td><td>${esc(itemQuestion(item))}${item.howToCheck ? `<div class="muted">${esc(item.howToCheck)}</div>` : ''}</td>` +
        `<td class="r">${esc(value)}</td><td>${esc(a?.comment ?? '')}${hazard}${photos ? `<div class="photos">${photos}</div>` : ''}</td></tr>`,
    );
  });
  const inspectors = d.inspectors
    .map((i) => `${esc(i.name)}${i.certificateNo ? `（执法证号 ${esc(i.certificateNo)}）` : ''}`)
    .join('、');
  const signatures = d.inspectors.map((i) => `<tr><th>检查人员签名</th><td>${esc(i.name)}</td><th>签名时间</th><td>${esc(at(i.signedAt))}</td></tr>`).join('');
  const rep = d.representative;
  const repRow = isSelfInspection(d.type) || !rep
    ? ''
    : rep.name
      ? `<tr><th>被检查单位负责人</th><td>${esc(rep.name)}</td><th>签名时间</th><td>${esc(at(rep.signedAt))}</td></tr>`
      : `<tr><th>被检查单位拒签</th><td>${esc(rep.refusalNote ?? '')}</td><th>记录时间</th><td>${esc(at(rep.signedAt))}</td></tr>`;
  const hazards = items.flatMap((item) => answers.get(item.key)?.hazard ?? []).map((h) => esc(h.number)).join('、');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.number)}</title><style>${STYLE}</style></head><body>
<h1>现场检查记录</h1>
<div class="no">编号：${esc(d.number)}</div>
<table>
<tr><th>检查类型</th><td>${esc(INSPECTION_TYPE_LABELS[d.type])}</td><th>检查方式</th><td>${esc(d.methodTags.map((t) => INSPECTION_METHOD_TAG_LABELS[t]).join('、') || '—')}</td></tr>
<tr><th>被检查单位</th><td colspan="3">${esc(d.enterpriseName)}</td></tr>
<tr><th>地址</th><td colspan="3">${esc(d.enterpriseAddress)}${d.location ? `（检查地点：${esc(d.location)}）` : ''}</td></tr>
<tr><th>检查日期</th><td>${esc(d.inspectedOn)}</td><th>检查单位</th><td>${esc(d.unitName)}</td></tr>
<tr><th>检查人员</th><td colspan="3">${inspectors}</td></tr>
<tr><th>检查表</th><td colspan="3">${esc(d.template.name)}（第${esc(d.template.version)}版）</td></tr>
</table>
<table class="items"><tr><th>序号</th><th style="width:52%">检查内容</th><th>结果</th><th style="width:34%">检查情况</th></tr>${rows.join('')}</table>
<table>
<tr><th>发现隐患</th><td colspan="3">${hazards ? `${d.hazardCount}项：${hazards}` : '未发现隐患'}</td></tr>
<tr><th>检查小结</th><td colspan="3">${esc(d.summary ?? '')}</td></tr>
${signatures}${repRow}
<tr><th>记录校验码</th><td colspan="3" class="hash">SHA-256 ${esc(d.signatureHash ?? '')}</td></tr>
</table>
</body></html>`;
}

export async function inspectionRecordPdf(ctx: AppContext, printer: PdfPrinter, actor: Actor, id: string): Promise<{ number: string; pdf: Buffer }> {
  const listRow = await loadInScope(ctx.db, actor, id);
  if (listRow.i.status !== 'completed') throw new AppError('CONFLICT', '检查完成并签名后才能生成现场检查记录');
  const [detail, state] = await Promise.all([detailOf(ctx.db, actor, listRow), loadState(ctx.db, listRow)]);
  const storage = storageOf(ctx);
  const photoData = new Map<string, string>();
  for (const f of [...state.photos.values()].flat()) {
    const bytes = await readAll(await storage.open(f.storageKey)).catch(() => null);
    if (bytes) photoData.set(f.id, `data:${f.mime};base64,${bytes.toString('base64')}`);
  }
  return { number: detail.number, pdf: await printer.print(inspectionRecordHtml(detail, photoData)) };
}
