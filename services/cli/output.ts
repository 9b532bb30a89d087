/**
 * stdout carries results only: with --json exactly one JSON object per input, in input order; without it a
 * readable rendering for people (colours only on a TTY). Writes respect back-pressure so a 100,000-line run
 * does not buffer its whole output in memory.
 */
import type { Writable } from 'node:stream';
import { asHyperBridgeError } from '../lib/errors.js';

export interface Output {
  json: boolean;
  /** One result line; `human` renders it for people when --json is off. */
  result(obj: object, human: (obj: any, style: Style) => string): Promise<void>;
  /** The contract's error line for an input that could not be processed. */
  error(input: string, err: unknown, stage: string): Promise<void>;
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s, red: (s) => s, green: (s) => s, yellow: (s) => s };
const ansi = (code: number) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const coloured: Style = { bold: ansi(1), dim: ansi(2), red: ansi(31), green: ansi(32), yellow: ansi(33) };

export function styleFor(stream: { isTTY?: boolean }): Style {
  return stream.isTTY ? coloured : plain;
}

async function write(stream: Writable, line: string): Promise<void> {
  if (!stream.write(line + '\n')) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

type ErrorFields = { code: string; stage: string; reason: string };

/** An error as the contract prints it; errors already in that shape (from a dead letter) pass through. */
function errorFields(err: unknown, stage: string): ErrorFields {
  const e = err as Partial<ErrorFields> | null;
  if (e && !(err instanceof Error) && typeof e.code === 'string' && typeof e.reason === 'string') {
    return { code: e.code, stage: e.stage ?? stage, reason: e.reason };
  }
  return asHyperBridgeError(err, stage).toJSON();
}

export function errorLine(input: string, err: unknown, stage: string): { input: string; error: ErrorFields } {
  return { input, error: errorFields(err, stage) };
}

export function createOutput(json: boolean, stream: Writable & { isTTY?: boolean } = process.stdout): Output {
  const style = styleFor(stream);
  return {
    json,
    async result(obj, human) {
      await write(stream, json ? JSON.stringify(obj) : human(obj, style));
    },
    async error(input, err, stage) {
      const line = errorLine(input, err, stage);
      if (json) return write(stream, JSON.stringify(line));
      return write(stream, `${style.red('✗')} ${style.dim(JSON.stringify(input))} ${style.red(line.error.code)}: ${line.error.reason}`);
    },
  };
}
