// The type of an upload comes from its first bytes: a table of what is accepted and what is not.
import { describe, expect, it } from 'vitest';
import { TINY_JPEG, TINY_PNG, TINY_WEBP, tinyPdf } from './files.fixtures.ts';
import { sniffFileType } from './files.sniff.ts';

const bytes = (...b: number[]) => Buffer.from(b);
const text = (s: string) => Buffer.from(s, 'latin1');

describe('sniffFileType', () => {
  it.each([
    ['a JPEG', TINY_JPEG, { kind: 'photo', mime: 'image/jpeg', ext: 'jpg' }],
    ['a JPEG of only its marker (EXIF variant FF D8 FF E1)', bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0), { kind: 'photo', mime: 'image/jpeg', ext: 'jpg' }],
    ['a PNG', TINY_PNG, { kind: 'photo', mime: 'image/png', ext: 'png' }],
    ['a WebP', TINY_WEBP, { kind: 'photo', mime: 'image/webp', ext: 'webp' }],
    ['a PDF', tinyPdf(), { kind: 'document', mime: 'application/pdf', ext: 'pdf' }],
  ])('recognises %s', (_name, data, expected) => {
    expect(sniffFileType(data)).toEqual(expected);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a text file (whatever it is named)', text('这不是照片 / not a photo\n')],
    ['a truncated JPEG header (FF D8)', bytes(0xff, 0xd8)],
    ['a truncated PNG header (first 7 bytes)', TINY_PNG.subarray(0, 7)],
    ['a PNG signature with one wrong byte', Buffer.concat([TINY_PNG.subarray(0, 7), bytes(0x00), TINY_PNG.subarray(8)])],
    ['a truncated WebP header (RIFF and size only)', TINY_WEBP.subarray(0, 10)],
    ['a RIFF that is not WebP (WAVE audio)', text('RIFF\x24\x00\x00\x00WAVEfmt ')],
    ['a truncated PDF header (%PDF)', text('%PDF')],
    ['a PDF header not at the start', text(' %PDF-1.4\n')],
    ['a GIF', text('GIF89a\x01\x00\x01\x00\x80\x00\x00')],
    ['an SVG', text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an HTML page', text('<!doctype html><html><body>hi</body></html>')],
    ['a HEIC photo (ftypheic)', bytes(0, 0, 0, 0x18, ...text('ftypheic'), 0, 0, 0, 0)],
    ['a ZIP / Office file', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)],
    ['a BMP', text('BM\x3a\x00\x00\x00')],
  ])('refuses %s', (_name, data) => {
    expect(sniffFileType(data)).toBeNull();
  });
});
