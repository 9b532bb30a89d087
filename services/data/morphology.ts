/**
 * Loads the morphology: initialises az from the OpenCorpora dictionaries inside the `az` package and reads the
 * English and function-word tables from data/morph/. az keeps its dictionaries in module state, so it is
 * initialised once per process and every caller shares the result.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { HyperBridgeError } from '../lib/errors.js';
import { rootPath } from '../lib/paths.js';
import {
  createEnglishMorphology,
  createMorphology,
  createRussianMorphology,
  parseEnglishData,
  parseFunctionWords,
  type AzMorph,
  type Morphology,
  type MorphologyOptions,
} from '../core/morph/index.js';

interface AzModule {
  Morph: AzMorph & { init(path: string, callback: (err: unknown) => void): void };
}

const require = createRequire(import.meta.url);
let azMorph: Promise<AzMorph> | undefined;

/** az's Morph function, initialised from node_modules/az/dicts (about 0.2 s, once). */
export function loadAz(): Promise<AzMorph> {
  azMorph ??= new Promise<AzMorph>((resolvePromise, reject) => {
    const az = require('az') as AzModule;
    const dicts = resolve(dirname(require.resolve('az/package.json')), 'dicts');
    az.Morph.init(dicts, (err) => (err ? reject(err) : resolvePromise(az.Morph)));
  }).catch((err: unknown) => {
    azMorph = undefined;
    throw new HyperBridgeError('HB_ERR_MORPH_LOAD', 'morph', `az dictionaries: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  return azMorph;
}

const readData = async (name: string): Promise<string> => {
  try {
    return await readFile(rootPath('data/morph', name), 'utf8');
  } catch (err) {
    throw new HyperBridgeError('HB_ERR_MORPH_LOAD', 'morph', `data/morph/${name}: ${(err as Error).message}`, { cause: err });
  }
};

export async function loadMorphology(options: MorphologyOptions = {}): Promise<Morphology> {
  const [morph, ruWords, ruExtra, enWords, lemmas, exceptions, irregularVerbs, plurals] = await Promise.all([
    loadAz(),
    readData('ru-function-words.tsv'),
    readData('ru-function-words-extra.tsv'),
    readData('en-function-words.tsv'),
    readData('en-lemmas.tsv'),
    readData('en-exceptions.tsv'),
    readData('en-irregular-verbs.tsv'),
    readData('en-plurals.tsv'),
  ]);
  const english = parseEnglishData({ lemmas, exceptions, irregularVerbs, plurals, functionWords: parseFunctionWords(enWords) });
  return createMorphology(
    { ru: createRussianMorphology(morph, parseFunctionWords(ruWords, ruExtra)), en: createEnglishMorphology(english) },
    options,
  );
}
