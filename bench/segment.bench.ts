/**
 * Segmenter and scene-compression figures (issue 3), on one core:
 *   segment.load.*_ms          loading the word model, the lexicon, and everything compressScene needs (wall
 *                              clock; segment.load.wordmodel_cpu_ms is the CPU time of the word model's load)
 *   segment.memory.*_mb        RSS and V8 heap after loading
 *   segment.couplings_per_s    glued couplings segmented per CPU second of this (single-threaded) process, the
 *                              held-out Russian and English sets; CPU time, so other load on the machine does
 *                              not count against it (segment.couplings_per_wall_s is the wall-clock rate)
 *   scene.compress_per_s       whole messages compressed per CPU second (segmentation, morphology, lexicon)
 *
 *     node dist/bench/segment.bench.js
 */
import { readFileSync } from 'node:fs';
import { rootPath } from '../services/lib/paths.js';
import { segmentCoupling } from '../services/core/segment/index.js';
import { compressScene } from '../services/core/scene/index.js';
import { loadWordModel } from '../services/data/wordmodel.js';
import { loadLexicon, loadSceneDeps } from '../services/data/lexicon.js';

const print = (name: string, value: number, unit: string, digits = 0): void => console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
const mb = (bytes: number): number => bytes / 1024 / 1024;

function timed<T>(fn: () => T): [T, number, number] {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const cpu = process.cpuUsage(cpuStart);
  return [value, performance.now() - start, (cpu.user + cpu.system) / 1000];
}

/** Runs `fn` over `items` round after round for at least `ms` of wall time; items per CPU second and per wall second. */
function throughput<T>(items: readonly T[], fn: (item: T) => unknown, ms: number): { cpu: number; wall: number } {
  for (const item of items) fn(item);
  let done = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const item of items) fn(item);
    done += items.length;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: done / ((cpu.user + cpu.system) / 1e6), wall: (done / elapsed) * 1000 };
}

const [, wordModelMs, wordModelCpuMs] = timed(() => loadWordModel());
const [, lexiconMs] = timed(() => loadLexicon());
const depsStart = performance.now();
const deps = await loadSceneDeps();
const depsMs = performance.now() - depsStart;
global.gc?.();
const memory = process.memoryUsage();
print('segment.load.wordmodel_ms', wordModelMs, 'ms');
print('segment.load.wordmodel_cpu_ms', wordModelCpuMs, 'ms');
print('segment.load.lexicon_ms', lexiconMs, 'ms');
print('segment.load.scene_deps_ms', depsMs, 'ms');
print('segment.memory.rss_mb', mb(memory.rss), 'MB');
print('segment.memory.heap_used_mb', mb(memory.heapUsed), 'MB');

const couplings = ['ru', 'en'].flatMap((lang) =>
  readFileSync(rootPath('eval/data/segment', `${lang}.heldout.tsv`), 'utf8').trim().split('\n').map((l) => l.split('\t')[0]),
);
const isMappedSymbol = (g: string): boolean => deps.lexicon.byEmoji(g) !== null;
const segmented = throughput(couplings, (c) => segmentCoupling(c, deps.words, { isMappedSymbol }), 3000);
print('segment.couplings_per_s', segmented.cpu, 'couplings/s');
print('segment.couplings_per_wall_s', segmented.wall, 'couplings/s');
const messages = couplings.map((text, i) => ({ id: `bench-${i}`, text }));
const compressed = throughput(messages, (m) => compressScene(m, deps, { maxTextBytes: 65536 }), 3000);
print('scene.compress_per_s', compressed.cpu, 'scenes/s');
print('scene.compress_per_wall_s', compressed.wall, 'scenes/s');
