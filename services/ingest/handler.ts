/**
 * The ingest stage: a dialogue message becomes a scene. Tension and renderings are left to the later stages
 * and named in `pending`.
 */
import { PENDING, type SceneEvent } from '../core/events.js';
import { compressScene, type SceneDeps } from '../core/scene/index.js';
import { HyperBridgeError, asHyperBridgeError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { IngestHandler } from '../runtime/stage.js';

export interface IngestDeps {
  scene: SceneDeps;
  /** HB_MAX_TEXT_BYTES. */
  maxTextBytes: number;
  logger?: Logger;
}

export const INGEST_PENDING: readonly string[] = Object.freeze([PENDING.tension, PENDING.renderings]);

export function createIngestHandler(deps: IngestDeps): IngestHandler {
  return {
    stage: 'ingest',
    async process(message) {
      if (!message || typeof message.text !== 'string' || typeof message.id !== 'string') {
        throw new HyperBridgeError('HB_ERR_BAD_MESSAGE', 'ingest', 'the message needs a string id and text');
      }
      try {
        const scene = compressScene(message, deps.scene, { maxTextBytes: deps.maxTextBytes, stage: 'ingest' });
        deps.logger?.debug({ sceneId: scene.sceneId, key: scene.key }, 'scene compressed');
        const event: SceneEvent = { message, scene, renderings: [], status: 'pending', pending: [...INGEST_PENDING] };
        return event;
      } catch (err) {
        throw asHyperBridgeError(err, 'ingest');
      }
    },
  };
}
