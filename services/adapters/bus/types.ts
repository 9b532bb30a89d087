/**
 * The bus is transport only: records are opaque bytes with a key and string headers. Decoding, handlers and
 * dead letters belong to the runtime, so both transports serve every stage the same way.
 */

export type Headers = Record<string, string>;

/** A record to write. Records with the same key land in the same partition, so their order holds. */
export interface OutRecord {
  topic: string;
  key: string;
  value: Buffer;
  headers: Headers;
}

/** A record as read, with its position. */
export interface InRecord {
  topic: string;
  partition: number;
  /** Decimal string, as Kafka gives it. */
  offset: string;
  key: string | null;
  value: Buffer;
  headers: Headers;
}

/**
 * A stage's work on one record: what to write because of it. The bus writes the outputs and commits the
 * input's offset together (one Kafka transaction; on the embedded bus, outputs are synced before the offset
 * file is replaced), so a stage killed at any point neither loses nor doubles an output.
 */
export type Processor = (record: InRecord) => Promise<OutRecord[]>;

export interface ProcessSpec {
  topic: string;
  group: string;
  /** Stable per stage instance: the Kafka transactional id is made from it, so a restart fences its zombie. */
  instanceId: string;
  /** Records read but not yet committed; beyond it the consumer pauses (Kafka) or producers block (embedded). */
  maxInFlight: number;
  /** Where a group with no committed offsets starts: the oldest record (default), or the end as it is when `process` is called. */
  fromBeginning?: boolean;
  /** Stop on its own once no record has arrived for this long after joining (used by redrive). */
  stopWhenIdleMs?: number;
  /** Called once the consumer has joined its group and holds its assignment. */
  onReady?: () => void;
}

export interface ProcessHandle {
  /** Stop fetching, finish and commit what is in flight. */
  stop(): Promise<void>;
  /** Settles when the loop ends (after stop, or on its own with stopWhenIdleMs); rejects on a fatal error. */
  readonly done: Promise<void>;
}

export interface ReadOptions {
  /** Stop after this long without a new record once the reader has caught up. */
  idleMs: number;
  signal?: AbortSignal;
}

export interface Bus {
  readonly transport: 'embedded' | 'kafka';
  /** True when outputs and input offsets commit atomically (see each transport's notes). */
  readonly transactional: boolean;
  /** Creates missing topics; existing ones are left as they are. */
  ensureTopics(topics: readonly string[]): Promise<void>;
  produce(records: readonly OutRecord[]): Promise<void>;
  process(spec: ProcessSpec, processor: Processor): Promise<ProcessHandle>;
  /** Reads a topic from its start without committing anything (listing, `consume`). */
  read(topic: string, onRecord: (record: InRecord) => void | Promise<void>, options: ReadOptions): Promise<void>;
  close(): Promise<void>;
}
