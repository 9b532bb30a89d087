/** `schemas check`: the catalogue matches the files, and every current schema reads every older version. */
import { catalogueOf, compareCatalogue, type Catalogue, type CatalogueDifference } from './catalogue.js';
import { checkCompatibility } from './compat.js';
import type { SchemaRegistry } from './schema-set.js';

export interface SchemaCheckReport {
  /** The catalogue the files build (what `--write` stores). */
  catalogue: Catalogue;
  /** Differences between the recorded catalogue and the files. */
  catalogueDifferences: CatalogueDifference[];
  /** Backward-incompatible changes. */
  breakingChanges: string[];
  ok: boolean;
}

export function checkSchemas(registry: SchemaRegistry, recorded: Catalogue): SchemaCheckReport {
  const catalogue = catalogueOf(registry);
  const catalogueDifferences = compareCatalogue(catalogue, recorded);
  const breakingChanges = checkCompatibility(registry);
  return { catalogue, catalogueDifferences, breakingChanges, ok: catalogueDifferences.length === 0 && breakingChanges.length === 0 };
}
