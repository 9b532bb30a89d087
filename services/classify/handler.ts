/**
 * The classify stage: fills the scene's tension and each component's phase, and indexes the scene's embedding
 * signature in the store. Resolves only once the signature is written or queued for retry, so the runtime may
 * commit the message's offset after it (nothing is lost if Redis goes away).
 */
import { PENDING, settlePending, type SceneEvent } from '../core/events.js';
import type { TensionModel } from '../core/tension/index.js';
import { HyperBridgeError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { SceneHandler } from '../runtime/stage.js';
import type { SignatureStore } from '../adapters/store/index.js';
import { classifyScene } from './classifyScene.js';
import type { SceneEmbedder } from './scene-vectors.js';

export interface ClassifyDeps {
  embedder: SceneEmbedder;
  tensionModel: TensionModel;
  store: SignatureStore;
  logger?: Logger;
}


export function createClassifyHandler(deps: ClassifyDeps): SceneHandler {
  if (deps.tensionModel.modelId !== deps.embedder.modelId) {
    throw new HyperBridgeError('HB_ERR_MODEL_MISMATCH', 'classify', `the tension model was trained for ${deps.tensionModel.modelId}, the embedder is ${deps.embedder.modelId}`);
  }
  return {
    stage: 'classify',
    async process(event) {
      const scene = event?.scene;
      if (!scene || !Array.isArray(scene.components) || typeof scene.sceneId !== 'string') {
        throw new HyperBridgeError('HB_ERR_PENDING_STAGE', 'classify', 'the event carries no ingested scene');
      }
      if (scene.components.length === 0) throw new HyperBridgeError('HB_ERR_NO_CONTENT', 'classify', `scene ${scene.sceneId} has no components`);
      const classified = await classifyScene(scene, event.message.text, deps.embedder, deps.tensionModel);
      const { tension } = classified.scene;
      await deps.store.put({
        sceneId: scene.sceneId,
        key: scene.key,
        mnemonic: scene.mnemonic,
        vector: classified.vector,
        modelId: deps.embedder.modelId,
        meta: { lang: scene.lang, type: tension.type, messageId: event.message.id, conversationId: event.message.conversationId },
      });
      deps.logger?.debug({ sceneId: scene.sceneId, type: tension.type, arc: tension.arc }, 'scene classified');
      const out: SceneEvent = {
        ...event,
        scene: classified.scene,
        ...settlePending(event, [PENDING.tension]),
      };
      return out;
    },
  };
}
