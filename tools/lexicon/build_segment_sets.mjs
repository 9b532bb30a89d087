/**
 * Builds the segmentation sets in eval/data/segment/ (deterministic; run once, commit, never tune on heldout):
 *   <lang>.lemmas.txt    the 20,000 most frequent content lemmas of the language, most frequent first
 *   <lang>.heldout.tsv   2,000 couplings of 2–5 lemmas (seed 0x5EED0001): `glued<TAB>w1|w2|…`; the eval's set
 *   <lang>.dev.tsv       2,000 couplings drawn with another seed (0x0DE70002): the only set tuning may look at
 *
 * Lemmas come from data/wordfreq/<lang>.tsv.gz. Russian: each word form is lemmatised with az (its best parse),
 * frequencies are summed per lemma; only forms az finds in its dictionary (not guessed from a suffix) count, the lemma
 * must itself occur in the word list, and only nouns, adjectives, verbs (infinitive) and adverbs are kept, without
 * names, abbreviations and initials. English: word forms that WordNet lists as a lemma (index.noun/verb/adj/adv)
 * and not as an irregular inflection (*.exc). Both: letters only, at least three of them. Couplings glue content
 * lemmas, so function words (в, и, the, of) are left out; each lemma of a coupling is drawn uniformly from the list.
 *
 *     node tools/lexicon/build_segment_sets.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = resolve(ROOT, 'eval/data/segment');
const TOP = 20_000;
const COUNT = 2_000;
const WORDNET = '/usr/share/wordnet';

function readFreq(lang) {
  const text = gunzipSync(readFileSync(resolve(ROOT, `data/wordfreq/${lang}.tsv.gz`))).toString('utf8');
  return text.split('\n').filter(Boolean).map((line) => {
    const [word, zipf] = line.split('\t');
    return { word, freq: 10 ** (Number(zipf) / 100) };
  });
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONTENT_POS = new Set(['NOUN', 'ADJF', 'INFN', 'ADVB']);
const EXCLUDED_TAGS = ['Name', 'Surn', 'Patr', 'Abbr', 'Init', 'Orgn', 'Trad'];

async function russianLemmas() {
  const require = createRequire(import.meta.url);
  const Az = require('az');
  await new Promise((done) => Az.Morph.init(resolve(ROOT, 'node_modules/az/dicts'), done));
  const byLemma = new Map();
  const forms = readFreq('ru');
  const known = new Set(forms.map(({ word }) => word));
  for (const { word, freq } of forms) {
    const parse = Az.Morph(word, { typos: 0, stutter: 0 })[0];
    if (!parse || parse.parser !== 'Dictionary') continue;
    const lemma = parse.normalize().word.replaceAll('ё', 'е');
    const tag = String(parse.normalize().tag);
    const pos = parse.normalize().tag.POST;
    if (!CONTENT_POS.has(pos) || EXCLUDED_TAGS.some((t) => tag.includes(t))) continue;
    if (!/^[а-я]{3,}$/.test(lemma) || !known.has(lemma)) continue;
    byLemma.set(lemma, (byLemma.get(lemma) ?? 0) + freq);
  }
  return [...byLemma].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP).map(([w]) => w);
}

function wordnetWords(prefix) {
  const words = new Set();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(`${WORDNET}/${prefix}.${pos}`, 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      words.add(line.slice(0, line.indexOf(' ')));
    }
  }
  return words;
}

function englishLemmas() {
  const lemmas = wordnetWords('index');
  const inflections = new Set();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(`${WORDNET}/${pos}.exc`, 'utf8').split('\n')) {
      const [form] = line.split(' ');
      if (form) inflections.add(form);
    }
  }
  return readFreq('en')
    .map(({ word }) => word)
    .filter((w) => /^[a-z]{3,}$/.test(w) && lemmas.has(w) && !inflections.has(w))
    .slice(0, TOP);
}

function couplings(lemmas, seed) {
  const random = mulberry32(seed);
  const rows = [];
  for (let i = 0; i < COUNT; i++) {
    const n = 2 + Math.floor(random() * 4);
    const words = Array.from({ length: n }, () => lemmas[Math.floor(random() * lemmas.length)]);
    rows.push(`${words.join('')}\t${words.join('|')}\n`);
  }
  return rows.join('');
}

for (const [lang, lemmas] of [['ru', await russianLemmas()], ['en', englishLemmas()]]) {
  writeFileSync(resolve(OUT, `${lang}.lemmas.txt`), lemmas.join('\n') + '\n');
  writeFileSync(resolve(OUT, `${lang}.heldout.tsv`), couplings(lemmas, 0x5eed0001));
  writeFileSync(resolve(OUT, `${lang}.dev.tsv`), couplings(lemmas, 0x0de70002));
  console.error(`${lang}: ${lemmas.length} lemmas, ${COUNT} heldout + ${COUNT} dev couplings`);
}
