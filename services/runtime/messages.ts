/** Turning DialogueMessages into raw-topic records, refusing texts over the limit before they are produced. */
import type { OutRecord } from '../adapters/bus/index.js';
import type { DialogueMessage } from '../core/events.js';
import type { Config } from '../lib/config.js';
import { HyperBridgeError } from '../lib/errors.js';
import type { EventCodec } from './codec.js';
import { HEADER_MESSAGE_ID } from './headers.js';
import { topicNames } from './stage.js';

export function checkTextLength(message: DialogueMessage, config: Config, stage = 'produce'): void {
  const bytes = Buffer.byteLength(message.text, 'utf8');
  if (bytes > config.HB_MAX_TEXT_BYTES) {
    throw new HyperBridgeError('HB_ERR_TEXT_TOO_LONG', stage, `the text is ${bytes} bytes of UTF-8, more than HB_MAX_TEXT_BYTES (${config.HB_MAX_TEXT_BYTES})`);
  }
}

export function rawRecordOf(message: DialogueMessage, codec: EventCodec, config: Config, headers: Record<string, string> = {}): OutRecord {
  checkTextLength(message, config);
  return {
    topic: topicNames(config.HB_TOPIC_PREFIX).raw,
    key: message.conversationId,
    value: codec.encode('raw', message),
    headers: { [HEADER_MESSAGE_ID]: message.id, ...headers },
  };
}
