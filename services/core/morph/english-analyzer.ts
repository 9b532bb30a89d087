/**
 * English lemmatisation by WordNet's Morphy algorithm: exception lists first, then suffix detachment rules
 * whose result must be a WordNet lemma of that part of speech. Readings are weighted by WordNet's tagged-sense
 * counts, so «running» reads as the verb run before the noun running.
 */
import type { EnglishData, WordnetPos } from './english-data.js';
import { WORDNET_POS } from './english-data.js';
import type { MorphAnalysis } from './types.js';

export const POS_NAME: Record<WordnetPos, string> = { n: 'NOUN', v: 'VERB', a: 'ADJF', r: 'ADVB' };
const BASE_GRAMMEMES: Record<WordnetPos, string[]> = { n: ['sing'], v: ['pres'], a: [], r: [] };
const PLURAL = ['plur'];
const THIRD_PERSON = ['3per', 'sing', 'pres'];
const PAST = ['past'];
const PARTICIPLE = ['past', 'partcp'];
const GERUND = ['ger'];
const COMPARATIVE = ['COMP'];
const SUPERLATIVE = ['SUPR'];

/** Morphy's detachment rules (WordNet morph.c), with the grammemes the detached suffix carries. */
const RULES: Record<WordnetPos, readonly (readonly [string, string, string[]])[]> = {
  n: [['s', '', PLURAL], ['ses', 's', PLURAL], ['xes', 'x', PLURAL], ['zes', 'z', PLURAL], ['ches', 'ch', PLURAL],
    ['shes', 'sh', PLURAL], ['men', 'man', PLURAL], ['ies', 'y', PLURAL]],
  v: [['s', '', THIRD_PERSON], ['ies', 'y', THIRD_PERSON], ['es', 'e', THIRD_PERSON], ['es', '', THIRD_PERSON],
    ['ed', 'e', PAST], ['ed', '', PAST], ['ing', 'e', GERUND], ['ing', '', GERUND]],
  a: [['er', '', COMPARATIVE], ['est', '', SUPERLATIVE], ['er', 'e', COMPARATIVE], ['est', 'e', SUPERLATIVE]],
  r: [],
};

/** Closed-class words outweigh every WordNet reading: «will» is first the modal, «can» first the auxiliary. */
const FUNCTION_WORD_WEIGHT = 100_000;

export function createEnglishAnalyzer(data: EnglishData): (word: string) => { known: boolean; analyses: MorphAnalysis[] } {
  const irregularForms = new Map<string, { lemma: string; grammemes: string[] }[]>();
  for (const [lemma, { past, pastParticiple }] of data.irregularVerbs) {
    const add = (form: string, grammemes: string[]) =>
      irregularForms.set(form, [...(irregularForms.get(form) ?? []), { lemma, grammemes }]);
    if (past === pastParticiple) add(past, PAST);
    else {
      add(past, PAST);
      add(pastParticiple, PARTICIPLE);
    }
  }

  const weightOf = (lemma: string, pos: WordnetPos): number | undefined => {
    const w = data.lemmas.weight(lemma, pos);
    return w === undefined ? undefined : w + 1;
  };

  return (word) => {
    const readings: MorphAnalysis[] = [];
    const add = (lemma: string, pos: string, grammemes: string[], weight: number) => {
      const same = readings.find((r) => r.lemma === lemma && r.pos === pos && r.grammemes.join() === grammemes.join());
      if (same) same.score = Math.max(same.score, weight);
      else readings.push({ lemma, pos, grammemes, score: weight });
    };

    for (const entry of data.functionWords.get(word) ?? []) add(entry.lemma, entry.pos, entry.grammemes, FUNCTION_WORD_WEIGHT);
    for (const { lemma, grammemes } of irregularForms.get(word) ?? []) {
      const w = weightOf(lemma, 'v');
      if (w !== undefined) add(lemma, 'VERB', grammemes, w);
    }
    for (const { pos, lemma } of data.exceptions.get(word) ?? []) {
      if (lemma === word) continue; // the base reading comes from the index below
      const w = weightOf(lemma, pos);
      if (w !== undefined) add(lemma, POS_NAME[pos], exceptionGrammemes(word, pos, irregularForms), w);
    }
    const exceptions = data.exceptions.get(word) ?? [];
    for (const pos of WORDNET_POS) {
      const base = weightOf(word, pos);
      if (base !== undefined) add(word, POS_NAME[pos], BASE_GRAMMEMES[pos], base);
      // As in Morphy, a word listed as an exception of a part of speech is not run through its rules: "bed bed"
      // is listed so that bed is not read as the past of be.
      if (exceptions.some((e) => e.pos === pos)) continue;
      for (const [suffix, replacement, grammemes] of RULES[pos]) {
        if (!word.endsWith(suffix) || word.length <= suffix.length) continue;
        if (pos === 'n' && suffix === 's' && word.endsWith('ss')) continue;
        const lemma = word.slice(0, -suffix.length) + replacement;
        const w = weightOf(lemma, pos);
        if (w !== undefined) add(lemma, POS_NAME[pos], grammemes, w);
      }
    }

    if (!readings.length) return { known: false, analyses: [{ lemma: word, pos: 'UNKN', grammemes: [], score: 1 }] };
    const total = readings.reduce((s, r) => s + r.score, 0);
    for (const r of readings) r.score /= total;
    return { known: true, analyses: readings.sort((a, b) => b.score - a.score) };
  };
}

function exceptionGrammemes(form: string, pos: WordnetPos, irregular: ReadonlyMap<string, { grammemes: string[] }[]>): string[] {
  if (pos === 'n') return PLURAL;
  if (pos === 'v') return irregular.get(form)?.[0]?.grammemes ?? (form.endsWith('ing') ? GERUND : PAST);
  return form.endsWith('st') ? SUPERLATIVE : COMPARATIVE;
}
