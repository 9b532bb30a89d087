/**
 * The four stages, the topics between them and the record kind on each topic. One table, so the runner,
 * `topics ensure`, the CLI and the tests cannot disagree about where a stage reads and writes.
 */
import type { DialogueMessage, SceneEvent } from '../core/events.js';

export const STAGE_NAMES = ['ingest', 'classify', 'render', 'verify'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** A stage's domain logic, with no knowledge of the bus: it throws HyperBridgeError for input it cannot process. */
export interface StageHandler<In, Out> {
  stage: StageName;
  process(input: In): Promise<Out>;
}

export type IngestHandler = StageHandler<DialogueMessage, SceneEvent>;
export type SceneHandler = StageHandler<SceneEvent, SceneEvent>;
export type AnyStageHandler = IngestHandler | SceneHandler;

export const TOPIC_SUFFIXES = {
  raw: 'dialogue.raw',
  ingested: 'scenes.ingested',
  classified: 'scenes.classified',
  rendered: 'scenes.rendered',
  verified: 'scenes.verified',
  deadletter: 'deadletter',
} as const;
export type TopicRole = keyof typeof TOPIC_SUFFIXES;

/**
 * Where a stage reads and writes. One Avro record type per topic, so a topic's role is also the record kind
 * the codec encodes and decodes on it (`encodeEvent(role, event)`).
 */
export interface StageSpec {
  stage: StageName;
  input: TopicRole;
  output: TopicRole;
}

export const STAGE_TABLE: Readonly<Record<StageName, StageSpec>> = Object.freeze({
  ingest: { stage: 'ingest', input: 'raw', output: 'ingested' },
  classify: { stage: 'classify', input: 'ingested', output: 'classified' },
  render: { stage: 'render', input: 'classified', output: 'rendered' },
  verify: { stage: 'verify', input: 'rendered', output: 'verified' },
});

export type TopicNames = Readonly<Record<TopicRole, string>>;

export function topicNames(prefix: string): TopicNames {
  const names = {} as Record<TopicRole, string>;
  for (const role of Object.keys(TOPIC_SUFFIXES) as TopicRole[]) names[role] = `${prefix}.${TOPIC_SUFFIXES[role]}`;
  return Object.freeze(names);
}

export function allTopics(prefix: string): string[] {
  return Object.values(topicNames(prefix));
}

export function groupOf(prefix: string, stage: StageName): string {
  return `${prefix}.${stage}`;
}

/** The role of a topic name under a prefix, or null for a topic that is not HyperBridge's. */
export function roleOfTopic(prefix: string, topic: string): TopicRole | null {
  const names = topicNames(prefix);
  for (const role of Object.keys(names) as TopicRole[]) if (names[role] === topic) return role;
  return null;
}

export function isStageName(name: string): name is StageName {
  return (STAGE_NAMES as readonly string[]).includes(name);
}
