/**
 * A mention is how one concept is named in a rendering: its own lemma, or another word for it (an image,
 * a synonym). Only nouns fill the noun templates (they inflect for case); a verb (дрогнуть, wither) is
 * mentioned as an infinitive through the `verb` templates, and any other word (внутрь, inward, an unknown
 * word) as it is through the `raw` templates.
 */
import type { Component } from '../types.js';
import type { ConceptPort, LexiconPort, MorphologyPort, RenderLang } from './ports.js';
import type { PhraseBook } from './book.js';

export type Agreement = 'm' | 'f' | 'n' | 'p';

/** Which templates a mention fits: noun templates (inflected), verb templates (infinitive) or raw ones. */
export type MentionKind = 'noun' | 'verb' | 'raw';

export interface Mention {
  /** The inflecting word. */
  head: string;
  /** Words after the head that never change (a genitive: «туман тела», "flash of light"). */
  tail: string;
  agreement: Agreement;
  /** Russian inanimate noun: its accusative singular (masculine, neuter) is its nominative. */
  inanimate: boolean;
  kind: MentionKind;
  /** True when the word is not the concept's own lemma. */
  paraphrase: boolean;
}

export interface MentionOptions {
  own: Mention;
  others: Mention[];
}

export interface MentionDeps {
  lexicon: LexiconPort;
  morph: MorphologyPort;
}

export function conceptOf(component: Component, lexicon: LexiconPort): ConceptPort | null {
  if (component.concept) {
    const byLabel = lexicon.byLemma(component.concept);
    if (byLabel) return byLabel;
  }
  return component.kind === 'emoji' ? lexicon.byEmoji(component.text) : lexicon.byLemma(component.lemma);
}

function agreementOf(grammemes: string[]): Agreement | null {
  if (grammemes.includes('Pltm') || (grammemes.includes('plur') && !grammemes.includes('sing'))) return 'p';
  if (grammemes.includes('masc')) return 'm';
  if (grammemes.includes('femn')) return 'f';
  if (grammemes.includes('neut')) return 'n';
  return null;
}

/** Reads a phrase as a mention; null when it cannot be one (an unknown or non-noun head that is not the lemma). */
function readMention(phrase: string, lang: RenderLang, morph: MorphologyPort, paraphrase: boolean): Mention | null {
  const words = phrase.trim().split(/\s+/u);
  const head = words[0]!;
  const tail = words.slice(1).join(' ');
  if (head.length === 0) return null;
  const analyses = morph.analyze(head, lang);
  const noun = analyses.find((a) => a.pos === 'NOUN' && (lang === 'en' || a.lemma === head.toLowerCase() || a.grammemes.includes('nomn')));
  if (lang === 'ru') {
    if (noun) {
      const agreement = agreementOf(noun.grammemes) ?? (() => {
        const g = morph.genderOf(noun.lemma, 'ru');
        return g === 'masc' ? 'm' : g === 'femn' ? 'f' : g === 'neut' ? 'n' : null;
      })();
      if (agreement) return { head, tail, agreement, inanimate: noun.grammemes.includes('inan'), kind: 'noun', paraphrase };
    }
  } else if (paraphrase && analyses.some((a) => a.pos === 'NOUN' && a.grammemes.includes('plur'))) {
    // English templates are written for a singular subject (the cinder stirs), so plural words are not offered;
    // any plural reading counts, since the dictionary may rank a singular one first (fumes: "the fumes", "a fume").
    return null;
  } else if (noun || analyses.length === 0) {
    return { head, tail, agreement: 'n', inanimate: true, kind: 'noun', paraphrase };
  }
  if (paraphrase) return null;
  // Only the infinitive itself reads as a verb mention (дрогнуть, wither), never an inflected form (went).
  const verb = !tail && analyses.some((a) => (a.pos === 'INFN' || (lang === 'en' && a.pos === 'VERB')) && a.lemma === head.toLowerCase());
  return { head, tail, agreement: 'n', inanimate: true, kind: verb ? 'verb' : 'raw', paraphrase };
}

/** The label of the concept in the output language, or the component's own lemma when it has no concept. */
export function labelOf(component: Component, lang: RenderLang, lexicon: LexiconPort): string {
  return conceptLabel(conceptOf(component, lexicon), lang) ?? component.lemma;
}

/** Emoji-only concepts may lack a word in one language: the other language's word is better than none. */
export function conceptLabel(concept: ConceptPort | null, lang: RenderLang): string | null {
  if (!concept) return null;
  return concept[lang] || concept[lang === 'ru' ? 'en' : 'ru'] || null;
}

export function mentionOptions(component: Component, lang: RenderLang, book: PhraseBook, deps: MentionDeps): MentionOptions {
  const concept = conceptOf(component, deps.lexicon);
  const label = conceptLabel(concept, lang) ?? component.lemma;
  const own = readMention(label, lang, deps.morph, false)!;
  const seen = new Set([label.toLowerCase()]);
  const others: Mention[] = [];
  for (const phrase of [...(book.images[label] ?? []), ...(concept?.synonyms[lang] ?? [])]) {
    const lower = phrase.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    // A word that names another concept would decode as that concept: not a paraphrase of this one.
    const named = deps.lexicon.byLemma(lower, lang) ?? deps.lexicon.byLemma(lower.split(/\s+/u)[0]!, lang);
    if (named && named.id !== concept?.id) continue;
    const mention = readMention(phrase, lang, deps.morph, true);
    if (mention) others.push(mention);
  }
  return { own, others };
}
