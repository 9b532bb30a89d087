/**
 * Matching forms. A component's `text` stays exactly as typed; only the form used to look words up is
 * normalised: NFC, lower case, ё → е, stress marks (U+0301) removed, and Latin/Cyrillic look-alike letters
 * mapped to the script of the word they stand in.
 */
import { LATIN_TO_CYRILLIC, CYRILLIC_TO_LATIN } from './homoglyphs.js';

export type Script = 'cyrillic' | 'latin' | 'other';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const STRESS = /\u0301/gu;

export function scriptOf(char: string): Script {
  if (CYRILLIC.test(char)) return 'cyrillic';
  if (LATIN.test(char)) return 'latin';
  return 'other';
}

/** A look-alike letter has no script of its own: it belongs to the word around it. */
export function isLookAlike(char: string): boolean {
  return LATIN_TO_CYRILLIC.has(char) || CYRILLIC_TO_LATIN.has(char);
}

export function foldYo(text: string): string {
  return text.includes('ё') || text.includes('Ё') ? text.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : text;
}

/** Matching form of a word already known to be in `script`. */
export function matchForm(word: string, script: Script): string {
  const table = script === 'cyrillic' ? LATIN_TO_CYRILLIC : script === 'latin' ? CYRILLIC_TO_LATIN : null;
  let text = word.normalize('NFC');
  if (text.includes('\u0301')) text = text.replace(STRESS, '');
  if (table && hasAny(text, table)) {
    let out = '';
    for (const char of text) out += table.get(char) ?? char;
    text = out;
  }
  return foldYo(text.toLowerCase());
}

function hasAny(text: string, table: ReadonlyMap<string, string>): boolean {
  for (let i = 0; i < text.length; i++) if (table.has(text[i])) return true;
  return false;
}

/** NFC without stress marks: what the scene id and language detection see. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(STRESS, '');
}
