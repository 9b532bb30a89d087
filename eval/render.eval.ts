/**
 * The render evaluation (issue 6): renders the couplings of eval/data/render/ (written before tuning) in every
 * style, voice, language and marker mode, decodes them back, and prints one figure per line. Language checks
 * call the hunspell binary and, when tools/languagetool/fetch.sh has been run, LanguageTool's grammar rules.
 */
import { readFileSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootPath } from '../services/lib/paths.js';
import { PERSONAS, STYLES, type MarkerMode, type OutputLang, type Persona, type Scene, type Style } from '../services/core/types.js';
import { renderScene, stripMarker, frameTexts } from '../services/core/render/index.js';
import { decodeText, decodeWords, matchConcepts } from '../services/core/decode/index.js';
import { identities, kendallTau, recallPrecision, verifyRendering, verifyWithRerender } from '../services/core/verify/index.js';
import { loadEvalDeps, type EvalDeps } from './render-deps.js';

const LANGS: OutputLang[] = ['ru', 'en'];
const WORDED: Style[] = ['narrative', 'essay', 'formula', 'poem', 'emoji'];
const PROSE: Style[] = ['narrative', 'essay', 'poem'];
const VARIANTS = [0, 1, 2];

const print = (name: string, value: number, unit: string): void => {
  console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(3)} ${unit}`);
};
const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

function readTsv(file: string): string[][] {
  return readFileSync(rootPath(file), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? [];
const bigrams = (text: string): string[] => {
  const w = words(text);
  return w.slice(1).map((x, i) => `${w[i]} ${x}`);
};

interface Rendered {
  scene: Scene;
  style: Style;
  persona: Persona;
  lang: OutputLang;
  variant: number;
  marker: MarkerMode;
  text: string;
}

function renderAll(scenes: Scene[], deps: EvalDeps, markers: MarkerMode[], styles: readonly Style[], variants: number[]): Rendered[] {
  const out: Rendered[] = [];
  for (const scene of scenes) for (const lang of LANGS) for (const style of styles) for (const persona of PERSONAS) for (const variant of variants) for (const marker of markers) {
    if (style === 'silence' && marker === 'none') continue;
    const r = renderScene(scene, { style, persona, lang, marker, variant }, deps);
    out.push({ scene, style, persona, lang, variant, marker, text: r.text });
  }
  return out;
}

function markerFigures(rendered: Rendered[], deps: EvalDeps): void {
  for (const marker of ['visible', 'invisible'] as const) {
    const all = rendered.filter((r) => r.marker === marker);
    for (const style of STYLES) {
      const list = all.filter((r) => r.style === style);
      const exact = list.filter((r) => {
        const d = decodeText(r.text, deps);
        return d.via === 'marker' && d.sceneId === r.scene.sceneId && d.key === r.scene.key && d.mnemonic === r.scene.mnemonic;
      }).length;
      print(`render.marker.${marker}.${style}.exact_decode`, exact / list.length, 'ratio');
    }
  }
}

function labelIn(id: string, lang: OutputLang, deps: EvalDeps): string {
  const c = deps.lexicon.get(id);
  return (c?.[lang] || id.replace(/^lemma:/u, '')).toLowerCase();
}

function unmarkedFigures(rendered: Rendered[], deps: EvalDeps): void {
  const plain = rendered.filter((r) => r.marker === 'none' && r.style !== 'silence');
  const noBooks = { ...deps, books: undefined };
  const rows: { style: Style; recall: number; precision: number; tau: number; paraphrasedHit: number; paraphrasedTotal: number; recallNoBooks: number }[] = [];
  for (const r of plain) {
    const original = identities(r.scene.components, deps.lexicon);
    const decoded = identities(decodeWords(r.text, deps).components, deps.lexicon);
    const { recall, precision } = recallPrecision(original, decoded);
    const lemmas = new Set(words(r.text).map((w) => deps.morph.lemmatize(w, r.lang)));
    const paraphrased = original.filter((id) => !lemmas.has(labelIn(id, r.lang, deps)) && r.style !== 'emoji');
    const back = new Set(decoded);
    rows.push({
      style: r.style, recall, precision, tau: kendallTau(original, decoded),
      paraphrasedHit: paraphrased.filter((id) => back.has(id)).length, paraphrasedTotal: paraphrased.length,
      recallNoBooks: recallPrecision(original, identities(decodeWords(r.text, noBooks).components, deps.lexicon)).recall,
    });
  }
  const report = (name: string, list: typeof rows): void => {
    print(`render.unmarked.${name}.concept_recall`, mean(list.map((x) => x.recall)), 'ratio');
    print(`render.unmarked.${name}.concept_precision`, mean(list.map((x) => x.precision)), 'ratio');
    print(`render.unmarked.${name}.phase_order_tau`, mean(list.map((x) => x.tau)), 'tau');
  };
  for (const style of WORDED) report(style, rows.filter((x) => x.style === style));
  report('all', rows);
  const hits = rows.reduce((s, x) => s + x.paraphrasedHit, 0);
  const total = rows.reduce((s, x) => s + x.paraphrasedTotal, 0);
  print('render.unmarked.paraphrased_mentions.concept_recall', total ? hits / total : 0, 'ratio');
  print('render.unmarked.paraphrased_mentions.count', total, 'mentions');
  print('render.unmarked.all.concept_recall_without_phrasebook_images', mean(rows.map((x) => x.recallNoBooks)), 'ratio');
}

function verdictFigures(rendered: Rendered[], deps: EvalDeps): void {
  const plain = rendered.filter((r) => r.marker === 'none' && r.variant === 0);
  const counts = { lossless: 0, resonant: 0, drifted: 0 };
  const after = { lossless: 0, resonant: 0, drifted: 0 };
  for (const r of plain) {
    const rendering = renderScene(r.scene, { style: r.style, persona: r.persona, lang: r.lang, marker: 'none', variant: 0 }, deps);
    counts[verifyRendering(r.scene, rendering, deps).verdict]++;
    after[verifyWithRerender(r.scene, rendering, deps, 2).result.verdict]++;
  }
  for (const v of ['lossless', 'resonant', 'drifted'] as const) {
    print(`render.verdict.unmarked.${v}`, counts[v] / plain.length, 'ratio');
    print(`render.verdict.unmarked_after_rerender.${v}`, after[v] / plain.length, 'ratio');
  }
}

function paraphraseShare(rendered: Rendered[], deps: EvalDeps): void {
  for (const style of PROSE) {
    let mentions = 0;
    let other = 0;
    for (const r of rendered.filter((x) => x.marker === 'none' && x.style === style)) {
      for (const m of matchConcepts(r.text, deps)) {
        mentions++;
        if (m.lemma.toLowerCase() !== labelIn(m.conceptId, r.lang, deps)) other++;
      }
    }
    print(`render.${style}.paraphrased_mention_share`, other / mentions, 'ratio');
  }
}

function phraseFigures(deps: EvalDeps): void {
  const rows = readTsv('eval/data/render/phrases.tsv');
  const recalls: number[] = [];
  let unknown = 0;
  for (const [text, lang, expected] of rows as [string, OutputLang, string][]) {
    const want = expected.split('|').map((lemma) => {
      const c = deps.lexicon.byLemma(lemma, lang);
      if (!c) unknown++;
      return c?.id ?? `lemma:${lemma}`;
    });
    const got = new Set(identities(decodeText(text, deps).components, deps.lexicon));
    recalls.push(want.filter((id) => got.has(id)).length / want.length);
  }
  print('render.free_phrases.count', rows.length, 'phrases');
  print('render.free_phrases.concept_recall', mean(recalls), 'ratio');
  print('render.free_phrases.expected_lemmas_not_in_lexicon', unknown, 'lemmas');
}

function languageFigures(rendered: Rendered[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'hb-render-eval-'));
  for (const lang of LANGS) {
    const texts = rendered.filter((r) => r.lang === lang && r.marker === 'none' && r.style !== 'emoji' && r.style !== 'silence').map((r) => stripMarker(r.text).replace(/\n/gu, ' '));
    print(`render.lang.${lang}.renderings_checked`, texts.length, 'renderings');
    const file = join(dir, `${lang}.txt`);
    writeFileSync(file, texts.join('\n') + '\n');
    try {
      const out = execFileSync('hunspell', ['-d', lang === 'ru' ? 'ru_RU' : 'en_US', '-l', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const bad = out.split('\n').filter(Boolean);
      // The formula's variable t (as in the seed's «t = 0.001») and words of the other script (lemmas with no
      // concept in the lexicon, which no translation exists for) are reported apart from real non-words.
      const variable = bad.filter((w) => w === 't').length;
      const foreign = bad.filter((w) => w !== 't' && (lang === 'ru' ? /^[a-z]/iu : /[а-яё]/iu).test(w)).length;
      print(`render.lang.${lang}.hunspell_non_words`, bad.length - variable - foreign, 'words');
      print(`render.lang.${lang}.hunspell_formula_variable_t`, variable, 'words');
      print(`render.lang.${lang}.hunspell_untranslated_foreign_lemmas`, foreign, 'words');
      const real = [...new Set(bad.filter((w) => w !== 't' && !(lang === 'ru' ? /^[a-z]/iu : /[а-яё]/iu).test(w)))];
      if (real.length) process.stderr.write(`hunspell ${lang}: ${real.slice(0, 60).join(' ')}\n`);
    } catch (err) {
      process.stderr.write(`hunspell unavailable: ${(err as Error).message}\n`);
    }
    const lt = rootPath('tools/languagetool');
    if (existsSync(join(lt, 'classes', 'GrammarCheck.class'))) {
      const out = execFileSync('java', ['-cp', `${lt}/lib/*:${lt}/classes`, 'GrammarCheck', lang], { input: texts.join('\n'), encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['pipe', 'pipe', 'ignore'] });
      const sentences = Number(/^sentences (\d+)/mu.exec(out)?.[1] ?? 0);
      const grammar = Number(/^grammar (\d+)/mu.exec(out)?.[1] ?? 0);
      print(`render.lang.${lang}.sentences_checked`, sentences, 'sentences');
      print(`render.lang.${lang}.grammar_errors_per_100_sentences`, sentences ? (100 * grammar) / sentences : 0, 'errors');
      for (const line of out.split('\n').filter((l) => l.startsWith('rule '))) process.stderr.write(`languagetool ${lang}: ${line}\n`);
    } else {
      process.stderr.write('LanguageTool not fetched (tools/languagetool/fetch.sh): grammar not counted\n');
    }
  }
}

function varietyFigures(rendered: Rendered[]): void {
  const distinct2 = (list: Rendered[]): number => {
    const all = list.flatMap((r) => bigrams(r.text));
    return new Set(all).size / all.length;
  };
  for (const lang of LANGS) {
    for (const style of WORDED.filter((s) => s !== 'emoji')) {
      const pool = rendered.filter((r) => r.lang === lang && r.style === style && r.marker === 'none');
      // 100 renderings as a dialogue would see them: 25 scenes, each in the four voices (variant 0).
      const mixed = pool.filter((r) => r.variant === 0).slice(0, 100);
      print(`render.variety.${lang}.${style}.distinct2_over_${mixed.length}`, distinct2(mixed), 'ratio');
      // The strictest reading: 100 renderings in one voice (all scenes, then the next variant).
      const perVoice = PERSONAS.map((p) => distinct2(pool.filter((r) => r.persona === p).sort((a, b) => a.variant - b.variant).slice(0, 100)));
      print(`render.variety.${lang}.${style}.distinct2_one_voice_min`, Math.min(...perVoice), 'ratio');
    }
  }
  const jaccards: Record<string, number[]> = {};
  for (const r of rendered.filter((x) => x.marker === 'none' && x.variant === 0 && x.persona === PERSONAS[0] && ['narrative', 'essay', 'poem', 'formula'].includes(x.style))) {
    const voices = PERSONAS.map((p) => new Set(bigrams(rendered.find((y) => y.scene === r.scene && y.lang === r.lang && y.style === r.style && y.marker === 'none' && y.variant === 0 && y.persona === p)!.text)));
    for (let i = 0; i < voices.length; i++) for (let j = i + 1; j < voices.length; j++) {
      const a = voices[i]!;
      const b = voices[j]!;
      const inter = [...a].filter((x) => b.has(x)).length;
      (jaccards[r.style] ??= []).push(inter / (a.size + b.size - inter || 1));
    }
  }
  for (const [style, list] of Object.entries(jaccards)) {
    print(`render.variety.${style}.voice_bigram_jaccard_mean`, mean(list), 'ratio');
    print(`render.variety.${style}.voice_bigram_jaccard_max`, Math.max(...list), 'ratio');
  }
}

function seedFigures(deps: EvalDeps): void {
  const rows = seedRows();
  let exact = 0;
  let total = 0;
  let notDrifted = 0;
  let plain = 0;
  for (const [i, text] of rows.entries()) {
    const scene = deps.toScene(`seed-${i}`, text);
    for (const r of renderAll([scene], deps, ['visible', 'invisible', 'none'], STYLES, [0])) {
      if (r.marker === 'none') {
        plain++;
        const rendering = renderScene(scene, { style: r.style, persona: r.persona, lang: r.lang, marker: 'none', variant: 0 }, deps);
        if (verifyWithRerender(scene, rendering, deps, 2).result.verdict !== 'drifted') notDrifted++;
        continue;
      }
      total++;
      const d = decodeText(r.text, deps);
      if (d.sceneId === scene.sceneId && d.key === scene.key && d.mnemonic === scene.mnemonic) exact++;
    }
  }
  print('render.seed.couplings', rows.length, 'couplings');
  print('render.seed.marked_exact_decode', exact / total, 'ratio');
  print('render.seed.unmarked_not_drifted', notDrifted / plain, 'ratio');
}

function seedRows(): string[] {
  const file = rootPath('..', 'shared', 'seed', 'examples.tsv');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')).filter((c) => c[1] === 'coupling' || c[1] === 'emoji').map((c) => c[0]!);
}

function sceneFigures(deps: EvalDeps): Scene[] {
  const rows = readTsv('eval/data/render/couplings.tsv');
  let asWritten = 0;
  const scenes = rows.map(([text, lang, expected], i) => {
    const scene = deps.toScene(`render-eval-${i}`, text!);
    const want = expected!.split('|').map((l) => deps.lexicon.byLemma(l, lang as OutputLang)?.id ?? `lemma:${l}`);
    if (identities(scene.components, deps.lexicon).join() === want.join()) asWritten++;
    return scene;
  });
  print('render.couplings.count', scenes.length, 'couplings');
  print('render.couplings.compressed_as_written', asWritten / scenes.length, 'ratio');
  for (const lang of LANGS) {
    const offenders = frameTexts(deps.books[lang]).flatMap((f) => matchConcepts(f, deps));
    print(`render.phrasebook.${lang}.frame_words_that_decode`, offenders.length, 'words');
  }
  return scenes;
}

const deps = await loadEvalDeps();
process.stderr.write(`render eval: meaning model ${deps.meaningModel}\n`);
const scenes = sceneFigures(deps);
const rendered = renderAll(scenes, deps, ['visible', 'invisible', 'none'], STYLES, VARIANTS);
print('render.renderings', rendered.length, 'renderings');
markerFigures(rendered, deps);
unmarkedFigures(rendered, deps);
verdictFigures(rendered, deps);
paraphraseShare(rendered, deps);
phraseFigures(deps);
varietyFigures(rendered);
languageFigures(rendered);
seedFigures(deps);
