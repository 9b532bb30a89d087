/**
 * Segments a text into word and emoji pieces: emoji are always whole pieces of their own (so `холод❄️дыхание`
 * splits at the snowflake), and each run of Cyrillic or Latin letters is cut into words by the language's
 * model. Runs of another script, and words with an apostrophe, stay whole.
 */
import { langOfScript, tokenize, type Script, type SymbolTest, type Token } from '../text/index.js';
import type { LanguageModel, WordModel } from './model.js';
import { bestSplit, type SegmentStats } from './viterbi.js';

export interface Piece {
  kind: 'word' | 'emoji';
  /** Exactly as in the input. */
  text: string;
  /** The matching form (normalize.ts); the emoji itself for an emoji. */
  form: string;
  script: Script | null;
  /** A word of the language's model (always true for emoji). */
  known: boolean;
  /** One of several words cut from one glued run (a coupling), rather than a run on its own. */
  glued: boolean;
  start: number;
  end: number;
}

export interface SegmentOptions {
  isMappedSymbol?: SymbolTest;
  stats?: SegmentStats;
}

/** Says a run of letters is a word as it stands (e.g. one the morphology knows), so it is not split. */
export type WholeWordTest = (form: string, script: Script) => boolean;

export function modelFor(model: WordModel, script: Script | null): LanguageModel | null {
  const lang = langOfScript(script);
  return lang ? model[lang] : null;
}

function wholePiece(token: Token, known: boolean): Piece {
  return { kind: 'word', text: token.text, form: token.form, script: token.script, known, glued: false, start: token.start, end: token.end };
}

/** Cuts one letters token into words, mapping the cuts in the matching form back to offsets in the input. */
export function splitLetters(text: string, token: Token, model: WordModel, stats?: SegmentStats): Piece[] {
  const { form, offsets } = token;
  const language = modelFor(model, token.script);
  if (!language) return [wholePiece(token, false)];
  if (/['\u2019]/u.test(form)) return [wholePiece(token, !Number.isNaN(language.trie.score(form)))];
  const split = bestSplit(form, language, model.params, stats);
  const at = (b: number): number => (offsets ? offsets[b] : token.start + b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < split.bounds.length; k++) {
    const start = at(split.bounds[k]);
    const end = at(split.bounds[k + 1]);
    // A cut inside one grapheme (a letter whose form is two characters) falls back to the grapheme's start,
    // which leaves an empty piece to drop.
    if (start === end) continue;
    pieces.push({
      kind: 'word',
      text: text.slice(start, end),
      form: form.slice(split.bounds[k], split.bounds[k + 1]),
      script: token.script,
      known: split.known[k],
      glued: split.bounds.length > 2,
      start,
      end,
    });
  }
  return pieces;
}

export function segmentTokens(
  text: string,
  tokens: readonly Token[],
  model: WordModel,
  stats?: SegmentStats,
  isWholeWord?: WholeWordTest,
): Piece[] {
  const pieces: Piece[] = [];
  for (const token of tokens) {
    if (token.kind === 'emoji') {
      pieces.push({ kind: 'emoji', text: token.text, form: token.text, script: null, known: true, glued: false, start: token.start, end: token.end });
    } else if (token.kind === 'letters') {
      const whole = isWholeWord && token.script && isWholeWord(token.form, token.script);
      pieces.push(...(whole ? [wholePiece(token, true)] : splitLetters(text, token, model, stats)));
    }
  }
  return pieces;
}

/** `пепелвспышкажизньтишина` → пепел|вспышка|жизнь|тишина; `холод❄️дыхание` → холод|❄️|дыхание. */
export function segmentCoupling(glued: string, model: WordModel, options: SegmentOptions = {}): Piece[] {
  return segmentTokens(glued, tokenize(glued, options.isMappedSymbol), model, options.stats);
}
