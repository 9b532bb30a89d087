/**
 * One Morphology over both languages: input checks, word normalisation and a bounded cache of analyses in
 * front of the per-language analysers (the compression stage lemmatises every word of every message).
 */
import { HyperBridgeError } from '../../lib/errors.js';
import { LruCache } from './lru.js';
import type { GrammaticalNumber, Lang, LanguageMorphology, MorphAnalysis, Morphology } from './types.js';

export interface MorphologyOptions {
  /** Analyses kept in the cache per language. */
  cacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 20_000;
const STAGE = 'morph';
const STRESS_MARKS = /[\u0300\u0301]/g;
/** Typographic apostrophes, as in don’t, read as the ASCII one the English tables use. */
const APOSTROPHES = /[\u2019\u02bc]/g;
const CASES = new Set<string>(['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct']);
/** Spelled-out names some callers use (the team brief's en ['plural']) for the OpenCorpora grammemes. */
const GRAMMEME_ALIASES: Readonly<Record<string, string>> = { plural: 'plur', singular: 'sing' };

interface CachedAnalysis {
  known: boolean;
  analyses: readonly MorphAnalysis[];
}

export function createMorphology(languages: Record<Lang, LanguageMorphology>, options: MorphologyOptions = {}): Morphology {
  const caches: Record<Lang, LruCache<string, CachedAnalysis>> = {
    ru: new LruCache(options.cacheSize ?? DEFAULT_CACHE_SIZE),
    en: new LruCache(options.cacheSize ?? DEFAULT_CACHE_SIZE),
  };

  const analysisOf = (word: string, lang: Lang): CachedAnalysis => {
    const key = normaliseWord(word, lang);
    const cached = caches[lang].get(key);
    if (cached) return cached;
    const { known, analyses } = languages[lang].analyze(key);
    const frozen = { known, analyses: Object.freeze(analyses.map((a) => Object.freeze({ ...a, grammemes: Object.freeze([...a.grammemes]) }))) };
    caches[lang].set(key, frozen as CachedAnalysis);
    return frozen as CachedAnalysis;
  };

  const morphology: Morphology = {
    // Callers get copies: the cached readings are shared.
    analyze: (word, lang) => analysisOf(word, lang).analyses.map((a) => ({ ...a, grammemes: [...a.grammemes] })),
    lemmatize: (word, lang) => analysisOf(word, lang).analyses[0]!.lemma,
    isKnown: (word, lang) => analysisOf(word, lang).known,
    isFunctionWord(word, lang) {
      const key = normaliseWord(word, lang);
      return languages[lang].isFunctionWord(key);
    },

    inflect(lemma, lang, grammemes) {
      checkGrammemes(grammemes);
      return languages[checkLang(lang)].inflect(cleanWord(lemma), grammemes.map((g) => GRAMMEME_ALIASES[g] ?? g));
    },

    genderOf: (lemma, lang) => languages[checkLang(lang)].genderOf(normaliseWord(lemma, lang)),

    agreeAdjective(adjLemma, nounLemma, caseTag, lang, opts = {}) {
      if (!CASES.has(caseTag)) throw new HyperBridgeError('HB_ERR_MORPH_INPUT', STAGE, `unknown case "${String(caseTag)}"`);
      if (checkLang(lang) === 'en') return cleanWord(adjLemma);
      const noun = languages.ru.nounAgreement(normaliseWord(nounLemma, 'ru'));
      const number: GrammaticalNumber = opts.number ?? noun?.number ?? 'sing';
      const grammemes = number === 'plur' ? ['plur', caseTag] : [noun?.gender ?? 'masc', 'sing', caseTag];
      // Animacy shows only in the accusative of masculine singular and of the plural (тёплого кота, тёплый дом).
      if (caseTag === 'accs' && (number === 'plur' || (noun?.gender ?? 'masc') === 'masc')) grammemes.push(noun?.animate ? 'anim' : 'inan');
      // A verb lemma agrees as its active participle: жизнь + родиться → родившаяся.
      const verb = ['INFN', 'VERB'].includes(analysisOf(adjLemma, 'ru').analyses[0]!.pos);
      return morphology.inflect(adjLemma, 'ru', verb ? ['PRTF', opts.tense ?? 'past', 'actv', ...grammemes] : grammemes);
    },

    agreePastVerb(verbLemma, nounLemma, opts = {}) {
      const noun = languages.ru.nounAgreement(normaliseWord(nounLemma, 'ru'));
      const number: GrammaticalNumber = opts.number ?? noun?.number ?? 'sing';
      return morphology.inflect(verbLemma, 'ru', number === 'plur' ? ['past', 'plur'] : ['past', noun?.gender ?? 'masc']);
    },
  };
  return morphology;
}

function checkLang(lang: unknown): Lang {
  if (lang === 'ru' || lang === 'en') return lang;
  throw new HyperBridgeError('HB_ERR_MORPH_INPUT', STAGE, `unsupported language "${String(lang)}" (ru and en are)`);
}

function checkWord(word: unknown): string {
  if (typeof word !== 'string' || !word.trim()) {
    throw new HyperBridgeError('HB_ERR_MORPH_INPUT', STAGE, 'a word must be a non-empty string');
  }
  return word;
}

function checkGrammemes(grammemes: unknown): void {
  if (!Array.isArray(grammemes) || !grammemes.every((g) => typeof g === 'string')) {
    throw new HyperBridgeError('HB_ERR_MORPH_INPUT', STAGE, 'grammemes must be an array of strings');
  }
}

/**
 * NFC, stress marks removed. ё is kept because az tells words apart by it where the text has it; Russian keeps
 * its case because az reads proper names only when capitalised, English is folded to lower case (a better cache).
 */
function normaliseWord(word: unknown, lang: unknown): string {
  const clean = cleanWord(word);
  return checkLang(lang) === 'en' ? clean.toLowerCase().replace(APOSTROPHES, "'") : clean;
}

function cleanWord(word: unknown): string {
  return checkWord(word).normalize('NFC').replace(STRESS_MARKS, '').trim();
}

