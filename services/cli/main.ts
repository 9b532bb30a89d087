#!/usr/bin/env node
/**
 * The `hyperbridge` bin. Exit codes (contract): 0 when every input yielded a line (errors included),
 * 2 for a usage error, 1 only when the command itself failed (e.g. a server unreachable).
 */
import { loadConfig } from '../lib/config.js';
import { HyperBridgeError } from '../lib/errors.js';
import { createLogger } from '../lib/logger.js';
import { parseCommandArgs } from './args.js';
import { createOutput } from './output.js';
import { COMMANDS, findCommand, helpText } from './commands/index.js';

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(helpText());
    return name ? 0 : 2;
  }
  const command = findCommand(name, rest);
  if (!command) {
    process.stderr.write(`hyperbridge: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  const args = parseCommandArgs(command.argv, command.command.options);
  if (args.values.help) {
    process.stdout.write(`${command.command.usage}\n`);
    return 0;
  }
  // `--redis` takes no value: a Redis URL may hold a password, and secrets never come from argv.
  const env = args.values.redis && !process.env.REDIS_URL ? { ...process.env, REDIS_URL: DEFAULT_REDIS_URL } : process.env;
  const config = loadConfig({ flags: args.configFlags, env, file: args.values.config as string | undefined });
  const logger = createLogger(config.HB_LOG_LEVEL, { command: command.command.name });
  const out = createOutput(Boolean(args.values.json));
  return command.command.run({ args, config, out, logger });
}

// A reader that stops early (`| head`) closes stdout: that ends the command quietly, as for any Unix filter.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

/**
 * Exits once stdout has flushed: a command that failed half-way may still hold a client's sockets or timers
 * (a Kafka consumer mid-join), and a CLI must not hang on them. Long-running commands (`service`) resolve only
 * when they have stopped.
 */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exit, (err: unknown) => {
  const usage = err instanceof HyperBridgeError && (err.code === 'HB_ERR_USAGE' || err.code === 'HB_ERR_CONFIG');
  const message = err instanceof HyperBridgeError ? `${err.code}: ${err.message}` : (err as Error)?.stack ?? String(err);
  process.stderr.write(`hyperbridge: ${message}\n`);
  exit(usage ? 2 : 1);
});

export { COMMANDS };
