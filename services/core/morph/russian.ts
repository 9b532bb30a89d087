/** Russian analysis and inflection over az (OpenCorpora dictionary). */
import type { AzMorph, AzMorphOptions, AzParse } from './az.js';
import type { FunctionWords } from './function-words.js';
import type { Gender, GrammaticalNumber, LanguageMorphology, MorphAnalysis } from './types.js';
import { capitalise, matchCase } from './letter-case.js';
import { LruCache } from './lru.js';
import { foldYo } from './yo.js';

/** Parsers whose readings come from the dictionary itself (hyphenated ones join dictionary words). */
const DICTIONARY_PARSERS = new Set(['Dictionary', 'HyphenParticle', 'HyphenAdverb', 'HyphenWords']);
/**
 * No typo or stutter correction: a misspelt word is unknown rather than silently turned into another word. az's
 * guessers (by prefix and suffix) are not run at all: an unknown word is its own lemma, and guessing is slow.
 */
const AZ_OPTIONS: AzMorphOptions = { stutter: 0, typos: 0, parsers: [...DICTIONARY_PARSERS] };
/**
 * az looks words up with е matching ё, so «теплом» also reads as «тёплом»; a reading spelt exactly as the input
 * is preferred over one that needed the ё, and among equally likely readings the dictionary form (поле: поле, not
 * a case of пола) wins.
 */
const YO_GUESS_FACTOR = 0.25;
const LEMMA_FORM_FACTOR = 1.2;
const GENDERS = new Set<string>(['masc', 'femn', 'neut']);

/** Lemmas whose paradigms are kept: rendering inflects the same few hundred concept lemmas over and over. */
const PARADIGM_CACHE_SIZE = 5_000;

export function createRussianMorphology(morph: AzMorph, functionWords: FunctionWords): LanguageMorphology {
  const paradigms = new LruCache<string, AzParse[]>(PARADIGM_CACHE_SIZE);
  const lookup = (word: string): AzParse[] =>
    morph(word, AZ_OPTIONS).filter((p) => DICTIONARY_PARSERS.has(p.parser ?? '') && !p.typosCnt && !p.stutterCnt);
  /** az reads proper names (Москва) only when capitalised; a lower-case name is looked up capitalised too. */
  const dictionaryParses = (word: string): AzParse[] => {
    const parses = lookup(word);
    return parses.length || word !== word.toLowerCase() ? parses : lookup(capitalise(word));
  };

  /**
   * Readings of `lemma` whose dictionary form is `lemma` itself, best first: the paradigms inflection may use.
   */
  const lemmaParses = (lemma: string): AzParse[] => {
    const cached = paradigms.get(lemma);
    if (cached) return cached;
    const lower = lemma.toLowerCase();
    const key = foldYo(lower);
    const parses = rank(lower, dictionaryParses(lemma)).filter(({ lemma: l }) => foldYo(l) === key).map(({ parse }) => parse);
    paradigms.set(lemma, parses);
    return parses;
  };

  const nounParse = (lemma: string): AzParse | undefined =>
    lemmaParses(lemma).find((p) => p.tag.POS === 'NOUN' || p.tag.POS === 'NPRO');

  return {
    analyze(word) {
      const ranked = rank(word.toLowerCase(), dictionaryParses(word));
      if (!ranked.length) return { known: false, analyses: [unknownReading(word.toLowerCase())] };
      return { known: true, analyses: toAnalyses(ranked) };
    },

    inflect(lemma, grammemes) {
      const wanted = completeGrammemes(grammemes);
      for (const parse of lemmaParses(lemma)) {
        const form = parse.inflect(wanted);
        if (form) return matchCase(lemma, form.toString());
      }
      return null;
    },

    genderOf(lemma) {
      const gender = nounParse(lemma)?.tag.GNdr;
      return gender && GENDERS.has(gender) ? (gender as Gender) : null;
    },

    nounAgreement(lemma) {
      const parse = nounParse(lemma);
      if (!parse) return null;
      const gender = parse.tag.GNdr && GENDERS.has(parse.tag.GNdr) ? (parse.tag.GNdr as Gender) : null;
      const number: GrammaticalNumber = parse.tag.Pltm || parse.tag.plur ? 'plur' : 'sing';
      return { gender, number, animate: parse.tag.anim === true };
    },

    isFunctionWord(word) {
      return functionWords.has(foldYo(word.toLowerCase()));
    },
  };
}

interface RankedParse {
  parse: AzParse;
  lemma: string;
  weight: number;
}

/** `word` in lower case, as az spells its forms. */
function rank(word: string, parses: AzParse[]): RankedParse[] {
  const exactExists = parses.some((p) => p.toString() === word);
  const ranked = parses.map((parse) => {
    const form = parse.toString();
    const lemma = (parse.normalize() || parse).toString();
    // az's scores are not always within 0–1 (ё readings can score 2); only their order is meaningful.
    let weight = Math.min(Math.max(parse.score, 1e-6), 1);
    if (exactExists && form !== word) weight *= YO_GUESS_FACTOR;
    if (lemma === form) weight *= LEMMA_FORM_FACTOR;
    return { parse, lemma, weight };
  });
  return ranked.sort((a, b) => b.weight - a.weight);
}

function toAnalyses(ranked: RankedParse[]): MorphAnalysis[] {
  const byKey = new Map<string, MorphAnalysis>();
  let total = 0;
  for (const { parse, lemma, weight } of ranked) {
    const pos = parse.tag.POS ?? parse.tag.stat[0] ?? 'UNKN';
    const grammemes = [...parse.tag.stat, ...parse.tag.flex].filter((g) => g !== pos);
    const key = `${lemma}|${pos}|${grammemes.join(',')}`;
    const seen = byKey.get(key);
    if (seen) seen.score += weight;
    else byKey.set(key, { lemma, pos, grammemes, score: weight });
    total += weight;
  }
  const analyses = [...byKey.values()];
  for (const a of analyses) a.score /= total;
  return analyses.sort((a, b) => b.score - a.score);
}

function unknownReading(word: string): MorphAnalysis {
  return { lemma: word, pos: 'UNKN', grammemes: [], score: 1 };
}

/**
 * OpenCorpora tags the inclusive imperative «дрогнем» as singular, and az takes the first matching form, so a
 * bare ['impr','sing'] would give «дрогнем»; the second-person (excl) imperative is what callers mean.
 */
function completeGrammemes(grammemes: readonly string[]): string[] {
  const wanted = [...grammemes];
  if (wanted.includes('impr') && !wanted.includes('incl') && !wanted.includes('excl')) wanted.push('excl');
  return wanted;
}
