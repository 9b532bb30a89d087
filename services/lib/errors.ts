/**
 * Every error HyperBridge raises, in one registry (as kafkajs and fastify do). A code is part of the external
 * contract: it appears in CLI error lines and dead letters. `retriable` is read by the retry policies
 * (bus and store adapters): a retriable error is retried with back-off, a non-retriable one is dead-lettered.
 */

export interface ErrorSpec {
  /** Default human reason; callers usually give a more specific one. */
  message: string;
  retriable: boolean;
}

export const ERROR_CODES = {
  HB_ERR_USAGE: { message: 'invalid command-line usage', retriable: false },
  HB_ERR_CONFIG: { message: 'invalid configuration', retriable: false },
  HB_ERR_EMPTY_INPUT: { message: 'the text is empty or whitespace only', retriable: false },
  HB_ERR_NO_CONTENT: { message: 'the text has no words or emoji (punctuation or digits only)', retriable: false },
  HB_ERR_TEXT_TOO_LONG: { message: 'the text is longer than HB_MAX_TEXT_BYTES', retriable: false },
  HB_ERR_CONTROL_CHARS: { message: 'the text contains control characters', retriable: false },
  HB_ERR_RTL_TEXT: { message: 'right-to-left text is not supported', retriable: false },
  HB_ERR_INVALID_UTF8: { message: 'the bytes are not valid UTF-8', retriable: false },
  HB_ERR_NOT_JSON: { message: 'the line starts with "{" but is not a JSON object', retriable: false },
  HB_ERR_BAD_MESSAGE: { message: 'the message lacks a required field', retriable: false },
  HB_ERR_AVRO_DECODE: { message: 'the record is not valid Avro single-object encoding', retriable: false },
  HB_ERR_UNKNOWN_FINGERPRINT: { message: 'the record was written with a schema this reader does not know', retriable: false },
  HB_ERR_SCHEMA_INVALID: { message: 'a schema file is missing, unreadable or not a valid Avro schema', retriable: false },
  HB_ERR_SCHEMA_INCOMPATIBLE: { message: 'a schema change breaks backward compatibility', retriable: false },
  HB_ERR_CODEC_UNSUPPORTED: { message: 'the compression codec is not supported (none and gzip are)', retriable: false },
  HB_ERR_MODEL_MISMATCH: { message: 'vectors of a different model or signature settings', retriable: false },
  HB_ERR_MODEL_LOAD: { message: 'the meaning model could not be loaded', retriable: false },
  HB_ERR_STORE_UNAVAILABLE: { message: 'the signature store is unavailable', retriable: true },
  HB_ERR_BUS_UNAVAILABLE: { message: 'the message bus is unavailable', retriable: true },
  HB_ERR_PENDING_STAGE: { message: 'an earlier stage has not filled the fields this stage needs', retriable: false },
  HB_ERR_MORPH_INPUT: { message: 'the morphology was given an empty word, an unsupported language or bad grammemes', retriable: false },
  HB_ERR_MORPH_LOAD: { message: 'the morphology dictionaries could not be loaded', retriable: false },
  HB_ERR_INTERNAL: { message: 'an unexpected internal error', retriable: false },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class HyperBridgeError extends Error {
  readonly code: ErrorCode;
  readonly retriable: boolean;
  /** The stage (or command) where the error arose: ingest, classify, render, verify, cli, bus, store... */
  readonly stage: string;

  constructor(code: ErrorCode, stage: string, reason?: string, options?: { cause?: unknown }) {
    super(reason ?? ERROR_CODES[code].message, options);
    this.name = 'HyperBridgeError';
    this.code = code;
    this.retriable = ERROR_CODES[code].retriable;
    this.stage = stage;
  }

  /** The `error` object of a CLI error line and of a dead letter. */
  toJSON(): { code: ErrorCode; stage: string; reason: string } {
    return { code: this.code, stage: this.stage, reason: this.message };
  }
}

/** Wraps anything thrown into a HyperBridgeError without losing an existing code. */
export function asHyperBridgeError(err: unknown, stage: string): HyperBridgeError {
  if (err instanceof HyperBridgeError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new HyperBridgeError('HB_ERR_INTERNAL', stage, reason, { cause: err });
}

export function isRetriable(err: unknown): boolean {
  return err instanceof HyperBridgeError ? err.retriable : false;
}
