export type { Concept, Lexicon, LexiconLang } from './types.js';
export { createLexicon, lemmaKey } from './lexicon.js';
