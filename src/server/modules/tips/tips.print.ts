// What is printed: the reporter's receipt (code, time, summary; people who lose the code lose the
// report) and the office's QR poster per township (PNG, or an A4 PDF to put up). Both are HTML
// through the one shared Chromium printer; the QR code is drawn by the qrcode library.
import QRCode from 'qrcode';
import { and, eq } from 'drizzle-orm';
import type { TPublicReportView } from '../../../contract/tips.ts';
import { TIP_STATE_LABELS } from '../../../domain/tips/tip-workflow.ts';
import { shanghaiDateTime } from '../../../domain/common/dates.ts';
import { formatCode, normalizeCode } from '../../../domain/tips/tracking-code.ts';
import type { AppContext } from '../../context.ts';
import { orgUnits } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { esc } from '../../http/html-escape.ts';
import type { PdfPrinter } from '../../http/pdf-printer.ts';

const PAGE_STYLE = `<style>body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",sans-serif;color:#1f1f1f}h1{font-size:22pt;margin:0 0 12pt}
table{border-collapse:collapse;width:100%;font-size:12pt}td{border:1px solid #999;padding:6pt 8pt;vertical-align:top}td.k{width:28%;background:#f5f5f5}
.code{font-family:"DejaVu Sans Mono",monospace;font-size:18pt;letter-spacing:1pt}.note{font-size:10.5pt;color:#555;margin-top:12pt;line-height:1.6}</style>`;


export async function printReceipt(printer: PdfPrinter, raw: string, view: TPublicReportView): Promise<Buffer> {
  const code = formatCode(normalizeCode(raw) ?? raw);
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${PAGE_STYLE}</head><body>
<h1>安全生产举报回执</h1>
<table><tr><td class="k">查询码</td><td class="code">${esc(code)}</td></tr>
<tr><td class="k">提交时间</td><td>${esc(shanghaiDateTime(new Date(view.submittedAt)))}</td></tr>
<tr><td class="k">受理镇街</td><td>${esc(view.townshipName)}</td></tr>
<tr><td class="k">举报内容摘要</td><td>${esc(view.summary)}</td></tr>
<tr><td class="k">当前状态</td><td>${esc(TIP_STATE_LABELS[view.status])}</td></tr></table>
<p class="note">请妥善保存本回执。查询码是查看办理进展、领取举报奖励的唯一凭证，工作人员不会向您索要查询码，也无法为您找回。<br>
凭查询码可在举报页面“查询办理进展”中查看处理情况和答复。</p></body></html>`;
  return printer.print(html);
}

async function townshipOf(ctx: AppContext, actor: Actor, townshipId: string) {
  const [t] = await ctx.db.select({ id: orgUnits.id, name: orgUnits.name, districtId: orgUnits.districtId }).from(orgUnits)
    .where(and(eq(orgUnits.id, townshipId), eq(orgUnits.kind, 'township'), eq(orgUnits.districtId, actor.districtId))).limit(1);
  // An office of a township prints its own poster; the district's office any of its townships'.
  if (!t || (actor.unitKind === 'township' && actor.unitId !== t.id)) throw notFound('镇街');
  return t;
}

/** The address the poster points at: the configured public address, else the one this request came to. */
export const reportUrl = (base: string, townshipId: string) => `${base.replace(/\/+$/, '')}/report?township=${encodeURIComponent(townshipId)}`;

export async function posterPng(ctx: AppContext, actor: Actor, townshipId: string, base: string, size: number): Promise<{ png: Buffer; name: string }> {
  const t = await townshipOf(ctx, actor, townshipId);
  const png = await QRCode.toBuffer(reportUrl(base, t.id), { type: 'png', width: size, margin: 2, errorCorrectionLevel: 'M' });
  return { png, name: `${t.name}举报二维码.png` };
}

export async function posterPdf(ctx: AppContext, printer: PdfPrinter, actor: Actor, townshipId: string, base: string): Promise<{ pdf: Buffer; name: string }> {
  const t = await townshipOf(ctx, actor, townshipId);
  const url = reportUrl(base, t.id);
  const qr = await QRCode.toDataURL(url, { width: 900, margin: 1, errorCorrectionLevel: 'M' });
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${PAGE_STYLE}<style>
body{text-align:center}.t{font-size:34pt;font-weight:bold;margin:10mm 0 4mm}.s{font-size:18pt;margin-bottom:8mm}img{width:120mm;height:120mm}
ul{text-align:left;font-size:14pt;line-height:1.9;margin:8mm 20mm}.u{font-size:11pt;color:#555;word-break:break-all}</style></head><body>
<div class="t">安全生产有奖举报</div><div class="s">${esc(t.name)} · 发现事故隐患，扫码即可举报</div>
<img src="${qr}" alt="举报二维码">
<div class="u">${esc(url)}</div>
<ul><li>无需注册登录，可匿名举报，可上传照片或短视频</li><li>提交后获得查询码，凭码查看办理进展和答复</li>
<li>经核查属实的，按规定给予奖励；匿名举报凭查询码领取</li><li>也可拨打全国安全生产举报电话 12350</li></ul>
</body></html>`;
  return { pdf: await printer.print(html), name: `${t.name}举报海报.pdf` };
}
