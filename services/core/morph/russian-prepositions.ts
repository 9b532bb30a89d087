/**
 * Russian prepositions take a vowel-final variant before some words: во сне, во Франции, со мной, ко мне, об
 * этом, обо всём, надо мной, изо всех сил. The rules follow the grammar books (Розенталь): в/с/к before a
 * consonant cluster starting with their own or a similar sound, о before a vowel, and fixed phrases.
 */
import { matchCase } from './letter-case.js';
import { foldYo } from './yo.js';

interface VariantRule {
  /** The variant ending in о (or об for о). */
  variant: string;
  pattern?: RegExp;
  words: ReadonlySet<string>;
}

const CONSONANT = '[бвгджзйклмнпрстфхцчшщ]';
const words = (list: string) => new Set(list.split(' '));

const RULES: Readonly<Record<string, VariantRule>> = {
  в: { variant: 'во', pattern: new RegExp(`^(в|ф)${CONSONANT}`), words: words('мне мной многом многих многое многие что сне тьме тьму рту лбу льду дворе дворце имя веки славу') },
  с: { variant: 'со', pattern: new RegExp(`^([сзшжщ]${CONSONANT}|вс|вз|вт|мн|льд)`), words: words('мной мною лба рта дна дня сна') },
  к: { variant: 'ко', pattern: /^(вс|вт|мн)/, words: words('дну сну льду рту лбу') },
  о: { variant: 'об', pattern: /^[аиоуэ]/, words: new Set() },
  из: { variant: 'изо', words: words('всех всей всего рта льда дня') },
  от: { variant: 'ото', words: words('всех всего всей сна') },
  над: { variant: 'надо', words: words('мной мною всем всеми') },
  под: { variant: 'подо', words: words('мной мною всем всеми') },
  перед: { variant: 'передо', words: words('мной мною всеми') },
  без: { variant: 'безо', words: words('всякого всяких всех всего') },
};
/** о has a third form before a few words: обо мне, обо всём, обо что. */
const OBO_WORDS = words('мне мной все всем всех что');
const SHORT_OF: Readonly<Record<string, string>> = Object.fromEntries(
  [...Object.entries(RULES).map(([short, r]) => [r.variant, short]), ['обо', 'о']],
);

/** The form of `preposition` to write before `nextWord`: ruPrepositionForm('в', 'сне') → 'во'. Case follows the input. */
export function ruPrepositionForm(preposition: string, nextWord: string): string {
  const lower = foldYo(preposition.toLowerCase());
  const short = SHORT_OF[lower] ?? lower;
  const rule = RULES[short];
  if (!rule) return preposition;
  const next = foldYo(nextWord.trim().toLowerCase());
  let form = short;
  if (short === 'о' && OBO_WORDS.has(next)) form = 'обо';
  else if (rule.words.has(next) || rule.pattern?.test(next)) form = rule.variant;
  return matchCase(preposition, form);
}
