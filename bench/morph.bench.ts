/**
 * Morphology speed and load cost. Words: a deterministic sample of the Hunspell dictionaries (Debian
 * hunspell-ru, hunspell-en-us), inflected through the morphology itself so the sample holds real word forms.
 * Uncached is the cost of a word seen for the first time, cached of a word seen again (bounded LRU). Rates are
 * per second of this process's CPU time (cpu_s), so other work on the machine does not skew them; load time is
 * given both as wall and CPU time.
 *   node dist/bench/morph.bench.js
 */
import { readFileSync } from 'node:fs';
import { loadAz, loadMorphology } from '../services/data/morphology.js';
import type { Lang, Morphology } from '../services/core/morph/index.js';

const SAMPLE = 20_000;
const figure = (name: string, value: number, unit: string) => console.log(`${name}: ${value.toFixed(value < 100 ? 2 : 0)} ${unit}`);

function hunspellStems(path: string, pattern: RegExp): string[] {
  const stems = readFileSync(path, 'utf8').split('\n').slice(1).map((l) => l.split('/')[0]!.trim().toLowerCase()).filter((w) => pattern.test(w));
  const step = Math.max(1, Math.floor(stems.length / SAMPLE));
  return stems.filter((_, i) => i % step === 0).slice(0, SAMPLE);
}

/** Grammemes to inflect a word with, by its part of speech, so the sample holds real forms, not "tabled". */
const FORMS: Record<Lang, Record<string, string[][]>> = {
  ru: {
    NOUN: [['ablt'], ['loct', 'plur'], ['gent']],
    INFN: [['past', 'femn'], ['impr', 'sing'], ['pres', '3per', 'sing']],
    ADJF: [['femn', 'ablt'], ['plur', 'gent']],
  },
  en: { NOUN: [['plur']], VERB: [['past'], ['ger'], ['3per', 'sing', 'pres']], ADJF: [['COMP']] },
};

/** Each stem plus one inflected form of it, so analysis sees inflected forms as well as lemmas. */
function wordForms(m: Morphology, stems: string[], lang: Lang): string[] {
  const forms = new Set<string>();
  stems.forEach((stem, i) => {
    forms.add(stem);
    const options = FORMS[lang][m.analyze(stem, lang)[0]!.pos];
    const form = options?.length ? m.inflect(stem, lang, options[i % options.length]!) : null;
    if (form) forms.add(form);
  });
  return [...forms];
}

/** Items per second of this process's CPU time: one core's throughput, not skewed by other load on the machine. */
function rate(words: readonly string[], fn: (w: string) => unknown): number {
  const start = process.cpuUsage();
  for (const w of words) fn(w);
  const used = process.cpuUsage(start);
  return words.length / ((used.user + used.system) / 1e6);
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
await loadAz();
const t1 = performance.now();
const morph = await loadMorphology();
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
figure('morph.load.az', t1 - t0, 'ms');
figure('morph.load.tables', t2 - t1, 'ms');
figure('morph.load.total', t2 - t0, 'ms');
// CPU time is what the load costs on an idle core; wall time above also counts waiting on a busy machine.
figure('morph.load.total_cpu', (cpu.user + cpu.system) / 1000, 'ms');
figure('morph.heap_after_load', process.memoryUsage().heapUsed / 2 ** 20, 'MB');

const ruWords = wordForms(morph, hunspellStems('/usr/share/hunspell/ru_RU.dic', /^[а-яё]+$/), 'ru');
const enWords = wordForms(morph, hunspellStems('/usr/share/hunspell/en_US.dic', /^[a-z]+$/), 'en');

// A fresh morphology for each cold figure, so nothing is cached from the sampling above; its cache holds the
// whole sample, so the second pass measures cache hits (a smaller LRU walked in order would evict every word).
for (const [lang, words] of [['ru', ruWords], ['en', enWords]] as const) {
  const cold = await loadMorphology({ cacheSize: words.length });
  figure(`morph.${lang}.lemmatize_uncached`, rate(words, (w) => cold.lemmatize(w, lang)), 'lemmas/cpu_s');
  figure(`morph.${lang}.lemmatize_cached`, rate(words, (w) => cold.lemmatize(w, lang)), 'lemmas/cpu_s');
  figure(`morph.${lang}.words_in_sample`, words.length, 'words');
  // Coverage: the share of the Hunspell sample's forms the dictionary knows (the rest are their own lemma).
  figure(`morph.${lang}.known_share`, words.filter((w) => cold.isKnown(w, lang)).length / words.length, 'ratio');
}

const ruNouns = [...new Set(ruWords.filter((w) => morph.analyze(w, 'ru')[0]!.pos === 'NOUN').map((w) => morph.lemmatize(w, 'ru')))].slice(0, 5000);
const enNouns = enWords.slice(0, 5000);
// Russian inflection keeps the lemma's paradigm (LRU), so a second pass over the same lemmas is the steady state.
for (const pass of ['uncached', 'cached']) {
  figure(`morph.ru.inflect_${pass}`, rate(ruNouns, (w) => morph.inflect(w, 'ru', ['ablt', 'sing'])), 'inflections/cpu_s');
}
figure('morph.en.inflect', rate(enNouns, (w) => morph.inflect(w, 'en', ['plur'])), 'inflections/cpu_s');
figure('morph.heap_end', process.memoryUsage().heapUsed / 2 ** 20, 'MB');
