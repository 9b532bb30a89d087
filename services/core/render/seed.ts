/** Deterministic choices: the same scene, style, voice and variant always pick the same words. */
import { mulberry32 } from '../random.js';

/** FNV-1a over the UTF-16 code units; stable across platforms and Node versions. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface Picker {
  /** An integer in [0, n). */
  int(n: number): number;
  /** The items in a seeded order (Fisher–Yates), the input untouched. */
  shuffle<T>(items: readonly T[]): T[];
}

export function picker(seedText: string): Picker {
  const next = mulberry32(hash32(seedText));
  return {
    int: (n) => Math.floor(next() * n),
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
