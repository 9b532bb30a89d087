/**
 * The static embedder: a text's vector is the inverse-frequency weighted mean of its components' lemma
 * vectors (and their concepts' vectors), so couplings, emoji lines and phrases all embed. With no
 * components it embeds the words and emoji of the text itself.
 */
import type { Component } from '../types.js';
import { HyperBridgeError } from '../../lib/errors.js';
import type { StaticModel } from './artifact.js';
import { foldKey } from './normalize.js';
import type { EmbedInput, Embedder, Lemmatizer } from './types.js';
import { addUnknown, addVector, keyIndex, normalize, vectorAt, weightOf } from './vectors.js';

const TOKEN = /\p{Extended_Pictographic}(?:[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic})*|[\u{1F700}-\u{1F77F}]|\p{L}+(?:[-'’]\p{L}+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

interface Piece {
  lemma: string;
  concept: string | null;
}

export function textPieces(text: string, lemmatizer?: Lemmatizer): Piece[] {
  const pieces: Piece[] = [];
  for (const [token] of text.matchAll(TOKEN)) {
    const isWord = /^\p{L}/u.test(token);
    const lang = CYRILLIC.test(token) ? 'ru' : 'en';
    const lemma = isWord && lemmatizer ? lemmatizer.lemmatize(token.toLowerCase(), lang) : token;
    pieces.push({ lemma, concept: null });
  }
  return pieces;
}

function componentPieces(components: Component[]): Piece[] {
  return components.filter((c) => c.kind !== 'marker').map((c) => ({ lemma: c.lemma, concept: c.concept }));
}

/** The static embedder also embeds synchronously (the hot path of lookups and benchmarks). */
export interface StaticEmbedder extends Embedder {
  readonly model: StaticModel;
  embedSync(input: EmbedInput): Float32Array;
}

export function createStaticEmbedder(model: StaticModel, lemmatizer?: Lemmatizer): StaticEmbedder {
  function addPiece(piece: Piece, acc: Float32Array): void {
    const i = keyIndex(model, piece.lemma);
    const c = piece.concept && piece.concept !== piece.lemma ? keyIndex(model, piece.concept) : -1;
    if (i < 0 && c < 0) {
      addUnknown(foldKey(piece.lemma), 1, acc);
      return;
    }
    // A known lemma and its concept share the piece's weight: the concept anchors inflected or rare lemmas.
    const weight = weightOf(model, i >= 0 ? i : c);
    if (i >= 0) addVector(model, i, c >= 0 ? weight / 2 : weight, acc);
    if (c >= 0) addVector(model, c, i >= 0 ? weight / 2 : weight, acc);
  }

  function embedOne(input: EmbedInput): Float32Array {
    if (!input || typeof input.text !== 'string' || !Array.isArray(input.components)) {
      throw new HyperBridgeError('HB_ERR_BAD_MESSAGE', 'embed', 'embed input needs {text: string, components: Component[]}');
    }
    let pieces = componentPieces(input.components);
    if (pieces.length === 0) pieces = textPieces(input.text, lemmatizer);
    if (pieces.length === 0) {
      throw new HyperBridgeError('HB_ERR_NO_CONTENT', 'embed');
    }
    const acc = new Float32Array(model.dim);
    for (const p of pieces) addPiece(p, acc);
    return normalize(acc);
  }

  return {
    model,
    modelId: model.modelId,
    dim: model.dim,
    embed: async (input) => embedOne(input),
    embedBatch: async (inputs) => inputs.map(embedOne),
    embedSync: embedOne,
    lemmaVector(lemma: string): Float32Array | null {
      const i = keyIndex(model, lemma);
      return i < 0 ? null : vectorAt(model, i);
    },
  };
}
