// Photos sent with a public report are passed on (a report found true makes them the hazard's
// photos, which the reported enterprise sees), so what a camera writes beside the picture must go:
// GPS position, device, time, comments. Removed without re-encoding: JPEG APP1–APP15 and COM
// segments, PNG ancillary text/EXIF/time chunks, WebP EXIF/XMP chunks (and their VP8X flags).
// The picture data is untouched. A JPEG's orientation lives in EXIF too, so a phone photo that was
// not re-encoded by the browser may show rotated; the reporter's privacy comes first. Pure: no IO.

/** The JPEG without metadata segments, or the input when it is not a well-formed JPEG. */
export function stripJpeg(data: Buffer): Buffer {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return data;
  const parts: Buffer[] = [data.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return data;
    const marker = data[at + 1]!;
    if (marker === 0xda) { // start of scan: the rest is picture data
      parts.push(data.subarray(at));
      return Buffer.concat(parts);
    }
    if (marker === 0xff) { at += 1; continue; } // fill byte
    const len = data.readUInt16BE(at + 2);
    if (len < 2 || at + 2 + len > data.length) return data;
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!metadata) parts.push(data.subarray(at, at + 2 + len));
    at += 2 + len;
  }
  return data;
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

/** The PNG without text, EXIF and time chunks, or the input when it is not a well-formed PNG. */
export function stripPng(data: Buffer): Buffer {
  const SIG = 8;
  if (data.length < SIG) return data;
  const parts: Buffer[] = [data.subarray(0, SIG)];
  let at = SIG;
  while (at + 12 <= data.length) {
    const len = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    const end = at + 12 + len;
    if (end > data.length) return data;
    if (!PNG_DROP.has(type)) parts.push(data.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return data;
}

/** The WebP without EXIF and XMP chunks (and their flags in VP8X), or the input when malformed. */
export function stripWebp(data: Buffer): Buffer {
  if (data.length < 12 || data.toString('latin1', 0, 4) !== 'RIFF' || data.toString('latin1', 8, 12) !== 'WEBP') return data;
  const parts: Buffer[] = [];
  let at = 12;
  while (at + 8 <= data.length) {
    const type = data.toString('latin1', at, at + 4);
    const len = data.readUInt32LE(at + 4);
    const end = at + 8 + len + (len % 2);
    if (at + 8 + len > data.length) return data;
    if (type === 'VP8X' && len >= 1) {
      const chunk = Buffer.from(data.subarray(at, Math.min(end, data.length)));
      chunk[8] = chunk[8]! & ~0x0c; // clear the EXIF (0x08) and XMP (0x04) flags
      parts.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') {
      parts.push(data.subarray(at, Math.min(end, data.length)));
    }
    at = end;
  }
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** A photo's bytes without metadata, by its (sniffed) type. */
export function stripPhotoMetadata(data: Buffer, mime: string): Buffer {
  if (mime === 'image/jpeg') return stripJpeg(data);
  if (mime === 'image/png') return stripPng(data);
  if (mime === 'image/webp') return stripWebp(data);
  return data;
}
