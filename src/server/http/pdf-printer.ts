// Prints server-rendered HTML to PDF with the system's Chromium (playwright-core drives it).
// One browser, launched on first use and shared; each print gets its own page, closed after.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { AppError } from './errors.ts';

export const CHROMIUM_MISSING_MESSAGE = '服务器未安装 Chromium 浏览器，暂时无法生成 PDF，请联系管理员安装 chromium-headless-shell（或 chromium）和 fonts-noto-cjk';

export class PdfPrinter {
  private browser: Promise<Browser> | null = null;

  private launch(): Promise<Browser> {
    if (!fs.existsSync(chromiumPath())) throw new AppError('UNAVAILABLE', CHROMIUM_MISSING_MESSAGE);
    this.browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true }))
      .then((b) => {
        b.on('disconnected', () => (this.browser = null)); // a crashed browser is relaunched on the next print
        return b;
      })
      .catch((e: unknown) => {
        this.browser = null;
        throw e;
      });
    return this.browser;
  }

  /** A4 PDF of a complete HTML document (no network: everything must be inline). */
  async print(html: string): Promise<Buffer> {
    const browser = await this.launch();
    const page = await browser.newPage({ javaScriptEnabled: false });
    try {
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    } finally {
      await page.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => {});
  }
}

const printers = new WeakMap<object, PdfPrinter>();
/** The one printer (one Chromium) of an app, closed with it; every module that prints shares it. */
export function sharedPdfPrinter(app: { addHook(name: 'onClose', fn: () => Promise<void>): unknown }): PdfPrinter {
  let p = printers.get(app);
  if (!p) {
    const printer = new PdfPrinter();
    printers.set(app, printer);
    app.addHook('onClose', () => printer.close());
    p = printer;
  }
  return p;
}
