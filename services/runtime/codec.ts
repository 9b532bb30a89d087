/**
 * The codec the runner uses: Avro single-object encoding from services/avro, one record type per topic role.
 * Behind this small interface so tests can hand the runner another codec.
 */
import { decodeEvent, encodeEvent } from '../avro/index.js';
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

/**
 * Strings are checked as UTF-8 where the bytes are read (services/avro/well-formed.ts: a string that is not
 * is HB_ERR_INVALID_UTF8 naming its field), so a decoded event needs no second look for replacement characters.
 */
export const stageCodec: EventCodec = {
  encode: (kind, event) => encodeEvent(kind, event as never),
  decode: (bytes) => {
    const { kind, event } = decodeEvent(bytes);
    return { kind, event };
  },
};
