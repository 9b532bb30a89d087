import { maskConfig } from '../../lib/config.js';
import { configurationMarkdown } from '../../lib/configDocs.js';
import type { Command } from '../command.js';

export const configPrint: Command = {
  name: 'config print',
  summary: 'Print the effective configuration (flags > HB_* environment > hyperbridge.config.json > defaults), secrets masked',
  usage: 'hyperbridge config print [--json] [--config FILE]',
  options: {},
  async run({ config, out }) {
    const masked = maskConfig(config);
    await out.result(masked, (obj: Record<string, unknown>, style) =>
      Object.entries(obj).map(([k, v]) => `${style.bold(k)}=${v === null ? style.dim('(unset)') : Array.isArray(v) ? v.join(',') : String(v)}`).join('\n'));
    return 0;
  },
};

export const configDocs: Command = {
  name: 'config docs',
  summary: 'Print the configuration reference (docs/configuration.md) as Markdown',
  usage: 'hyperbridge config docs',
  options: {},
  async run() {
    process.stdout.write(configurationMarkdown());
    return 0;
  },
};
