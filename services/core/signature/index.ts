export { createLsh, type Lsh, type LshParams } from './lsh.js';
export { signatureNamespace, assertNamespace } from './namespace.js';
export { compareMatches, rankCandidates, type Candidate, type Match } from './rank.js';
export { createMemoryIndex, type MemoryIndex, type SceneSource, type LookupResult } from './memory-index.js';
export { cosine, dot, norm, normalize } from './vector.js';
export { mulberry32, gaussian } from '../random.js';
