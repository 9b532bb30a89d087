/** Encodes events for their topic and decodes them, resolving older writer schemas to the current reader. */
import type avro from 'avsc';
import { HyperBridgeError } from '../lib/errors.js';
import { recordMapper, type RecordMapper } from './mapping.js';
import type { SchemaRegistry, SchemaVersion } from './schema-set.js';
import { HEADER_BYTES, singleObjectHeader, splitSingleObject } from './single-object.js';
import { checkWellFormed, InvalidUtf8Error } from './well-formed.js';
import { TOPIC_KINDS, TOPIC_RECORDS, topicKindOfRecord, type TopicEvents, type TopicKind } from './topics.js';

/** The writer schema of a decoded record. */
export interface WriterSchema {
  name: string;
  version: number;
  fingerprint: string;
}

export interface DecodedEvent<K extends TopicKind = TopicKind> {
  kind: K;
  schema: WriterSchema;
  event: TopicEvents[K];
}

/** A decoded event of any topic, narrowed by `kind`. */
export type AnyDecodedEvent = { [K in TopicKind]: DecodedEvent<K> }[TopicKind];

export interface AvroCodec {
  /** Single-object encoding of `event` with the current schema of `kind`'s record. */
  encodeEvent<K extends TopicKind>(kind: K, event: TopicEvents[K]): Buffer;
  /**
   * Throws HB_ERR_AVRO_DECODE (not single-object encoding, truncated, trailing or malformed body),
   * HB_ERR_INVALID_UTF8 (a string that is not UTF-8) or HB_ERR_UNKNOWN_FINGERPRINT (also for a record of
   * another topic than `expected`).
   */
  decodeEvent(bytes: Uint8Array): AnyDecodedEvent;
  decodeEvent<K extends TopicKind>(bytes: Uint8Array, expected: K): DecodedEvent<K>;
}

interface Writer {
  current: SchemaVersion;
  header: Buffer;
  mapper: RecordMapper;
}

/** Paths avsc finds invalid, without values: a message's text must not leak into logs or dead letters. */
function invalidPaths(type: avro.Type, record: unknown): string {
  const problems: string[] = [];
  type.isValid(record, {
    errorHook: (path: string[], value: unknown, t: avro.Type) => {
      if (problems.length < 5) problems.push(`${path.join('.') || '(record)'}: expected ${t.name ?? t.typeName}, got ${value === null ? 'null' : typeof value}`);
    },
  });
  return problems.join('; ');
}

export function createAvroCodec(registry: SchemaRegistry): AvroCodec {
  const writers = new Map<TopicKind, Writer>(
    TOPIC_KINDS.map((kind) => {
      const current = registry.current(TOPIC_RECORDS[kind]);
      return [kind, { current, header: singleObjectHeader(current.fingerprint), mapper: recordMapper(current.type) }];
    }),
  );
  const resolvers = new Map<string, avro.Resolver>();
  // avsc's toBuffer encodes twice any record over its 1 KiB scratch; ours grows to the largest record seen.
  let scratch = Buffer.allocUnsafe(16 * 1024);

  function encodeEvent<K extends TopicKind>(kind: K, event: TopicEvents[K]): Buffer {
    const writer = writers.get(kind);
    if (!writer) throw new HyperBridgeError('HB_ERR_BAD_MESSAGE', 'avro', `unknown topic kind ${JSON.stringify(kind)}`);
    const record = writer.mapper.toAvro(event);
    try {
      writer.header.copy(scratch);
      let end = writer.current.type.encode(record, scratch, HEADER_BYTES);
      if (end < 0) {
        scratch = Buffer.allocUnsafe(Math.max(2 * scratch.length, scratch.length - end));
        writer.header.copy(scratch);
        end = writer.current.type.encode(record, scratch, HEADER_BYTES);
      }
      return Buffer.from(scratch.subarray(0, end));
    } catch (err) {
      const reason = invalidPaths(writer.current.type, record) || (err as Error).message;
      throw new HyperBridgeError('HB_ERR_BAD_MESSAGE', 'avro', `not a valid ${kind} event: ${reason}`, { cause: err });
    }
  }

  function resolverFor(writer: SchemaVersion, reader: SchemaVersion): avro.Resolver | undefined {
    if (writer.fingerprint === reader.fingerprint) return undefined;
    let resolver = resolvers.get(writer.fingerprint);
    if (!resolver) {
      try {
        resolver = reader.type.createResolver(writer.type);
      } catch (err) {
        const reason = `${reader.name} v${reader.version} cannot read v${writer.version}: ${(err as Error).message}`;
        throw new HyperBridgeError('HB_ERR_SCHEMA_INCOMPATIBLE', 'avro', reason, { cause: err });
      }
      resolvers.set(writer.fingerprint, resolver);
    }
    return resolver;
  }

  function decodeEvent(bytes: Uint8Array, expected?: TopicKind): AnyDecodedEvent {
    const { fingerprint, body } = splitSingleObject(bytes);
    const written = registry.byFingerprint(fingerprint);
    const kind = written ? topicKindOfRecord(written.name) : null;
    if (!written || !kind) {
      throw new HyperBridgeError('HB_ERR_UNKNOWN_FINGERPRINT', 'avro', `no topic record schema has fingerprint ${fingerprint}`);
    }
    if (expected !== undefined && kind !== expected) {
      throw new HyperBridgeError('HB_ERR_UNKNOWN_FINGERPRINT', 'avro', `fingerprint ${fingerprint} is ${written.name} v${written.version}, not a ${expected} record`);
    }
    const reader = writers.get(kind)!;
    const resolver = resolverFor(written, reader.current);
    let record: unknown;
    try {
      checkWellFormed(written.type, body);
      record = reader.current.type.fromBuffer(body, resolver);
    } catch (err) {
      if (err instanceof InvalidUtf8Error) {
        throw new HyperBridgeError('HB_ERR_INVALID_UTF8', 'avro', `${written.name} v${written.version}: ${err.message}`, { cause: err });
      }
      throw new HyperBridgeError('HB_ERR_AVRO_DECODE', 'avro', `invalid ${written.name} v${written.version} body: ${(err as Error).message}`, { cause: err });
    }
    return {
      kind,
      schema: { name: written.name, version: written.version, fingerprint },
      event: reader.mapper.fromAvro(record),
    } as AnyDecodedEvent;
  }

  return { encodeEvent, decodeEvent: decodeEvent as AvroCodec['decodeEvent'] };
}
