/**
 * Verification (seed 7.3.3, point 4: scene → text → scene): the rendering is decoded with its marker
 * stripped and compared with the original scene. The verdict:
 *   lossless  every concept is back, in the original order (recall ≥ HB_RESONANCE_LOSSLESS and τ = 1);
 *   resonant  resonance ≥ HB_RESONANCE_MIN;
 *   drifted   otherwise.
 * resonance = weighted mean of recall (0.45), precision (0.2), order ((τ+1)/2, 0.15) and the cosine of the
 * scene vectors (0.2, left out and the rest re-weighted without a meaning model), times 0.9 when the decoded
 * scene's tension type differs from the original's. The silence style has no words: its scene is carried by
 * its marker alone, so it is judged by the marker. Marker integrity is reported apart as markerOk.
 */
import type { Rendering, Scene, Tension, Verdict, Decoded } from '../types.js';
import { findMarker, stripMarker } from '../render/index.js';
import { decodeWords, type DecodeDeps } from '../decode/index.js';
import { identities, kendallTau, recallPrecision, sceneCosine } from './compare.js';

export interface VerifyDeps extends DecodeDeps {
  thresholds: { lossless: number; min: number };
  /** The tension type of a decoded scene, when the classifier is available. */
  tensionOf?: (decoded: Decoded) => Tension['type'] | null;
}

export interface VerifyResult {
  verdict: Verdict;
  resonance: number;
  /** Null when the rendering carries no marker. */
  markerOk: boolean | null;
  recall: number;
  precision: number;
  tau: number;
  cosine: number | null;
  tensionMatch: boolean | null;
  decoded: Decoded;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function markerIntegrity(scene: Scene, rendering: Rendering): boolean | null {
  if (rendering.marker === null) return null;
  const found = findMarker(rendering.text);
  return !!found && found.ok && found.info.sceneId === scene.sceneId && found.info.key === scene.key && found.info.mnemonic === scene.mnemonic;
}

export function verifyRendering(scene: Scene, rendering: Rendering, deps: VerifyDeps): VerifyResult {
  const markerOk = markerIntegrity(scene, rendering);
  const decoded = decodeWords(stripMarker(rendering.text), deps);
  const original = identities(scene.components, deps.lexicon);
  const back = identities(decoded.components, deps.lexicon);
  const { recall, precision } = recallPrecision(original, back);
  const tau = kendallTau(original, back);
  const cosine = sceneCosine(original, back, deps.lexicon, deps.vectors);
  const decodedType = deps.tensionOf?.(decoded) ?? null;
  const tensionMatch = scene.tension && decodedType ? scene.tension.type === decodedType : null;

  if (rendering.style === 'silence') {
    const carried = markerOk === true;
    return { verdict: carried ? 'lossless' : 'drifted', resonance: carried ? 1 : 0, markerOk, recall, precision, tau, cosine, tensionMatch, decoded };
  }
  const parts: [number, number][] = [[recall, 0.45], [precision, 0.2], [(tau + 1) / 2, 0.15]];
  if (cosine !== null) parts.push([Math.max(0, cosine), 0.2]);
  const weight = parts.reduce((s, [, w]) => s + w, 0);
  let resonance = parts.reduce((s, [x, w]) => s + x * w, 0) / weight;
  if (tensionMatch === false) resonance *= 0.9;
  resonance = round(resonance);
  const verdict: Verdict = recall >= deps.thresholds.lossless && tau === 1 ? 'lossless' : resonance >= deps.thresholds.min ? 'resonant' : 'drifted';
  return { verdict, resonance, markerOk, recall: round(recall), precision: round(precision), tau: round(tau), cosine: cosine === null ? null : round(cosine), tensionMatch, decoded };
}
