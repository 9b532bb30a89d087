/**
 * The runtime's public entry: the stage table, the stage runner, stage services, the embedded pipeline and the
 * bus commands of the CLI.
 */
export {
  STAGE_NAMES,
  STAGE_TABLE,
  TOPIC_SUFFIXES,
  topicNames,
  allTopics,
  groupOf,
  roleOfTopic,
  isStageName,
  type StageName,
  type StageHandler,
  type IngestHandler,
  type SceneHandler,
  type AnyStageHandler,
  type StageSpec,
  type TopicRole,
  type TopicNames,
} from './stage.js';
export { runStage, stageProcessor, type StageRun, type RunStageOptions } from './runner.js';
export { stageCodec, type EventCodec, type DecodedRecord } from './codec.js';
export { createMetrics, startMetricsServer, type StageMetrics, type Probes } from './metrics.js';
export { withRetry, DEFAULT_RETRY, type RetryPolicy } from './retry.js';
export { deadLetterOf } from './dead-letter.js';
export { checkTextLength } from './messages.js';
export { HEADER_RUN_ID, HEADER_RUN_INDEX, HEADER_MESSAGE_ID, HEADER_REDRIVE_ID } from './headers.js';
export { runService, startService, buildHandler, buildHandlers, type BuiltHandler, type RunningService, type ServiceOptions } from './service.js';
export {
  ensureTopics,
  produceMessages,
  consumeTopic,
  listDeadLetters,
  redriveDeadLetters,
  type BusCommandOptions,
  type ProduceResult,
  type ConsumedEvent,
  type ConsumeOptions,
  type ListedDeadLetter,
  type RedriveResult,
} from './admin.js';
export { runPipeline, type PipelineHandlers, type PipelineResult, type PipelineOptions } from './pipeline.js';
