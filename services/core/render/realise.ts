/** Fills a template with a mention: inflection, agreement, Russian preposition forms, capitals, checks. */
import { HyperBridgeError } from '../../lib/errors.js';
import type { Mention, Agreement } from './mention.js';
import type { MorphologyPort, RenderLang } from './ports.js';
import { ruPrepositionForm } from '../morph/index.js';

const SLOT = /\{([a-z]+)(?::([^}]*))?\}/gu;
const CASES = new Set(['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct']);
const AGREEMENT_INDEX: Record<Agreement, number> = { m: 0, f: 1, n: 2, p: 3 };

export interface SlotValues {
  mention: Mention | null;
}

function inflectMention(mention: Mention, grammemeCase: string, lang: RenderLang, morph: MorphologyPort): string | null {
  if (lang === 'en' || grammemeCase === 'nomn' || mention.kind !== 'noun') return joinWords(mention.head, mention.tail);
  if (!CASES.has(grammemeCase)) return null;
  // The dictionary sometimes offers an archaic accusative (огнь); for inanimate masculine and neuter nouns it is the nominative.
  if (grammemeCase === 'accs' && mention.inanimate && (mention.agreement === 'm' || mention.agreement === 'n')) return joinWords(mention.head, mention.tail);
  const form = morph.inflect(mention.head.toLowerCase(), 'ru', [grammemeCase, mention.agreement === 'p' ? 'plur' : 'sing']);
  return form ? joinWords(form, mention.tail) : null;
}

const joinWords = (a: string, b: string): string => (b ? `${a} ${b}` : a);

/** в/во, с/со, к/ко, о/об/обо before each word, by the morphology's rules (written templates use the short forms). */
export function fixRussianPrepositions(text: string): string {
  return text.replace(/(^|[\s«(—-])(в|во|с|со|к|ко|о|об|обо|В|Во|С|Со|К|Ко|О|Об|Обо) ([а-яёА-ЯЁ]+)/gu,
    (_m, pre: string, prep: string, word: string) => `${pre}${ruPrepositionForm(prep, word)} ${word}`);
}

export function capitalise(text: string): string {
  const i = text.search(/\p{L}/u);
  return i < 0 ? text : text.slice(0, i) + text[i]!.toUpperCase() + text.slice(i + 1);
}

function hasDoubledWord(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{M}'-]+/gu) ?? [];
  return words.some((w, i) => i > 0 && w === words[i - 1]);
}

/**
 * Chooses one option of every `[a|b|c]` group (an empty option drops the group), so one template yields many
 * wordings. A `|` inside a `{g:…}` slot belongs to the slot, not to the group.
 */
export function expandAlternatives(template: string, choose: (n: number) => number): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== '[') {
      out += template[i];
      continue;
    }
    const options: string[] = [];
    let depth = 0;
    let current = '';
    let j = i + 1;
    for (; j < template.length && !(template[j] === ']' && depth === 0); j++) {
      const ch = template[j]!;
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      if (ch === '|' && depth === 0) {
        options.push(current);
        current = '';
      } else {
        current += ch;
      }
    }
    options.push(current);
    out += options[choose(options.length)];
    i = j;
  }
  return out;
}

/**
 * The template with its slots filled, or null when this mention cannot fill it (a case the morphology cannot
 * make, a raw word in a noun slot, a doubled word). Leftover braces are a bug in the phrase book.
 */
export function fillTemplate(template: string, values: SlotValues, lang: RenderLang, morph: MorphologyPort, sentenceCase = true): string | null {
  let failed = false;
  const filled = template.replace(SLOT, (_all, name: string, arg: string | undefined) => {
    if (failed) return '';
    const mention = values.mention;
    if (!mention) return ((failed = true), '');
    if (name === 'c') {
      if (mention.kind !== 'noun' && arg && arg !== 'nomn') return ((failed = true), '');
      const form = inflectMention(mention, arg ?? 'nomn', lang, morph);
      return form ?? ((failed = true), '');
    }
    if (name === 'g') {
      const options = (arg ?? '').split('|');
      return options[AGREEMENT_INDEX[mention.agreement]] ?? options[0] ?? '';
    }
    failed = true;
    return '';
  });
  if (failed) return null;
  if (/[{}]/u.test(filled)) throw new HyperBridgeError('HB_ERR_INTERNAL', 'render', `template hole left in "${template}"`);
  let text = filled.replace(/\s+/gu, ' ').trim();
  if (lang === 'ru') text = fixRussianPrepositions(text);
  if (sentenceCase) text = capitalise(text);
  return hasDoubledWord(text) ? null : text;
}
