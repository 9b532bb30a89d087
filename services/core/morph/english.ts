/** English analysis and inflection over the WordNet-derived tables. */
import { createEnglishAnalyzer } from './english-analyzer.js';
import type { EnglishData } from './english-data.js';
import { createEnglishInflector } from './english-inflector.js';
import type { Gender, LanguageMorphology } from './types.js';

/** English nouns have no grammatical gender; its pronouns do, and agreement (he/his, it/its) needs them. */
const PRONOUN_GENDER: Readonly<Record<string, Gender>> = {
  he: 'masc', him: 'masc', his: 'masc', himself: 'masc',
  she: 'femn', her: 'femn', hers: 'femn', herself: 'femn',
  it: 'neut', its: 'neut', itself: 'neut',
};

export function createEnglishMorphology(data: EnglishData): LanguageMorphology {
  const analyze = createEnglishAnalyzer(data);
  const inflect = createEnglishInflector(data);
  return {
    analyze: (word) => analyze(word.toLowerCase()),
    inflect,
    genderOf: (lemma) => PRONOUN_GENDER[lemma.toLowerCase()] ?? null,
    nounAgreement: () => null,
    isFunctionWord: (word) => data.functionWords.has(word.toLowerCase()),
  };
}
