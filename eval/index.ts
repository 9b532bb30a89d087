/** Runs every evaluation (`make eval`): each compiled `eval/*.eval.ts` in name order, as bench/index.ts does. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rootPath } from '../services/lib/paths.js';
import { runScripts } from '../bench/index.js';

process.exitCode = await runScripts(dirname(fileURLToPath(import.meta.url)), rootPath('eval'), '.eval');
