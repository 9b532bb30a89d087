/**
 * Pending writes of a store whose server went away. A scene whose write failed waits here (bounded, one slot per
 * scene id: a newer write of the same scene replaces the older) and is retried with exponential back-off until
 * it lands, so a message can be acknowledged once its scene is written OR queued and nothing is lost.
 * `wake()` drains at once (the adapter calls it on reconnect).
 */
import { HyperBridgeError } from '../../lib/errors.js';
import type { Clock, StoredScene } from './types.js';

export interface WriteQueueOptions {
  write(entry: StoredScene): Promise<void>;
  /** True for failures worth retrying (connection lost); others are reported to onDrop. */
  isTransient(err: unknown): boolean;
  onDrop(entry: StoredScene, err: unknown): void;
  clock: Clock;
  maxPending: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface WriteQueue {
  readonly size: number;
  readonly retries: number;
  readonly queued: number;
  /** Queues a failed write; throws HB_ERR_STORE_UNAVAILABLE when the queue is full. */
  enqueue(entry: StoredScene): void;
  /** Tries the pending writes now (on reconnect). */
  wake(): void;
  /** Resolves when the queue is empty, or false after `timeoutMs` of the clock. */
  drained(timeoutMs: number): Promise<boolean>;
  stop(): void;
}

export function createWriteQueue(opts: WriteQueueOptions): WriteQueue {
  const pending = new Map<string, StoredScene>();
  const waiters = new Set<() => void>();
  let attempt = 0;
  let retries = 0;
  let queued = 0;
  let timer: unknown = null;
  let draining = false;
  let stopped = false;

  function schedule(): void {
    if (timer !== null || stopped || pending.size === 0) return;
    const delay = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
    attempt++;
    timer = opts.clock.setTimeout(() => {
      timer = null;
      void drain();
    }, delay);
  }

  async function drain(): Promise<void> {
    if (draining || stopped) return;
    draining = true;
    try {
      for (const [id, entry] of pending) {
        retries++;
        try {
          await opts.write(entry);
        } catch (err) {
          if (opts.isTransient(err)) return;
          opts.onDrop(entry, err);
        }
        // A newer write of the same scene may have replaced this entry while it was in flight.
        if (pending.get(id) === entry) pending.delete(id);
      }
      attempt = 0;
    } finally {
      draining = false;
      if (pending.size > 0) schedule();
      else for (const w of waiters) w();
    }
  }

  return {
    get size() {
      return pending.size;
    },
    get retries() {
      return retries;
    },
    get queued() {
      return queued;
    },
    enqueue(entry) {
      if (!pending.has(entry.sceneId) && pending.size >= opts.maxPending) {
        throw new HyperBridgeError('HB_ERR_STORE_UNAVAILABLE', 'store', `the signature store is unreachable and ${pending.size} writes are already pending`);
      }
      pending.set(entry.sceneId, entry);
      queued++;
      schedule();
    },
    wake() {
      if (timer !== null) {
        opts.clock.clearTimeout(timer);
        timer = null;
      }
      attempt = 0;
      void drain();
    },
    drained(timeoutMs) {
      if (pending.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (ok: boolean) => {
          waiters.delete(onEmpty);
          opts.clock.clearTimeout(t);
          resolve(ok);
        };
        const onEmpty = () => done(true);
        waiters.add(onEmpty);
        const t = opts.clock.setTimeout(() => done(false), timeoutMs);
      });
    },
    stop() {
      stopped = true;
      if (timer !== null) opts.clock.clearTimeout(timer);
      timer = null;
    },
  };
}
