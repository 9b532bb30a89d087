/**
 * Builds avsc types from the schema files. `schemas/vN/` holds only the named types that changed in version N;
 * schema set N is, for each name, its file from the highest version folder ≤ N. A name gets a new version
 * whenever its resolved Parsing Canonical Form changes, which includes a change of a type it uses (so
 * `IngestedScene` has a version 2 because `DialogueMessage` gained fields in set 2).
 */
import avro from 'avsc';
import { HyperBridgeError } from '../lib/errors.js';
import { fingerprintBytes } from './crc64.js';

/** One `.avsc` file as read by the loader. */
export interface SchemaSource {
  /** The version folder it lives in (`v2` → 2). */
  version: number;
  /** Path relative to the schemas folder, e.g. `v1/Scene.avsc`. */
  file: string;
  /** The parsed JSON: one named type per file. */
  schema: unknown;
}

/** One version of one named type, as listed in the catalogue. */
export interface SchemaVersion {
  /** Full name, e.g. `io.hyperbridge.Scene`. */
  name: string;
  version: number;
  file: string;
  canonicalForm: string;
  /** CRC-64-AVRO of the canonical form: the 8 bytes in wire order (little-endian), lower-case hex. */
  fingerprint: string;
  type: avro.Type;
}

export interface SchemaRegistry {
  /** Every version of every named type, by name then version. */
  readonly versions: readonly SchemaVersion[];
  /** The newest schema set's version number. */
  readonly setVersion: number;
  /** The versions of one name, oldest first (empty when unknown). */
  history(name: string): readonly SchemaVersion[];
  /** The current version of a name; its `type` is built from the newest set, so it carries the newest defaults. */
  current(name: string): SchemaVersion;
  byFingerprint(hex: string): SchemaVersion | null;
}

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const COMPLEX = new Set(['record', 'error', 'enum', 'fixed', 'array', 'map']);

const invalid = (reason: string, cause?: unknown): HyperBridgeError =>
  new HyperBridgeError('HB_ERR_SCHEMA_INVALID', 'avro', reason, { cause });

function fullNameOf(source: SchemaSource): string {
  const s = source.schema as { name?: unknown; namespace?: unknown } | null;
  if (!s || typeof s.name !== 'string') throw invalid(`${source.file}: not a named Avro type`);
  const name = s.name.includes('.') || typeof s.namespace !== 'string' ? s.name : `${s.namespace}.${s.name}`;
  if (!source.file.endsWith(`/${name.slice(name.lastIndexOf('.') + 1)}.avsc`)) {
    throw invalid(`${source.file}: defines ${name}; a file must be named after the type it defines`);
  }
  return name;
}

/** The full names a schema refers to by name (so they must be built before it). */
function referencedNames(schema: unknown, namespace: string, out: Set<string>): Set<string> {
  if (typeof schema === 'string') {
    if (!PRIMITIVES.has(schema)) out.add(schema.includes('.') ? schema : `${namespace}.${schema}`);
  } else if (Array.isArray(schema)) {
    for (const branch of schema) referencedNames(branch, namespace, out);
  } else if (schema !== null && typeof schema === 'object') {
    const s = schema as Record<string, unknown>;
    const ns = typeof s.namespace === 'string' ? s.namespace : namespace;
    if (!(typeof s.type === 'string' && COMPLEX.has(s.type))) referencedNames(s.type, ns, out);
    if (Array.isArray(s.fields)) for (const field of s.fields) referencedNames((field as { type?: unknown }).type, ns, out);
    if (s.items !== undefined) referencedNames(s.items, ns, out);
    if (s.values !== undefined) referencedNames(s.values, ns, out);
  }
  return out;
}

/** Builds every named type of one schema set (name → its file) into one avsc registry. */
function buildSet(sources: Map<string, SchemaSource>): Map<string, avro.Type> {
  const registry: Record<string, avro.Type> = {};
  const build = (name: string, path: string[]): avro.Type => {
    const built = registry[name];
    if (built) return built;
    const source = sources.get(name);
    if (!source) throw invalid(`${path.join(' → ')} uses ${name}, which no schema file defines`);
    if (path.includes(name)) throw invalid(`recursive schema files are not supported: ${[...path, name].join(' → ')}`);
    const namespace = name.slice(0, name.lastIndexOf('.'));
    for (const ref of referencedNames(source.schema, namespace, new Set())) build(ref, [...path, name]);
    try {
      return avro.Type.forSchema(source.schema as avro.Schema, { registry });
    } catch (err) {
      throw invalid(`${source.file}: ${(err as Error).message}`, err);
    }
  };
  return new Map([...sources.keys()].map((name) => [name, build(name, [])]));
}

export function buildSchemaRegistry(sources: readonly SchemaSource[]): SchemaRegistry {
  const setVersions = [...new Set(sources.map((s) => s.version))].sort((a, b) => a - b);
  if (setVersions.length === 0) throw invalid('no schema files');
  const byName = new Map<string, SchemaVersion[]>();
  const sourcesOfSet = new Map<string, SchemaSource>();
  let newestTypes = new Map<string, avro.Type>();
  for (const setVersion of setVersions) {
    for (const source of sources.filter((s) => s.version === setVersion)) {
      const name = fullNameOf(source);
      if (sourcesOfSet.get(name)?.version === setVersion) throw invalid(`${source.file}: ${name} is defined twice`);
      sourcesOfSet.set(name, source);
    }
    newestTypes = buildSet(sourcesOfSet);
    for (const [name, type] of newestTypes) {
      const canonicalForm = JSON.stringify(type.schema());
      const history = byName.get(name) ?? [];
      if (history.at(-1)?.canonicalForm === canonicalForm) continue;
      const fingerprint = fingerprintBytes(canonicalForm).toString('hex');
      history.push({ name, version: setVersion, file: sourcesOfSet.get(name)!.file, canonicalForm, fingerprint, type });
      byName.set(name, history);
    }
  }
  const versions = [...byName.keys()].sort().flatMap((name) => byName.get(name)!);
  const byFingerprint = new Map<string, SchemaVersion>();
  for (const v of versions) {
    const clash = byFingerprint.get(v.fingerprint);
    if (clash && clash.name !== v.name) throw invalid(`${v.name} v${v.version} and ${clash.name} share fingerprint ${v.fingerprint}`);
    if (!clash) byFingerprint.set(v.fingerprint, v);
  }
  const current = new Map([...byName].map(([name, history]) => [name, { ...history.at(-1)!, type: newestTypes.get(name)! }]));
  return {
    versions,
    setVersion: setVersions.at(-1)!,
    history: (name) => byName.get(name) ?? [],
    current(name) {
      const version = current.get(name);
      if (!version) throw invalid(`no schema defines ${name}`);
      return version;
    },
    byFingerprint: (hex) => byFingerprint.get(hex) ?? null,
  };
}
