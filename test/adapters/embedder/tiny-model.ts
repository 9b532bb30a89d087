/** Generates the tiny MiniLM-shaped ONNX model folder (make-tiny-model.py, Python `onnx` from test/requirements.txt). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootPath } from '../../../services/lib/paths.js';

export function makeTinyModel(dim = 32): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hb-tiny-')), 'tiny-minilm');
  const run = spawnSync('python3', [rootPath('test/adapters/embedder/make-tiny-model.py'), dir, String(dim)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`make-tiny-model.py failed (pip install -r test/requirements.txt?): ${run.stderr || run.error}`);
  return dir;
}
