/**
 * Small deterministic stage handlers for testing the runtime's delivery independently of the domain stages:
 * they build valid events (so the real Avro codec carries them) and fail the way real handlers do.
 */
import type { DialogueMessage, SceneEvent } from '../../services/core/events.js';
import { DEFAULT_RENDER_REQUEST } from '../../services/core/events.js';
import { HyperBridgeError } from '../../services/lib/errors.js';
import type { PipelineHandlers } from '../../services/runtime/index.js';

export function fixtureHandlers(): PipelineHandlers {
  return {
    ingest: {
      stage: 'ingest',
      async process(message: DialogueMessage): Promise<SceneEvent> {
        const words = message.text.split(/\s+/).filter(Boolean);
        if (words.length === 0) throw new HyperBridgeError('HB_ERR_EMPTY_INPUT', 'ingest');
        const key = words.map((w) => w.toLowerCase()).join('·');
        return {
          message,
          scene: {
            sceneId: `SCN-${message.id}`,
            mnemonic: key.replace(/·/g, ''),
            key,
            lang: 'en',
            components: words.map((w) => ({ text: w, lemma: w.toLowerCase(), kind: 'word' as const, concept: null, phase: null })),
            tension: null,
          },
          renderings: [],
          status: 'pending',
          pending: ['scene.tension', 'renderings'],
        };
      },
    },
    classify: {
      stage: 'classify',
      async process(event: SceneEvent): Promise<SceneEvent> {
        const n = event.scene.components.length;
        const type = (['bodily', 'logical', 'archetypal'] as const)[n % 3]!;
        return { ...event, scene: { ...event.scene, tension: { type, scores: { bodily: 0.5, logical: 0.25, archetypal: 0.25 }, arc: [] } }, pending: ['renderings'] };
      },
    },
    render: {
      stage: 'render',
      async process(event: SceneEvent): Promise<SceneEvent> {
        const rendering = { style: 'formula' as const, persona: 'interface' as const, lang: 'en' as const, text: event.scene.key, marker: null, verdict: null, resonance: null, markerOk: null, why: 'fixture' };
        return { ...event, renderings: [rendering], pending: ['renderings.verdict'] };
      },
    },
    verify: {
      stage: 'verify',
      async process(event: SceneEvent): Promise<SceneEvent> {
        return { ...event, renderings: event.renderings.map((r) => ({ ...r, verdict: 'lossless' as const, resonance: 1 })), pending: [], status: 'complete' };
      },
    },
  };
}

export function fixtureMessages(n: number, conversations = 10, runId: string | null = null): DialogueMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    conversationId: `c${i % conversations}`,
    speaker: null,
    text: `word${i % 13} ash${i % 5} fire`,
    runId,
    seq: i,
    request: DEFAULT_RENDER_REQUEST,
  }));
}
