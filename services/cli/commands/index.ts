/** The command registry; two-word commands (`config print`, `topics ensure`) are looked up whole. */
import type { Command } from '../command.js';
import { configDocs, configPrint } from './config.js';
import { run } from './run.js';
import { decode, embed, lookup, render, scene, storePrune } from './text.js';
import { consume, deadletterList, deadletterRedrive, produce, service, topicsEnsure } from './bus.js';

export const COMMANDS: Command[] = [
  run, scene, embed, render, decode, lookup, service, produce, consume, topicsEnsure, deadletterList, deadletterRedrive, storePrune, configPrint, configDocs,
];

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
