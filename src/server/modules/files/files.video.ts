// Short videos sent with a public report (decision 021): MP4 and QuickTime (what phones record),
// both ISO base media files. The first bytes say what the file claims to be; the whole of it must
// then be a well-formed sequence of top-level boxes that ends exactly at the end of the file and
// holds the movie header (moov) and the media data (mdat), so a truncated or padded upload, or
// another file with a forged header, is refused. (Decoding the frames would need a video codec on
// the server; this structure check is what can be done without one.) Pure: no IO.
import type { SniffedType } from './files.sniff.ts';

export const BROKEN_VIDEO_MESSAGE = '视频文件已损坏或不完整，无法打开，请重新拍摄或上传';

const QUICKTIME_BRANDS = new Set(['qt  ']);
const isPrintable = (b: number) => b >= 0x20 && b <= 0x7e;

/** An MP4 or QuickTime video by its first box (ftyp), or null. */
export function sniffVideo(data: Uint8Array): SniffedType | null {
  if (data.length < 12) return null;
  const type = String.fromCharCode(...data.subarray(4, 8));
  if (type !== 'ftyp') return null;
  const brand = String.fromCharCode(...data.subarray(8, 12));
  if (![...data.subarray(8, 12)].every(isPrintable)) return null;
  return QUICKTIME_BRANDS.has(brand) ? { kind: 'video', mime: 'video/quicktime', ext: 'mov' } : { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
}

/** Why the video's box structure is broken, or null when it is whole. */
export function videoStructureProblem(data: Uint8Array): string | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const seen = new Set<string>();
  let at = 0;
  while (at < data.length) {
    if (at + 8 > data.length) return BROKEN_VIDEO_MESSAGE;
    let size = view.getUint32(at);
    const typeBytes = data.subarray(at + 4, at + 8);
    if (![...typeBytes].every(isPrintable)) return BROKEN_VIDEO_MESSAGE;
    let header = 8;
    if (size === 1) {
      if (at + 16 > data.length) return BROKEN_VIDEO_MESSAGE;
      const big = view.getBigUint64(at + 8);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) return BROKEN_VIDEO_MESSAGE;
      size = Number(big);
      header = 16;
    } else if (size === 0) {
      size = data.length - at; // the last box runs to the end of the file
    }
    if (size < header || at + size > data.length) return BROKEN_VIDEO_MESSAGE;
    seen.add(String.fromCharCode(...typeBytes));
    at += size;
  }
  return seen.has('ftyp') && seen.has('moov') && seen.has('mdat') ? null : BROKEN_VIDEO_MESSAGE;
}
