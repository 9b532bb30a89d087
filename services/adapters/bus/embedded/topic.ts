/**
 * A topic of the embedded bus: a folder under HB_DATA_DIR/bus/ with one log file per partition and one
 * committed-offsets file per consumer group. The partition count is fixed when the topic is created.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HyperBridgeError } from '../../../lib/errors.js';
import { partitionOf } from '../partition.js';
import { Signal } from '../signal.js';
import type { OutRecord } from '../types.js';
import { OffsetStore } from './offset-store.js';
import { PartitionLog } from './partition-log.js';

const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

export class EmbeddedTopic {
  readonly logs: PartitionLog[];
  /** Notified after every append (each partition's log has its own signal too, for its consumers). */
  readonly appended = new Signal();
  /** Notified whenever a consumer group moves forward. */
  readonly progressed = new Signal();
  /** Records processed so far by each group consuming now (backlog = appended − slowest group). */
  private readonly groupPositions = new Map<string, () => number>();

  constructor(readonly name: string, private readonly dir: string, partitions: number) {
    mkdirSync(dir, { recursive: true });
    const metaPath = join(dir, 'topic.json');
    if (existsSync(metaPath)) {
      partitions = (JSON.parse(readFileSync(metaPath, 'utf8')) as { partitions: number }).partitions;
    } else {
      writeFileSync(metaPath, JSON.stringify({ partitions }));
    }
    this.logs = Array.from({ length: partitions }, (_, p) => new PartitionLog(join(dir, `${p}.log`)));
  }

  static open(root: string, name: string, partitions: number): EmbeddedTopic {
    if (!TOPIC_NAME.test(name)) throw new HyperBridgeError('HB_ERR_USAGE', 'bus', `invalid topic name "${name}"`);
    return new EmbeddedTopic(name, join(root, name), partitions);
  }

  get partitions(): number {
    return this.logs.length;
  }

  get endTotal(): number {
    return this.logs.reduce((sum, log) => sum + log.endOffset, 0);
  }

  /** Appends to the key's partition and returns its log, whose consumers are to be woken. */
  append(record: OutRecord): PartitionLog {
    const log = this.logs[partitionOf(record.key, this.logs.length)]!;
    log.append({ key: record.key, value: record.value, headers: record.headers });
    return log;
  }

  offsetStore(group: string): OffsetStore {
    if (!TOPIC_NAME.test(group)) throw new HyperBridgeError('HB_ERR_USAGE', 'bus', `invalid group name "${group}"`);
    return new OffsetStore(join(this.dir, `group.${group}.json`));
  }

  trackGroup(group: string, processedTotal: () => number): void {
    this.groupPositions.set(group, processedTotal);
  }

  untrackGroup(group: string): void {
    this.groupPositions.delete(group);
    this.progressed.notify();
  }

  /** Records appended but not yet processed by the slowest group consuming now; 0 when nobody consumes. */
  backlog(): number {
    let slowest = Infinity;
    for (const position of this.groupPositions.values()) slowest = Math.min(slowest, position());
    return slowest === Infinity ? 0 : this.endTotal - slowest;
  }

  async sync(): Promise<void> {
    await Promise.all(this.logs.map((log) => log.sync()));
  }

  close(): void {
    for (const log of this.logs) log.close();
  }
}
