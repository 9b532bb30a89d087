/**
 * One function per family of styles. Prose (narrative, essay, poem) follows the scene's movement: one
 * sentence or line per component, in the coupling's order, each taken from the templates of its phase.
 * At least half of the components (rounded up) are named by another word than their lemma where the phrase
 * book or the lexicon has one, so meaning, not spelling, carries the scene.
 */
import type { Component, Phase } from '../types.js';
import type { ProseStyleBook, FormulaBook, VoiceBook, PhraseBook } from './book.js';
import { conceptOf, mentionOptions, labelOf, type Mention, type MentionDeps, type MentionKind } from './mention.js';
import { expandAlternatives, fillTemplate } from './realise.js';
import type { Picker } from './seed.js';
import type { RenderLang } from './ports.js';

export interface StyleInput {
  components: Component[];
  phases: Phase[];
  lang: RenderLang;
  book: PhraseBook;
  voice: VoiceBook;
  pick: Picker;
  deps: MentionDeps;
}

/** Which components are named by another word: ceil(n/2) of them, chosen by the seed. */
function paraphrasedIndexes(n: number, pick: Picker): Set<number> {
  return new Set(pick.shuffle([...Array(n).keys()]).slice(0, Math.ceil(n / 2)));
}

function chooseMention(component: Component, paraphrase: boolean, input: StyleInput): Mention[] {
  const { own, others } = mentionOptions(component, input.lang, input.book, input.deps);
  if (!paraphrase || others.length === 0) return [own];
  const shuffled = input.pick.shuffle(others);
  return [...shuffled, own];
}

/** Tries templates (seeded order, unused first) with each mention in turn; the first that fills wins. */
function sentence(templates: string[], mentions: Mention[], used: Set<string>, input: StyleInput, sentenceCase = true): string {
  const order = input.pick.shuffle(templates);
  const fresh = [...order.filter((t) => !used.has(t)), ...order.filter((t) => used.has(t))];
  for (const mention of mentions) {
    for (const template of fresh) {
      const text = fillTemplate(expandAlternatives(template, input.pick.int), { mention }, input.lang, input.deps.morph, sentenceCase);
      if (text !== null) {
        used.add(template);
        return text;
      }
    }
  }
  // Every phrase book set has a nominative template; reaching here means a word no template of its kind could take.
  const last = mentions.at(-1)!;
  return fillTemplate('{c}', { mention: { ...last, kind: 'noun' } }, input.lang, input.deps.morph, sentenceCase) ?? last.head;
}

function templatesFor(book: ProseStyleBook | FormulaBook['terms'], phase: Phase, kind: MentionKind): string[] {
  return kind === 'noun' ? book[phase] : book[kind];
}

export function renderProse(style: 'narrative' | 'essay' | 'poem', input: StyleInput): string {
  const book = input.voice[style];
  const paraphrased = paraphrasedIndexes(input.components.length, input.pick);
  const used = new Set<string>();
  const parts: string[] = [];
  if (book.open?.length) parts.push(expandAlternatives(input.pick.shuffle(book.open)[0]!, input.pick.int));
  input.components.forEach((component, i) => {
    const mentions = chooseMention(component, paraphrased.has(i), input);
    parts.push(sentence(templatesFor(book, input.phases[i]!, mentions[0]!.kind), mentions, used, input));
  });
  const last = input.components.at(-1);
  if (book.close?.length && last) {
    const mentions = chooseMention(last, true, input).filter((m) => m.kind === 'noun');
    if (mentions.length > 0) parts.push(sentence(book.close, mentions, used, input));
  }
  return parts.join(style === 'poem' ? '\n' : ' ');
}

export function renderFormula(input: StyleInput): string {
  const book = input.voice.formula;
  const paraphrased = paraphrasedIndexes(input.components.length, input.pick);
  const used = new Set<string>();
  const terms = input.components.map((component, i) => {
    const mentions = chooseMention(component, paraphrased.has(i), input);
    return sentence(templatesFor(book.terms, input.phases[i]!, mentions[0]!.kind), mentions, used, input, false);
  });
  const t = input.pick.shuffle(book.times)[0]!;
  const head = input.pick.shuffle(book.head)[0]!.replace('{t}', t);
  return `${head} ${terms.join(book.join)}`;
}

/** The scene as an emoji line: a component's own emoji, else its concept's emoji (the variant picks which). */
export function renderEmoji(input: StyleInput, variant: number): string {
  const signs = input.components.map((component) => {
    if (component.kind === 'emoji') return { sign: component.text, word: false };
    const emoji = conceptOf(component, input.deps.lexicon)?.emoji ?? [];
    return emoji.length > 0 ? { sign: emoji[variant % emoji.length]!, word: false } : { sign: labelOf(component, input.lang, input.deps.lexicon), word: true };
  });
  const join = input.voice.emojiJoin;
  // A concept with no emoji keeps its word, set apart by a space so it never glues to its neighbours.
  const separator = (i: number): string => (join.trim() === '' && (signs[i]!.word || signs[i - 1]!.word) ? ' ' : join);
  return signs.map((s, i) => (i === 0 ? s.sign : separator(i) + s.sign)).join('');
}

export function renderSilence(input: StyleInput): string {
  return input.pick.shuffle(input.voice.silence)[0] ?? '';
}
