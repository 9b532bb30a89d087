/**
 * The worker thread of `startStageWorker`: builds the stages' handlers from the shipped data, runs records
 * through the runner's per-record work (or events through a handler) one call after another; 'close' closes
 * the handlers and ends the thread. Its metrics stay in the thread: the embedded pipeline serves none.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Processor } from '../adapters/bus/index.js';
import type { Config } from '../lib/config.js';
import { HyperBridgeError } from '../lib/errors.js';
import { createLogger } from '../lib/logger.js';
import { stageCodec } from './codec.js';
import { createMetrics } from './metrics.js';
import { stageProcessor } from './runner.js';
import { buildHandler, type BuiltHandler } from './service.js';
import type { StageName } from './stage.js';
import { asBuffer, ownBytes, type WorkerCall, type WorkerReply } from './stage-worker.js';

const { stages, config } = workerData as { stages: StageName[]; config: Config };
const port = parentPort!;

const errorReply = (err: unknown) => (err instanceof HyperBridgeError ? err.toJSON() : { message: err instanceof Error ? err.message : String(err) });

const built = new Map<StageName, BuiltHandler>();
const processors = new Map<StageName, Processor>();
try {
  const logger = createLogger(config.HB_LOG_LEVEL, { worker: stages.join('+') });
  const metrics = createMetrics(undefined, false);
  for (const stage of stages) {
    const stageBuilt = await buildHandler(stage, config, logger);
    built.set(stage, stageBuilt);
    processors.set(stage, stageProcessor(stageBuilt.handler, stageCodec, config, metrics, logger.child({ stage })));
  }
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ failed: errorReply(err) });
  process.exit(1);
}

/** The reply, and the buffers of its record bytes, which are transferred rather than copied. */
async function serve(call: WorkerCall): Promise<[WorkerReply, ArrayBuffer[]]> {
  if ('record' in call) {
    const outputs = await processors.get(call.stage)!({ ...call.record, value: asBuffer(call.record.value) });
    const owned = outputs.map((out) => ownBytes(out.value));
    return [{ id: call.id, output: outputs.map((out, i) => ({ ...out, value: owned[i]!.bytes })) }, owned.map((o) => o.buffer)];
  }
  return [{ id: call.id, output: await built.get(call.stage)!.handler.process(call.event as never) }, []];
}

let served: Promise<void> = Promise.resolve();

port.on('message', (message: WorkerCall | 'close') => {
  if (message === 'close') {
    // process.exit in a worker ends this thread only.
    void Promise.all([...built.values()].map((b) => b.close())).finally(() => process.exit(0));
    return;
  }
  // One call after another, even across a handler's waits (a retry's back-off): the bus sends a partition's next
  // records before the first one's reply is back, and they must be handled in the order they were sent.
  served = served.then(() =>
    serve(message).then(
      ([reply, transfer]) => port.postMessage(reply, transfer),
      (err: unknown) => port.postMessage({ id: message.id, error: errorReply(err) } satisfies WorkerReply),
    ),
  );
});
