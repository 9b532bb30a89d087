/** Rendering, decoding and verification speed on one core (this process): one figure per line. */
import { readFileSync } from 'node:fs';
import { rootPath } from '../services/lib/paths.js';
import { PERSONAS, STYLES, type Scene } from '../services/core/types.js';
import { renderScene } from '../services/core/render/index.js';
import { decodeText } from '../services/core/decode/index.js';
import { verifyRendering } from '../services/core/verify/index.js';
import { loadEvalDeps } from '../eval/render-deps.js';

const deps = await loadEvalDeps();
const scenes: Scene[] = readFileSync(rootPath('eval/data/render/couplings.tsv'), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#'))
  .map((l, i) => deps.toScene(`bench-${i}`, l.split('\t')[0]!));

/** Runs `fn` over the inputs for at least `ms` milliseconds (after one warm-up pass) and returns calls per second. */
function rate<T>(inputs: T[], fn: (x: T) => unknown, ms = 1500): number {
  inputs.forEach(fn);
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < ms) {
    for (const x of inputs) fn(x);
    calls += inputs.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (calls * 1000) / elapsed;
}

const line = (name: string, value: number, unit: string): void => console.log(`${name}: ${value.toFixed(0)} ${unit}`);
for (const style of STYLES) {
  const inputs = scenes.flatMap((scene) => PERSONAS.map((persona) => ({ scene, persona })));
  line(`render.${style}.renderings_per_s`, rate(inputs, ({ scene, persona }) => renderScene(scene, { style, persona, lang: null, marker: 'visible', variant: 0 }, deps)), 'render/s');
}
const rendered = scenes.flatMap((scene) => PERSONAS.map((persona) => ({ scene, visible: renderScene(scene, { style: 'narrative', persona, lang: null, marker: 'visible', variant: 0 }, deps), plain: renderScene(scene, { style: 'narrative', persona, lang: null, marker: 'none', variant: 0 }, deps) })));
line('decode.marker.decodes_per_s', rate(rendered, (r) => decodeText(r.visible.text, deps)), 'decode/s');
line('decode.words.decodes_per_s', rate(rendered, (r) => decodeText(r.plain.text, deps)), 'decode/s');
line('verify.narrative.verifications_per_s', rate(rendered, (r) => verifyRendering(r.scene, r.plain, deps)), 'verify/s');
