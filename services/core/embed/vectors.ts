/** Vector arithmetic on the static model: look-ups, inverse-frequency weights and the weighted mean. */
import type { StaticModel } from './artifact.js';
import { foldKey } from './normalize.js';

/** Smooth inverse frequency (Arora et al. 2017): a / (a + p(w)); frequent words weigh little. */
const SIF_A = 1e-3;

const ENGLISH_PLURAL = /^[a-z]+(?:ies|es|s)$/;

export function keyIndex(model: StaticModel, lemma: string): number {
  const direct = model.index.get(lemma);
  if (direct !== undefined) return direct;
  const key = foldKey(lemma);
  const found = model.index.get(key);
  if (found !== undefined || !ENGLISH_PLURAL.test(key)) return found ?? -1;
  // An English plural given as a lemma (lungs, cinders): its singular is the model's key.
  const singular = key.endsWith('ies') ? key.slice(0, -3) + 'y' : key.slice(0, -1);
  return model.index.get(singular) ?? (key.endsWith('es') ? model.index.get(key.slice(0, -2)) : undefined) ?? -1;
}

export function weightOf(model: StaticModel, i: number): number {
  const zipf = model.zipf[i]! / 10;
  if (zipf === 0) return 1;
  return SIF_A / (SIF_A + 10 ** (zipf - 9));
}

/** Adds `weight ×` the dequantised vector `i` into `acc`. */
export function addVector(model: StaticModel, i: number, weight: number, acc: Float32Array): void {
  const { dim, vectors } = model;
  const s = model.scales[i]! * weight;
  const base = i * dim;
  for (let d = 0; d < dim; d++) acc[d]! += vectors[base + d]! * s;
}

// Allocating a small typed array costs more than filling it (2.4 µs for 256 floats on the bench machine, most of
// a look-up), so, like Node's pool of small Buffers, vectors are carved out of a shared zeroed block: a vector is a
// view, and code that reads its bytes takes its byteOffset (the store codec and the Avro mapping do).
const POOL_VECTORS = 64;
let pool = new Float32Array(0);
let pooled = 0;

function freshVector(dim: number): Float32Array {
  if (pooled + dim > pool.length) {
    pool = new Float32Array(dim * POOL_VECTORS);
    pooled = 0;
  }
  pooled += dim;
  return pool.subarray(pooled - dim, pooled);
}

/** The unit-length vector of key `i` (scales are renormalised at load, so no second pass is needed). */
export function vectorAt(model: StaticModel, i: number): Float32Array {
  const out = freshVector(model.dim);
  addVector(model, i, 1, out);
  return out;
}

/**
 * A stable pseudo-random unit direction for a key the model does not know (a name, a new word): the same
 * unknown word always lands in the same place, and unrelated unknown words are near-orthogonal.
 */
export function addUnknown(key: string, weight: number, acc: Float32Array): void {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  const scale = weight / Math.sqrt(acc.length);
  for (let d = 0; d < acc.length; d++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    acc[d]! += (h & 1 ? 1 : -1) * scale;
  }
}

export function normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (let d = 0; d < v.length; d++) n += v[d]! * v[d]!;
  n = Math.sqrt(n);
  if (n > 0) for (let d = 0; d < v.length; d++) v[d]! /= n;
  return v;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}
