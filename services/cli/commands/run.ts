/**
 * `run`: the main job. A dialogue log in, one line per message out, in input order, and a summary on stderr.
 * The four stages run in this process on the embedded bus (data kept under HB_DATA_DIR), or over Kafka when
 * KAFKA_BROKERS is set.
 */
import { createReadStream } from 'node:fs';
import type { DialogueMessage, SceneEvent } from '../../core/events.js';
import { buildHandlers, runPipeline } from '../../runtime/index.js';
import { usageError } from '../args.js';
import { inputsOf, type Command, type CommandContext } from '../command.js';
import type { InputItem } from '../input.js';
import { createProgress } from '../progress.js';
import { parseStyles, REQUEST_OPTIONS, requestFromFlags } from '../request.js';
import { createSummary, formatSummary } from '../summary.js';
import type { Style } from '../output.js';

async function countLines(file: string): Promise<number | null> {
  if (file === '-') return null;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return last === 10 ? lines : lines + 1;
}

function outputOf(event: SceneEvent, input: string): object {
  const { scene } = event;
  return {
    id: event.message.id,
    input,
    sceneId: scene.sceneId,
    mnemonic: scene.mnemonic,
    components: scene.components,
    tension: scene.tension,
    renderings: event.renderings,
    ...(event.status === 'pending' ? { status: 'pending' } : {}),
  };
}

function human(o: ReturnType<typeof outputOf> & Record<string, any>, s: Style): string {
  const head = `${s.bold(o.sceneId)} ${o.mnemonic}${o.tension ? s.dim(` [${o.tension.type}]`) : ''}`;
  const lines = (o.renderings as any[]).map((r) => `  ${s.dim(`${r.style}/${r.persona}`)} ${r.text}${r.verdict ? s.dim(` (${r.verdict})`) : ''}`);
  return [head, ...lines].join('\n');
}

export const run: Command = {
  name: 'run',
  summary: 'The main job: a dialogue log through ingest → classify → render → verify, one line per message',
  usage: 'hyperbridge run --input LOG [--json] [--styles all|auto|STYLE,…] [--persona P] [--lang ru|en] [--marker M] [--kafka BROKERS] [--redis]',
  options: { ...REQUEST_OPTIONS, styles: { type: 'string' } },
  async run(ctx: CommandContext) {
    const file = ctx.args.values.input as string | undefined;
    if (file === undefined && ctx.args.positionals.length === 0) throw usageError('run needs --input LOG (or texts as arguments)');
    const request = requestFromFlags(ctx.args, ctx.config, parseStyles((ctx.args.values.styles as string | undefined) ?? 'auto'));
    const total = file === undefined ? ctx.args.positionals.length : await countLines(file);
    const handlers = await buildHandlers(ctx.config, ctx.logger);
    const progress = createProgress(total);
    const summary = createSummary();
    const started = Date.now();

    // Lines the CLI itself cannot read (not JSON, invalid UTF-8, …) never reach the bus; they are kept here
    // and printed at their position between the pipeline's results.
    const unreadable = new Map<number, InputItem>();
    const inputs = new Map<number, string>();
    async function* messages(): AsyncGenerator<DialogueMessage> {
      for await (const item of inputsOf(ctx)) {
        if (item.error || !item.message) unreadable.set(item.index, item);
        else {
          inputs.set(item.index, item.input);
          yield { ...item.message, runId: null, seq: item.index, request };
        }
      }
    }
    // Insertion order is input order: the reader is sequential.
    const flushUnreadable = async (upTo: number) => {
      for (const [index, item] of unreadable) {
        if (index >= upTo) break;
        unreadable.delete(index);
        summary.add(null, item.error!.code);
        progress.tick();
        await ctx.out.error(item.input, item.error, 'cli');
      }
    };

    try {
      for await (const result of runPipeline(messages(), ctx.config, handlers.handlers, { logger: ctx.logger })) {
        const index = result.message.seq;
        await flushUnreadable(index);
        const input = inputs.get(index) ?? result.message.text;
        inputs.delete(index);
        summary.add(result.event, result.error?.code ?? null);
        progress.tick();
        if (result.error) await ctx.out.error(input, result.error, result.error.stage);
        else await ctx.out.result(outputOf(result.event, input), human);
      }
      await flushUnreadable(Number.MAX_SAFE_INTEGER);
    } finally {
      progress.done();
      await handlers.close();
    }
    summary.seconds = (Date.now() - started) / 1000;
    process.stderr.write(formatSummary(summary));
    return 0;
  },
};
