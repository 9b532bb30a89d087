/**
 * End-to-end pipeline figures: messages/s embedded (the four stages in one process, `run`'s path) and on Kafka
 * (four `service-main.js` processes, timed after 2,000 warm-up messages: deployed services run for long), their
 * ratio, p50/p99 end-to-end latency on Kafka (produce → verified record read back) at half the measured Kafka
 * rate, and the peak RSS of the embedded pipeline on 10,000 and 100,000 messages. Every embedded run is a
 * process of its own, started cold as `run` is. Real stage handlers, one rendering per message; messages cycle
 * through the bundled sample log.
 * Needs KAFKA_BROKERS (and REDIS_URL for the classify stage's store; `make bench` starts both).
 * BENCH_PIPELINE_N sets the throughput runs' size (default 10,000); BENCH_PIPELINE_REPEAT how many embedded runs
 * give the median rate (default 3; their min and max are printed too); BENCH_PIPELINE_RSS_SIZES the two RSS runs
 * (default 10000,100000); BENCH_PIPELINE_ONLY=embedded prints the embedded figures alone (no Kafka, no RSS runs).
 * Beside messages/s, the embedded runs' CPU time per message (every thread of the process, user + system), which
 * a machine busy with other work disturbs less than it does the wall-clock rate.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createBus } from '../services/adapters/bus/index.js';
import type { DialogueMessage, SceneEvent } from '../services/core/events.js';
import { DEFAULT_RENDER_REQUEST } from '../services/core/events.js';
import { loadConfig, type Config } from '../services/lib/config.js';
import { createLogger } from '../services/lib/logger.js';
import { rootPath } from '../services/lib/paths.js';
import { rawRecordOf } from '../services/runtime/messages.js';
import { STAGE_NAMES, buildHandlers, ensureTopics, produceMessages, runPipeline, stageCodec, topicNames } from '../services/runtime/index.js';

const logger = createLogger('warn', { bench: 'pipeline' });

function sampleTexts(): { conversation: string; text: string }[] {
  const out: { conversation: string; text: string }[] = [];
  let conversation = 'sample';
  for (const line of readFileSync(rootPath('data/sample/conversations.txt'), 'utf8').split('\n')) {
    if (line.startsWith('## ')) conversation = line.slice(3).split(' ')[0]!;
    else if (line.trim() && !line.startsWith('#')) out.push({ conversation, text: line.trim() });
  }
  return out;
}

function* benchMessages(n: number): Generator<DialogueMessage> {
  const texts = sampleTexts();
  for (let i = 0; i < n; i++) {
    const { conversation, text } = texts[i % texts.length]!;
    // Repeats of the log become new conversations, so keys spread over the partitions as real traffic would.
    yield { id: `b${i}`, conversationId: `${conversation}-${Math.floor(i / texts.length) % 50}`, speaker: null, text, runId: null, seq: i, request: DEFAULT_RENDER_REQUEST };
  }
}

const print = (name: string, value: number, unit: string, digits = 0) => process.stdout.write(`${name}: ${value.toFixed(digits)} ${unit}\n`);

/** The embedded pipeline on n messages: messages/s and CPU ms per message (handler loading excluded). */
interface EmbeddedFigures {
  rate: number;
  cpuMsPerMessage: number;
}

async function embedded(n: number, dataDir: string): Promise<EmbeddedFigures> {
  const config = loadConfig({ env: { ...process.env, HB_DATA_DIR: dataDir, KAFKA_BROKERS: '', REDIS_URL: '', HB_LOG_LEVEL: 'warn' } });
  const { handlers, close } = await buildHandlers(config, logger);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let count = 0;
  for await (const result of runPipeline(benchMessages(n), config, handlers, { logger })) {
    if (result.message.seq !== count) throw new Error('results out of order');
    count++;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  await close();
  return { rate: count / seconds, cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / count };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Messages through the Kafka services before their rate is timed. */
const KAFKA_WARMUP_N = 2000;
/** Messages for the paced phase, and its length in seconds at most. */
const PACED_N = 2000;
const PACED_TICK_MS = 20;

/**
 * Produces `messages` at `rate` messages/s, one small batch per tick, through one producer, stamping each
 * message's send time: latency is only meaningful below capacity, where a message does not queue behind the burst.
 */
async function producePaced(config: Config, messages: DialogueMessage[], rate: number, sentAt: Float64Array): Promise<void> {
  const bus = createBus(config, logger, 'kafka');
  try {
    const perTick = Math.max(1, Math.round((rate * PACED_TICK_MS) / 1000));
    const start = performance.now();
    for (let i = 0; i < messages.length; i += perTick) {
      const due = start + (i / perTick) * PACED_TICK_MS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const tick = messages.slice(i, i + perTick);
      const now = performance.now();
      for (const m of tick) sentAt[m.seq] = now;
      await bus.produce(tick.map((m) => rawRecordOf(m, stageCodec, config)));
    }
  } finally {
    await bus.close();
  }
}

/**
 * Four stage processes on Kafka. First a burst of n messages produced at once gives messages/s; then PACED_N
 * more are produced at half that rate and their end-to-end latencies (ms, produce → verified record read back)
 * are returned.
 */
async function onKafka(n: number): Promise<{ rate: number; latencies: number[]; pacedRate: number }> {
  const prefix = `bench${Date.now().toString(36)}`;
  const env = { ...process.env, HB_TOPIC_PREFIX: prefix, HB_LOG_LEVEL: 'info', HB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hb-bench-')) } as Record<string, string>;
  const config = loadConfig({ env });
  await ensureTopics(config, { logger });
  const children = STAGE_NAMES.map((stage) =>
    spawn(process.execPath, [rootPath('dist/services/runtime/service-main.js'), stage], { env: { ...env, HB_INSTANCE_ID: 'bench' }, stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  try {
    await Promise.all(
      children.map(
        (child, i) =>
          new Promise<void>((resolve, reject) => {
            child.stderr!.setEncoding('utf8').on('data', (s: string) => s.includes('stage consumer joined its group') && resolve());
            child.on('exit', (code) => reject(new Error(`${STAGE_NAMES[i]} exited with ${code} before it was ready`)));
          }),
      ),
    );
    const kafka = new Kafka({ clientId: 'bench', brokers: config.KAFKA_BROKERS!, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${prefix}.bench`, readUncommitted: false, maxWaitTimeInMs: 50 });
    const all = [...benchMessages(KAFKA_WARMUP_N + n + PACED_N)];
    const sentAt = new Float64Array(all.length);
    const latencies: number[] = [];
    let last = 0;
    await consumer.connect();
    // Messages a stage cannot process (the sample log holds a few on purpose) end as dead letters: count them as done.
    let done = 0;
    await consumer.subscribe({ topics: [topicNames(prefix).verified, topicNames(prefix).deadletter], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        done++;
        last = performance.now();
        if (topic !== topicNames(prefix).verified) return;
        const event = stageCodec.decode(message.value!).event as SceneEvent;
        if (event.message.seq >= KAFKA_WARMUP_N + n) latencies.push(performance.now() - sentAt[event.message.seq]!);
      },
    });
    const waitFor = async (count: number) => {
      const until = Date.now() + 600000;
      let reported = Date.now();
      while (done < count && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 20));
        if (Date.now() - reported > 10000) {
          process.stderr.write(`kafka: ${done} of ${count} out\n`);
          reported = Date.now();
        }
      }
      if (done < count) throw new Error(`only ${done} of ${count} messages came out verified or dead-lettered`);
    };
    // Deployed services run for long: the broker's and the services' JIT warm-up is not part of their rate.
    await produceMessages(config, all.slice(0, KAFKA_WARMUP_N), { logger });
    await waitFor(KAFKA_WARMUP_N);
    const start = performance.now();
    await produceMessages(config, all.slice(KAFKA_WARMUP_N, KAFKA_WARMUP_N + n), { logger });
    await waitFor(KAFKA_WARMUP_N + n);
    const rate = n / ((last - start) / 1000);
    const pacedRate = rate / 2;
    await producePaced(config, all.slice(KAFKA_WARMUP_N + n), pacedRate, sentAt);
    await waitFor(all.length);
    await consumer.disconnect();
    return { rate, latencies: latencies.sort((a, b) => a - b), pacedRate };
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

/** Peak RSS (MB) of the embedded pipeline on n messages, in a fresh process. */
/** Runs the embedded pipeline on n messages in a child process of its own (a cold start, as `run` has) and returns its figures. */
function embeddedInChild(n: number): Promise<EmbeddedFigures & { peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, '--child', String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`embedded run of ${n} failed (${code})`))));
  });
}

const median = (xs: number[]): number => percentile([...xs].sort((a, b) => a - b), 50);

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const dir = mkdtempSync(join(tmpdir(), 'hb-bench-'));
    const figures = await embedded(Number(process.argv[3]), dir);
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(JSON.stringify({ ...figures, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  const n = Number(process.env.BENCH_PIPELINE_N ?? 10000);
  // A shared two-core machine varies by a fifth from run to run: the median of several cold runs is the figure.
  const repeat = Number(process.env.BENCH_PIPELINE_REPEAT ?? 3);
  const runs: EmbeddedFigures[] = [];
  for (let i = 0; i < repeat; i++) runs.push(await embeddedInChild(n));
  const embeddedRate = median(runs.map((r) => r.rate));
  print('pipeline.embedded.msgs_per_s', embeddedRate, 'msg/s');
  print('pipeline.embedded.msgs_per_s_min', Math.min(...runs.map((r) => r.rate)), 'msg/s');
  print('pipeline.embedded.msgs_per_s_max', Math.max(...runs.map((r) => r.rate)), 'msg/s');
  print('pipeline.embedded.cpu_per_msg', median(runs.map((r) => r.cpuMsPerMessage)), 'ms', 3);
  if (process.env.BENCH_PIPELINE_ONLY === 'embedded') return;
  if (process.env.KAFKA_BROKERS) {
    const kafka = await onKafka(n);
    print('pipeline.kafka.msgs_per_s', kafka.rate, 'msg/s');
    print('pipeline.kafka_vs_embedded', kafka.rate / embeddedRate, 'ratio', 2);
    print('pipeline.kafka.latency_paced_rate', kafka.pacedRate, 'msg/s');
    print('pipeline.kafka.latency_p50', percentile(kafka.latencies, 50), 'ms');
    print('pipeline.kafka.latency_p99', percentile(kafka.latencies, 99), 'ms');
  } else {
    process.stderr.write('KAFKA_BROKERS is not set: the Kafka figures are skipped\n');
  }
  const [smallN, largeN] = (process.env.BENCH_PIPELINE_RSS_SIZES ?? '10000,100000').split(',').map(Number) as [number, number];
  const label = (k: number) => (k % 1000 === 0 ? `${k / 1000}k` : String(k));
  const small = (await embeddedInChild(smallN)).peakRssMb;
  print(`pipeline.run.peak_rss_${label(smallN)}`, small, 'MB');
  const large = (await embeddedInChild(largeN)).peakRssMb;
  print(`pipeline.run.peak_rss_${label(largeN)}`, large, 'MB');
  print(`pipeline.run.peak_rss_${label(largeN)}_vs_${label(smallN)}`, large / small, 'ratio', 2);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`pipeline bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
