export type { EmbedInput, Embedder, Lemmatizer } from './types.js';
export { parseStaticModel, ARTIFACT_MAGIC, ARTIFACT_VERSION } from './artifact.js';
export type { StaticModel, StaticModelHeader } from './artifact.js';
export { foldKey, stripEmojiModifiers } from './normalize.js';
export { createStaticEmbedder, textPieces } from './static-embedder.js';
export type { StaticEmbedder } from './static-embedder.js';
export { cosine, normalize } from './vectors.js';
