/**
 * Marks the dictionary forms in data/wordfreq/<lang>.tsv.gz with a third column `1` (deterministic; run after
 * export_wordfreq.py and `npx tsc -p .`). Couplings are usually glued lemmas, so the segmenter gives lemmas a
 * small bonus (SegmentParams.lemmaBonus): `rascalskate` is rascal|skate rather than rascals|kate. A form is a
 * lemma when the project's morphology (services/core/morph: az for Russian, WordNet-based for English) knows it
 * and lemmatises it to itself.
 *
 *     node tools/lexicon/mark_lemmas.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { loadMorphology } = await import(resolve(ROOT, 'dist/services/data/morphology.js'));
const morphology = await loadMorphology();

for (const lang of ['ru', 'en']) {
  const path = resolve(ROOT, `data/wordfreq/${lang}.tsv.gz`);
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean);
  let lemmas = 0;
  const out = lines.map((line) => {
    const [word, zipf] = line.split('\t');
    const lemma = morphology.isKnown(word, lang) && morphology.lemmatize(word, lang).replaceAll('ё', 'е') === word;
    if (lemma) lemmas++;
    return lemma ? `${word}\t${zipf}\t1\n` : `${word}\t${zipf}\n`;
  });
  writeFileSync(path, gzipSync(Buffer.from(out.join(''), 'utf8'), { level: 9 }));
  console.error(`${lang}: ${lemmas} of ${lines.length} words are lemmas`);
}
