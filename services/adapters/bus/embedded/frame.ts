/**
 * One record on disk: `u32 length | u32 crc32(body) | body`, body = `u16 keyLength (0xffff: no key) | key |
 * u16 headerCount | (u16 nameLength | name | u32 valueLength | value)* | u32 valueLength | value`, big-endian.
 * The length prefix lets a reader skip records; the CRC finds a torn tail after a crash.
 */
import { crc32 } from 'node:zlib';
import type { Headers } from '../types.js';

export interface FrameRecord {
  key: string | null;
  value: Buffer;
  headers: Headers;
}

export const FRAME_HEADER_BYTES = 8;
const NO_KEY = 0xffff;

export function encodeFrame(record: FrameRecord): Buffer {
  const key = record.key === null ? null : Buffer.from(record.key, 'utf8');
  const headers = Object.entries(record.headers).map(([n, v]) => [Buffer.from(n, 'utf8'), Buffer.from(v, 'utf8')] as const);
  let bodyLength = 2 + (key?.length ?? 0) + 2 + 4 + record.value.length;
  for (const [n, v] of headers) bodyLength += 2 + n.length + 4 + v.length;
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + bodyLength);
  let at = FRAME_HEADER_BYTES;
  at = frame.writeUInt16BE(key ? key.length : NO_KEY, at);
  if (key) at += key.copy(frame, at);
  at = frame.writeUInt16BE(headers.length, at);
  for (const [n, v] of headers) {
    at = frame.writeUInt16BE(n.length, at);
    at += n.copy(frame, at);
    at = frame.writeUInt32BE(v.length, at);
    at += v.copy(frame, at);
  }
  at = frame.writeUInt32BE(record.value.length, at);
  record.value.copy(frame, at);
  frame.writeUInt32BE(bodyLength, 0);
  frame.writeUInt32BE(crc32(frame.subarray(FRAME_HEADER_BYTES)), 4);
  return frame;
}

/** The body length announced by a frame header. */
export function frameBodyLength(header: Buffer): number {
  return header.readUInt32BE(0);
}

export function frameIsIntact(header: Buffer, body: Buffer): boolean {
  return body.length === header.readUInt32BE(0) && crc32(body) === header.readUInt32BE(4);
}

export function decodeFrameBody(body: Buffer): FrameRecord {
  let at = 0;
  const keyLength = body.readUInt16BE(at);
  at += 2;
  let key: string | null = null;
  if (keyLength !== NO_KEY) {
    key = body.toString('utf8', at, at + keyLength);
    at += keyLength;
  }
  const headerCount = body.readUInt16BE(at);
  at += 2;
  const headers: Headers = {};
  for (let i = 0; i < headerCount; i++) {
    const nameLength = body.readUInt16BE(at);
    const name = body.toString('utf8', at + 2, at + 2 + nameLength);
    at += 2 + nameLength;
    const valueLength = body.readUInt32BE(at);
    headers[name] = body.toString('utf8', at + 4, at + 4 + valueLength);
    at += 4 + valueLength;
  }
  const valueLength = body.readUInt32BE(at);
  at += 4;
  return { key, headers, value: Buffer.from(body.subarray(at, at + valueLength)) };
}
