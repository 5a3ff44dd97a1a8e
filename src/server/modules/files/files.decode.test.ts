// An upload must open as a whole: complete files decode; truncated, corrupt and oversized ones
// (decompression bombs included) are refused with a Chinese message, without decoding a bomb.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TINY_JPEG, TINY_PNG, TINY_WEBP, tinyPdf } from './files.fixtures.ts';
import {
  BROKEN_PDF_MESSAGE, BROKEN_PHOTO_MESSAGE, PDF_TOO_COMPLEX_MESSAGE, TOO_MANY_PIXELS_MESSAGE, decodeProblem,
} from './files.decode.ts';
import { sniffFileType } from './files.sniff.ts';

const problem = (data: Buffer, limits?: Parameters<typeof decodeProblem>[2]) => {
  const type = sniffFileType(data);
  if (!type) throw new Error('fixture not recognised by its first bytes');
  return decodeProblem(data, type, limits);
};

function pngChunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([len, typed, crc]);
}
/** A PNG whose header claims width × height, with `raw` as its (deflated) pixel rows. */
function png(width: number, height: number, raw: Buffer, interlace = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(0, 9); // greyscale: one byte a pixel
  ihdr.writeUInt8(interlace, 12);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF whose page content is `stream` Flate-compressed. */
function pdfWithFlateContent(stream: Buffer): Buffer {
  const z = zlib.deflateSync(stream);
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  const size = () => parts.reduce((n, p) => n + p.length, 0);
  const obj = (n: number, body: Buffer | string) => {
    offsets.push(size());
    parts.push(Buffer.from(`${n} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1'));
  };
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>');
  obj(4, Buffer.concat([Buffer.from(`<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), z, Buffer.from('\nendstream', 'latin1')]));
  const xref = size();
  let t = `xref\n0 5\n0000000000 65535 f \n`;
  for (const o of offsets) t += `${String(o).padStart(10, '0')} 00000 n \n`;
  t += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(t, 'latin1')]);
}

describe('decodeProblem', () => {
  it.each([
    ['a JPEG', TINY_JPEG],
    ['a PNG', TINY_PNG],
    ['a WebP', TINY_WEBP],
    ['a PDF', tinyPdf()],
    ['a PDF with a compressed page', pdfWithFlateContent(Buffer.from('BT /F1 12 Tf 20 50 Td (ok) Tj ET'))],
  ])('accepts %s that opens', async (_name, data) => {
    expect(await problem(data)).toBeNull();
  });

  /** The page stream's compressed bytes overwritten after its first two (the zlib header). */
  const corruptStream = (pdf: Buffer) => {
    const at = pdf.indexOf('stream\n') + 'stream\n'.length + 2;
    return Buffer.concat([pdf.subarray(0, at), Buffer.alloc(8, 0xff), pdf.subarray(at + 8)]);
  };
  const flip = (b: Buffer, at: number) => Buffer.concat([b.subarray(0, at), Buffer.from([b[at]! ^ 0xff]), b.subarray(at + 1)]);
  it.each([
    ['a JPEG without its end (EOI)', TINY_JPEG.subarray(0, TINY_JPEG.length - 2), BROKEN_PHOTO_MESSAGE],
    ['a JPEG cut in its scan data', TINY_JPEG.subarray(0, TINY_JPEG.length - 8), BROKEN_PHOTO_MESSAGE],
    ['a JPEG cut before its frame header', TINY_JPEG.subarray(0, 100), BROKEN_PHOTO_MESSAGE],
    ['a PNG without its last chunk', TINY_PNG.subarray(0, TINY_PNG.length - 12), BROKEN_PHOTO_MESSAGE],
    ['a PNG with a corrupt pixel chunk (CRC)', flip(TINY_PNG, TINY_PNG.length - 20), BROKEN_PHOTO_MESSAGE],
    ['a PNG cut in its header', TINY_PNG.subarray(0, 20), BROKEN_PHOTO_MESSAGE],
    ['a WebP cut short', TINY_WEBP.subarray(0, TINY_WEBP.length - 4), BROKEN_PHOTO_MESSAGE],
    ['a PDF cut short (no %%EOF)', tinyPdf().subarray(0, Math.floor(tinyPdf().length * 0.7)), BROKEN_PDF_MESSAGE],
    ['a PDF of only its header', Buffer.from('%PDF-1.4\n%%EOF\nstartxref\n0\n', 'latin1'), BROKEN_PDF_MESSAGE],
    ['a PDF whose compressed page is corrupt', corruptStream(pdfWithFlateContent(Buffer.from('BT /F1 12 Tf 20 50 Td (ok) Tj ET'))), BROKEN_PDF_MESSAGE],
  ])('refuses %s', async (_name, data, message) => {
    expect(await problem(data)).toBe(message);
  });

  it('refuses an image claiming more pixels than the limit before decoding it (a PNG bomb)', async () => {
    // 100000 × 100000 declared; the few bytes of data are never inflated into 10 GB.
    expect(await problem(png(100_000, 100_000, Buffer.alloc(10)))).toBe(TOO_MANY_PIXELS_MESSAGE);
    expect(await problem(png(4, 4, Buffer.alloc(20)), { maxImagePixels: 15, pdfDecodeBudgetBytes: 1 })).toBe(TOO_MANY_PIXELS_MESSAGE);
  });

  it('refuses an interlaced PNG whose data inflates beyond its size', async () => {
    expect(await problem(png(2, 2, Buffer.alloc(5_000_000), 1))).toBe(BROKEN_PHOTO_MESSAGE);
  });

  it('stops decoding a PDF whose streams inflate beyond the budget (a PDF bomb)', async () => {
    const bomb = pdfWithFlateContent(Buffer.alloc(4 * 1024 * 1024, 0x20)); // 4 MB of spaces in ~4 KB
    expect(bomb.length).toBeLessThan(10_000);
    expect(await problem(bomb, { maxImagePixels: 1e6, pdfDecodeBudgetBytes: 1024 * 1024 })).toBe(PDF_TOO_COMPLEX_MESSAGE);
    expect(await problem(bomb)).toBeNull(); // within the real budget it is a (dull) valid PDF
  });
});
