/**
 * The invisible marker: the scene id, key and mnemonic written in zero-width characters.
 *
 * Encoding (version 1):
 *   U+2060 WORD JOINER · bits · U+2060 WORD JOINER
 *   bits: one character per bit, most significant first, U+200B ZERO WIDTH SPACE = 0, U+200C ZERO WIDTH
 *   NON-JOINER = 1, over the bytes  [1 (version)] [UTF-8 of sceneId US key US mnemonic] [checksum hi] [checksum lo]
 *   where US is U+001F and the checksum is the low 16 bits of FNV-1a over the preceding bytes.
 *
 * Why these characters: none of them has a compatibility decomposition (NFC and NFKC keep them), none is
 * white space for String.prototype.trim, Python's str.strip or HTML (so trimming and HTML text extraction keep
 * them), and JSON carries them as they are. The marker is put inside the text (after the first word), so even
 * a trimmer that does strip format characters at the ends cannot reach it.
 */
import type { MarkerInfo } from './marker.js';

const FENCE = '\u2060';
const ZERO = '\u200b';
const ONE = '\u200c';
const SEPARATOR = 0x1f;
const VERSION = 1;

export const INVISIBLE_PATTERN = /\u2060[\u200b\u200c]{24,}\u2060/u;
/** Leftovers of a damaged marker, removed by stripMarker. */
export const INVISIBLE_STRAY = /[\u2060\u200b\u200c]/gu;

function checksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h & 0xffff;
}

export function encodeInvisible(info: MarkerInfo): string {
  const body = new TextEncoder().encode(`${info.sceneId}\u001f${info.key}\u001f${info.mnemonic}`);
  const bytes = new Uint8Array(body.length + 3);
  bytes[0] = VERSION;
  bytes.set(body, 1);
  const sum = checksum(bytes.subarray(0, body.length + 1));
  bytes[body.length + 1] = sum >> 8;
  bytes[body.length + 2] = sum & 0xff;
  let bits = '';
  for (const b of bytes) for (let i = 7; i >= 0; i--) bits += (b >> i) & 1 ? ONE : ZERO;
  return FENCE + bits + FENCE;
}

/** Null when the fenced characters are not a marker at all; ok false when the checksum fails. */
export function decodeInvisible(fenced: string): { info: MarkerInfo; ok: boolean } | null {
  const bits = fenced.slice(1, -1);
  if (bits.length % 8 !== 0) return null;
  const bytes = new Uint8Array(bits.length / 8);
  for (let i = 0; i < bytes.length; i++) {
    let b = 0;
    for (let j = 0; j < 8; j++) b = (b << 1) | (bits[i * 8 + j] === ONE ? 1 : 0);
    bytes[i] = b;
  }
  if (bytes[0] !== VERSION || bytes.length < 4) return null;
  const bodyEnd = bytes.length - 2;
  const ok = checksum(bytes.subarray(0, bodyEnd)) === ((bytes[bodyEnd]! << 8) | bytes[bodyEnd + 1]!);
  const fields = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(1, bodyEnd)).split(String.fromCharCode(SEPARATOR));
  if (fields.length !== 3) return null;
  const [sceneId, key, mnemonic] = fields as [string, string, string];
  return { info: { sceneId, key, mnemonic }, ok: ok && sceneId.startsWith('SCN-') && key.length > 0 };
}
