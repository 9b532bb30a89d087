/**
 * Inputs of every text-taking command: positional arguments, or `--input FILE` (`-` = stdin), one input per
 * line. A line starting with `{` is a JSON object whose `text` is the input (with `id`, `conversationId`,
 * `speaker` where given). Lines are read as bytes and split on LF, so a log of any size streams in bounded
 * memory and invalid UTF-8 is caught per line instead of being silently replaced.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { HyperBridgeError } from '../lib/errors.js';
import type { Message } from '../core/types.js';

export interface InputItem {
  /** 0-based position among all inputs; output lines keep this order. */
  index: number;
  /** The input as given (lossily decoded when it is not valid UTF-8), echoed in output lines. */
  input: string;
  message: Message | null;
  error: HyperBridgeError | null;
}

export interface InputOptions {
  positionals: string[];
  file: string | undefined;
  /** Lines longer than this many bytes are not buffered whole; they are refused as too long. */
  maxLineBytes: number;
  stdin?: NodeJS.ReadableStream;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

function decodeLine(bytes: Buffer): { text: string; error: HyperBridgeError | null } {
  try {
    return { text: strictUtf8.decode(bytes), error: null };
  } catch {
    return {
      text: lossyUtf8.decode(bytes),
      error: new HyperBridgeError('HB_ERR_INVALID_UTF8', 'cli', 'the line is not valid UTF-8'),
    };
  }
}

function optionalString(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : null;
}

/** Turns one line into a message; ids default to `<source>:<line>`, conversations to the source name. */
export function parseInputLine(line: string, source: string, lineNo: number): Message {
  const defaults = { id: `${source}:${lineNo}`, conversationId: source, speaker: null };
  if (!line.startsWith('{')) return { ...defaults, text: line };
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    throw new HyperBridgeError('HB_ERR_NOT_JSON', 'cli', `the line starts with "{" but is not JSON: ${(err as Error).message}`);
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new HyperBridgeError('HB_ERR_NOT_JSON', 'cli', 'the line starts with "{" but is not a JSON object');
  }
  const o = obj as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new HyperBridgeError('HB_ERR_BAD_MESSAGE', 'cli', 'the JSON object has no string field "text"');
  return {
    id: optionalString(o.id) ?? defaults.id,
    conversationId: optionalString(o.conversationId) ?? defaults.conversationId,
    speaker: optionalString(o.speaker),
    text: o.text,
  };
}

function toItem(index: number, bytesOrText: Buffer | string, source: string, lineNo: number, tooLong: boolean, maxLineBytes: number): InputItem {
  const decoded = typeof bytesOrText === 'string' ? { text: bytesOrText, error: null } : decodeLine(bytesOrText);
  if (tooLong) {
    const error = new HyperBridgeError('HB_ERR_TEXT_TOO_LONG', 'cli', `the line is longer than ${maxLineBytes} bytes`);
    return { index, input: decoded.text, message: null, error };
  }
  if (decoded.error) return { index, input: decoded.text, message: null, error: decoded.error };
  try {
    const message = parseInputLine(decoded.text, source, lineNo);
    return { index, input: message.text, message, error: null };
  } catch (err) {
    return { index, input: decoded.text, message: null, error: err as HyperBridgeError };
  }
}

async function* splitLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<{ bytes: Buffer; tooLong: boolean }> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const push = (chunk: Buffer) => {
    if (tooLong) return;
    if (size + chunk.length > maxLineBytes) {
      // Keep only the head of an over-long line: enough to echo it, never the whole thing.
      parts.push(chunk.subarray(0, Math.max(0, maxLineBytes - size)));
      tooLong = true;
    } else parts.push(chunk);
    size += chunk.length;
  };
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      push(chunk.subarray(start, nl));
      let bytes = Buffer.concat(parts);
      if (bytes.length && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
      yield { bytes, tooLong };
      parts = [];
      size = 0;
      tooLong = false;
      start = nl + 1;
    }
    if (start < chunk.length) push(chunk.subarray(start));
  }
  if (size > 0) yield { bytes: Buffer.concat(parts), tooLong };
}

export async function* readInputs(opts: InputOptions): AsyncGenerator<InputItem> {
  if (opts.file !== undefined && opts.positionals.length > 0) {
    throw new HyperBridgeError('HB_ERR_USAGE', 'cli', 'give the input either as arguments or with --input, not both');
  }
  if (opts.file === undefined) {
    let index = 0;
    for (const text of opts.positionals) {
      const tooLong = Buffer.byteLength(text) > opts.maxLineBytes;
      yield toItem(index, text, 'argv', index + 1, tooLong, opts.maxLineBytes);
      index++;
    }
    return;
  }
  const source = opts.file === '-' ? 'stdin' : basename(opts.file);
  const stream = opts.file === '-' ? (opts.stdin ?? process.stdin) : createReadStream(opts.file);
  if (opts.file !== '-') {
    await new Promise<void>((resolve, reject) => {
      (stream as ReturnType<typeof createReadStream>).once('open', () => resolve()).once('error', (err) =>
        reject(new HyperBridgeError('HB_ERR_USAGE', 'cli', `cannot read ${opts.file}: ${err.message}`)));
    });
  }
  let index = 0;
  for await (const { bytes, tooLong } of splitLines(stream as AsyncIterable<Buffer>, opts.maxLineBytes)) {
    yield toItem(index, bytes, source, index + 1, tooLong, opts.maxLineBytes);
    index++;
  }
}
