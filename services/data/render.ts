/** Loads the render phrase books shipped in data/render/ (see data/render/README.md). */
import { readFileSync } from 'node:fs';
import { HyperBridgeError } from '../lib/errors.js';
import { rootPath } from '../lib/paths.js';
import { PERSONAS, PHASES } from '../core/types.js';
import type { PhraseBook, PhraseBooks, RenderDeps, VoiceBook } from '../core/render/index.js';
import type { Lexicon } from '../core/lexicon/index.js';
import type { Morphology } from '../core/morph/index.js';
import { loadLexicon } from './lexicon.js';
import { loadMorphology } from './morphology.js';

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(rootPath('data/render', file), 'utf8'));
  } catch (err) {
    throw new HyperBridgeError('HB_ERR_CONFIG', 'render', `cannot read data/render/${file}: ${(err as Error).message}`, { cause: err });
  }
}

/** Every voice must have every style and phase, so rendering never meets a missing template at run time. */
function checkVoices(voices: Record<string, VoiceBook>, file: string): void {
  for (const persona of PERSONAS) {
    const voice = voices[persona];
    if (!voice) throw new HyperBridgeError('HB_ERR_CONFIG', 'render', `${file}: voice ${persona} is missing`);
    for (const style of ['narrative', 'essay', 'poem'] as const) {
      for (const phase of [...PHASES, 'verb', 'raw'] as const) {
        if (!voice[style]?.[phase]?.length) throw new HyperBridgeError('HB_ERR_CONFIG', 'render', `${file}: ${persona}.${style}.${phase} has no templates`);
      }
    }
    for (const phase of [...PHASES, 'verb', 'raw'] as const) {
      if (!voice.formula?.terms?.[phase]?.length) throw new HyperBridgeError('HB_ERR_CONFIG', 'render', `${file}: ${persona}.formula.${phase} has no terms`);
    }
    if (!voice.formula.head?.length || !voice.formula.times?.length || !voice.silence?.length) {
      throw new HyperBridgeError('HB_ERR_CONFIG', 'render', `${file}: ${persona} lacks formula heads, times or silence texts`);
    }
  }
}

let cached: PhraseBooks | null = null;

export function loadPhraseBooks(): PhraseBooks {
  if (cached) return cached;
  const images = readJson('images.json') as { ru: Record<string, string[]>; en: Record<string, string[]> };
  const book = (lang: 'ru' | 'en'): PhraseBook => {
    const file = `${lang}.voices.json`;
    const voices = readJson(file) as Record<string, VoiceBook>;
    checkVoices(voices, file);
    return { lang, voices: voices as PhraseBook['voices'], images: images[lang] ?? {} };
  };
  cached = { ru: book('ru'), en: book('en') };
  return cached;
}

/** What rendering needs, loaded from the shipped data: the lexicon, the morphology and the phrase books. */
export async function loadRenderDeps(): Promise<RenderDeps & { lexicon: Lexicon; morph: Morphology }> {
  const morph = await loadMorphology();
  return { lexicon: loadLexicon(), morph, books: loadPhraseBooks() };
}
