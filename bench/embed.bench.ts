/**
 * Embedding benchmark (issue 4): the static model's size, load time, lemma look-ups/s and texts/s on one core,
 * and the transformers path's overhead against raw onnxruntime-node on the same generated ONNX model.
 * Run: node dist/bench/embed.bench.js
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { loadStaticModel, BUNDLED_MODEL } from '../services/data/model.js';
import { rootPath } from '../services/lib/paths.js';
import { createStaticEmbedder, textPieces } from '../services/core/embed/index.js';
import { createTransformersEmbedder } from '../services/adapters/embedder/index.js';
import type { Component } from '../services/core/types.js';
import { makeTinyModel } from '../test/adapters/embedder/tiny-model.js';

const print = (name: string, value: number, unit: string) => console.log(`${name}: ${+value.toPrecision(4)} ${unit}`);

/** Operations per second of CPU time (user + system) on this one thread: fair on a shared, busy machine. */
function timeLoop(seconds: number, body: () => number): number {
  for (let i = 0; i < 3; i++) body(); // warm-up: let the JIT compile the hot path
  let ops = 0;
  const start = process.cpuUsage();
  const spent = () => {
    const d = process.cpuUsage(start);
    return (d.user + d.system) / 1e6;
  };
  while (spent() < seconds) ops += body();
  return ops / spent();
}

// --- static model
const file = rootPath(BUNDLED_MODEL);
print('embed.static.artifact_size', statSync(file).size / 2 ** 20, 'MiB');
const loads: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = process.cpuUsage();
  loadStaticModel(file);
  const d = process.cpuUsage(t);
  loads.push((d.user + d.system) / 1000);
}
print('embed.static.load_time_cpu', loads.sort((a, b) => a - b)[1]!, 'ms');
const model = loadStaticModel(file);
const embedder = createStaticEmbedder(model);

// Look-ups as callers make them: shipped keys, half of them in a form that needs folding (ё, capitals, skin tones).
const rawKeys = model.keys.filter((_, i) => i % 37 === 0);
const queries = rawKeys.map((k, i) => (i % 2 ? k : k.replace(/е/g, 'ё').toUpperCase()));
print('embed.static.lemma_lookups', timeLoop(2, () => {
  let found = 0;
  for (const q of queries) found += embedder.lemmaVector(q) ? 1 : 0;
  return queries.length + 0 * found;
}), 'lookups/s');

const sample = readFileSync(rootPath('data/sample/dialogue.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text)
  .filter((t) => textPieces(t).length > 0); // the sample also holds inputs that must be refused (blank, digits)
const wordsOf = (t: string) => t.toLowerCase().match(/\p{L}+/gu) ?? [];
const inputs = sample.map((text, i) => ({
  text,
  // scene-like inputs: 3–6 components, from the sample texts' words and the model's own keys
  components: [...wordsOf(text), ...rawKeys.slice(i * 3, i * 3 + 3)].slice(0, 6).map((w): Component => ({ text: w, lemma: w, kind: 'word', concept: null, phase: null })),
}));
print('embed.static.texts', timeLoop(2, () => {
  for (const input of inputs) embedder.embedSync(input);
  return inputs.length;
}), 'texts/s');
const rawTexts = inputs.map((i) => ({ text: i.text, components: [] }));
print('embed.static.raw_texts_no_lemmatizer', timeLoop(2, () => {
  for (const input of rawTexts) embedder.embedSync(input);
  return rawTexts.length;
}), 'texts/s');

// --- transformers path vs raw onnxruntime-node on the same MiniLM-shaped model (384 wide, as MiniLM)
const folder = makeTinyModel(384);
try {
  const transformers = await createTransformersEmbedder({ model: folder, allowRemoteModels: false });
  const texts = ['огонь и пламя', 'fire door silence', 'тишина шаг вход страх', 'breath wind sea forest light'];
  const { AutoTokenizer } = await import('@xenova/transformers');
  const tokenizer = await AutoTokenizer.from_pretrained(folder.split('/').pop()!);
  const require = createRequire(import.meta.url);
  const ort = require('onnxruntime-node') as typeof import('onnxruntime-node');
  const session = await ort.InferenceSession.create(join(folder, 'onnx', 'model.onnx'));
  const encoded = texts.map((t) => (tokenizer(t) as { input_ids: { data: BigInt64Array } }).input_ids.data);
  const rawEmbed = async (ids: BigInt64Array) => {
    const dims = [1, ids.length];
    const out = await session.run({
      input_ids: new ort.Tensor('int64', ids, dims),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), dims),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), dims),
    });
    const h = out.last_hidden_state!.data as Float32Array;
    const dim = h.length / ids.length;
    const v = new Float32Array(dim);
    for (let s = 0; s < ids.length; s++) for (let d = 0; d < dim; d++) v[d]! += h[s * dim + d]! / ids.length;
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  };
  const rounds = 400;
  const measure = async (fn: (k: number) => Promise<unknown>) => {
    for (let k = 0; k < 50; k++) await fn(k);
    const t = performance.now();
    for (let k = 0; k < rounds; k++) await fn(k);
    return (performance.now() - t) / rounds;
  };
  const raw = await measure((k) => rawEmbed(encoded[k % texts.length]!));
  const viaTransformers = await measure((k) => transformers.embed({ text: texts[k % texts.length]!, components: [] }));
  print('embed.transformers.raw_onnxruntime_latency', raw * 1000, 'µs/text');
  print('embed.transformers.pipeline_latency', viaTransformers * 1000, 'µs/text');
  print('embed.transformers.overhead', (viaTransformers - raw) * 1000, 'µs/text');
  print('embed.transformers.overhead_ratio', viaTransformers / raw, 'x');
} finally {
  rmSync(dirname(folder), { recursive: true, force: true });
}
