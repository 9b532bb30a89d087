import type { LexiconPort, LemmaVectorsPort, MorphologyPort, PhraseBooks } from '../render/index.js';

export interface DecodeDeps {
  lexicon: LexiconPort;
  morph: MorphologyPort & { isFunctionWord?(word: string, lang: 'ru' | 'en'): boolean };
  /** The render phrase books: their images (зола → пепел) are a second lexicon of the words renderings use. */
  books?: PhraseBooks;
  /** The meaning model's word vectors, for words neither lexicon knows (тепло → жар). */
  vectors?: LemmaVectorsPort | null;
  /** Lowest cosine between a word and a concept that counts as the concept (default 0.85). */
  meaningThreshold?: number;
}

/** How one concept was found in a text. */
export interface Match {
  conceptId: string;
  text: string;
  lemma: string;
  kind: 'word' | 'emoji';
  via: 'lexicon' | 'meaning';
  /** 1 for a dictionary match; the cosine for a match by meaning. */
  confidence: number;
}
