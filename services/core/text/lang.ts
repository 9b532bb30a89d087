import type { Lang } from '../types.js';
import type { Script } from './normalize.js';

/**
 * The scene's language from the scripts of its words: Cyrillic only is ru, Latin only is en; both, or no
 * Cyrillic or Latin word at all (an emoji line), is mixed: such a scene has no single language of its own.
 */
export function detectLang(wordScripts: readonly Script[]): Lang {
  const cyrillic = wordScripts.includes('cyrillic');
  const latin = wordScripts.includes('latin');
  if (cyrillic && !latin) return 'ru';
  if (latin && !cyrillic) return 'en';
  return 'mixed';
}

/** The language whose model and lexicon serve a word of this script: Cyrillic is ru, Latin is en. */
export function langOfScript(script: Script | null): 'ru' | 'en' | null {
  return script === 'cyrillic' ? 'ru' : script === 'latin' ? 'en' : null;
}
