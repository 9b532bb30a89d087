/** The bus commands: `topics ensure`, `produce`, `consume TOPIC`, `deadletter list|redrive`, `service STAGE`. */
import { DEFAULT_RENDER_REQUEST, type DialogueMessage } from '../../core/events.js';
import {
  consumeTopic, ensureTopics, isStageName, listDeadLetters, produceMessages, redriveDeadLetters, startService,
  STAGE_NAMES, topicNames,
} from '../../runtime/index.js';
import { usageError, intFlag } from '../args.js';
import { inputsOf, type Command } from '../command.js';
import type { InputItem } from '../input.js';

const logged = (ctx: { logger: unknown }) => ({ logger: ctx.logger as never });

export const topicsEnsure: Command = {
  name: 'topics ensure',
  summary: 'Create the six topics with HB_PARTITIONS partitions (idempotent)',
  usage: 'hyperbridge topics ensure [--kafka BROKERS] [--partitions N] [--topic-prefix P]',
  options: {},
  async run(ctx) {
    const topics = await ensureTopics(ctx.config, logged(ctx));
    for (const topic of topics) await ctx.out.result({ topic, partitions: ctx.config.HB_PARTITIONS }, (o) => `${o.topic} (${o.partitions} partitions)`);
    return 0;
  },
};

export function dialogueMessageOf(item: InputItem & { message: NonNullable<InputItem['message']> }): DialogueMessage {
  return { ...item.message, runId: null, seq: item.index, request: DEFAULT_RENDER_REQUEST };
}

export const produce: Command = {
  name: 'produce',
  summary: 'Publish inputs as messages to <prefix>.dialogue.raw, keyed by conversation id',
  usage: 'hyperbridge produce [TEXT…] [--input FILE] [--json] [--kafka BROKERS]',
  options: {},
  async run(ctx) {
    // Kept in input order so each input's line (produced or refused) is printed at its position.
    const items: InputItem[] = [];
    for await (const item of inputsOf(ctx)) items.push(item);
    const valid = items.filter((i): i is InputItem & { message: NonNullable<InputItem['message']> } => !i.error && i.message !== null);
    const result = await produceMessages(ctx.config, valid.map(dialogueMessageOf), logged(ctx));
    const refused = new Map(result.refused.map((r) => [valid[r.index].index, r.error]));
    const topic = topicNames(ctx.config.HB_TOPIC_PREFIX).raw;
    for (const item of items) {
      const error = item.error ?? refused.get(item.index);
      if (error || !item.message) await ctx.out.error(item.input, error, 'produce');
      else await ctx.out.result({ input: item.input, id: item.message.id, conversationId: item.message.conversationId, topic }, (o, s) => `${s.green('→')} ${o.topic} ${o.id}`);
    }
    return 0;
  },
};

export const consume: Command = {
  name: 'consume',
  summary: 'Print the events of a topic as JSON lines (from its start, committed records only)',
  usage: 'hyperbridge consume TOPIC [--follow] [--idle-ms N] [--json]',
  options: { follow: { type: 'boolean', default: false }, 'idle-ms': { type: 'string' } },
  async run(ctx) {
    const [topic, ...rest] = ctx.args.positionals;
    if (!topic || rest.length) throw usageError('consume takes exactly one topic name');
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    process.once('SIGTERM', () => controller.abort());
    const idleMs = ctx.args.values.follow ? Infinity : intFlag(ctx.args, 'idle-ms', 2000, 1);
    await consumeTopic(ctx.config, topic, async (e) => {
      if (e.error) await ctx.out.error(`${e.topic}/${e.partition}@${e.offset}`, e.error, 'consume');
      else await ctx.out.result({ topic: e.topic, partition: e.partition, offset: e.offset, key: e.key, kind: e.kind, event: e.event },
        (o) => `${o.topic}/${o.partition}@${o.offset} ${o.key ?? ''} ${JSON.stringify(o.event)}`);
    }, { ...logged(ctx), idleMs, signal: controller.signal });
    return 0;
  },
};

export const deadletterList: Command = {
  name: 'deadletter list',
  summary: 'Show the dead letters: stage, error code, reason, source topic, size and SHA-256 of the original bytes',
  usage: 'hyperbridge deadletter list [--json]',
  options: {},
  async run(ctx) {
    for (const d of await listDeadLetters(ctx.config, logged(ctx))) {
      const { payload, ...letter } = d.letter;
      const preview = Buffer.from(payload).toString('utf8').slice(0, 200);
      await ctx.out.result({ partition: d.partition, offset: d.offset, key: d.key, ...letter, preview },
        (o, s) => `${s.red(o.code)} ${o.stage} ${o.source} ${o.length} B: ${o.reason}`);
    }
    return 0;
  },
};

export const deadletterRedrive: Command = {
  name: 'deadletter redrive',
  summary: 'Re-publish dead letters to the topics they came from (each once)',
  usage: 'hyperbridge deadletter redrive [--json]',
  options: {},
  async run(ctx) {
    const result = await redriveDeadLetters(ctx.config, logged(ctx));
    await ctx.out.result(result, (o) => `redriven: ${o.redriven}, skipped: ${o.skipped.length}`);
    return 0;
  },
};

export const service: Command = {
  name: 'service',
  summary: `Run one stage (${STAGE_NAMES.join('|')}) as a long-running consumer of its group; SIGTERM stops it cleanly`,
  usage: `hyperbridge service ${STAGE_NAMES.join('|')} [--kafka BROKERS] [--metrics-port N]`,
  options: {},
  async run(ctx) {
    const [stage, ...rest] = ctx.args.positionals;
    if (!stage || rest.length || !isStageName(stage)) throw usageError(`service takes one stage: ${STAGE_NAMES.join(', ')}`);
    const running = await startService(stage, ctx.config, { logger: ctx.logger });
    await running.run.done;
    return 0;
  },
};
