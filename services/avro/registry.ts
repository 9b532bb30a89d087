/** Reads the schema files and the catalogue (the only I/O of the Avro area); used once at start. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HyperBridgeError } from '../lib/errors.js';
import { rootPath } from '../lib/paths.js';
import { parseCatalogue, type Catalogue } from './catalogue.js';
import { buildSchemaRegistry, type SchemaRegistry, type SchemaSource } from './schema-set.js';

export const SCHEMAS_DIR = rootPath('schemas');
export const CATALOGUE_FILE = 'catalogue.json';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new HyperBridgeError('HB_ERR_SCHEMA_INVALID', 'avro', `${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** Every `vN/*.avsc` under `dir`. */
export function readSchemaSources(dir: string = SCHEMAS_DIR): SchemaSource[] {
  let folders: string[];
  try {
    folders = readdirSync(dir).filter((name) => /^v\d+$/.test(name));
  } catch (err) {
    throw new HyperBridgeError('HB_ERR_SCHEMA_INVALID', 'avro', `cannot read ${dir}: ${(err as Error).message}`, { cause: err });
  }
  return folders.flatMap((folder) =>
    readdirSync(join(dir, folder))
      .filter((file) => file.endsWith('.avsc'))
      .sort()
      .map((file) => ({ version: Number(folder.slice(1)), file: `${folder}/${file}`, schema: readJson(join(dir, folder, file)) })),
  );
}

export function loadSchemaRegistry(dir: string = SCHEMAS_DIR): SchemaRegistry {
  return buildSchemaRegistry(readSchemaSources(dir));
}

export function loadCatalogue(dir: string = SCHEMAS_DIR): Catalogue {
  return parseCatalogue(readJson(join(dir, CATALOGUE_FILE)));
}
