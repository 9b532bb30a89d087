/**
 * Figures of the static meaning model (issue 4), on held-out sets written before the model code read them:
 * word similarity (Spearman per pair type), cross-lingual top-10 (on the holdout build, whose graph lacks the
 * test pairs' dictionary edges) and coverage of the concept lexicon and of the emoji.
 * Run: node dist/eval/model.eval.js  (the holdout artifact comes from `make model VARIANT=holdout`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { rootPath } from '../services/lib/paths.js';
import { loadStaticModel } from '../services/data/model.js';
import { loadLexicon } from '../services/data/lexicon.js';
import { coverage, crossLingualFigures, similarityFigures, type SimilarityPair } from './model-figures.js';

const rows = (file: string) =>
  readFileSync(rootPath('eval/data/model', file), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));
const similarity: SimilarityPair[] = rows('similarity.tsv').map(([type, a, b, score]) => ({ type: type!, a: a!, b: b!, score: Number(score) }));
const translations = rows('translations.tsv').map(([ru, en]) => [ru!, en!] as [string, string]);

const lexicon = loadLexicon();
const conceptLemmas = lexicon.concepts.flatMap((c) => [c.ru, c.en, ...c.synonyms.ru, ...c.synonyms.en]).filter((w) => !/\s/.test(w));
const conceptEmoji = lexicon.concepts.flatMap((c) => c.emoji);
const cldrEmoji = (JSON.parse(readFileSync(rootPath('node_modules/emojibase-data/en/data.json'), 'utf8')) as { emoji: string; type?: number }[])
  .map((e) => e.emoji).filter((e) => !/^[\p{Regional_Indicator}]$/u.test(e));

const print = (name: string, value: number | string, unit: string) => console.log(`${name}: ${typeof value === 'number' ? +value.toFixed(4) : value} ${unit}`);

for (const variant of ['full', 'permissive']) {
  const file = rootPath(`models/hb-static-${variant}-v1.bin`);
  if (!existsSync(file)) {
    console.error(`${file} is missing; build it with make model VARIANT=${variant}`);
    continue;
  }
  const t0 = performance.now();
  const model = loadStaticModel(file);
  const p = `model.${variant}`;
  print(`${p}.id`, model.modelId, '');
  print(`${p}.load_ms`, performance.now() - t0, 'ms');
  print(`${p}.vocabulary`, model.keys.length, 'keys');
  const sim = similarityFigures(model, similarity);
  for (const s of sim.spearmans) print(`${p}.similarity.${s.type}.spearman`, s.rho, `rho (n=${s.n})`);
  print(`${p}.similarity.missing_pairs`, sim.missing, 'pairs');
  for (const [name, lemmas] of [['concept_lemmas', conceptLemmas], ['concept_emoji', conceptEmoji], ['cldr_emoji', cldrEmoji]] as const) {
    const c = coverage(model, [...lemmas]);
    print(`${p}.coverage.${name}`, c.share, `ratio (n=${c.n})`);
    if (c.absent.length) console.error(`${p} lacks ${name}: ${c.absent.slice(0, 40).join(' ')}${c.absent.length > 40 ? ' …' : ''}`);
  }
  if (variant === 'full') {
    // the shipped model has seen the test pairs; this figure is only an upper bound, the holdout one is the measure
    const x = crossLingualFigures(model, translations);
    print(`${p}.crosslingual.seen.mutual_top10`, x.mutual, 'ratio');
  }
  const holdoutFile = rootPath(`models/build/hb-static-${variant}-holdout-v1.bin`);
  if (existsSync(holdoutFile)) {
    const x = crossLingualFigures(loadStaticModel(holdoutFile), translations);
    print(`${p}.crosslingual.heldout.mutual_top10`, x.mutual, `ratio (n=${translations.length})`);
    print(`${p}.crosslingual.heldout.ru_to_en_top10`, x.ruToEn, 'ratio');
    print(`${p}.crosslingual.heldout.en_to_ru_top10`, x.enToRu, 'ratio');
    print(`${p}.crosslingual.heldout.missing_pairs`, x.missing, 'pairs');
    print(`${p}.crosslingual.heldout.vocabulary`, `ru=${x.ruVocab} en=${x.enVocab}`, 'lemmas');
  } else {
    console.error(`${holdoutFile} is missing: build it with make model VARIANT=${variant === 'full' ? 'holdout' : 'permissive-holdout'}`);
  }
}
