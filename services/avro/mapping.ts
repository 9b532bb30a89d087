/**
 * The one place where the TypeScript events and the Avro records differ: avsc writes bytes from Buffers and
 * reads records as class instances, and `persona` is a string in Avro (enum symbols cannot hold `body-poet`),
 * so its values are checked here against the contract's enumeration.
 */
import type avro from 'avsc';
import type { AvscType } from './avsc-type.js';
import { PERSONAS } from '../core/types.js';
import { HyperBridgeError, type ErrorCode } from '../lib/errors.js';


/** String fields restricted to an enumeration of the contract, by `<record full name>.<field>`. */
const STRING_DOMAINS: Readonly<Record<string, readonly string[]>> = {
  'io.hyperbridge.Rendering.persona': PERSONAS,
  'io.hyperbridge.RenderRequest.persona': [...PERSONAS, 'auto'],
};

type Direction = 'toAvro' | 'fromAvro';
type Mapper = (value: unknown, path: string) => unknown;

const identity: Mapper = (value) => value;

const bytesMappers: Record<Direction, Mapper> = {
  toAvro: (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v),
  // A copy: avsc's Buffer shares memory with the whole record it was read from.
  fromAvro: (v) => new Uint8Array(v as Buffer),
};

function outOfDomain(direction: Direction, path: string, value: unknown, domain: readonly string[]): HyperBridgeError {
  const code: ErrorCode = direction === 'toAvro' ? 'HB_ERR_BAD_MESSAGE' : 'HB_ERR_AVRO_DECODE';
  return new HyperBridgeError(code, 'avro', `${path}: ${JSON.stringify(value)?.slice(0, 40)} is not one of ${domain.join(', ')}`);
}

function compile(type: AvscType, direction: Direction): Mapper {
  switch (type.typeName) {
    case 'record': {
      const fields = type.fields!.map((f) => ({
        name: f.name,
        map: compile(f.type, direction),
        domain: STRING_DOMAINS[`${type.name}.${f.name}`],
      }));
      return (value, path) => {
        // Wrong shapes pass through unchanged: avsc's validation names them.
        if (value === null || typeof value !== 'object') return value;
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          const v = (value as Record<string, unknown>)[f.name];
          if (f.domain && !f.domain.includes(v as string)) throw outOfDomain(direction, `${path}.${f.name}`, v, f.domain);
          // Most fields map to themselves: their path (a new string per field per record) is not built.
          out[f.name] = f.map === identity ? v : f.map(v, `${path}.${f.name}`);
        }
        return out;
      };
    }
    case 'array': {
      const items = compile(type.itemsType!, direction);
      if (items === identity) return identity;
      return (value, path) => (Array.isArray(value) ? value.map((v, i) => items(v, `${path}[${i}]`)) : value);
    }
    case 'union:unwrapped': {
      const branches = type.types!.filter((t) => t.typeName !== 'null');
      if (branches.length !== 1) throw new HyperBridgeError('HB_ERR_SCHEMA_INVALID', 'avro', `only ["null", T] unions are supported (${type.types!.map((t) => t.name ?? t.typeName).join(', ')})`);
      const branch = compile(branches[0]!, direction);
      return branch === identity ? identity : (value, path) => (value === null ? null : branch(value, path));
    }
    case 'bytes':
      return bytesMappers[direction];
    default:
      return identity;
  }
}

export interface RecordMapper {
  toAvro(event: unknown): unknown;
  fromAvro(record: unknown): unknown;
}

export function recordMapper(type: avro.Type): RecordMapper {
  const [toAvro, fromAvro] = (['toAvro', 'fromAvro'] as const).map((d) => compile(type as AvscType, d));
  const root = type.name!.slice(type.name!.lastIndexOf('.') + 1);
  return { toAvro: (event) => toAvro!(event, root), fromAvro: (record) => fromAvro!(record, root) };
}
