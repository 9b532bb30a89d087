/**
 * What a reverse lookup embeds for a text: the scene the text decodes to (a marker's exact scene, or the
 * concepts and free words its words give back). A rendering is its scene's components wrapped in frame words
 * ("всё уходит …", "the body keeps …"); embedded with those words, a rendering lands far from the scene it came
 * from (median cosine 0.56 to it in bench/lookup.bench.ts, under any useful threshold), decoded it lands next to
 * it (0.99). A text that decodes to nothing (function words alone) is looked up by the scene it compresses to.
 */
import type { Component } from '../types.js';
import { decodeText } from './decodeText.js';
import type { DecodeDeps } from './types.js';

export function lookupComponents(text: string, deps: DecodeDeps, compressed: Component[]): Component[] {
  const decoded = decodeText(text, deps).components;
  return decoded.length > 0 ? decoded : compressed;
}
