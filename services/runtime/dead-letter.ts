/** A record a stage cannot process becomes a DeadLetter: enough to see why, and to redrive it if it fits. */
import { createHash } from 'node:crypto';
import type { DeadLetter } from '../core/events.js';
import type { HyperBridgeError } from '../lib/errors.js';

export function deadLetterOf(error: HyperBridgeError, stage: string, source: string, bytes: Buffer, maxTextBytes: number): DeadLetter {
  return {
    stage,
    code: error.code,
    reason: error.message,
    source,
    payload: Uint8Array.from(bytes.subarray(0, maxTextBytes)),
    length: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    at: Date.now(),
  };
}
