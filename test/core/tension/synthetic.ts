/**
 * A synthetic embedder for tests: each word gets a vector made of its type direction, its phase direction, a
 * shared offset (as real static vectors have) and seeded noise. Words the training set never saw still land
 * near their kind, which is what lets the model classify unseen words.
 */
import { gaussian, mulberry32, normalize } from '../../../services/core/signature/index.js';
import type { SceneEmbedder } from '../../../services/classify/scene-vectors.js';
import type { Component } from '../../../services/core/types.js';

export const SYN_DIM = 24;
const TYPE_AXIS = { bodily: 0, logical: 1, archetypal: 2 } as const;
const PHASE_AXIS = { decay: 3, awakening: 4, action: 5, return: 6 } as const;

type Spec = [keyof typeof TYPE_AXIS | null, keyof typeof PHASE_AXIS | null];

export const LEXICON: Record<string, Spec> = {
  // training words
  тело: ['bodily', null], пульс: ['bodily', 'action'], 'лёгкие': ['bodily', null], вдох: ['bodily', 'awakening'], выдох: ['bodily', 'return'],
  '🫁': ['bodily', null], '⚡': ['bodily', 'awakening'], пот: ['bodily', null],
  аксиома: ['logical', null], теорема: ['logical', null], вывод: ['logical', null], формула: ['logical', null], '🧮': ['logical', null], число: ['logical', null],
  пепел: ['archetypal', 'decay'], вспышка: ['archetypal', 'awakening'], жизнь: ['archetypal', 'action'], тишина: ['archetypal', 'return'],
  смерть: ['archetypal', 'decay'], рассвет: ['archetypal', 'awakening'], полёт: ['archetypal', 'action'], дом: ['archetypal', 'return'],
  '🌱': ['archetypal', 'action'], '🤫': ['archetypal', 'return'],
  // never in the training set
  диафрагма: ['bodily', null], силлогизм: ['logical', null], прах: ['archetypal', 'decay'], '🜂': ['bodily', 'action'],
  доказательство: ['logical', null], искра: [null, 'awakening'],
};

export function synthVector(word: string): Float32Array | null {
  const spec = LEXICON[word];
  if (!spec) return null;
  let seed = 0;
  for (const ch of word) seed = (seed * 31 + ch.codePointAt(0)!) >>> 0;
  const normal = gaussian(mulberry32(seed));
  const v = Float32Array.from({ length: SYN_DIM }, () => 0.25 * normal());
  for (let i = 0; i < SYN_DIM; i++) v[i] = v[i]! + 0.8; // the shared offset
  if (spec[0]) v[TYPE_AXIS[spec[0]]] = v[TYPE_AXIS[spec[0]]]! + 3;
  if (spec[1]) v[PHASE_AXIS[spec[1]]] = v[PHASE_AXIS[spec[1]]]! + 3;
  return normalize(v);
}

function average(components: Component[]): Float32Array {
  const sum = new Float32Array(SYN_DIM);
  for (const c of components) {
    const v = synthVector(c.lemma);
    if (v) for (let i = 0; i < SYN_DIM; i++) sum[i] = sum[i]! + v[i]!;
  }
  return normalize(sum);
}

export const syntheticEmbedder: SceneEmbedder = {
  modelId: 'synthetic-v1',
  dim: SYN_DIM,
  async embed(input) {
    return average(input.components);
  },
  async embedBatch(inputs) {
    return inputs.map((i) => average(i.components));
  },
  lemmaVector: synthVector,
};

export function component(text: string): Component {
  return { text, lemma: text, kind: /\p{Extended_Pictographic}|🜂/u.test(text) ? 'emoji' : 'word', concept: null, phase: null };
}
