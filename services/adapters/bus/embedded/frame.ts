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

/** Strings are written straight into the frame (their UTF-8 length first): no buffer of their own per string. */
export function encodeFrame(record: FrameRecord): Buffer {
  const { key, value } = record;
  const headers = Object.entries(record.headers);
  let bodyLength = 2 + (key === null ? 0 : Buffer.byteLength(key, 'utf8')) + 2 + 4 + value.length;
  for (const [n, v] of headers) bodyLength += 2 + Buffer.byteLength(n, 'utf8') + 4 + Buffer.byteLength(v, 'utf8');
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + bodyLength);
  let at = FRAME_HEADER_BYTES;
  if (key === null) {
    at = frame.writeUInt16BE(NO_KEY, at);
  } else {
    const length = frame.write(key, at + 2, 'utf8');
    frame.writeUInt16BE(length, at);
    at += 2 + length;
  }
  at = frame.writeUInt16BE(headers.length, at);
  for (const [n, v] of headers) {
    const nameLength = frame.write(n, at + 2, 'utf8');
    frame.writeUInt16BE(nameLength, at);
    at += 2 + nameLength;
    const valueLength = frame.write(v, at + 4, 'utf8');
    frame.writeUInt32BE(valueLength, at);
    at += 4 + valueLength;
  }
  at = frame.writeUInt32BE(value.length, at);
  value.copy(frame, at);
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
