// The pixel size an image declares in its header, read before decoding so that a file claiming
// a huge size (a decompression bomb) is refused without allocating anything. Pure: no IO.

export interface ImageSize {
  width: number;
  height: number;
  /** PNG only: Adam7 interlacing (decoded differently, bounded separately). */
  interlaced?: boolean;
}

/** The declared size, or null when the header is missing or malformed. */
export function imageSizeOf(data: Buffer, mime: string): ImageSize | null {
  if (mime === 'image/png') return pngSize(data);
  if (mime === 'image/jpeg') return jpegSize(data);
  if (mime === 'image/webp') return webpSize(data);
  return null;
}

function pngSize(d: Buffer): ImageSize | null {
  // The signature, then IHDR first: length 13, width, height, depth, colour type, ..., interlace.
  if (d.length < 33 || d.readUInt32BE(8) !== 13 || d.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: d.readUInt32BE(16), height: d.readUInt32BE(20), interlaced: d[28] === 1 };
}

/** Start-of-frame markers (C0–CF except DHT C4, JPG C8 and DAC CC) carry the size. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegSize(d: Buffer): ImageSize | null {
  let at = 2; // after SOI
  while (at + 4 <= d.length) {
    if (d[at] !== 0xff) return null;
    const marker = d[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan or end before any frame header
    const length = d.readUInt16BE(at + 2);
    if (length < 2) return null;
    if (isSof(marker)) return at + 9 <= d.length ? { height: d.readUInt16BE(at + 5), width: d.readUInt16BE(at + 7) } : null;
    at += 2 + length;
  }
  return null;
}

function webpSize(d: Buffer): ImageSize | null {
  if (d.length < 30 || d.toString('latin1', 0, 4) !== 'RIFF' || d.toString('latin1', 8, 12) !== 'WEBP') return null;
  const chunk = d.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
    if (d[23] !== 0x9d || d[24] !== 0x01 || d[25] !== 0x2a) return null;
    return { width: d.readUInt16LE(26) & 0x3fff, height: d.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (d[20] !== 0x2f) return null;
    const bits = d.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: d.readUIntLE(24, 3) + 1, height: d.readUIntLE(27, 3) + 1 };
  return null;
}
