/**
 * Generated scenes for the segmentation property (shared by test/core/segment/property.test.ts and
 * eval/segment.eval.ts): glue 2–5 concept lemmas of one language, now and then an emoji, and check that
 * segmenting the glue gives the parts back, or else that the parts were not the model's unique best split.
 */
import type { Lexicon } from '../services/core/lexicon/index.js';
import { matchForm } from '../services/core/text/index.js';
import { segmentCoupling, splitScore, type WordModel } from '../services/core/segment/index.js';
import { mulberry32 } from '../services/core/random.js';

export interface GeneratedScene {
  lang: 'ru' | 'en';
  parts: string[];
  glued: string;
}

export function generateScenes(lexicon: Lexicon, count: number, seed: number): GeneratedScene[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const core = lexicon.concepts.filter((c) => c.source === 'core');
  // Skin tones and hair components never stand alone: after a letter they join its grapheme cluster.
  const emoji = lexicon.concepts.filter((c) => c.emoji.length > 0 && c.ru && c.en && !c.tags.includes('component')).map((c) => c.emoji[0]);
  const scenes: GeneratedScene[] = [];
  for (let i = 0; i < count; i++) {
    const lang = i % 2 === 0 ? 'ru' : 'en';
    const n = 2 + Math.floor(random() * 4);
    const parts = Array.from({ length: n }, () => (random() < 0.15 ? pick(emoji) : pick(core)[lang]));
    scenes.push({ lang, parts, glued: parts.join('') });
  }
  return scenes;
}

export type RoundTrip = 'exact' | 'no-unique-best' | 'violation';

/** Splits a list of parts at emoji, the way the tokenizer splits the glue into runs. */
function runsOf(parts: readonly string[], isWord: (p: string) => boolean): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const part of parts) {
    if (isWord(part)) run.push(part);
    else if (run.length > 0) runs.push(run), (run = []);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export function checkRoundTrip(scene: GeneratedScene, model: WordModel, lexicon: Lexicon): RoundTrip {
  const script = scene.lang === 'ru' ? 'cyrillic' : 'latin';
  const isWord = (p: string): boolean => lexicon.byEmoji(p) === null;
  const expected = scene.parts.map((p) => (isWord(p) ? matchForm(p, script) : p));
  const pieces = segmentCoupling(scene.glued, model, { isMappedSymbol: (g) => lexicon.byEmoji(g) !== null });
  const got = pieces.map((p) => p.form);
  if (got.join('\u0000') === expected.join('\u0000')) return 'exact';
  const language = model[scene.lang];
  const expectedRuns = runsOf(expected, isWord);
  const gotRuns = runsOf(
    pieces.map((p) => (p.kind === 'word' ? p.form : p.text)),
    (p) => pieces.some((q) => q.kind === 'word' && q.form === p),
  );
  if (expectedRuns.length !== gotRuns.length) return 'violation';
  for (let r = 0; r < expectedRuns.length; r++) {
    if (splitScore(gotRuns[r], language, model.params) < splitScore(expectedRuns[r], language, model.params) - 1e-4) return 'violation';
  }
  return 'no-unique-best';
}
