/**
 * Morphology quality, on words drawn from open dictionaries (no hand-made set to tune against):
 * - spelling: the share of generated forms Hunspell accepts (Debian hunspell-ru, hunspell-en-us; needs the
 *   `hunspell` binary), the check the renderer's output must pass;
 * - lemma recovery: the share of generated forms whose readings include the lemma they were made from, which is
 *   what the compression and decode stages rely on (lemmatize(inflect(L, g)) ∋ L).
 * Russian: nouns, verbs and adjectives from a deterministic sample of the Hunspell ru_RU stems that az knows,
 * in every case and number / tense / gender. English: WordNet lemmas with a weight of at least 20 (the frequent
 * ones), nouns in the plural and verbs in past, participle, -ing and 3rd person; adjective degrees are left out
 * because WordNet does not say which adjectives are gradable.
 *   node dist/eval/morph.eval.js
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadMorphology } from '../services/data/morphology.js';
import type { Lang, Morphology } from '../services/core/morph/index.js';
import { rootPath } from '../services/lib/paths.js';

const RU_SAMPLE = 3000;
const EN_MIN_WEIGHT = 20;
const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'];
const RU_FORMS: Record<string, string[][]> = {
  NOUN: CASES.flatMap((c) => [['sing', c], ['plur', c]]),
  INFN: [['past', 'masc'], ['past', 'femn'], ['past', 'neut'], ['past', 'plur'], ['pres', '3per', 'sing'], ['futr', '3per', 'sing'], ['impr', 'sing']],
  ADJF: CASES.flatMap((c) => [['masc', 'sing', c], ['femn', 'sing', c], ['neut', 'sing', c], ['plur', c]]),
};
const EN_FORMS: Record<string, string[][]> = {
  n: [['plur']],
  v: [['past'], ['past', 'partcp'], ['ger'], ['3per', 'sing', 'pres']],
};

interface Generated {
  lemma: string;
  form: string;
  /** Part of speech and number, for the per-kind spelling figures: NOUN.sing, NOUN.plur, INFN, ADJF, v, n. */
  kind: string;
}

function ruForms(m: Morphology): Generated[] {
  const stems = readFileSync('/usr/share/hunspell/ru_RU.dic', 'utf8').split('\n').slice(1)
    .map((l) => l.split('/')[0]!.trim()).filter((w) => /^[а-яё]+$/.test(w));
  const step = Math.floor(stems.length / RU_SAMPLE);
  const out: Generated[] = [];
  for (let i = 0; i < stems.length && out.length < RU_SAMPLE * 10; i += step) {
    const stem = stems[i]!;
    const reading = m.analyze(stem, 'ru')[0]!;
    if (reading.lemma !== stem) continue; // only dictionary forms, so the lemma is known
    for (const grammemes of RU_FORMS[reading.pos] ?? []) {
      const form = m.inflect(stem, 'ru', grammemes);
      const kind = reading.pos === 'NOUN' ? `NOUN.${grammemes[0]}` : reading.pos;
      if (form) out.push({ lemma: stem, form, kind });
    }
  }
  return out;
}

function enForms(m: Morphology): Generated[] {
  const out: Generated[] = [];
  for (const line of readFileSync(rootPath('data/morph/en-lemmas.tsv'), 'utf8').split('\n')) {
    const [lemma, n, v] = line.split('\t');
    if (!lemma || !/^[a-z]+$/.test(lemma)) continue;
    for (const [pos, weight] of [['n', n], ['v', v]] as const) {
      if (weight === undefined || weight === '-' || Number(weight) < EN_MIN_WEIGHT) continue;
      for (const grammemes of EN_FORMS[pos]!) {
        const form = m.inflect(lemma, 'en', grammemes);
        if (form) out.push({ lemma, form, kind: pos === 'n' ? 'NOUN.plur' : 'VERB' });
      }
    }
  }
  return out;
}

/** Words `hunspell -l` reports as misspelt. */
function rejectedByHunspell(dictionary: string, words: string[]): Set<string> {
  const run = spawnSync('hunspell', ['-d', dictionary, '-l'], { input: words.join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`hunspell -d ${dictionary} failed: ${run.error?.message ?? run.stderr}`);
  return new Set(run.stdout.split('\n').filter(Boolean));
}

const morph = await loadMorphology();
for (const [lang, dictionary, generated] of [['ru', 'ru_RU', ruForms(morph)], ['en', 'en_US', enForms(morph)]] as [Lang, string, Generated[]][]) {
  const rejected = rejectedByHunspell(dictionary, [...new Set(generated.map((g) => g.form))]);
  const accepted = generated.filter((g) => !rejected.has(g.form)).length;
  const recovered = generated.filter((g) => morph.analyze(g.form, lang).some((r) => r.lemma === g.lemma)).length;
  const recoveredFirst = generated.filter((g) => morph.lemmatize(g.form, lang) === g.lemma).length;
  console.log(`morph.${lang}.generated_forms: ${generated.length} forms`);
  console.log(`morph.${lang}.hunspell_accepted: ${(accepted / generated.length).toFixed(4)} ratio`);
  // Plurals of abstract nouns (чудовищностями, awarenesses) are most of the rejections: by kind it shows.
  for (const kind of [...new Set(generated.map((g) => g.kind))].sort()) {
    const ofKind = generated.filter((g) => g.kind === kind);
    const ok = ofKind.filter((g) => !rejected.has(g.form)).length;
    console.log(`morph.${lang}.hunspell_accepted.${kind}: ${(ok / ofKind.length).toFixed(4)} ratio`);
  }
  console.log(`morph.${lang}.lemma_in_readings: ${(recovered / generated.length).toFixed(4)} ratio`);
  console.log(`morph.${lang}.lemma_first_reading: ${(recoveredFirst / generated.length).toFixed(4)} ratio`);
}
