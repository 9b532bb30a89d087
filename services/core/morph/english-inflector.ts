/**
 * English inflection: curated irregular verbs and plurals, WordNet's exception lists read backwards (stop →
 * stopped, stopping; big → bigger; mouse → mice), then the regular spelling rules (-es, -ies, -e drop, -ied).
 */
import type { EnglishData, IrregularVerb, WordnetPos } from './english-data.js';
import { matchCase } from './letter-case.js';

/** The grammemes English inflection understands; anything else makes `inflect` return null. */
export const ENGLISH_GRAMMEMES = new Set(['sing', 'plur', 'pres', 'past', 'partcp', 'ger', 'infn', '1per', '2per', '3per', 'COMP', 'SUPR']);

const VOWEL_Y = /[^aeiou]y$/;
const SIBILANT = /(s|x|z|ch|sh)$/;
/** One vowel group then a single consonant (stop, grab): the consonant doubles before -ed/-ing/-er. */
const DOUBLING = /^[^aeiou]*[aeiou][^aeiouwxy]$/;
/** Prefixes that keep an irregular verb irregular (overtake, undertake, withhold, foresee, upset, repay, mislead). */
const VERB_PREFIXES = ['over', 'under', 'with', 'fore', 'out', 'up', 'off', 'mis', 're', 'un'];
/** -man nouns that are not compounds of man. */
const NOT_MAN_COMPOUNDS = new Set(['human', 'german', 'roman', 'shaman', 'talisman', 'caiman', 'cayman', 'ottoman', 'walkman']);

export type EnglishInflector = (lemma: string, grammemes: readonly string[]) => string | null;

export function createEnglishInflector(data: EnglishData): EnglishInflector {
  // Only forms an en_US spell check accepts are written (traveled, not travelled); the rules cover the rest.
  const reversed = new Map<string, string[]>();
  for (const [form, entries] of data.exceptions) {
    for (const { pos, lemma, us } of entries) {
      // Entries like "gas gas" only stop the lemmatiser's rules (gas is not a plural of ga); they are no inflection.
      if (!us || form === lemma) continue;
      const key = `${pos}:${lemma}`;
      reversed.set(key, [...(reversed.get(key) ?? []), form]);
    }
  }
  const exceptionForm = (pos: WordnetPos, lemma: string, accept: (form: string) => boolean): string | undefined =>
    reversed.get(`${pos}:${lemma}`)?.find(accept);

  /** A lemma that is itself a plural of another noun (hours, affairs, crossroads) stays as it is. */
  const alreadyPlural = (noun: string): boolean =>
    noun.length > 3 && noun.endsWith('s') && !noun.endsWith('ss') && data.lemmas.weight(noun.slice(0, -1), 'n') !== undefined;

  const plural = (noun: string): string =>
    data.plurals.get(noun) ??
    exceptionForm('n', noun, () => true) ??
    (alreadyPlural(noun) ? noun : noun.endsWith('man') && !NOT_MAN_COMPOUNDS.has(noun) ? `${noun.slice(0, -3)}men` : regularPlural(noun));

  /** An irregular verb, or a prefixed one built on it: overtake → overtook, uphold → upheld, undo → undid. */
  const irregular = (verb: string): IrregularVerb | undefined => {
    const own = data.irregularVerbs.get(verb);
    if (own) return own;
    const prefix = VERB_PREFIXES.find((p) => verb.startsWith(p) && data.irregularVerbs.has(verb.slice(p.length)));
    if (!prefix) return undefined;
    const base = data.irregularVerbs.get(verb.slice(prefix.length))!;
    return { past: prefix + base.past, pastParticiple: prefix + base.pastParticiple };
  };
  const participles = new Set([...data.irregularVerbs.values()].map((v) => v.pastParticiple));

  const past = (verb: string): string =>
    irregular(verb)?.past ??
    exceptionForm('v', verb, (f) => f.endsWith('ed')) ??
    withSuffix(verb, 'ed');

  const participle = (verb: string): string => irregular(verb)?.pastParticiple ?? past(verb);

  const gerund = (verb: string): string =>
    exceptionForm('v', verb, (f) => f.endsWith('ing')) ?? withSuffix(verb, 'ing');

  const degree = (adjective: string, superlative: boolean): string => {
    const irregular = exceptionForm('a', adjective, (f) => f.endsWith('st') === superlative);
    if (irregular) return irregular;
    // Long adjectives and participles (tired, worn) take more/most; two-syllable ones in -y take -ier (happier).
    const syllableCount = syllables(adjective);
    const periphrastic = syllableCount > 2 || (syllableCount === 2 && !VOWEL_Y.test(adjective)) || adjective.endsWith('ed') || participles.has(adjective);
    if (periphrastic) return `${superlative ? 'most' : 'more'} ${adjective}`;
    return withSuffix(adjective, superlative ? 'est' : 'er');
  };

  const present = (verb: string, grammemes: ReadonlySet<string>): string => {
    const plural = grammemes.has('plur');
    if (verb === 'be') {
      if (plural || grammemes.has('2per')) return 'are';
      return grammemes.has('1per') ? 'am' : grammemes.has('3per') || grammemes.has('sing') ? 'is' : 'are';
    }
    if (!grammemes.has('3per') || plural) return verb;
    if (verb === 'have') return 'has';
    if (VOWEL_Y.test(verb)) return `${verb.slice(0, -1)}ies`;
    return SIBILANT.test(verb) || /[^o]o$/.test(verb) ? `${verb}es` : `${verb}s`;
  };

  const inflectWord = (word: string, g: ReadonlySet<string>): string => {
    if (g.has('ger')) return gerund(word);
    if (g.has('partcp')) return participle(word);
    if (g.has('past')) {
      if (word === 'be') return g.has('plur') || g.has('2per') ? 'were' : 'was';
      return past(word);
    }
    if (g.has('pres') || g.has('1per') || g.has('2per') || g.has('3per')) return present(word, g);
    if (g.has('COMP')) return degree(word, false);
    if (g.has('SUPR')) return degree(word, true);
    if (g.has('plur')) return plural(word);
    return word;
  };

  return (lemma, grammemes) => {
    if (!grammemes.every((g) => ENGLISH_GRAMMEMES.has(g))) return null;
    const g = new Set(grammemes);
    const words = lemma.split(' ');
    const lower = words.map((w) => w.toLowerCase());
    // A phrase inflects at its head: the last word of a noun phrase, the first of a phrasal verb (give up → gave up).
    const verbal = ['ger', 'partcp', 'past', 'pres', '1per', '2per', '3per'].some((t) => g.has(t));
    const degreeOfPhrase = (g.has('COMP') || g.has('SUPR')) && words.length > 1;
    if (degreeOfPhrase) return `${g.has('SUPR') ? 'most' : 'more'} ${lemma}`;
    const head = verbal ? 0 : words.length - 1;
    words[head] = matchCase(words[head]!, inflectWord(lower[head]!, g));
    return words.join(' ');
  };
}

function regularPlural(noun: string): string {
  if (VOWEL_Y.test(noun)) return `${noun.slice(0, -1)}ies`;
  return SIBILANT.test(noun) ? `${noun}es` : `${noun}s`;
}

/**
 * Adds -ed, -ing, -er or -est with the spelling changes. A final consonant after a single vowel doubles only in
 * one-syllable words (stop → stopped, but visit → visited, cancel → canceled in American spelling).
 */
function withSuffix(word: string, suffix: 'ed' | 'ing' | 'er' | 'est'): string {
  if (suffix === 'ing') {
    if (word.endsWith('ie')) return `${word.slice(0, -2)}ying`;
    if (/(ee|ye|oe)$/.test(word) || word.length <= 2) return `${word}ing`;
    if (word.endsWith('e')) return `${word.slice(0, -1)}ing`;
  } else {
    if (word.endsWith('e')) return word + suffix.slice(1);
    if (VOWEL_Y.test(word)) return `${word.slice(0, -1)}i${suffix}`;
  }
  return DOUBLING.test(word) ? word + word.at(-1)! + suffix : word + suffix;
}

function syllables(word: string): number {
  const groups = word.replace(/e$/, '').match(/[aeiouy]+/g);
  return Math.max(1, groups?.length ?? 0);
}
