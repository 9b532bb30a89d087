/**
 * The verify stage: every rendering is decoded without its marker and compared with its scene; a drifted one
 * is re-rendered with the next variants (HB_MAX_RERENDERS) first. `onVerdict` lets the runtime count verdicts
 * as metrics without this stage knowing about Prometheus.
 */
import { PENDING, settlePending, type SceneEvent } from '../core/events.js';
import type { Rendering, Verdict } from '../core/types.js';
import type { RenderDeps } from '../core/render/index.js';
import { verifyWithRerender, type VerifyDeps } from '../core/verify/index.js';
import type { Config } from '../lib/config.js';
import { HyperBridgeError } from '../lib/errors.js';
import type { SceneHandler } from '../runtime/stage.js';

export type VerifyHandlerDeps = Omit<VerifyDeps, 'thresholds' | 'books'> & RenderDeps & {
  config: Pick<Config, 'HB_RESONANCE_LOSSLESS' | 'HB_RESONANCE_MIN' | 'HB_MAX_RERENDERS'>;
  /** Called once per verified rendering (after re-renders), e.g. to count verdicts. */
  onVerdict?: (verdict: Verdict, rendering: Rendering, attempts: number) => void;
};

export function createVerifyHandler(deps: VerifyHandlerDeps): SceneHandler {
  const verifyDeps = { ...deps, thresholds: { lossless: deps.config.HB_RESONANCE_LOSSLESS, min: deps.config.HB_RESONANCE_MIN } };
  return {
    stage: 'verify',
    async process(event: SceneEvent): Promise<SceneEvent> {
      if (!event?.scene || !Array.isArray(event.renderings)) {
        throw new HyperBridgeError('HB_ERR_PENDING_STAGE', 'verify', 'the event carries no scene or renderings');
      }
      if (event.renderings.length === 0) throw new HyperBridgeError('HB_ERR_PENDING_STAGE', 'verify', `scene ${event.scene.sceneId} has not been rendered`);
      const renderings = event.renderings.map((rendering) => {
        const verified = verifyWithRerender(event.scene, rendering, verifyDeps, deps.config.HB_MAX_RERENDERS);
        deps.onVerdict?.(verified.result.verdict, verified.rendering, verified.attempts);
        return verified.rendering;
      });
      return { ...event, renderings, ...settlePending(event, [PENDING.verdicts]) };
    },
  };
}
