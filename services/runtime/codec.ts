/**
 * The codec the runner uses: Avro single-object encoding from services/avro, one record type per topic role.
 * Behind this small interface so tests can hand the runner another codec.
 */
import { decodeEvent, encodeEvent } from '../avro/index.js';
import { HyperBridgeError } from '../lib/errors.js';
import type { TopicRole } from './stage.js';

export interface DecodedRecord {
  kind: TopicRole;
  event: unknown;
}

export interface EventCodec {
  /** Throws HyperBridgeError when the event does not fit the topic's schema. */
  encode(kind: TopicRole, event: unknown): Buffer;
  /** Throws HyperBridgeError (HB_ERR_AVRO_DECODE, HB_ERR_UNKNOWN_FINGERPRINT, HB_ERR_INVALID_UTF8) for bytes it cannot read. */
  decode(bytes: Buffer): DecodedRecord;
}

/** Whether any string in the event holds U+FFFD, the mark a lenient UTF-8 decoder leaves (the cheap check first). */
function hasReplacementCharacter(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\uFFFD');
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (hasReplacementCharacter(item)) return true;
  return false;
}

/** Single-object header: 2 marker bytes and the 8-byte writer fingerprint. */
const HEADER_BYTES = 10;

/**
 * Avro strings decode leniently (invalid UTF-8 becomes U+FFFD), so a record written with the current schema
 * must encode back to exactly its own bytes; when it does not, one of its strings was not valid UTF-8.
 * Records of older schema versions are resolved, not compared.
 */
function decodeStrict(bytes: Buffer): DecodedRecord {
  const decoded = decodeEvent(bytes);
  if (!hasReplacementCharacter(decoded.event)) return { kind: decoded.kind, event: decoded.event };
  const again = encodeEvent(decoded.kind, decoded.event as never);
  const sameWriter = again.subarray(0, HEADER_BYTES).equals(bytes.subarray(0, HEADER_BYTES));
  if (sameWriter && !again.equals(bytes)) {
    throw new HyperBridgeError('HB_ERR_INVALID_UTF8', 'avro', `a string of the ${decoded.kind} record is not valid UTF-8 (the record does not re-encode to its own bytes)`);
  }
  return { kind: decoded.kind, event: decoded.event };
}

export const stageCodec: EventCodec = {
  encode: (kind, event) => encodeEvent(kind, event as never),
  decode: decodeStrict,
};
