/**
 * The English tables (built from WordNet 3.0 by tools/morph/build_en_wordnet.py, plus curated tables): parsed
 * here from their text so the loader only reads files.
 */
import type { FunctionWords } from './function-words.js';

/** WordNet's four parts of speech, in the column order of en-lemmas.tsv. */
export const WORDNET_POS = ['n', 'v', 'a', 'r'] as const;
export type WordnetPos = (typeof WORDNET_POS)[number];

export interface ExceptionEntry {
  pos: WordnetPos;
  lemma: string;
  us: boolean;
}

export interface IrregularVerb {
  past: string;
  pastParticiple: string;
}

/** WordNet lemmas with a frequency weight per part of speech. */
export interface LemmaWeights {
  /** The weight, or undefined when the lemma is not that part of speech in WordNet. */
  weight(lemma: string, pos: WordnetPos): number | undefined;
}

export interface EnglishData {
  lemmas: LemmaWeights;
  /**
   * inflected form → its lemmas, WordNet's exception lists (mice → mouse, went → go, better → good); `us` when
   * Hunspell's en_US accepts the form (travelled is read but not written: rendering writes traveled).
   */
  exceptions: ReadonlyMap<string, readonly ExceptionEntry[]>;
  irregularVerbs: ReadonlyMap<string, IrregularVerb>;
  /** Curated plurals that win over WordNet's (person → people, fish → fish, brother → brothers). */
  plurals: ReadonlyMap<string, string>;
  functionWords: FunctionWords;
}

export interface EnglishTables {
  lemmas: string;
  exceptions: string;
  irregularVerbs: string;
  plurals: string;
  functionWords: FunctionWords;
}

const rowsOf = (table: string): string[][] =>
  table.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));

export function parseEnglishData(tables: EnglishTables): EnglishData {
  const lemmas = parseLemmaWeights(tables.lemmas);
  const exceptions = new Map<string, ExceptionEntry[]>();
  for (const [form, pos, lemma, spelling] of rowsOf(tables.exceptions)) {
    if (!form || !lemma || !(WORDNET_POS as readonly string[]).includes(pos!)) continue;
    const list = exceptions.get(form) ?? [];
    list.push({ pos: pos as WordnetPos, lemma, us: spelling !== 'other' });
    exceptions.set(form, list);
  }
  const irregularVerbs = new Map<string, IrregularVerb>();
  for (const [base, past, pastParticiple] of rowsOf(tables.irregularVerbs)) {
    if (base && past && pastParticiple) irregularVerbs.set(base, { past, pastParticiple });
  }
  const plurals = new Map<string, string>();
  for (const [lemma, plural] of rowsOf(tables.plurals)) if (lemma && plural) plurals.set(lemma, plural);
  return { lemmas, exceptions, irregularVerbs, plurals, functionWords: tables.functionWords };
}

/**
 * en-lemmas.tsv holds 80,000 rows and is read at every start, so its weights go into one typed array (four a
 * lemma, -1 for absent) instead of an object per lemma: a faster start and less memory.
 */
function parseLemmaWeights(table: string): LemmaWeights {
  const index = new Map<string, number>();
  const weights: number[] = [];
  for (const line of table.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const fields = line.split('\t');
    index.set(fields[0]!, index.size);
    for (let column = 1; column <= WORDNET_POS.length; column++) {
      const field = fields[column];
      weights.push(field === undefined || field === '-' ? -1 : Number(field));
    }
  }
  const packed = Int32Array.from(weights);
  return {
    weight(lemma, pos) {
      const row = index.get(lemma);
      if (row === undefined) return undefined;
      const w = packed[row * WORDNET_POS.length + WORDNET_POS.indexOf(pos)]!;
      return w < 0 ? undefined : w;
    },
  };
}
