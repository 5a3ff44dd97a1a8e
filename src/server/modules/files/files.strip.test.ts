// What a camera writes beside a picture is removed from public reports' photos, and the picture stays whole.
import { describe, expect, it } from 'vitest';
import { TINY_JPEG, TINY_PNG, TINY_WEBP } from './files.fixtures.ts';
import { stripJpeg, stripPng, stripWebp } from './files.strip.ts';
import { decodeProblem } from './files.decode.ts';
import { sniffFileType } from './files.sniff.ts';

const SECRET = 'GPS 29.7N 106.6E Pixel 8';

function jpegWithExif(): Buffer {
  const payload = Buffer.from(`Exif\0\0${SECRET}`, 'latin1');
  const seg = Buffer.alloc(4);
  seg[0] = 0xff; seg[1] = 0xe1; seg.writeUInt16BE(payload.length + 2, 2);
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, SECRET.length + 2]), Buffer.from(SECRET, 'latin1')]);
  return Buffer.concat([TINY_JPEG.subarray(0, 2), seg, payload, com, TINY_JPEG.subarray(2)]);
}
function pngWithText(): Buffer {
  const body = Buffer.from(`Comment\0${SECRET}`, 'latin1');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write('tEXt', 4, 'latin1');
  const chunk = Buffer.concat([head, body, Buffer.alloc(4)]);
  return Buffer.concat([TINY_PNG.subarray(0, 33), chunk, TINY_PNG.subarray(33)]); // after IHDR
}

describe('stripping photo metadata', () => {
  it.each([
    ['JPEG', jpegWithExif(), stripJpeg],
    ['PNG', pngWithText(), stripPng],
  ] as const)('%s: the metadata is gone and the picture still opens', async (_n, data, strip) => {
    expect(data.toString('latin1')).toContain(SECRET);
    const out = strip(data);
    expect(out.toString('latin1')).not.toContain(SECRET);
    expect(await decodeProblem(out, sniffFileType(out)!)).toBeNull();
  });

  it('keeps a photo without metadata as it is, and leaves a malformed one to the decoder', async () => {
    expect(stripJpeg(TINY_JPEG).equals(TINY_JPEG)).toBe(true);
    expect(stripPng(TINY_PNG).equals(TINY_PNG)).toBe(true);
    const webp = stripWebp(TINY_WEBP);
    expect(await decodeProblem(webp, sniffFileType(webp)!)).toBeNull();
    const cut = TINY_JPEG.subarray(0, 10);
    expect(stripJpeg(cut).equals(cut)).toBe(true);
  });
});
