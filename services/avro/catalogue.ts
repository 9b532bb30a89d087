/**
 * The fingerprint catalogue (`schemas/catalogue.json`): every released version of every named type. A released
 * schema is never edited, so the catalogue recorded at release must keep matching what the files build.
 */
import { HyperBridgeError } from '../lib/errors.js';
import type { SchemaRegistry } from './schema-set.js';

export interface CatalogueEntry {
  name: string;
  version: number;
  file: string;
  /** CRC-64-AVRO of the Parsing Canonical Form, 8 bytes little-endian (wire order), hex. */
  fingerprint: string;
}

export interface Catalogue {
  algorithm: 'CRC-64-AVRO';
  byteOrder: 'little-endian';
  schemas: CatalogueEntry[];
}

export function catalogueOf(registry: SchemaRegistry): Catalogue {
  return {
    algorithm: 'CRC-64-AVRO',
    byteOrder: 'little-endian',
    schemas: registry.versions.map(({ name, version, file, fingerprint }) => ({ name, version, file, fingerprint })),
  };
}

export function parseCatalogue(json: unknown): Catalogue {
  const c = json as Partial<Catalogue> | null;
  const entryOk = (e: Partial<CatalogueEntry>): boolean =>
    typeof e?.name === 'string' && Number.isInteger(e.version) && typeof e.file === 'string' &&
    typeof e.fingerprint === 'string' && /^[0-9a-f]{16}$/.test(e.fingerprint);
  if (!c || c.algorithm !== 'CRC-64-AVRO' || c.byteOrder !== 'little-endian' || !Array.isArray(c.schemas) || !c.schemas.every(entryOk)) {
    throw new HyperBridgeError('HB_ERR_SCHEMA_INVALID', 'avro', 'the schema catalogue is not {algorithm: CRC-64-AVRO, byteOrder: little-endian, schemas: [{name, version, file, fingerprint}]}');
  }
  return c as Catalogue;
}

export interface CatalogueDifference {
  /** `uncatalogued`: a new version to add; `edited`/`removed`: a released schema changed, which is never allowed. */
  kind: 'uncatalogued' | 'edited' | 'removed';
  message: string;
}

/** What differs between the catalogue the files build and the recorded one. */
export function compareCatalogue(built: Catalogue, recorded: Catalogue): CatalogueDifference[] {
  const key = (e: CatalogueEntry): string => `${e.name} v${e.version}`;
  const recordedByKey = new Map(recorded.schemas.map((e) => [key(e), e]));
  const builtKeys = new Set(built.schemas.map(key));
  const differences: CatalogueDifference[] = [];
  for (const entry of built.schemas) {
    const old = recordedByKey.get(key(entry));
    if (!old) {
      differences.push({ kind: 'uncatalogued', message: `${key(entry)} (${entry.file}, ${entry.fingerprint}) is not in the catalogue: add it with --write` });
    } else if (old.fingerprint !== entry.fingerprint || old.file !== entry.file) {
      const message = `${key(entry)}: the files build ${entry.fingerprint} (${entry.file}) but the catalogue records ${old.fingerprint} (${old.file}); a released schema was edited: add a new version folder instead`;
      differences.push({ kind: 'edited', message });
    }
  }
  for (const entry of recorded.schemas) {
    if (!builtKeys.has(key(entry))) {
      differences.push({ kind: 'removed', message: `${key(entry)} (${entry.file}) is in the catalogue but the files no longer build it; a released schema was removed or edited` });
    }
  }
  return differences;
}
