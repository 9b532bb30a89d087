/** What every command gets, and the one loop that turns inputs into result lines or error lines. */
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import type { Message } from '../core/types.js';
import { readInputs } from './input.js';
import type { OptionSpec, ParsedArgs } from './args.js';
import type { Output, Style } from './output.js';

export interface CommandContext {
  args: ParsedArgs;
  config: Config;
  out: Output;
  logger: Logger;
}

export interface Command {
  name: string;
  /** One line for `hyperbridge --help`. */
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Returns the exit code: 0 when every input yielded a line. */
  run(ctx: CommandContext): Promise<number>;
}

/**
 * JSON lines may escape every byte of a text (\uXXXX is 6 bytes), so a line may be longer than the text it
 * carries; the text's own limit is checked by the core on the decoded text.
 */
export const maxLineBytes = (config: Config): number => config.HB_MAX_TEXT_BYTES * 6 + 4096;

export function inputsOf(ctx: CommandContext) {
  const file = ctx.args.values.input as string | undefined;
  return readInputs({ positionals: ctx.args.positionals, file, maxLineBytes: maxLineBytes(ctx.config) });
}

/** Processes each input in order; a failure yields the contract's error line at its position. */
export async function forEachInput(
  ctx: CommandContext,
  stage: string,
  handle: (message: Message) => Promise<object>,
  human: (obj: any, style: Style) => string,
): Promise<number> {
  for await (const item of inputsOf(ctx)) {
    if (item.error || !item.message) {
      await ctx.out.error(item.input, item.error, stage);
      continue;
    }
    try {
      await ctx.out.result(await handle(item.message), human);
    } catch (err) {
      await ctx.out.error(item.input, err, stage);
    }
  }
  return 0;
}
