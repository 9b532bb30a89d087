/**
 * The embedded bus: Kafka's model (topics, key-hashed partitions, consumer groups with committed offsets) in
 * one process, persisted under HB_DATA_DIR/bus/ so the default mode keeps what it processed.
 *
 * Delivery: within a partition records are processed one after another, so order per key holds. Every
 * COMMIT_INTERVAL_MS (and when a group stops) the bus syncs every log it wrote, once, and then replaces the
 * offset files of the groups that moved, both off the event loop;
 * after a crash a stage therefore redoes at most the records of the last interval (at-least-once, which is why
 * `transactional` is false). Back-pressure: `produce` waits while HB_MAX_IN_FLIGHT records of the target topic
 * are unprocessed by the slowest group consuming it.
 */
import { mkdirSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { join } from 'node:path';
import type { Bus, InRecord, OutRecord, ProcessHandle, ProcessSpec, Processor, ReadOptions } from '../types.js';
import { lockDirectory } from './lock.js';
import type { PartitionLog } from './partition-log.js';
import { EmbeddedTopic } from './topic.js';

const COMMIT_INTERVAL_MS = 200;
const IDLE_POLL_MS = 50;
/**
 * Records of a partition a group hands its processor before the oldest one's outputs are produced. A stage in a
 * worker thread (render, verify) then always has the next records queued: with one at a time it waited for the
 * main thread to take each reply and send the next record. Outputs and offsets still follow the log's order.
 */
const LOOKAHEAD = 4; // 8 measured no faster; 1 (one at a time) 15–20% slower in paired runs

/** A consumer group's part in a commit: its positions as they are now (null: unmoved), then their save. */
interface GroupCommit {
  take(): number[] | null;
  save(positions: readonly number[]): Promise<void>;
}

export interface EmbeddedBusOptions {
  dataDir: string;
  /** Partitions of topics created by this bus. */
  partitions: number;
  maxInFlight: number;
}

export class EmbeddedBus implements Bus {
  readonly transport = 'embedded' as const;
  readonly transactional = false;
  private readonly root: string;
  private readonly topics = new Map<string, EmbeddedTopic>();
  private readonly handles = new Set<ProcessHandle>();
  /** The groups consuming now, whose offsets are committed together after one sync of all logs. */
  private readonly groups = new Set<GroupCommit>();
  /** The commit running now: fsync takes milliseconds, so it runs off the event loop and a tick never overlaps it. */
  private committing: Promise<void> | null = null;
  private readonly committer: NodeJS.Timeout;
  private readonly unlock: () => void;
  private closed = false;

  constructor(private readonly options: EmbeddedBusOptions) {
    this.root = join(options.dataDir, 'bus');
    mkdirSync(this.root, { recursive: true });
    this.unlock = lockDirectory(this.root);
    // A failed sync or offset save is fatal, as an I/O error of the stages' own writes is.
    this.committer = setInterval(() => void this.commitAll(), COMMIT_INTERVAL_MS);
    this.committer.unref();
  }

  private commitAll(): Promise<void> {
    this.committing ??= this.syncAndCommit().finally(() => (this.committing = null));
    return this.committing;
  }

  private async syncAndCommit(): Promise<void> {
    // Positions are taken before the sync: a position moves only after its record's outputs were appended, so
    // the sync covers every output of the records the saved offsets skip.
    const saves = [...this.groups].flatMap((group) => {
      const positions = group.take();
      return positions ? [() => group.save(positions)] : [];
    });
    await Promise.all([...this.topics.values()].map((topic) => topic.sync()));
    await Promise.all(saves.map((save) => save()));
  }

  private topic(name: string): EmbeddedTopic {
    let topic = this.topics.get(name);
    if (!topic) {
      topic = EmbeddedTopic.open(this.root, name, this.options.partitions);
      this.topics.set(name, topic);
    }
    return topic;
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    for (const name of topics) this.topic(name);
  }

  async produce(records: readonly OutRecord[]): Promise<void> {
    const touched = new Set<EmbeddedTopic>();
    // Only the consumers of the partitions written to are woken: waking a topic's every consumer for each
    // record costs more than the record's own bus work.
    const touchedLogs = new Set<PartitionLog>();
    const wake = (): void => {
      for (const topic of touched) topic.appended.notify();
      for (const log of touchedLogs) log.appended.notify();
      touched.clear();
      touchedLogs.clear();
    };
    for (const record of records) {
      const topic = this.topic(record.topic);
      while (topic.backlog() >= this.options.maxInFlight) {
        wake();
        await topic.progressed.wait();
      }
      touchedLogs.add(topic.append(record));
      touched.add(topic);
    }
    wake();
  }

  async process(spec: ProcessSpec, processor: Processor): Promise<ProcessHandle> {
    const topic = this.topic(spec.topic);
    const store = topic.offsetStore(spec.group);
    const positions = store.exists() || spec.fromBeginning !== false
      ? store.load(topic.partitions)
      : topic.logs.map((log) => log.endOffset);
    let running = true;
    let dirty = false;
    let lastActivity = Date.now();
    // Saved only after the bus synced every log, so a committed offset never points past output not yet on disk.
    const group: GroupCommit = {
      take: () => {
        if (!dirty) return null;
        dirty = false;
        return [...positions];
      },
      save: (taken) => store.save(taken),
    };
    this.groups.add(group);
    topic.trackGroup(spec.group, () => positions.reduce((a, b) => a + b, 0));

    const drain = async (p: number): Promise<void> => {
      const log = topic.logs[p]!;
      // Records handed to the processor, oldest first, whose outputs are produced and offsets moved in order.
      const started: { offset: number; outputs: Promise<OutRecord[]> }[] = [];
      let next = positions[p]!;
      while (running || started.length > 0) {
        while (running && started.length < LOOKAHEAD && next < log.endOffset) {
          const offset = next++;
          const record: InRecord = { topic: spec.topic, partition: p, offset: String(offset), ...log.read(offset) };
          // A turn of the event loop per record: a processor that resolves at once would otherwise keep this loop
          // in microtasks through its partition's whole backlog, while the replies of a stage worker thread
          // (render, verify) wait as macrotasks and the worker idles.
          await nextTurn();
          const outputs = processor(record);
          // Awaited in turn below; a failure of a later record must not surface as unhandled before then.
          outputs.catch(() => undefined);
          started.push({ offset, outputs });
        }
        const head = started.shift();
        if (!head) {
          await log.appended.wait(IDLE_POLL_MS);
          continue;
        }
        await this.produce(await head.outputs);
        positions[p] = head.offset + 1;
        dirty = true;
        lastActivity = Date.now();
        topic.progressed.notify();
      }
    };

    const idleWatch = spec.stopWhenIdleMs === undefined ? undefined : setInterval(() => {
      const caughtUp = topic.logs.every((log, p) => positions[p]! >= log.endOffset);
      if (caughtUp && Date.now() - lastActivity >= spec.stopWhenIdleMs!) running = false;
    }, Math.min(COMMIT_INTERVAL_MS, spec.stopWhenIdleMs));

    const done = Promise.all(topic.logs.map((_, p) => drain(p)))
      .catch((err: unknown) => {
        running = false;
        throw err;
      })
      .finally(async () => {
        if (idleWatch) clearInterval(idleWatch);
        // The positions are final now; a commit that started before they were may not hold them.
        await this.committing;
        await this.commitAll();
        this.groups.delete(group);
        topic.untrackGroup(spec.group);
        this.handles.delete(handle);
      });
    const handle: ProcessHandle = {
      done: done.then(() => undefined),
      stop: async () => {
        running = false;
        for (const log of topic.logs) log.appended.notify();
        await done.catch(() => undefined);
      },
    };
    this.handles.add(handle);
    spec.onReady?.();
    return handle;
  }

  async read(name: string, onRecord: (record: InRecord) => void | Promise<void>, options: ReadOptions): Promise<void> {
    const topic = this.topic(name);
    const positions = topic.logs.map(() => 0);
    let idleSince = Date.now();
    while (!options.signal?.aborted) {
      let got = false;
      for (const [p, log] of topic.logs.entries()) {
        while (positions[p]! < log.endOffset && !options.signal?.aborted) {
          const offset = positions[p]!;
          await onRecord({ topic: name, partition: p, offset: String(offset), ...log.read(offset) });
          positions[p] = offset + 1;
          got = true;
        }
      }
      if (got) idleSince = Date.now();
      const left = options.idleMs - (Date.now() - idleSince);
      if (left <= 0) return;
      await topic.appended.wait(Math.min(left, IDLE_POLL_MS));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.handles].map((h) => h.stop()));
    clearInterval(this.committer);
    await this.committing;
    for (const topic of this.topics.values()) topic.close();
    this.topics.clear();
    this.unlock();
  }
}
