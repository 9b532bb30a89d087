/**
 * Checks a record body against its writer schema before avsc reads it, for two things avsc does not do:
 * - avsc sizes an array from the block count a record claims, so a 17-byte poison record claiming 2^27 items
 *   exhausts the heap: any length or block count larger than the bytes left is refused (every array item of our
 *   schemas takes at least one byte), so decoding costs at most what the record's size allows;
 * - avsc decodes invalid UTF-8 into U+FFFD without a word, while the specification says strings are UTF-8.
 */
import type avro from 'avsc';
import type { AvscType } from './avsc-type.js';
import { isValidUtf8 } from './utf8.js';

/** A string of the record is not valid UTF-8; `path` names its field. */
export class InvalidUtf8Error extends Error {
  constructor(readonly path: string) {
    super(`${path}: not valid UTF-8`);
  }
}


class Cursor {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  get left(): number {
    return this.buf.length - this.pos;
  }

  skip(n: number, what: string): void {
    if (n < 0 || n > this.left) throw new Error(`${what}: ${n} bytes with ${this.left} left`);
    this.pos += n;
  }

  /** A zig-zag varint; precision beyond 2^53 does not matter since any such count is refused. */
  long(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.left === 0) throw new Error('truncated varint');
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
      scale *= 128;
    }
    throw new Error('varint longer than 10 bytes');
  }

  /** Skips a length-prefixed string or bytes and returns where its content starts. */
  lengthPrefixed(what: string): number {
    const n = this.long();
    const start = this.pos;
    this.skip(n, what);
    return start;
  }

  index(count: number, what: string): number {
    const i = this.long();
    if (i < 0 || i >= count) throw new Error(`${what}: index ${i} out of range`);
    return i;
  }
}

type Scanner = (c: Cursor) => void;

const fixedSize = (n: number, what: string): Scanner => (c) => c.skip(n, what);
const varint: Scanner = (c) => void c.long();
const utf8 = (path: string): Scanner => (c) => {
  if (!isValidUtf8(c.buf, c.lengthPrefixed(path), c.pos)) throw new InvalidUtf8Error(path);
};

/** A scanner per type, compiled once (a switch per value would double the cost); `path` names the field. */
function compile(type: AvscType, path: string): Scanner {
  switch (type.typeName) {
    case 'null':
      return () => undefined;
    case 'boolean':
      return fixedSize(1, path);
    case 'int':
    case 'long':
      return varint;
    case 'float':
      return fixedSize(4, path);
    case 'double':
      return fixedSize(8, path);
    case 'bytes':
      return (c) => void c.lengthPrefixed(path);
    case 'string':
      return utf8(path);
    case 'fixed':
      return fixedSize(type.size!, path);
    case 'enum': {
      const count = type.symbols!.length;
      return (c) => void c.index(count, path);
    }
    case 'record':
    case 'error': {
      const fields = type.fields!.map((f) => compile(f.type, `${path}.${f.name}`));
      return (c) => {
        for (const field of fields) field(c);
      };
    }
    case 'array':
    case 'map': {
      const item = compile(type.itemsType ?? type.valuesType!, `${path}[]`);
      const key = type.typeName === 'map' ? utf8(`${path} key`) : null;
      return (c) => {
        for (let n = c.long(); n !== 0; n = c.long()) {
          if (n < 0) {
            n = -n;
            c.long(); // block size in bytes
          }
          if (n > c.left) throw new Error(`${path}: block of ${n} items with ${c.left} bytes left`);
          for (let i = 0; i < n; i++) {
            key?.(c);
            item(c);
          }
        }
      };
    }
    default: {
      if (type.typeName.startsWith('union')) {
        const branches = type.types!.map((t) => compile(t, path));
        return (c) => branches[c.index(branches.length, `${path} union branch`)]!(c);
      }
      if (type.underlyingType) return compile(type.underlyingType, path);
      throw new Error(`${path}: cannot check ${type.typeName}`);
    }
  }
}

const scanners = new WeakMap<avro.Type, Scanner>();

/**
 * Throws unless `body` is exactly one well-formed record of `writer`: InvalidUtf8Error for a string that is not
 * UTF-8, a plain Error (wrapped by the codec) for anything else.
 */
export function checkWellFormed(writer: avro.Type, body: Buffer): void {
  let scan = scanners.get(writer);
  if (!scan) {
    scan = compile(writer as AvscType, writer.name!.slice(writer.name!.lastIndexOf('.') + 1));
    scanners.set(writer, scan);
  }
  const c = new Cursor(body);
  scan(c);
  if (c.left !== 0) throw new Error(`trailing data: ${c.left} bytes after the record`);
}
