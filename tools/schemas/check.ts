/**
 * Checks the schemas: the catalogue matches the files and every current schema reads every older version.
 *   node dist/tools/schemas/check.js [--dir schemas] [--write]
 * --write records new versions in the catalogue; it refuses while a released schema was edited or a change breaks
 * backward compatibility. Exits 1 naming each problem.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CATALOGUE_FILE,
  SCHEMAS_DIR,
  checkSchemas,
  loadCatalogue,
  loadSchemaRegistry,
  type Catalogue,
} from '../../services/avro/index.js';
import { asHyperBridgeError } from '../../services/lib/errors.js';

const EMPTY: Catalogue = { algorithm: 'CRC-64-AVRO', byteOrder: 'little-endian', schemas: [] };

function main(): number {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, write: { type: 'boolean', default: false } } });
  const dir = values.dir ? resolve(values.dir) : SCHEMAS_DIR;
  const registry = loadSchemaRegistry(dir);
  const recorded = values.write ? tryLoad(dir) : loadCatalogue(dir);
  const report = checkSchemas(registry, recorded);
  const blocking = [
    ...report.breakingChanges.map((p) => `breaking change: ${p}`),
    ...report.catalogueDifferences.filter((d) => !values.write || d.kind !== 'uncatalogued').map((d) => `catalogue: ${d.message}`),
  ];
  for (const line of blocking) process.stderr.write(`${line}\n`);
  if (blocking.length > 0) return 1;
  if (values.write) writeFileSync(join(dir, CATALOGUE_FILE), `${JSON.stringify(report.catalogue, null, 2)}\n`);
  const names = new Set(registry.versions.map((v) => v.name)).size;
  process.stdout.write(`schemas ok: ${names} named types, ${registry.versions.length} versions, schema set v${registry.setVersion}\n`);
  return 0;
}

function tryLoad(dir: string): Catalogue {
  try {
    return loadCatalogue(dir);
  } catch {
    return EMPTY;
  }
}

try {
  process.exitCode = main();
} catch (err) {
  const e = asHyperBridgeError(err, 'schemas');
  process.stderr.write(`${e.code}: ${e.message}\n`);
  process.exitCode = 1;
}
