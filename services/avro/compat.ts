/**
 * Backward compatibility as the Avro specification's schema resolution defines it: the current version of each
 * named type must read data written with every older version. Each problem names the path and the change.
 */
import type avro from 'avsc';
import type { AvscType } from './avsc-type.js';
import type { SchemaRegistry } from './schema-set.js';


/** Writer type → reader types it may be promoted to. */
const PROMOTIONS: Readonly<Record<string, readonly string[]>> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

const isUnion = (t: AvscType): boolean => t.typeName.startsWith('union');
const describe = (t: AvscType): string => t.name ?? t.typeName;
const nameMatches = (reader: AvscType, writer: AvscType): boolean =>
  reader.name === writer.name || (reader.aliases ?? []).includes(writer.name!);

/** Whether a reader branch is the one the specification picks for a writer type ("matches"). */
function matches(reader: AvscType, writer: AvscType): boolean {
  if (reader.typeName !== writer.typeName) return (PROMOTIONS[writer.typeName] ?? []).includes(reader.typeName);
  return reader.name === undefined || nameMatches(reader, writer);
}

function check(reader: AvscType, writer: AvscType, path: string, out: string[]): void {
  if (isUnion(writer)) {
    for (const branch of writer.types!) check(reader, branch, path, out);
    return;
  }
  if (isUnion(reader)) {
    const branch = reader.types!.find((r) => matches(r, writer));
    if (branch) check(branch, writer, path, out);
    else out.push(`${path}: the writer's ${describe(writer)} matches no branch of the reader's union [${reader.types!.map(describe).join(', ')}]`);
    return;
  }
  if (!matches(reader, writer)) {
    out.push(`${path}: the writer's ${describe(writer)} cannot be read as ${describe(reader)}`);
    return;
  }
  switch (reader.typeName) {
    case 'record':
    case 'error':
      for (const field of reader.fields!) {
        const written = writer.fields!.find((w) => w.name === field.name || field.aliases.includes(w.name));
        if (written) check(field.type, written.type, `${path}.${field.name}`, out);
        else if (field.defaultValue() === undefined) out.push(`${path}.${field.name}: field added without a default`);
      }
      return;
    case 'enum': {
      const removed = writer.symbols!.filter((s) => !reader.symbols!.includes(s));
      if (removed.length > 0 && reader.default === undefined) {
        out.push(`${path}: enum symbols removed without an enum default: ${removed.join(', ')}`);
      }
      return;
    }
    case 'fixed':
      if (reader.size !== writer.size) out.push(`${path}: fixed size changed from ${writer.size} to ${reader.size}`);
      return;
    case 'array':
      check(reader.itemsType!, writer.itemsType!, `${path}[]`, out);
      return;
    case 'map':
      check(reader.valuesType!, writer.valuesType!, `${path}{}`, out);
      return;
  }
}

/** Why `reader` cannot read data written with `writer` (empty when it can). */
export function findBreakingChanges(reader: avro.Type, writer: avro.Type): string[] {
  const out: string[] = [];
  check(reader as AvscType, writer as AvscType, reader.name ?? reader.typeName, out);
  if (out.length === 0) {
    // avsc must agree, since it is what decodes at run time.
    try {
      reader.createResolver(writer);
    } catch (err) {
      out.push(`${reader.name ?? reader.typeName}: avsc cannot resolve the writer schema: ${(err as Error).message}`);
    }
  }
  return out;
}

/** Every backward-incompatible change in the registry, as `Name vN → vM: problem`. */
export function checkCompatibility(registry: SchemaRegistry): string[] {
  const names = [...new Set(registry.versions.map((v) => v.name))];
  return names.flatMap((name) => {
    const current = registry.current(name);
    return registry
      .history(name)
      .filter((old) => old.version !== current.version)
      .flatMap((old) => findBreakingChanges(current.type, old.type).map((p) => `${name} v${current.version} cannot read v${old.version}: ${p}`));
  });
}
