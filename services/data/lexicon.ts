/**
 * Loads the concept lexicon (data/lexicon/lexicon.json, built by tools/lexicon/build_lexicon.mjs; sources and
 * licences in data/lexicon/SOURCE.md) and everything compressScene needs.
 */
import { readFileSync } from 'node:fs';
import { HyperBridgeError } from '../lib/errors.js';
import { rootPath } from '../lib/paths.js';
import { createLexicon, type Concept, type Lexicon } from '../core/lexicon/index.js';
import type { SceneDeps } from '../core/scene/index.js';
import { loadWordModel } from './wordmodel.js';
import { loadMorphology } from './morphology.js';

export const LEXICON_PATH = rootPath('data', 'lexicon', 'lexicon.json');

export function loadLexicon(path: string = LEXICON_PATH): Lexicon {
  let concepts: Concept[];
  try {
    concepts = (JSON.parse(readFileSync(path, 'utf8')) as { concepts: Concept[] }).concepts;
  } catch (err) {
    throw new HyperBridgeError('HB_ERR_INTERNAL', 'lexicon', `cannot read the lexicon ${path}: ${(err as Error).message}`, { cause: err });
  }
  return createLexicon(concepts);
}

let sceneDeps: Promise<SceneDeps> | undefined;

/** Loaded once per process and shared: the word model and az's dictionaries are large. */
export function loadSceneDeps(): Promise<SceneDeps> {
  sceneDeps ??= loadMorphology().then((morphology) => ({ lexicon: loadLexicon(), words: loadWordModel(), morphology }));
  return sceneDeps;
}
