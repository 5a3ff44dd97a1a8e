// What an upload really is, decided by its first bytes (magic numbers), never by its name or
// the browser's Content-Type. Pure: no IO.
import type { FILE_KINDS } from '../../../contract/files.ts';

export type FileKind = (typeof FILE_KINDS)[number];
export interface SniffedType {
  kind: FileKind;
  mime: string;
  /** The usual extension, for names of files that came without one. */
  ext: string;
}

interface Signature extends SniffedType {
  /** Every part must match: bytes expected at an offset. */
  parts: { offset: number; bytes: readonly number[] }[];
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Accepted types. Anything else (GIF, SVG, HEIC, TIFF, Office files, text) is refused. */
const SIGNATURES: readonly Signature[] = [
  { kind: 'photo', mime: 'image/jpeg', ext: 'jpg', parts: [{ offset: 0, bytes: [0xff, 0xd8, 0xff] }] },
  { kind: 'photo', mime: 'image/png', ext: 'png', parts: [{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
  { kind: 'photo', mime: 'image/webp', ext: 'webp', parts: [{ offset: 0, bytes: ascii('RIFF') }, { offset: 8, bytes: ascii('WEBP') }] },
  { kind: 'document', mime: 'application/pdf', ext: 'pdf', parts: [{ offset: 0, bytes: ascii('%PDF-') }] },
];

function matches(data: Uint8Array, sig: Signature): boolean {
  return sig.parts.every(({ offset, bytes }) => data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b));
}

/** The type of the content, or null when it is not one of the accepted types. */
export function sniffFileType(data: Uint8Array): SniffedType | null {
  const sig = SIGNATURES.find((s) => matches(data, s));
  return sig ? { kind: sig.kind, mime: sig.mime, ext: sig.ext } : null;
}
