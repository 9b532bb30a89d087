/**
 * Stage services as separate processes (`node dist/services/runtime/service-main.js <stage>`), and what the
 * tests watch them with: group offsets (has a stage committed?), membership, and the sink's records.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { rootPath } from '../../../services/lib/paths.js';
import type { StageName } from '../../../services/runtime/index.js';

/** The real stage services; HB_TEST_STAGE_ENTRY=fixture runs the fixture handlers in the same runtime instead. */
const SERVICE_MAIN = process.env.HB_TEST_STAGE_ENTRY === 'fixture'
  ? rootPath('dist/test/integration/pipeline/fixture-stage-main.js')
  : rootPath('dist/services/runtime/service-main.js');

export interface StageProcess {
  stage: StageName;
  instance: string;
  child: ChildProcess;
  /** Resolves when the stage's consumer has joined its group (its info log line). */
  ready: Promise<void>;
  exited: Promise<number | null>;
  stderrTail(): string;
}

export function startStage(stage: StageName, env: Record<string, string>, instance = 'a'): StageProcess {
  const child = spawn(process.execPath, [SERVICE_MAIN, stage], {
    env: { ...process.env, ...env, HB_INSTANCE_ID: instance, HB_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  let markReady!: () => void;
  let failReady!: (err: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failReady = reject)));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4000);
    if (chunk.includes('stage consumer joined its group')) markReady();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      failReady(new Error(`${stage}/${instance} exited (${code}) before it was ready:\n${tail}`));
      resolve(code);
    }),
  );
  return { stage, instance, child, ready, exited, stderrTail: () => tail };
}

export async function stopStage(p: StageProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  return p.exited;
}

export function kafkaAdmin(brokers: string): Kafka {
  return new Kafka({ clientId: 'hb-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
}

/** Records a group has committed on a topic (sum of its partitions' committed offsets). */
export async function committedCount(admin: Admin, group: string, topic: string): Promise<number> {
  const [entry] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  return (entry?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface SinkRecord {
  partition: number;
  key: string | null;
  id: string;
  conversationId: string;
  seq: number;
}

/**
 * Reads every committed record of `topic` until `expect` have arrived, then `graceMs` longer so that
 * duplicates would show; counts all records, not distinct ids.
 */
export async function readSink(
  kafka: Kafka,
  topic: string,
  expect: number,
  decode: (value: Buffer) => { id: string; conversationId: string; seq: number },
  timeoutMs: number,
  graceMs = 3000,
): Promise<SinkRecord[]> {
  const consumer = kafka.consumer({ groupId: `${topic}.sink.${Date.now()}`, readUncommitted: false, maxWaitTimeInMs: 100 });
  const records: SinkRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.push({ partition, key: message.key?.toString() ?? null, ...decode(message.value!) });
      },
    });
    const until = Date.now() + timeoutMs;
    while (records.length < expect && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, graceMs));
  } finally {
    await consumer.disconnect();
  }
  return records;
}
