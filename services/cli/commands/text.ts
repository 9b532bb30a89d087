/** The commands that take texts: scene, embed, render, decode, lookup. One line per input, in input order. */
import { decodeWithSignature, lookupComponents } from '../../core/decode/index.js';
import { renderScene } from '../../core/render/index.js';
import type { Component, Message } from '../../core/types.js';
import { intFlag } from '../args.js';
import { forEachInput, type Command, type CommandContext } from '../command.js';
import { createDomain, type Domain } from '../domain.js';
import type { Style } from '../output.js';
import { parseStyles, REQUEST_OPTIONS, requestFromFlags } from '../request.js';

/** Runs `each` over the inputs with the domain loaded on demand, and releases it afterwards. */
async function withDomain(ctx: CommandContext, stage: string, each: (d: Domain, m: Message) => Promise<object>, human: (o: any, s: Style) => string): Promise<number> {
  const domain = createDomain(ctx.config, ctx.logger);
  try {
    return await forEachInput(ctx, stage, (message) => each(domain, message), human);
  } finally {
    await domain.close();
  }
}

const componentsLine = (components: Component[], s: Style) =>
  components.map((c) => `${c.text}${c.concept && c.concept !== c.text ? s.dim(`→${c.concept}`) : ''}${c.phase ? s.dim(`:${c.phase}`) : ''}`).join(' | ');

export const scene: Command = {
  name: 'scene',
  summary: 'Compress each input into a scene: components, key, mnemonic, language, tension',
  usage: 'hyperbridge scene [TEXT…] [--input FILE] [--json]',
  options: {},
  run: (ctx) => withDomain(ctx, 'ingest', async (d, message) => {
    const s = await d.sceneOf(message);
    return { input: message.text, sceneId: s.sceneId, mnemonic: s.mnemonic, key: s.key, lang: s.lang, components: s.components, tension: s.tension };
  }, (o, s) => `${s.bold(o.sceneId)} ${o.mnemonic} ${s.dim(`(${o.lang}${o.tension ? `, ${o.tension.type}` : ''})`)}\n  ${componentsLine(o.components, s)}`),
};

export const embed: Command = {
  name: 'embed',
  summary: 'Embed each input with the configured meaning model (HB_EMBEDDER)',
  usage: 'hyperbridge embed [TEXT…] [--input FILE] [--json] [--embedder static|transformers] [--model PATH]',
  options: {},
  run: (ctx) => withDomain(ctx, 'embed', async (d, message) => {
    const [s, embedder] = await Promise.all([d.compress(message), d.embedder()]);
    const vector = await embedder.embed({ text: message.text, components: s.components });
    return { input: message.text, model: embedder.modelId, dim: embedder.dim, vector: Array.from(vector, (x) => Math.round(x * 1e6) / 1e6) };
  }, (o, s) => `${s.dim(o.model)} [${o.vector.slice(0, 6).map((x: number) => x.toFixed(3)).join(', ')}, …] (${o.dim})`),
};

export const render: Command = {
  name: 'render',
  summary: 'Render each input\'s scene in a style and voice, with its marker',
  usage: 'hyperbridge render [TEXT…] [--input FILE] [--json] [--style S|auto] [--persona P|auto] [--lang ru|en] [--marker visible|invisible|none] [--variant N]',
  options: { ...REQUEST_OPTIONS, style: { type: 'string' }, variant: { type: 'string' } },
  run(ctx) {
    const [style] = parseStyles((ctx.args.values.style as string | undefined) ?? 'auto');
    const request = requestFromFlags(ctx.args, ctx.config, [style!]);
    const variant = intFlag(ctx.args, 'variant', 0);
    return withDomain(ctx, 'render', async (d, message) => {
      const [s, deps] = await Promise.all([d.sceneOf(message), d.renderDeps()]);
      const r = renderScene(s, { style: style!, persona: request.persona, lang: request.lang, marker: request.marker, variant }, deps);
      return { input: message.text, sceneId: s.sceneId, style: r.style, persona: r.persona, lang: r.lang, text: r.text, marker: r.marker, why: r.why };
    }, (o, s) => `${o.text}\n${s.dim(`  ${o.style}/${o.persona} (${o.lang}): ${o.why}`)}`);
  },
};

export const decode: Command = {
  name: 'decode',
  summary: 'Decode each text back into its scene: by marker, by words (lexicon, meaning), or by signature lookup',
  usage: 'hyperbridge decode [TEXT…] [--input FILE] [--json] [--redis]',
  options: {},
  run: (ctx) => withDomain(ctx, 'decode', async (d, message) => {
    const [deps, embedder, store] = await Promise.all([d.decodeDeps(), d.embedder(), d.store()]);
    const decoded = await decodeWithSignature(message.text, deps, {
      embed: (input) => embedder.embed(input),
      lookup: (vector, k) => store.lookup(vector, k),
      threshold: ctx.config.HB_LOOKUP_THRESHOLD,
    });
    return { input: message.text, ...decoded };
  }, (o, s) => `${o.sceneId ? s.bold(o.sceneId) + ' ' : ''}${o.mnemonic} ${s.dim(`via ${o.via}, resonance ${o.resonance}${o.markerOk ? ', marker ok' : ''}`)}\n  ${componentsLine(o.components, s)}`),
};

export const lookup: Command = {
  name: 'lookup',
  summary: 'Find the stored scenes nearest to each text (reverse lookup by embedding signature)',
  usage: 'hyperbridge lookup [TEXT…] [--input FILE] [--json] [--k N] [--redis]',
  options: { k: { type: 'string' } },
  run(ctx) {
    const k = intFlag(ctx.args, 'k', 5, 1);
    return withDomain(ctx, 'lookup', async (d, message) => {
      const [deps, embedder, store] = await Promise.all([d.decodeDeps(), d.embedder(), d.store()]);
      // Compressing first also refuses what ingest refuses (empty, too long) with the same error.
      const compressed = await d.compress(message);
      const components = lookupComponents(message.text, deps, compressed.components);
      const vector = await embedder.embed({ text: message.text, components });
      const matches = (await store.lookup(vector, k)).map(({ sceneId, mnemonic, similarity }) => ({ sceneId, mnemonic, similarity }));
      return { input: message.text, matches };
    }, (o, s) => o.matches.length ? o.matches.map((m: any) => `${s.bold(m.sceneId)} ${m.mnemonic} ${s.dim(m.similarity.toFixed(3))}`).join('\n') : s.dim('no match'));
  },
};

export const storePrune: Command = {
  name: 'store prune',
  summary: 'Remove expired scenes (HB_STORE_TTL_S) from the signature store',
  usage: 'hyperbridge store prune [--redis] [--json]',
  options: {},
  async run(ctx) {
    const domain = createDomain(ctx.config, ctx.logger);
    try {
      const removed = await (await domain.store()).prune();
      await ctx.out.result({ removed }, (o) => `removed ${o.removed} expired scenes`);
    } finally {
      await domain.close();
    }
    return 0;
  },
};
