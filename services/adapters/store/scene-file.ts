/**
 * The embedded store's scenes on disk: one append-only file of records `u32 bodyLength | u32 crc32(body) | body`
 * (little-endian), body = the vector as dim float32 | the rest of the scene as UTF-8 JSON. The vector has a fixed
 * place in its record, so a lookup reads a candidate's vector with one positioned read and the JSON only for the
 * matches it returns; memory keeps one file position per record. Appends reach the OS at once (a crashed process
 * loses nothing it wrote); a torn or corrupt tail (the machine went down mid-append) is cut off on open, and its
 * scene is indexed again when its message is replayed.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { float64List } from '../../core/signature/packed-list.js';
import { decodeVectorInto, encodeVector } from './codec.js';

/** A scene as the file keeps it, apart from its vector. */
export interface SceneDetails {
  sceneId: string;
  key: string;
  mnemonic: string;
  modelId: string;
  meta: Record<string, unknown>;
  /** Epoch ms after which the scene no longer answers lookups; null keeps it. */
  expiresAt: number | null;
}

/** Called for each intact record in slot order; `vector` is reused for the next record. */
export type RecordVisitor = (slot: number, vector: Float32Array, details: SceneDetails) => void;

interface DetailsJson {
  id: string;
  k: string;
  m: string;
  md: string;
  meta: Record<string, unknown>;
  x: number | null;
}

const HEADER_BYTES = 8;
const SCAN_CHUNK_BYTES = 1 << 20;

function readFully(fd: number, into: Buffer, position: number): number {
  let got = 0;
  while (got < into.length) {
    const n = readSync(fd, into, got, into.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

function writeFully(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

export class SceneFile {
  private fd: number;
  private readonly positions = float64List(1024);
  private size = 0;
  private readonly vectorBytes: number;
  private readonly vectorScratch: Buffer;

  private constructor(readonly path: string, readonly dim: number) {
    this.vectorBytes = dim * 4;
    this.vectorScratch = Buffer.allocUnsafe(this.vectorBytes);
    this.fd = openSync(path, 'a+');
  }

  /** Opens the file (creating it) and hands every intact record to `onRecord`. */
  static open(path: string, dim: number, onRecord: RecordVisitor): SceneFile {
    const file = new SceneFile(path, dim);
    file.scan(onRecord);
    return file;
  }

  /** Records in the file; the next append gets this slot. */
  get count(): number {
    return this.positions.length;
  }

  append(vector: Float32Array, details: SceneDetails): number {
    const json = Buffer.from(
      JSON.stringify({ id: details.sceneId, k: details.key, m: details.mnemonic, md: details.modelId, meta: details.meta, x: details.expiresAt } satisfies DetailsJson),
      'utf8',
    );
    const record = Buffer.allocUnsafe(HEADER_BYTES + this.vectorBytes + json.length);
    encodeVector(vector).copy(record, HEADER_BYTES);
    json.copy(record, HEADER_BYTES + this.vectorBytes);
    record.writeUInt32LE(record.length - HEADER_BYTES, 0);
    record.writeUInt32LE(crc32(record.subarray(HEADER_BYTES)), 4);
    writeFully(this.fd, record);
    this.positions.push(this.size);
    this.size += record.length;
    return this.positions.length - 1;
  }

  readVector(slot: number, into: Float32Array): Float32Array {
    readFully(this.fd, this.vectorScratch, this.positions.get(slot) + HEADER_BYTES);
    return decodeVectorInto(this.vectorScratch, into);
  }

  readDetails(slot: number): SceneDetails {
    const start = this.positions.get(slot) + HEADER_BYTES + this.vectorBytes;
    const bytes = Buffer.allocUnsafe(this.end(slot) - start);
    readFully(this.fd, bytes, start);
    return detailsOf(JSON.parse(bytes.toString('utf8')) as DetailsJson);
  }

  /**
   * Rewrites the file with only `slots` (in that order), which become slots 0, 1, …, and hands them to
   * `onRecord` as open does. The new file replaces the old by rename, so a crash leaves one or the other.
   */
  compact(slots: readonly number[], onRecord: RecordVisitor): void {
    const tmp = `${this.path}.tmp`;
    const out = openSync(tmp, 'w');
    try {
      for (const slot of slots) {
        const start = this.positions.get(slot);
        const bytes = Buffer.allocUnsafe(this.end(slot) - start);
        readFully(this.fd, bytes, start);
        writeFully(out, bytes);
      }
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    renameSync(tmp, this.path);
    closeSync(this.fd);
    this.fd = openSync(this.path, 'a+');
    this.positions.length = 0;
    this.scan(onRecord);
  }

  close(): void {
    closeSync(this.fd);
  }

  private end(slot: number): number {
    return slot + 1 < this.positions.length ? this.positions.get(slot + 1) : this.size;
  }

  /** Indexes the intact records from the start, in chunks of the file, and cuts off what follows them. */
  private scan(onRecord: RecordVisitor): void {
    const fileSize = fstatSync(this.fd).size;
    const vector = new Float32Array(this.dim);
    let chunk = Buffer.alloc(0);
    let chunkStart = 0;
    const view = (from: number, length: number): Buffer | null => {
      if (from + length > fileSize) return null;
      if (from < chunkStart || from + length > chunkStart + chunk.length) {
        const bytes = Buffer.allocUnsafe(Math.min(Math.max(SCAN_CHUNK_BYTES, length), fileSize - from));
        chunk = bytes.subarray(0, readFully(this.fd, bytes, from));
        chunkStart = from;
      }
      return from + length <= chunkStart + chunk.length ? chunk.subarray(from - chunkStart, from - chunkStart + length) : null;
    };
    let at = 0;
    for (;;) {
      const header = view(at, HEADER_BYTES);
      if (!header) break;
      const bodyLength = header.readUInt32LE(0);
      const checksum = header.readUInt32LE(4);
      const body = bodyLength > this.vectorBytes ? view(at + HEADER_BYTES, bodyLength) : null;
      if (!body || crc32(body) !== checksum) break;
      const slot = this.positions.length;
      this.positions.push(at);
      onRecord(slot, decodeVectorInto(body.subarray(0, this.vectorBytes), vector), detailsOf(JSON.parse(body.toString('utf8', this.vectorBytes)) as DetailsJson));
      at += HEADER_BYTES + bodyLength;
    }
    if (at < fileSize) ftruncateSync(this.fd, at);
    this.size = at;
  }
}

function detailsOf(json: DetailsJson): SceneDetails {
  return { sceneId: json.id, key: json.k, mnemonic: json.m, modelId: json.md, meta: json.meta, expiresAt: json.x };
}
