/**
 * text → scene, in the order the seed gives (7.3.3): the marker first (the exact scene), then the words
 * (lexicon, then meaning). The signature store's reverse lookup is asynchronous and lives in
 * decodeWithSignature.ts.
 */
import type { Component, Decoded } from '../types.js';
import { conceptLabel, findMarker, stripMarker } from '../render/index.js';
import { FREE_PREFIX, matchConcepts } from './words.js';
import type { DecodeDeps, Match } from './types.js';

const EMOJI = /\p{Extended_Pictographic}|\p{So}/u;

/** The components named by a key: each piece is a concept label (or a lemma when it has no concept). */
export function componentsOfKey(key: string, deps: DecodeDeps): Component[] {
  return key.split('·').filter(Boolean).map((piece) => {
    const isEmoji = EMOJI.test(piece);
    const concept = isEmoji ? deps.lexicon.byEmoji(piece) : deps.lexicon.byLemma(piece);
    return { text: piece, lemma: piece, kind: isEmoji ? 'emoji' : 'word', concept: concept ? piece : null, phase: null };
  });
}

function languageOf(text: string): 'ru' | 'en' {
  const cyrillic = (text.match(/[а-яё]/giu) ?? []).length;
  const latin = (text.match(/[a-z]/giu) ?? []).length;
  return latin > cyrillic ? 'en' : 'ru';
}

/** First mention of each concept, in reading order: a scene's concepts are a sequence without repeats. */
function firstMentions(matches: Match[]): Match[] {
  const seen = new Set<string>();
  return matches.filter((m) => !seen.has(m.conceptId) && seen.add(m.conceptId));
}

export function decodeWords(text: string, deps: DecodeDeps): Decoded {
  const lang = languageOf(text);
  const matches = firstMentions(matchConcepts(stripMarker(text), deps));
  const components: Component[] = matches.map((m) => {
    const label = conceptLabel(deps.lexicon.get(m.conceptId), lang);
    return { text: m.text, lemma: m.lemma, kind: m.kind, concept: label, phase: null };
  });
  // The key holds concepts, or lemmas where a word has none (as a scene's key does).
  const labels = components.map((c) => c.concept ?? c.lemma);
  // How surely the words name concepts: a free word (no concept) tells nothing of that, and a text of free words
  // alone leaves the signature store to answer (decodeWithSignature).
  const named = matches.filter((m) => !m.conceptId.startsWith(FREE_PREFIX));
  const resonance = named.length === 0 ? 0 : named.reduce((s, m) => s + m.confidence, 0) / named.length;
  return {
    sceneId: null,
    mnemonic: labels.join(''),
    key: labels.join('·'),
    components,
    via: matches.some((m) => m.via === 'meaning') ? 'meaning' : 'lexicon',
    resonance: Math.round(resonance * 1000) / 1000,
    markerOk: false,
  };
}

export function decodeText(text: string, deps: DecodeDeps): Decoded {
  const marker = findMarker(text);
  if (marker?.ok) {
    const { sceneId, key, mnemonic } = marker.info;
    return { sceneId, mnemonic, key, components: componentsOfKey(key, deps), via: 'marker', resonance: 1, markerOk: true };
  }
  return decodeWords(text, deps);
}
