/** Which Avro record type travels on which topic (the topic names themselves are services/runtime/stage.ts's). */
import type { DeadLetter, DialogueMessage, SceneEvent } from '../core/events.js';

export const NAMESPACE = 'io.hyperbridge';

/** The same keys as the runtime's topic roles. */
export const TOPIC_KINDS = ['raw', 'ingested', 'classified', 'rendered', 'verified', 'deadletter'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** The event type of each topic kind. */
export interface TopicEvents {
  raw: DialogueMessage;
  ingested: SceneEvent;
  classified: SceneEvent;
  rendered: SceneEvent;
  verified: SceneEvent;
  deadletter: DeadLetter;
}

/** Full name of the Avro record type of each topic kind. */
export const TOPIC_RECORDS: Readonly<Record<TopicKind, string>> = Object.freeze({
  raw: `${NAMESPACE}.DialogueMessage`,
  ingested: `${NAMESPACE}.IngestedScene`,
  classified: `${NAMESPACE}.ClassifiedScene`,
  rendered: `${NAMESPACE}.RenderedScene`,
  verified: `${NAMESPACE}.VerifiedScene`,
  deadletter: `${NAMESPACE}.DeadLetter`,
});

const KIND_BY_RECORD = new Map(TOPIC_KINDS.map((kind) => [TOPIC_RECORDS[kind], kind]));

export function topicKindOfRecord(record: string): TopicKind | null {
  return KIND_BY_RECORD.get(record) ?? null;
}
