/** Morphology for Russian (az, OpenCorpora) and English (WordNet Morphy): lemmas, readings, inflection, agreement. */
export type { CaseTag, Gender, GrammaticalNumber, Lang, LanguageMorphology, MorphAnalysis, Morphology } from './types.js';
export type { AzMorph, AzParse, AzTag } from './az.js';
export type { EnglishData, EnglishTables } from './english-data.js';
export type { FunctionWords, FunctionWordEntry } from './function-words.js';
export { createMorphology, type MorphologyOptions } from './morphology.js';
export { createRussianMorphology } from './russian.js';
export { createEnglishMorphology } from './english.js';
export { parseEnglishData } from './english-data.js';
export { parseFunctionWords } from './function-words.js';
export { indefiniteArticle, withArticle } from './articles.js';
export { ruPrepositionForm } from './russian-prepositions.js';
export { foldYo } from './yo.js';
