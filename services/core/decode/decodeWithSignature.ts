/**
 * The third way back (seed 7.3.3, point 3): when neither a marker nor the words give a scene close enough,
 * the nearest scene in the signature store is taken by its vector.
 */
import type { Component, Decoded } from '../types.js';
import { decodeText, componentsOfKey } from './decodeText.js';
import type { DecodeDeps } from './types.js';

export interface SignatureLookup {
  embed(input: { text: string; components: Component[] }): Promise<Float32Array>;
  lookup(vector: Float32Array, k: number): Promise<{ sceneId: string; mnemonic: string; key: string; similarity: number }[]>;
  /** Lowest similarity that counts as a match (HB_LOOKUP_THRESHOLD). */
  threshold: number;
}

export async function decodeWithSignature(text: string, deps: DecodeDeps, store: SignatureLookup): Promise<Decoded> {
  const direct = decodeText(text, deps);
  if (direct.via === 'marker' || direct.resonance >= store.threshold) return direct;
  const vector = await store.embed({ text, components: direct.components });
  const [best] = await store.lookup(vector, 1);
  if (!best || best.similarity < store.threshold || best.similarity <= direct.resonance) return direct;
  return {
    sceneId: best.sceneId,
    mnemonic: best.mnemonic,
    key: best.key,
    components: componentsOfKey(best.key, deps),
    via: 'signature',
    resonance: Math.round(best.similarity * 1000) / 1000,
    markerOk: false,
  };
}
