/**
 * One partition of a topic as an append-only file. Offsets are record numbers; the byte position of each is
 * indexed in memory when the file is opened (one scan), so reading by offset is one positioned read.
 *
 * Durability: appends are written to the OS in batches (up to WRITE_BATCH_BYTES, one write call instead of one
 * per record) and always before `sync()` flushes them to the disk; the bus syncs every log it wrote before it
 * replaces a committed-offset file, and on close. A crash can therefore lose only records whose input offsets
 * were not committed yet, which the restarted consumer produces again. A torn or corrupt tail (CRC mismatch)
 * is cut off when the file is opened.
 */
import { closeSync, fstatSync, fsync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { Signal } from '../signal.js';
import { FRAME_HEADER_BYTES, decodeFrameBody, encodeFrame, frameBodyLength, frameIsIntact, type FrameRecord } from './frame.js';

/**
 * Frames of the latest appends kept in memory, per log: a consumer mostly reads a record soon after it was
 * appended (the embedded bus's back-pressure bounds how far behind it runs), and then needs no read from the file.
 */
const RECENT_FRAMES = 256;

/** Appended bytes held before one write call; far fewer than the recent frames hold, so reads rarely wait on it. */
const WRITE_BATCH_BYTES = 64 * 1024;

export class PartitionLog {
  private readonly fd: number;
  private positions: number[] = [];
  private size = 0;
  /** Frames appended but not yet handed to the OS, in order; they follow the file's current end. */
  private unwritten: Buffer[] = [];
  private unwrittenBytes = 0;
  private dirty = false;
  /** The frame of offset `o` is `recentFrames[o % RECENT_FRAMES]` while `recentOffsets` holds `o` there. */
  private readonly recentFrames: (Buffer | undefined)[] = new Array(RECENT_FRAMES);
  private readonly recentOffsets = new Float64Array(RECENT_FRAMES).fill(-1);
  /** Notified after appends to this log: its consumers wait on it rather than on the whole topic. */
  readonly appended = new Signal();

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a+');
    this.recover();
  }

  get endOffset(): number {
    return this.positions.length;
  }

  append(record: FrameRecord): number {
    const frame = encodeFrame(record);
    this.unwritten.push(frame);
    this.unwrittenBytes += frame.length;
    if (this.unwrittenBytes >= WRITE_BATCH_BYTES) this.write();
    const offset = this.positions.length;
    this.positions.push(this.size);
    this.size += frame.length;
    this.dirty = true;
    this.recentFrames[offset % RECENT_FRAMES] = frame;
    this.recentOffsets[offset % RECENT_FRAMES] = offset;
    return offset;
  }

  read(offset: number): FrameRecord {
    const position = this.positions[offset];
    if (position === undefined) throw new RangeError(`offset ${offset} is beyond the end of ${this.path}`);
    let frame = this.recentOffsets[offset % RECENT_FRAMES] === offset ? this.recentFrames[offset % RECENT_FRAMES] : undefined;
    if (!frame) {
      if (this.unwrittenBytes > 0) this.write();
      frame = Buffer.allocUnsafe((this.positions[offset + 1] ?? this.size) - position);
      this.readFully(frame, position);
    }
    return decodeFrameBody(frame.subarray(FRAME_HEADER_BYTES));
  }

  /**
   * Flushes every record appended so far to the disk, off the event loop (fsync blocks for milliseconds).
   * Records appended meanwhile mark the log dirty again for the next sync.
   */
  async sync(): Promise<void> {
    if (!this.dirty) return;
    this.write();
    this.dirty = false;
    await new Promise<void>((resolve, reject) => fsync(this.fd, (err) => (err ? reject(err) : resolve())));
  }

  /** The bus closes a log only once no sync is running. */
  close(): void {
    this.write();
    if (this.dirty) fsyncSync(this.fd);
    this.dirty = false;
    closeSync(this.fd);
  }

  /** Hands the unwritten frames to the OS, in one write where it takes them whole. */
  private write(): void {
    if (this.unwrittenBytes === 0) return;
    const bytes = this.unwritten.length === 1 ? this.unwritten[0]! : Buffer.concat(this.unwritten, this.unwrittenBytes);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    this.unwritten = [];
    this.unwrittenBytes = 0;
  }

  private readFully(into: Buffer, position: number): number {
    let got = 0;
    while (got < into.length) {
      const n = readSync(this.fd, into, got, into.length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return got;
  }

  private recover(): void {
    const fileSize = fstatSync(this.fd).size;
    const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
    let at = 0;
    while (at + FRAME_HEADER_BYTES <= fileSize) {
      this.readFully(header, at);
      const bodyLength = frameBodyLength(header);
      if (at + FRAME_HEADER_BYTES + bodyLength > fileSize) break;
      const body = Buffer.allocUnsafe(bodyLength);
      this.readFully(body, at + FRAME_HEADER_BYTES);
      if (!frameIsIntact(header, body)) break;
      this.positions.push(at);
      at += FRAME_HEADER_BYTES + bodyLength;
    }
    if (at < fileSize) ftruncateSync(this.fd, at);
    this.size = at;
  }
}
