/**
 * Reverse lookup at scale: 100,000 scenes generated deterministically from the lexicon's concepts, embedded
 * with the configured (static) model and stored in Redis. Two sets of 1,000 queries of stored scenes, each
 * going the way a real `lookup` goes (text → the scene it decodes to → embed, lookupComponents): marker-free
 * renderings (renderScene, the four prose styles in turn) and paraphrases (every word swapped for a synonym or
 * its translation, order shuffled); and 1,000 unrelated queries made only of concepts held out of every stored
 * scene (checked on the components the query is embedded with). Needs REDIS_URL (`make bench` starts Redis).
 * Prints `name: value unit` lines;
 * HB_BENCH_SCENES / HB_BENCH_QUERIES shrink it for a quick run.
 */
import { Redis } from 'ioredis';
import { createEmbedder } from '../services/adapters/embedder/index.js';
import { createRedisClient, lshCentre, openRedisStore, type SignatureStore } from '../services/adapters/store/index.js';
import { createLsh, createMemoryIndex, mulberry32, signatureNamespace, type LshParams } from '../services/core/signature/index.js';
import { compressScene } from '../services/core/scene/index.js';
import { lookupComponents } from '../services/core/decode/index.js';
import { renderScene } from '../services/core/render/index.js';
import type { Component, Scene, Style } from '../services/core/types.js';
import type { Concept } from '../services/core/lexicon/index.js';
import { loadLexicon, loadSceneDeps } from '../services/data/lexicon.js';
import { loadMorphology } from '../services/data/morphology.js';
import { loadPhraseBooks } from '../services/data/render.js';
import { loadConfig } from '../services/lib/config.js';

const N = Number(process.env.HB_BENCH_SCENES ?? 100_000);
const Q = Number(process.env.HB_BENCH_QUERIES ?? 1_000);
// probes: buckets probed over all bands besides each band's own, by query-directed multi-probe (Lsh.probeKeys).
const CURVE: (LshParams & { probes: number })[] = [
  { bands: 16, rows: 16, seed: 42, probes: 0 },
  { bands: 16, rows: 16, seed: 42, probes: 64 },
  { bands: 16, rows: 16, seed: 42, probes: 256 },
  { bands: 16, rows: 16, seed: 42, probes: 1024 },
  { bands: 16, rows: 16, seed: 42, probes: 4096 },
  { bands: 8, rows: 16, seed: 42, probes: 1024 },
  { bands: 16, rows: 12, seed: 42, probes: 256 },
];
const PROSE: Style[] = ['narrative', 'essay', 'poem', 'formula'];

const print = (name: string, value: number, unit: string) => console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(4)} ${unit}`);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

type Lang = 'ru' | 'en';
interface Query { source: number; vector: Float32Array }

const single = (c: Concept) => c.ru && c.en && !/\s/.test(c.ru) && !/\s/.test(c.en);

async function main() {
  const config = loadConfig();
  if (!config.REDIS_URL) {
    console.error('lookup.bench needs REDIS_URL (make bench starts a local Redis)');
    process.exit(1);
  }
  const [sceneDeps, morph] = await Promise.all([loadSceneDeps(), loadMorphology()]);
  const embedder = await createEmbedder(config, { lemmatizer: morph });
  const lexicon = loadLexicon();
  const books = loadPhraseBooks();
  const dim = embedder.dim;
  const rand = mulberry32(20261129);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

  const all = lexicon.concepts.filter(single).slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  // One concept in seven never appears in a stored scene: the unrelated queries are made of those.
  const heldOut = all.filter((_, i) => i % 7 === 3);
  const usable = all.filter((_, i) => i % 7 !== 3);
  const storedLabels = new Set(usable.flatMap((c) => [c.ru, c.en]));
  print('lookup.concepts.stored', usable.length, 'concepts');
  print('lookup.concepts.held_out', heldOut.length, 'concepts');

  const sample = (pool: Concept[], n: number) => {
    const out = new Set<Concept>();
    while (out.size < n) out.add(pick(pool));
    return [...out];
  };
  // Stored scenes as compressScene makes them from lexicon lemmas: the word, its lemma, its concept label.
  const scenes: Scene[] = [];
  for (let i = 0; i < N; i++) {
    const lang: Lang = rand() < 0.5 ? 'ru' : 'en';
    const components: Component[] = sample(usable, 3 + Math.floor(rand() * 3)).map((c) => ({ text: c[lang], lemma: c[lang], kind: 'word', concept: c[lang], phase: null }));
    scenes.push({ sceneId: `SCN-b${i}`, mnemonic: components.map((c) => c.text).join(''), key: components.map((c) => c.text).join('·'), lang, components, tension: null });
  }
  let t = performance.now();
  const vectors: Float32Array[] = [];
  for (let i = 0; i < N; i += 2000) {
    vectors.push(...(await embedder.embedBatch(scenes.slice(i, i + 2000).map((s) => ({ text: s.components.map((c) => c.text).join(' '), components: s.components })))));
  }
  print('lookup.embed.scenes_per_s', N / ((performance.now() - t) / 1000), 'scenes/s');

  // The way `hyperbridge lookup` reads a text (services/cli/commands/text.ts): the scene it decodes to.
  const decodeDeps = { lexicon, morph, books, vectors: embedder };
  const embedText = async (text: string, id: string) => {
    const scene = compressScene({ id, text }, sceneDeps, { maxTextBytes: config.HB_MAX_TEXT_BYTES });
    const components = lookupComponents(text, decodeDeps, scene.components);
    return { components, vector: await embedder.embed({ text, components }) };
  };
  const sources: number[] = [];
  const taken = new Set<number>();
  while (sources.length < Q) {
    const i = Math.floor(rand() * N);
    if (!taken.has(i)) (taken.add(i), sources.push(i));
  }
  const renderings: Query[] = [];
  let renderFailures = 0;
  for (const [j, i] of sources.entries()) {
    try {
      const r = renderScene(scenes[i]!, { style: PROSE[j % PROSE.length]!, persona: 'poet', lang: null, marker: 'none', variant: j }, { lexicon, morph, books });
      renderings.push({ source: i, vector: (await embedText(r.text, `r${j}`)).vector });
    } catch {
      renderFailures++;
    }
  }
  print('lookup.queries.render_failures', renderFailures, 'queries');
  const paraphrases: Query[] = [];
  for (const [j, i] of sources.entries()) {
    const s = scenes[i]!;
    const other: Lang = s.lang === 'ru' ? 'en' : 'ru';
    const words = s.components.map((c) => {
      const concept = lexicon.byLemma(c.lemma)!;
      const options = [...concept.synonyms[s.lang as Lang], concept[other], ...concept.synonyms[other]].filter((w) => w && w !== c.text && !/\s/.test(w));
      return options.length ? pick(options) : c.text;
    });
    for (let a = words.length - 1; a > 0; a--) {
      const b = Math.floor(rand() * (a + 1));
      [words[a], words[b]] = [words[b]!, words[a]!];
    }
    paraphrases.push({ source: i, vector: (await embedText(words.join(' '), `p${j}`)).vector });
  }
  const unrelated: Float32Array[] = [];
  let rejected = 0;
  while (unrelated.length < Q) {
    const lang: Lang = rand() < 0.5 ? 'ru' : 'en';
    const { components, vector } = await embedText(sample(heldOut, 3 + Math.floor(rand() * 2)).map((c) => c[lang]).join(' '), `u${unrelated.length}`);
    // Reading may map a held-out word to a stored concept (by lemma or meaning): such a query is not unrelated.
    if (components.some((c) => c.concept !== null && storedLabels.has(c.concept))) rejected++;
    else unrelated.push(vector);
  }
  print('lookup.queries.unrelated_rejected', rejected, 'queries');

  // Brute force over every stored vector: the reference the LSH answer is compared with.
  const matrix = new Float32Array(N * dim);
  vectors.forEach((v, i) => matrix.set(v, i * dim));
  const bruteTop1 = (q: Float32Array) => {
    let best = -1;
    let bestS = -Infinity;
    for (let i = 0; i < N; i++) {
      let s = 0;
      const base = i * dim;
      for (let d = 0; d < dim; d++) s += matrix[base + d]! * q[d]!;
      if (s > bestS) (bestS = s), (best = i);
    }
    return best;
  };
  t = performance.now();
  const bruteR = renderings.map((q) => bruteTop1(q.vector));
  print('lookup.brute.ms_per_query', (performance.now() - t) / renderings.length, 'ms');
  const bruteP = paraphrases.map((q) => bruteTop1(q.vector));

  const params = { bands: config.HB_LSH_BANDS, rows: config.HB_LSH_ROWS, seed: config.HB_LSH_SEED };
  // The same centre createSignatureStore uses: the mean of the lexicon's lemmas in the model.
  const centre = lshCentre(embedder, lexicon.concepts.flatMap((c) => [c.ru, c.en]).filter((w) => w && !/\s/.test(w)));
  const prefix = `hbbench${Date.now().toString(36)}:sig`;
  const admin = new Redis(config.REDIS_URL);
  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await admin.info('memory'))![1]);
  const store = await openRedisStore({
    client: createRedisClient({ url: config.REDIS_URL, username: config.REDIS_USERNAME, password: config.REDIS_PASSWORD, tls: config.REDIS_TLS, tlsCaFile: config.REDIS_TLS_CA_FILE }),
    prefix,
    shards: 1,
    namespace: signatureNamespace(embedder.modelId, dim, params, centre),
    modelId: embedder.modelId,
    lsh: createLsh(dim, params, centre),
    ttlSeconds: 0,
    threshold: config.HB_LOOKUP_THRESHOLD,
    probes: config.HB_LSH_PROBES,
    maxPending: N,
  });
  try {
    const before = await usedMemory();
    t = performance.now();
    for (let i = 0; i < N; i += 1000) {
      await Promise.all(scenes.slice(i, i + 1000).map((s, j) => store.put({ sceneId: s.sceneId, key: s.key, mnemonic: s.mnemonic, vector: vectors[i + j]!, modelId: embedder.modelId, meta: { lang: s.lang } })));
    }
    print('lookup.redis.put_per_s', N / ((performance.now() - t) / 1000), 'scenes/s');
    print('lookup.redis.bytes_per_scene', (await usedMemory() - before) / N, 'bytes');
    print('lookup.redis.scenes', N, 'scenes');
    print('lookup.redis.lsh_bands', params.bands, 'bands');
    print('lookup.redis.lsh_rows', params.rows, 'rows');
    print('lookup.redis.lsh_probes', config.HB_LSH_PROBES, 'probes');
    await measure(store, 'render', renderings, bruteR, scenes, N);
    await measure(store, 'paraphrase', paraphrases, bruteP, scenes, N);
    let falseHits = 0;
    for (const v of unrelated) if ((await store.lookup(v, 1)).length > 0) falseHits++;
    print('lookup.redis.false_hit_rate', falseHits / unrelated.length, 'ratio');
    print('lookup.redis.unrelated_queries', unrelated.length, 'queries');
    print('lookup.threshold', config.HB_LOOKUP_THRESHOLD, 'cosine');
  } finally {
    await store.close();
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 5000);
      if (keys.length) await admin.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    admin.disconnect();
  }

  // Recall against candidates for other band settings: the same banded index, in memory.
  for (const p of CURVE) {
    const index = createMemoryIndex(createLsh(dim, p, centre), { vector: (slot) => vectors[slot]!, describe: () => ({ key: '', mnemonic: '' }) });
    scenes.forEach((s, i) => index.put(s.sceneId, i, vectors[i]!, null));
    let ok = 0;
    let cand = 0;
    renderings.forEach((q, j) => {
      const r = index.lookup(q.vector, 1, -1, 0, p.probes);
      cand += r.candidates;
      if (r.matches[0]?.sceneId === scenes[bruteR[j]!]!.sceneId) ok++;
    });
    const name = `lookup.curve.b${p.bands}r${p.rows}p${p.probes}`;
    print(`${name}.top1_equals_brute`, ok / renderings.length, 'ratio');
    print(`${name}.cosines_per_query`, cand / renderings.length, 'cosines');
  }
}

async function measure(store: SignatureStore, name: string, queries: Query[], brute: number[], scenes: Scene[], n: number) {
  const latencies: number[] = [];
  let agree = 0;
  let top1 = 0;
  let top5 = 0;
  let bruteSource = 0;
  let candidates = 0;
  for (const [j, q] of queries.entries()) {
    const start = performance.now();
    const r = await store.lookupWithStats(q.vector, 5, -1);
    latencies.push(performance.now() - start);
    candidates += r.candidates;
    const source = scenes[q.source]!.sceneId;
    if (r.matches[0]?.sceneId === scenes[brute[j]!]!.sceneId) agree++;
    if (r.matches[0]?.sceneId === source) top1++;
    if (r.matches.some((m) => m.sceneId === source)) top5++;
    if (brute[j] === q.source) bruteSource++;
  }
  const k = queries.length;
  print(`lookup.redis.${name}.queries`, k, 'queries');
  print(`lookup.redis.${name}.lsh_top1_equals_brute`, agree / k, 'ratio');
  print(`lookup.redis.${name}.cosines_per_query`, candidates / k, 'cosines');
  print(`lookup.redis.${name}.cosine_reduction`, n / (candidates / k), 'x');
  print(`lookup.redis.${name}.source_top1`, top1 / k, 'ratio');
  print(`lookup.redis.${name}.source_top5`, top5 / k, 'ratio');
  print(`lookup.brute.${name}.source_top1`, bruteSource / k, 'ratio');
  print(`lookup.redis.${name}.p50`, percentile(latencies, 0.5), 'ms');
  print(`lookup.redis.${name}.p99`, percentile(latencies, 0.99), 'ms');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
