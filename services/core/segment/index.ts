export { WordTrie } from './trie.js';
export {
  createWordModel,
  createLanguageModel,
  zipfToLogProb,
  DEFAULT_SEGMENT_PARAMS,
  type WordModel,
  type LanguageModel,
  type ModelLang,
  type SegmentParams,
  type FrequencyList,
} from './model.js';
export { bestSplit, splitScore, type Split, type SegmentStats } from './viterbi.js';
export { segmentCoupling, segmentTokens, splitLetters, modelFor, type Piece, type SegmentOptions, type WholeWordTest } from './coupling.js';
