/**
 * Splits a text into tokens on grapheme boundaries, so no emoji is ever cut. Letters are grouped into runs of
 * one script: look-alike letters join the script of the letters around them (`пeпел` with a Latin e is one
 * Cyrillic word), while a real change of script starts a new run (`emberпепел` is two). Offsets always point
 * into the original string, so every token's `text` is exactly as typed.
 */
import { graphemes, type Grapheme } from './graphemes.js';
import { isEmoji, type SymbolTest } from './emoji.js';
import { isLookAlike, matchForm, scriptOf, type Script } from './normalize.js';

export type TokenKind = 'letters' | 'emoji' | 'digits' | 'space' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  /** For letters: the run's script. */
  script: Script | null;
  /** For letters: the matching form (normalize.ts); for other kinds the text itself. */
  form: string;
  /**
   * For letters whose form is not one character per input code unit (stress marks, combining letters):
   * offsets[k] is the input offset of form character k, offsets[form.length] the token's end. Null otherwise.
   */
  offsets: number[] | null;
}

const LETTER = /^\p{L}/u;
const DIGIT = /^\p{N}/u;
const SPACE = /^\s+$/u;
/** An apostrophe between two letters belongs to the word (don't, о'кей). */
const APOSTROPHE = /^['\u2019]$/u;

/** Basic Latin and Russian letters, decided without a regular expression (the common case). */
function basicScript(c: number): Script | null {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 'latin';
  if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451) return 'cyrillic';
  return null;
}

function classify(g: string, isMappedSymbol: SymbolTest): TokenKind {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (basicScript(c)) return 'letters';
    if (c >= 0x30 && c <= 0x39) return 'digits';
    if (c === 0x20) return 'space';
  }
  if (isEmoji(g, isMappedSymbol)) return 'emoji';
  if (LETTER.test(g)) return 'letters';
  if (DIGIT.test(g)) return 'digits';
  if (SPACE.test(g)) return 'space';
  return 'punct';
}

const never: SymbolTest = () => false;

export function tokenize(text: string, isMappedSymbol: SymbolTest = never): Token[] {
  const gs = graphemes(text);
  const kinds = gs.map((g) => classify(g.text, isMappedSymbol));
  for (let i = 1; i < gs.length - 1; i++) {
    if (kinds[i] === 'punct' && APOSTROPHE.test(gs[i].text) && kinds[i - 1] === 'letters' && kinds[i + 1] === 'letters') {
      kinds[i] = 'letters';
    }
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < gs.length) {
    const kind = kinds[i];
    let j = i + 1;
    // Emoji are one token each; other kinds group into runs.
    if (kind !== 'emoji') while (j < gs.length && kinds[j] === kind) j++;
    const end = j < gs.length ? gs[j].index : text.length;
    if (kind === 'letters') letterRuns(text, gs, i, j, end, tokens);
    else tokens.push({ kind, text: text.slice(gs[i].index, end), start: gs[i].index, end, script: null, form: text.slice(gs[i].index, end), offsets: null });
    i = j;
  }
  return tokens;
}

/** A letter's own script, or null for a look-alike or an apostrophe, which belong to their neighbours. */
function ownScript(g: string): Script | null {
  if (APOSTROPHE.test(g)) return null;
  if (g.length === 1) return isLookAlike(g) ? null : basicScript(g.charCodeAt(0)) ?? scriptOf(g);
  return isLookAlike(g.normalize('NFC')[0] ?? '') ? null : scriptOf(g);
}

/** Gives each letter of gs[from, to) a script (look-alikes take their neighbours'), then cuts where it changes. */
function letterRuns(text: string, gs: Grapheme[], from: number, to: number, end: number, out: Token[]): void {
  const own: (Script | null)[] = [];
  for (let k = from; k < to; k++) own.push(ownScript(gs[k].text));
  const scripts = own.map((s, k) => s ?? nearest(own, k) ?? scriptOf(gs[from + k].text));
  let i = 0;
  while (i < scripts.length) {
    let j = i + 1;
    while (j < scripts.length && scripts[j] === scripts[i]) j++;
    const start = gs[from + i].index;
    const stop = from + j < to ? gs[from + j].index : end;
    out.push(letterToken(text, gs.slice(from + i, from + j), scripts[i], start, stop));
    i = j;
  }
}

function letterToken(text: string, run: Grapheme[], script: Script, start: number, end: number): Token {
  const slice = text.slice(start, end);
  if (run.length === slice.length) {
    // One code unit per grapheme: the form can be made in one go, and keeps one character per input unit.
    const form = matchForm(slice, script);
    if (form.length === slice.length) return { kind: 'letters', text: slice, start, end, script, form, offsets: null };
  }
  let form = '';
  const offsets: number[] = [];
  for (const g of run) {
    const f = matchForm(g.text, script);
    for (let k = 0; k < f.length; k++) offsets.push(g.index);
    form += f;
  }
  offsets.push(end);
  return { kind: 'letters', text: slice, start, end, script, form, offsets };
}

function nearest(own: (Script | null)[], k: number): Script | null {
  for (let d = 1; d < own.length; d++) {
    const left = own[k - d];
    if (left) return left;
    const right = own[k + d];
    if (right) return right;
  }
  return null;
}
