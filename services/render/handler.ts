/**
 * The render stage: one rendering per requested style (`auto` chooses by the decision table, with this
 * conversation's earlier scenes as context). Verdicts stay null and `renderings.verdict` pending until verify.
 */
import { PENDING, settlePending, type SceneEvent } from '../core/events.js';
import { renderScene, type RenderDeps } from '../core/render/index.js';
import { HyperBridgeError } from '../lib/errors.js';
import type { SceneHandler } from '../runtime/stage.js';
import { ConversationMemory } from './context.js';

export interface RenderHandlerDeps extends RenderDeps {
  /** Conversations remembered for `auto` (default 10000). */
  maxConversations?: number;
}

export function createRenderHandler(deps: RenderHandlerDeps): SceneHandler {
  const memory = new ConversationMemory(deps.maxConversations);
  return {
    stage: 'render',
    async process(event: SceneEvent): Promise<SceneEvent> {
      const scene = event?.scene;
      if (!scene || !Array.isArray(scene.components) || typeof scene.sceneId !== 'string') {
        throw new HyperBridgeError('HB_ERR_PENDING_STAGE', 'render', 'the event carries no scene');
      }
      const request = event.message.request;
      const conversation = event.message.conversationId;
      const context = memory.contextOf(conversation);
      const styles = request.styles.length > 0 ? request.styles : (['auto'] as const);
      const renderings = styles.map((style) =>
        renderScene(scene, { style, persona: request.persona, lang: request.lang, marker: request.marker, variant: 0, context }, deps),
      );
      memory.remember(conversation, { tension: scene.tension?.type ?? null, style: renderings[0]!.style, key: scene.key });
      return { ...event, renderings, ...settlePending(event, [PENDING.renderings], [PENDING.verdicts]) };
    },
  };
}
