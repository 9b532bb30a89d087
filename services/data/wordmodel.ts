/** Loads the word frequencies shipped in data/wordfreq/ (see its SOURCE.md) into the segmenter's model. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { rootPath } from '../lib/paths.js';
import { createWordModel, type ModelLang, type SegmentParams, type WordModel } from '../core/segment/index.js';

export function wordFrequencyPath(lang: ModelLang): string {
  return rootPath('data', 'wordfreq', `${lang}.tsv.gz`);
}

/** The bytes of `word<TAB>zipf×100` lines, most frequent first; the trie is built straight from them. */
export function readFrequencyList(lang: ModelLang): Uint8Array {
  return gunzipSync(readFileSync(wordFrequencyPath(lang)));
}

export function loadWordModel(params?: SegmentParams): WordModel {
  return createWordModel({ ru: readFrequencyList('ru'), en: readFrequencyList('en') }, params);
}
