/**
 * Avro, the contract between the stages: one record type per topic, single-object encoding with CRC-64-AVRO
 * fingerprints, older writer schemas resolved to the current reader, and the backward-compatibility check.
 * Decoding first checks the body against its writer schema (bounded lengths and counts, UTF-8 strings), so
 * poison bytes yield a HyperBridgeError, never a crash.
 */
import { createAvroCodec, type AnyDecodedEvent, type AvroCodec, type DecodedEvent } from './codec.js';
import { loadSchemaRegistry } from './registry.js';
import type { TopicEvents, TopicKind } from './topics.js';

export { createAvroCodec } from './codec.js';
export type { AnyDecodedEvent, AvroCodec, DecodedEvent, WriterSchema } from './codec.js';
export { buildSchemaRegistry } from './schema-set.js';
export type { SchemaRegistry, SchemaSource, SchemaVersion } from './schema-set.js';
export { loadCatalogue, loadSchemaRegistry, readSchemaSources, SCHEMAS_DIR, CATALOGUE_FILE } from './registry.js';
export { catalogueOf, compareCatalogue, parseCatalogue } from './catalogue.js';
export type { Catalogue, CatalogueDifference, CatalogueEntry } from './catalogue.js';
export { checkCompatibility, findBreakingChanges } from './compat.js';
export { checkSchemas } from './check.js';
export type { SchemaCheckReport } from './check.js';
export { crc64Avro, fingerprintBytes } from './crc64.js';
export { HEADER_BYTES, SINGLE_OBJECT_MARKER, splitSingleObject } from './single-object.js';
export { NAMESPACE, TOPIC_KINDS, TOPIC_RECORDS, topicKindOfRecord } from './topics.js';
export type { TopicEvents, TopicKind } from './topics.js';

let shared: AvroCodec | null = null;

/** The codec over the shipped `schemas/`, read on first use (call it at start to fail early). */
export function avroCodec(): AvroCodec {
  shared ??= createAvroCodec(loadSchemaRegistry());
  return shared;
}

export function encodeEvent<K extends TopicKind>(kind: K, event: TopicEvents[K]): Buffer {
  return avroCodec().encodeEvent(kind, event);
}

export function decodeEvent(bytes: Uint8Array): AnyDecodedEvent;
export function decodeEvent<K extends TopicKind>(bytes: Uint8Array, expected: K): DecodedEvent<K>;
export function decodeEvent(bytes: Uint8Array, expected?: TopicKind): AnyDecodedEvent {
  return expected === undefined ? avroCodec().decodeEvent(bytes) : (avroCodec().decodeEvent(bytes, expected) as AnyDecodedEvent);
}
