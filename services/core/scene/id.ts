import { createHash } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 12 base32 characters: 60 bits, ample for the scenes of one deployment. */
const LENGTH = 12;

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  return out;
}

/**
 * `SCN-` + a hash of the message id and the NFC text. The id is length-prefixed, so no id/text pair can
 * imitate another (`a` + `bc` and `ab` + `c` differ).
 */
export function sceneIdOf(messageId: string, text: string): string {
  const digest = createHash('sha256').update(`${messageId.length}:${messageId}`).update(text.normalize('NFC')).digest();
  return `SCN-${base32(digest, LENGTH)}`;
}
