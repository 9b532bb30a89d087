/** The command registry; two-word commands (`config print`, `topics ensure`) are looked up whole. */
import type { Command } from '../command.js';
import { configPrint } from './config.js';

export const COMMANDS: Command[] = [configPrint];

export function findCommand(name: string, rest: string[]): { command: Command; argv: string[] } | null {
  const twoWord = rest[0] ? COMMANDS.find((c) => c.name === `${name} ${rest[0]}`) : undefined;
  if (twoWord) return { command: twoWord, argv: rest.slice(1) };
  const one = COMMANDS.find((c) => c.name === name);
  return one ? { command: one, argv: rest } : null;
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: hyperbridge <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n` +
    'Common options: --json, --input FILE (- for stdin), --config FILE, --kafka BROKERS, --redis, --data-dir DIR,\n' +
    '  --log-level LEVEL. Run `hyperbridge <command> --help` for a command\'s own options.\n';
}
