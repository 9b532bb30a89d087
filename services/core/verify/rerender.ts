/**
 * A drifted rendering is rendered again with the next variant (other words, same scene, style and voice),
 * up to maxRerenders times; the best attempt is kept, and published as drifted if none got back in.
 */
import type { MarkerMode, Rendering, Scene } from '../types.js';
import { renderScene, type RenderDeps } from '../render/index.js';
import { verifyRendering, type VerifyDeps, type VerifyResult } from './verifyRendering.js';

export function markerModeOf(rendering: Rendering): MarkerMode {
  if (rendering.marker === null) return 'none';
  return rendering.marker.startsWith('Δ') ? 'visible' : 'invisible';
}

export interface VerifiedRendering {
  rendering: Rendering;
  result: VerifyResult;
  attempts: number;
}

export function verifyWithRerender(
  scene: Scene,
  rendering: Rendering,
  deps: VerifyDeps & RenderDeps,
  maxRerenders: number,
  firstVariant = 0,
): VerifiedRendering {
  let best = { rendering, result: verifyRendering(scene, rendering, deps) };
  let attempts = 1;
  for (let variant = firstVariant + 1; best.result.verdict === 'drifted' && attempts <= maxRerenders; variant++, attempts++) {
    const again = renderScene(scene, { style: rendering.style, persona: rendering.persona, lang: rendering.lang, marker: markerModeOf(rendering), variant }, deps);
    // The why of the first choice still explains style and voice.
    const candidate = { rendering: { ...again, why: rendering.why }, result: verifyRendering(scene, again, deps) };
    if (candidate.result.resonance > best.result.resonance) best = candidate;
  }
  const { result } = best;
  return {
    rendering: { ...best.rendering, verdict: result.verdict, resonance: result.resonance, markerOk: result.markerOk },
    result,
    attempts,
  };
}
