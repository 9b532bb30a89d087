/**
 * Runs every benchmark (`make bench`): each compiled `bench/*.bench.ts` as its own process, in name order, its
 * figures streamed as they come; exits non-zero when any of them fails. eval/index.ts runs evaluations with the
 * same `runScripts`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rootPath } from '../services/lib/paths.js';

function runOne(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/**
 * Runs the compiled `*<suffix>.js` files of `compiledDir` whose TypeScript source still exists in `sourceDir`
 * (dist/ may hold files of deleted scripts). Headers and the summary go to stderr, so stdout holds only figures.
 */
export async function runScripts(compiledDir: string, sourceDir: string, suffix: string): Promise<number> {
  const scripts = readdirSync(compiledDir)
    .filter((f) => f.endsWith(`${suffix}.js`) && existsSync(join(sourceDir, f.replace(/\.js$/, '.ts'))))
    .sort();
  if (scripts.length === 0) {
    process.stderr.write(`no *${suffix}.ts scripts in ${sourceDir}\n`);
    return 1;
  }
  const failed: string[] = [];
  for (const script of scripts) {
    process.stderr.write(`== ${basename(sourceDir)}/${script.replace(/\.js$/, '.ts')}\n`);
    if ((await runOne(join(compiledDir, script))) !== 0) failed.push(script);
  }
  process.stderr.write(`${scripts.length - failed.length} of ${scripts.length} succeeded${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`);
  return failed.length === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await runScripts(dirname(fileURLToPath(import.meta.url)), rootPath('bench'), '.bench');
}
