// Whether an upload opens: the whole file is decoded, not only its first bytes, so a truncated
// or corrupt photo or PDF is refused at upload instead of showing as a broken image later.
// Decoding is bounded: image dimensions are read from the header and checked before any pixel
// is decoded, and PDF stream decoding has a byte budget (a decompression bomb cannot eat memory).
// Why these libraries: docs/decisions/004-validation-and-uploads.md.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import mozjpegFactory from '@jsquash/jpeg/codec/dec/mozjpeg_dec.js';
import webpFactory from '@jsquash/webp/codec/dec/webp_dec.js';
import { PDFArray, PDFContext, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import pngjs from 'pngjs';
import { imageSizeOf } from './files.image-size.ts';
import type { SniffedType } from './files.sniff.ts';

/** 50 million pixels: above the 48 MP of phone cameras' full-resolution mode; 200 MB as RGBA. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Bytes that decoding one PDF's streams may produce, all streams together. */
export const PDF_DECODE_BUDGET_BYTES = 256 * 1024 * 1024;

export const BROKEN_PHOTO_MESSAGE = '照片已损坏或不完整，无法打开，请重新拍摄或上传';
export const BROKEN_PDF_MESSAGE = 'PDF 文件已损坏或不完整，无法打开，请重新上传';
export const TOO_MANY_PIXELS_MESSAGE = `照片尺寸过大（超过 ${MAX_IMAGE_PIXELS / 10_000} 万像素），请缩小后上传`;
export const PDF_TOO_COMPLEX_MESSAGE = 'PDF 文件内容过于复杂，无法检查，请另存为普通 PDF 后上传';

export interface DecodeLimits {
  maxImagePixels: number;
  pdfDecodeBudgetBytes: number;
}
const LIMITS: DecodeLimits = { maxImagePixels: MAX_IMAGE_PIXELS, pdfDecodeBudgetBytes: PDF_DECODE_BUDGET_BYTES };

/** Why the file cannot be accepted (a Chinese message), or null when it decodes. Limits: tests lower them. */
export async function decodeProblem(data: Buffer, type: SniffedType, limits: DecodeLimits = LIMITS): Promise<string | null> {
  if (type.mime === 'application/pdf') return pdfProblem(data, limits.pdfDecodeBudgetBytes);
  const size = imageSizeOf(data, type.mime);
  if (!size || size.width < 1 || size.height < 1) return BROKEN_PHOTO_MESSAGE;
  if (size.width * size.height > limits.maxImagePixels) return TOO_MANY_PIXELS_MESSAGE;
  try {
    if (type.mime === 'image/png') return pngDecodes(data, size) ? null : BROKEN_PHOTO_MESSAGE;
    if (type.mime === 'image/jpeg') return (await jpegDecodes(data)) ? null : BROKEN_PHOTO_MESSAGE;
    if (type.mime === 'image/webp') return (await webpDecodes(data)) ? null : BROKEN_PHOTO_MESSAGE;
  } catch {
    return BROKEN_PHOTO_MESSAGE;
  }
  return BROKEN_PHOTO_MESSAGE;
}

// ---- PNG: pngjs (pure JS) checks every chunk's CRC and inflates and unfilters all rows ----------

function pngDecodes(data: Buffer, size: { width: number; height: number; interlaced?: boolean }): boolean {
  // pngjs bounds the inflated data by the image size, except for interlaced images: bound those here.
  if (size.interlaced) {
    const idat: Buffer[] = [];
    for (let at = 8; at + 8 <= data.length;) {
      const len = data.readUInt32BE(at);
      if (data.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + len));
      at += 12 + len;
    }
    // 8 bytes per pixel (16-bit RGBA) plus the filter byte of every row of the seven passes.
    zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: size.width * size.height * 8 + size.height * 7 + 1024 });
  }
  const png = pngjs.PNG.sync.read(data, { checkCRC: true });
  return png.width === size.width && png.height === size.height;
}

// ---- JPEG and WebP: libjpeg (MozJPEG) and libwebp compiled to WebAssembly (jSquash) ------------

const require = createRequire(import.meta.url);
const compiled = new Map<string, Promise<WebAssembly.Module>>();
const wasm = (path: string) => {
  if (!compiled.has(path)) compiled.set(path, WebAssembly.compile(fs.readFileSync(require.resolve(path))));
  return compiled.get(path)!;
};

/**
 * A fresh decoder instance for each file: its memory goes with it (a large photo does not keep
 * hundreds of MB reserved), a failed decode cannot leave a broken instance behind, and its
 * messages are this file's only. Instantiating a compiled module takes about a millisecond.
 */
async function instance<M>(factory: (o: object) => Promise<M>, wasmPath: string, messages: string[]): Promise<M> {
  const mod = await wasm(wasmPath);
  return factory({
    noInitialRun: true,
    instantiateWasm: (imports: WebAssembly.Imports, done: (i: WebAssembly.Instance) => void) => {
      const inst = new WebAssembly.Instance(mod, imports);
      done(inst);
      return inst.exports;
    },
    print: () => {},
    printErr: (m: string) => messages.push(m),
  });
}

async function jpegDecodes(data: Buffer): Promise<boolean> {
  // libjpeg reports truncation ("Premature end of JPEG file") and corrupt data as warnings and
  // still returns an image (grey where data was missing): any warning means the file is broken.
  const messages: string[] = [];
  const m = await instance(mozjpegFactory as unknown as (o: object) => Promise<{ decode(d: Uint8Array, o: boolean): unknown }>,
    '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm', messages);
  const image = m.decode(data, false);
  return image !== null && messages.length === 0;
}

async function webpDecodes(data: Buffer): Promise<boolean> {
  const messages: string[] = [];
  const m = await instance(webpFactory as unknown as (o: object) => Promise<{ decode(d: Uint8Array): unknown }>,
    '@jsquash/webp/codec/dec/webp_dec.wasm', messages);
  return m.decode(data) !== null && messages.length === 0;
}

// ---- PDF: pdf-lib parses every object; page content streams are decoded within a budget --------

class DecodeBudgetExceeded extends Error {}
const decodeBudget = new AsyncLocalStorage<{ left: number }>();
let budgetInstalled = false;

/**
 * pdf-lib decodes streams (object streams while loading, content streams when asked) into
 * buffers that grow without limit. Every decoder grows its buffer through one method of their
 * common base class; wrapping it charges the growth to the budget of the check running (found
 * through AsyncLocalStorage, so concurrent uploads do not share one). The base class is found
 * from a decoder pdf-lib itself returns, so it is the same copy of pdf-lib as PDFDocument's.
 */
function installDecodeBudget(): void {
  if (budgetInstalled) return;
  const probe = decodePDFRawStream(PDFContext.create().flateStream(new Uint8Array([0])));
  let proto: { ensureBuffer?: unknown } | null = Object.getPrototypeOf(probe);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'ensureBuffer')) proto = Object.getPrototypeOf(proto);
  if (!proto || typeof proto.ensureBuffer !== 'function') throw new Error('pdf-lib: DecodeStream.ensureBuffer not found, cannot bound PDF decoding');
  const original = proto.ensureBuffer as (this: { buffer: Uint8Array }, requested: number) => Uint8Array;
  proto.ensureBuffer = function (this: { buffer: Uint8Array }, requested: number) {
    const budget = decodeBudget.getStore();
    // The buffer grows by doubling past what is requested: refuse before allocating, charge what was allocated.
    if (budget && requested > this.buffer.byteLength && requested - this.buffer.byteLength > budget.left) throw new DecodeBudgetExceeded();
    const before = this.buffer.byteLength;
    const buffer = original.call(this, requested);
    if (budget && buffer.byteLength > before) {
      budget.left -= buffer.byteLength - before;
      if (budget.left < 0) throw new DecodeBudgetExceeded();
    }
    return buffer;
  };
  budgetInstalled = true;
}

const DECODABLE = new Set(['FlateDecode', 'LZWDecode', 'ASCII85Decode', 'ASCIIHexDecode', 'RunLengthDecode']);

function filtersOf(s: PDFRawStream): string[] {
  const f = s.dict.lookup(PDFName.of('Filter'));
  if (f instanceof PDFName) return [f.decodeText()];
  if (f instanceof PDFArray) return f.asArray().map((x) => (x instanceof PDFName ? x.decodeText() : '?'));
  return [];
}

async function pdfProblem(data: Buffer, budgetBytes: number): Promise<string | null> {
  // A reader finds the cross-reference table from the end: a file cut short has no %%EOF there.
  const tail = data.toString('latin1', Math.max(0, data.length - 1024));
  if (!tail.includes('%%EOF') || !tail.includes('startxref')) return BROKEN_PDF_MESSAGE;
  installDecodeBudget();
  try {
    return await decodeBudget.run({ left: budgetBytes }, async () => {
      const doc = await PDFDocument.load(data, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
      const pages = doc.getPages();
      if (pages.length === 0) return BROKEN_PDF_MESSAGE;
      if (doc.isEncrypted) return null; // its streams are encrypted: opening it needs no password to view, nothing more to check
      for (const page of pages) {
        const contents = page.node.Contents();
        const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
        for (const ref of refs) {
          const stream = doc.context.lookup(ref);
          if (!(stream instanceof PDFRawStream)) return BROKEN_PDF_MESSAGE;
          if (filtersOf(stream).every((f) => DECODABLE.has(f))) decodePDFRawStream(stream).decode();
        }
      }
      return null;
    });
  } catch (e) {
    return e instanceof DecodeBudgetExceeded ? PDF_TOO_COMPLEX_MESSAGE : BROKEN_PDF_MESSAGE;
  }
}
