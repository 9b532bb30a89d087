/**
 * Tension evaluation on the sets in eval/data/tension/ (written before any tuning):
 *  - types.tsv: tension type accuracy with a confusion matrix, by language, and apart for the items whose
 *    pieces are absent from the training set and the curated lexicon (checked here, not taken on trust);
 *  - phases.tsv: per-component phase accuracy.
 * The components are the sets' gold splits, so the figures measure the classifier, not the segmenter;
 * `tension.type.e2e.accuracy` is the same set through the real compressScene (the `scene` command's path).
 * Run: node dist/eval/tension.eval.js  (HB_EVAL_VERBOSE=1 lists the misses on stderr)
 */
import { readFileSync } from 'node:fs';
import { createEmbedder } from '../services/adapters/embedder/index.js';
import { sceneVectors } from '../services/classify/scene-vectors.js';
import { classifyTension, type TensionModel } from '../services/core/tension/index.js';
import { TENSION_TYPES, type Phase, type Scene } from '../services/core/types.js';
import { loadLexicon, loadSceneDeps } from '../services/data/lexicon.js';
import { compressScene } from '../services/core/scene/index.js';
import { loadMorphology } from '../services/data/morphology.js';
import { itemComponent, loadTensionModel, loadTensionTrainingSet } from '../services/data/tension.js';
import { loadConfig } from '../services/lib/config.js';
import { rootPath } from '../services/lib/paths.js';

const verbose = process.env.HB_EVAL_VERBOSE === '1';
const print = (name: string, value: number, unit: string) => console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(3)} ${unit}`);

function readTsv(name: string): string[][] {
  return readFileSync(rootPath('eval/data/tension', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

function sceneOf(pieces: string[]): Scene {
  const components = pieces.map(itemComponent);
  return { sceneId: 'SCN-eval', mnemonic: pieces.join(''), key: pieces.join('·'), lang: 'mixed', components, tension: null };
}

const langOf = (pieces: string[]) => (pieces.every((p) => /\p{Extended_Pictographic}/u.test(p)) ? 'emoji' : /[а-яё]/i.test(pieces.join('')) ? 'ru' : 'en');

async function main() {
  const embedder = await createEmbedder(loadConfig(), { lemmatizer: await loadMorphology() });
  const model: TensionModel = await loadTensionModel(embedder);
  const lexicon = loadLexicon();
  const trained = new Set(loadTensionTrainingSet().map((r) => r.item.toLowerCase()));
  const known = (piece: string) => trained.has(piece.toLowerCase()) || lexicon.byLemma(piece) !== null || lexicon.byEmoji(piece) !== null;
  const classify = async (pieces: string[], text: string) => {
    const scene = sceneOf(pieces);
    return classifyTension(scene, await sceneVectors(embedder, scene, text), model);
  };

  const confusion = new Map<string, number>();
  const tally = new Map<string, { right: number; total: number }>();
  const count = (group: string, ok: boolean) => {
    const t = tally.get(group) ?? { right: 0, total: 0 };
    t.total++;
    if (ok) t.right++;
    tally.set(group, t);
  };
  const sceneDeps = await loadSceneDeps();
  for (const [input, split, gold, unseenMark] of readTsv('types.tsv')) {
    const pieces = split!.split('|');
    const { tension } = await classify(pieces, input!);
    const ok = tension.type === gold;
    try {
      const compressed = compressScene({ id: 'eval', text: input! }, sceneDeps, { maxTextBytes: 65536, stage: 'classify' });
      const e2e = classifyTension(compressed, await sceneVectors(embedder, compressed, input!), model);
      count('e2e', e2e.tension.type === gold);
    } catch (err) {
      count('e2e', false);
      if (verbose) console.error(`e2e error: ${input}: ${(err as Error).message}`);
    }
    confusion.set(`${gold}.${tension.type}`, (confusion.get(`${gold}.${tension.type}`) ?? 0) + 1);
    count('all', ok);
    count(langOf(pieces), ok);
    if (pieces.every((p) => !known(p))) count('unseen', ok);
    if (unseenMark === '1') count('marked_unseen', ok);
    if (!ok && verbose) console.error(`type miss: ${input} gold=${gold} got=${tension.type} ${JSON.stringify(tension.scores)}`);
  }
  for (const [group, { right, total }] of tally) {
    const name = group === 'all' ? 'tension.type.accuracy' : group === 'e2e' ? 'tension.type.e2e.accuracy' : `tension.type.accuracy.${group}`;
    print(name, right / total, 'ratio');
    print(`${name.replace('accuracy', 'items')}`, total, 'items');
  }
  for (const g of TENSION_TYPES) for (const p of TENSION_TYPES) print(`tension.type.confusion.${g}.${p}`, confusion.get(`${g}.${p}`) ?? 0, 'items');

  let right = 0;
  let total = 0;
  let scenesExact = 0;
  const phaseRows = readTsv('phases.tsv');
  for (const [split, goldPhases] of phaseRows) {
    const pieces = split!.split('|');
    const gold = goldPhases!.split('|').map((p) => (p === '-' ? null : (p as Phase)));
    const { phases } = await classify(pieces, pieces.join(''));
    let exact = true;
    gold.forEach((g, i) => {
      total++;
      if (phases[i] === g) right++;
      else {
        exact = false;
        if (verbose) console.error(`phase miss: ${pieces[i]} in ${split} gold=${g} got=${phases[i]}`);
      }
    });
    if (exact) scenesExact++;
  }
  print('tension.phase.accuracy', right / total, 'ratio');
  print('tension.phase.components', total, 'items');
  print('tension.phase.scene_exact', scenesExact / phaseRows.length, 'ratio');
  print('tension.phase.scenes', phaseRows.length, 'items');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
