import type { Morphology } from '../morph/index.js';
import type { Lexicon } from '../lexicon/index.js';
import type { WordModel } from '../segment/index.js';

/** Everything compressScene needs, loaded once by services/data/lexicon.ts `loadSceneDeps()`. */
export interface SceneDeps {
  lexicon: Lexicon;
  words: WordModel;
  morphology: Pick<Morphology, 'lemmatize' | 'isKnown' | 'isFunctionWord'>;
}
