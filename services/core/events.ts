/**
 * The events that travel between the stages, one record type per topic (the Avro schemas in schemas/ are
 * their wire form and must match these shapes field for field):
 *
 *   <prefix>.dialogue.raw       DialogueMessage
 *   <prefix>.scenes.ingested    SceneEvent (scene.tension null, renderings [])
 *   <prefix>.scenes.classified  SceneEvent (tension filled, renderings [])
 *   <prefix>.scenes.rendered    SceneEvent (renderings filled, verdicts null)
 *   <prefix>.scenes.verified    SceneEvent (verdicts filled)
 *   <prefix>.deadletter         DeadLetter
 *
 * A field whose stage has not been built yet is null and named in `pending` (the contract's
 * `"status": "pending"`); never a placeholder value.
 */
import type { MarkerMode, OutputLang, PersonaChoice, Rendering, Scene, StyleChoice } from './types.js';

/** What the sender asks of the rendering; `auto` lets the decision table choose. */
export interface RenderRequest {
  /** One rendering per entry; `['auto']` by default. */
  styles: StyleChoice[];
  persona: PersonaChoice;
  /** Null renders in the input's language. */
  lang: OutputLang | null;
  marker: MarkerMode;
}

export interface DialogueMessage {
  id: string;
  conversationId: string;
  speaker: string | null;
  text: string;
  /** Tells a `run`'s own outputs from those of deployed services sharing the topics; null for services. */
  runId: string | null;
  /** Position of the message in its source log (or producer sequence), for ordering and replay. */
  seq: number;
  request: RenderRequest;
}

export type EventStatus = 'complete' | 'pending';

export interface SceneEvent {
  message: DialogueMessage;
  scene: Scene;
  renderings: Rendering[];
  status: EventStatus;
  /** Names of the fields still pending (e.g. `scene.tension`), empty when complete. */
  pending: string[];
}

export interface DeadLetter {
  stage: string;
  code: string;
  reason: string;
  /** The topic (or input) the message came from. */
  source: string;
  /** The first HB_MAX_TEXT_BYTES of the original bytes. */
  payload: Uint8Array;
  /** Length of the original bytes (may exceed payload's). */
  length: number;
  sha256: string;
  /** Epoch milliseconds. */
  at: number;
}

export const DEFAULT_RENDER_REQUEST: RenderRequest = Object.freeze({
  styles: ['auto'],
  persona: 'auto',
  lang: null,
  marker: 'visible',
}) as RenderRequest;

/** The names `pending` uses for the fields each stage fills. */
export const PENDING = Object.freeze({
  tension: 'scene.tension',
  renderings: 'renderings',
  verdicts: 'renderings.verdict',
} as const);

/**
 * The `pending` list and `status` after a stage: what it filled leaves the list, what it leaves for a later
 * stage joins it. One function, so that no stage can forget to settle the status.
 */
export function settlePending(event: SceneEvent, filled: readonly string[], added: readonly string[] = []): Pick<SceneEvent, 'pending' | 'status'> {
  const pending = [...event.pending.filter((p) => !filled.includes(p) && !added.includes(p)), ...added];
  return { pending, status: pending.length === 0 ? 'complete' : 'pending' };
}
