/**
 * From segmented pieces to contract components: lemma from the morphology, concept from the lexicon, unknown
 * words kept as themselves. Function words of a free phrase are dropped (unless nothing else is left: a scene
 * is never empty); those cut from a glued coupling stay, since someone glued them in on purpose and the
 * coupling must come back whole.
 */
import type { Component, Lang } from '../types.js';
import type { Piece } from '../segment/index.js';
import type { LexiconLang } from '../lexicon/index.js';
import { langOfScript } from '../text/index.js';
import type { SceneDeps } from './deps.js';

interface Candidate {
  component: Component;
  functionWord: boolean;
}

function toCandidate(piece: Piece, deps: SceneDeps, labelLang: LexiconLang): Candidate {
  const { lexicon, morphology } = deps;
  if (piece.kind === 'emoji') {
    const concept = lexicon.byEmoji(piece.text);
    return {
      component: { text: piece.text, lemma: piece.text, kind: 'emoji', concept: concept ? conceptLabel(concept, labelLang) : null, phase: null },
      functionWord: false,
    };
  }
  const lang = langOfScript(piece.script);
  const known = lang !== null && morphology.isKnown(piece.form, lang);
  const lemma = known ? morphology.lemmatize(piece.form, lang) : piece.form;
  const concept = lang ? lexicon.byLemma(lemma, lang) ?? lexicon.byLemma(piece.form, lang) : null;
  return {
    component: { text: piece.text, lemma, kind: 'word', concept: concept ? conceptLabel(concept, labelLang) : null, phase: null },
    functionWord: known && !piece.glued && morphology.isFunctionWord(piece.form, lang),
  };
}

function conceptLabel(concept: { ru: string; en: string }, lang: LexiconLang): string {
  return concept[lang] || concept[lang === 'ru' ? 'en' : 'ru'];
}

/** Concept labels follow the scene: English for an English scene, Russian otherwise (emoji-only and mixed too). */
export function labelLangOf(lang: Lang): LexiconLang {
  return lang === 'en' ? 'en' : 'ru';
}

export function toComponents(pieces: readonly Piece[], deps: SceneDeps, lang: Lang): Component[] {
  const candidates = pieces.map((p) => toCandidate(p, deps, labelLangOf(lang)));
  const content = candidates.filter((c) => !c.functionWord);
  return (content.length > 0 ? content : candidates).map((c) => c.component);
}
