/** Function-word tables (data/morph/*-function-words*.tsv): `form<TAB>POS<TAB>lemma[<TAB>grammemes]`, # comments. */
import { foldYo } from './yo.js';

export interface FunctionWordEntry {
  pos: string;
  lemma: string;
  grammemes: string[];
}

export type FunctionWords = ReadonlyMap<string, readonly FunctionWordEntry[]>;

/** Parses one or more tables; forms are ё-folded and lower-cased, and a form may have several entries. */
export function parseFunctionWords(...tables: string[]): FunctionWords {
  const words = new Map<string, FunctionWordEntry[]>();
  for (const table of tables) {
    for (const line of table.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [form, pos, lemma, grammemes] = line.split('\t');
      if (!form || !pos) continue;
      const key = foldYo(form.toLowerCase());
      const entry = { pos, lemma: lemma || form, grammemes: grammemes ? grammemes.split(',') : [] };
      const list = words.get(key) ?? [];
      if (!list.some((e) => e.pos === entry.pos && e.lemma === entry.lemma)) list.push(entry);
      words.set(key, list);
    }
  }
  return words;
}
