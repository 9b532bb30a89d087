/**
 * Stages hosted in a worker thread: the embedded pipeline runs all four stages in one process, and moving the
 * heavy ones to a second core spreads the work over both. The worker builds the stages' own handlers
 * (`buildHandler`) and runs the runner's own per-record work (`stageProcessor`: decode, handler, encode, dead
 * letters), so only the record's bytes cross the thread, both ways. The bus sends a partition's next records
 * before the previous replies are back (so the worker never waits on the main thread), and the worker serves
 * calls strictly one after another in the order they arrive, so order per conversation and render's memory of
 * conversations hold as in one thread.
 */
import { Worker } from 'node:worker_threads';
import type { InRecord, OutRecord, Processor } from '../adapters/bus/index.js';
import type { Config } from '../lib/config.js';
import { HyperBridgeError, type ErrorCode } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { AnyStageHandler, StageName } from './stage.js';

type WorkerError = { code: ErrorCode; stage: string; reason: string } | { message: string };

/** A call into the worker: a whole record (the pipeline's path) or an event for the handler alone. */
export type WorkerRequest = { stage: StageName } & ({ record: InRecord } | { event: unknown });
export type WorkerCall = WorkerRequest & { id: number };

export type WorkerReply = { id: number } & ({ output: unknown } | { error: WorkerError });

/** A stage handler that also brings its whole per-record work, to be run as it is (see `runStage`). */
export type HostedStageHandler = AnyStageHandler & { readonly processor: Processor };

export interface StageWorker {
  handlers: HostedStageHandler[];
  close(): Promise<void>;
}

function errorOf(error: WorkerError): Error {
  return 'code' in error ? new HyperBridgeError(error.code, error.stage, error.reason) : new Error(error.message);
}

/** Byte arrays come back from a structured clone as plain Uint8Arrays; the bus writes Buffers. */
export const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * A record's bytes in an ArrayBuffer of their own, to be transferred: a Buffer is often a view into a shared
 * pool, which a structured clone would copy whole.
 */
export function ownBytes(bytes: Uint8Array): { bytes: Uint8Array; buffer: ArrayBuffer } {
  const own = new Uint8Array(bytes);
  return { bytes: own, buffer: own.buffer as ArrayBuffer };
}

export async function startStageWorker(stages: readonly StageName[], config: Config, logger?: Logger): Promise<StageWorker> {
  const worker = new Worker(new URL('./stage-worker-main.js', import.meta.url), { workerData: { stages, config } });
  const pending = new Map<number, { resolve: (output: unknown) => void; reject: (err: Error) => void }>();
  let nextId = 0;
  let gone: Error | null = null;
  const settleAll = (err: Error): void => {
    gone ??= err;
    for (const call of pending.values()) call.reject(err);
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    worker.once('message', (first: { ready: true } | { failed: WorkerError }) => ('ready' in first ? resolve() : reject(errorOf(first.failed))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new HyperBridgeError('HB_ERR_INTERNAL', stages.join('+'), `the stage worker exited with ${code} before it was ready`)));
  });
  worker.on('message', (reply: WorkerReply) => {
    const call = pending.get(reply.id)!;
    pending.delete(reply.id);
    if ('error' in reply) call.reject(errorOf(reply.error));
    else call.resolve(reply.output);
  });
  worker.on('error', (err) => {
    logger?.fatal({ err, stages }, 'stage worker failed');
    settleAll(err);
  });
  worker.on('exit', (code) => settleAll(new Error(`the stage worker exited with ${code}`)));

  const call = (message: WorkerRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      if ('record' in message) {
        const { bytes, buffer } = ownBytes(message.record.value);
        worker.postMessage({ id, stage: message.stage, record: { ...message.record, value: bytes } }, [buffer]);
      } else {
        worker.postMessage({ id, ...message });
      }
    });

  return {
    handlers: stages.map(
      (stage) =>
        ({
          stage,
          process: (event: unknown) => call({ stage, event }),
          processor: async (record: InRecord) =>
            ((await call({ stage, record })) as OutRecord[]).map((out) => ({ ...out, value: asBuffer(out.value) })),
        }) as HostedStageHandler,
    ),
    close: async () => {
      if (gone) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await exited;
    },
  };
}
