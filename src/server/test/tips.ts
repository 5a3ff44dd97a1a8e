// The public report form as a phone sends it: a solved proof-of-work challenge, the text fields and
// the files, multipart; each test uses its own network address so the per-address limits of one
// test do not spill into the next.
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyInstance } from 'fastify';

export interface FormFile { filename: string; data: Buffer; contentType?: string }

export function formBody(fields: Record<string, string>, files: FormFile[] = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----anzhi-public-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.filename}"\r\nContent-Type: ${f.contentType ?? 'image/png'}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function solvedChallenge(app: FastifyInstance, ip = '203.0.113.1'): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/public/challenge', remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  const challenge = res.json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

export async function submitReport(app: FastifyInstance, fields: Record<string, string>, files: FormFile[] = [], ip = '203.0.113.1') {
  const altcha = fields.altcha ?? (await solvedChallenge(app, ip));
  const { payload, headers } = formBody({ ...fields, altcha }, files);
  return app.inject({ method: 'POST', url: '/api/public/reports', payload, headers, remoteAddress: ip });
}

/** The smallest well-formed MP4: ftyp, an empty moov and an mdat. */
export function tinyMp4(): Buffer {
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length, 0);
    head.write(type, 4, 'ascii');
    return Buffer.concat([head, body]);
  };
  return Buffer.concat([box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2', 'latin1')), box('moov', Buffer.alloc(0)), box('mdat', Buffer.from([1, 2, 3, 4]))]);
}
