/**
 * Segmentation and emoji figures (issue 3):
 *   segment.<lang>.exact_split     held-out couplings (eval/data/segment/<lang>.heldout.tsv) split exactly by the
 *                                  segmenter alone (segmentCoupling)
 *   scene.<lang>.exact_split       the same couplings through compressScene (which also keeps words the morphology
 *                                  knows whole), compared on the components' text
 *   segment.emoji.whole            fully-qualified emoji of emoji-test.txt that come out as one whole component
 *   segment.emoji.mapped           … whose concept has both a ru and an en lemma
 *   segment.property.*             generated scenes: share with no unique best split, and violations (must be 0)
 *
 *     node dist/eval/segment.eval.js
 */
import { readFileSync } from 'node:fs';
import { rootPath } from '../services/lib/paths.js';
import { segmentCoupling } from '../services/core/segment/index.js';
import { compressScene } from '../services/core/scene/index.js';
import { loadSceneDeps } from '../services/data/lexicon.js';
import { checkRoundTrip, generateScenes } from './segment-scenes.js';

const EMOJI_TEST = '/usr/share/unicode/emoji/emoji-test.txt';
const print = (name: string, value: number | string, unit: string): void => console.log(`${name}: ${value} ${unit}`);
const ratio = (n: number, d: number): string => (d === 0 ? 'NaN' : (n / d).toFixed(4));

const deps = await loadSceneDeps();
const isMappedSymbol = (g: string): boolean => deps.lexicon.byEmoji(g) !== null;

for (const lang of ['ru', 'en'] as const) {
  const rows = readFileSync(rootPath('eval/data/segment', `${lang}.heldout.tsv`), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  let exact = 0;
  let sceneExact = 0;
  for (const [glued, expected] of rows) {
    if (segmentCoupling(glued, deps.words, { isMappedSymbol }).map((p) => p.text).join('|') === expected) exact++;
    const scene = compressScene({ id: 'eval', text: glued }, deps, { maxTextBytes: 65536 });
    if (scene.components.map((c) => c.text).join('|') === expected) sceneExact++;
  }
  print(`segment.${lang}.exact_split`, ratio(exact, rows.length), 'ratio');
  print(`scene.${lang}.exact_split`, ratio(sceneExact, rows.length), 'ratio');
  print(`segment.${lang}.couplings`, rows.length, 'couplings');
}

const fullyQualified = readFileSync(EMOJI_TEST, 'utf8')
  .split('\n')
  .filter((line) => /;\s*fully-qualified\s*#/.test(line))
  .map((line) => String.fromCodePoint(...line.split(';')[0].trim().split(/\s+/).map((h) => parseInt(h, 16))));
let whole = 0;
let mapped = 0;
for (const emoji of fullyQualified) {
  const scene = compressScene({ id: 'eval', text: emoji }, deps, { maxTextBytes: 65536 });
  if (scene.components.length === 1 && scene.components[0].kind === 'emoji' && scene.components[0].text === emoji) whole++;
  const concept = deps.lexicon.byEmoji(emoji);
  if (concept && concept.ru && concept.en) mapped++;
}
print('segment.emoji.fully_qualified', fullyQualified.length, 'emoji');
print('segment.emoji.whole', ratio(whole, fullyQualified.length), 'ratio');
print('segment.emoji.mapped', ratio(mapped, fullyQualified.length), 'ratio');

const scenes = generateScenes(deps.lexicon, 10_000, 0x9e3779b9);
const outcomes = { exact: 0, 'no-unique-best': 0, violation: 0 };
for (const scene of scenes) outcomes[checkRoundTrip(scene, deps.words, deps.lexicon)]++;
print('segment.property.scenes', scenes.length, 'scenes');
print('segment.property.exact', ratio(outcomes.exact, scenes.length), 'ratio');
print('segment.property.no_unique_best', ratio(outcomes['no-unique-best'], scenes.length), 'ratio');
print('segment.property.violations', outcomes.violation, 'scenes');
