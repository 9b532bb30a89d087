/**
 * Any message into a scene (seed 7.3.1, 7.3.3): validate (length first), tokenise on grapheme boundaries,
 * split glued runs with the word model, then lemma and concept per piece. Tension and phases stay null for
 * the classify stage.
 */
import type { Scene } from '../types.js';
import { detectLang, langOfScript, noContent, tokenize, validateText } from '../text/index.js';
import { segmentTokens, type SegmentStats } from '../segment/index.js';
import type { SceneDeps } from './deps.js';
import { toComponents } from './components.js';
import { conceptKey, mnemonicOf } from './key.js';
import { sceneIdOf } from './id.js';

export interface CompressOptions {
  maxTextBytes: number;
  /** The stage named in errors; `ingest` by default. */
  stage?: string;
  /** Counts the segmenter's work (tests). */
  stats?: SegmentStats;
}

export function compressScene(message: { id: string; text: string }, deps: SceneDeps, opts: CompressOptions): Scene {
  const stage = opts.stage ?? 'ingest';
  const { text } = message;
  validateText(text, opts.maxTextBytes, stage);
  const tokens = tokenize(text, (g) => deps.lexicon.byEmoji(g) !== null);
  if (!tokens.some((t) => t.kind === 'letters' || t.kind === 'emoji')) {
    throw noContent(stage, tokens.some((t) => t.kind === 'digits'), tokens.some((t) => t.kind === 'punct'));
  }
  // A word the morphology knows as it stands (человеконенавистничество) is never cut, however rare.
  const pieces = segmentTokens(text, tokens, deps.words, opts.stats, (form, script) => {
    const lang = langOfScript(script);
    return lang !== null && deps.morphology.isKnown(form, lang);
  });
  const lang = detectLang(pieces.filter((p) => p.kind === 'word').map((p) => p.script ?? 'other'));
  const components = toComponents(pieces, deps, lang);
  return {
    sceneId: sceneIdOf(message.id, text),
    mnemonic: mnemonicOf(components),
    key: conceptKey(components),
    lang,
    components,
    tension: null,
  };
}
