export { decodeText, decodeWords, componentsOfKey } from './decodeText.js';
export { decodeWithSignature, type SignatureLookup } from './decodeWithSignature.js';
export { FREE_PREFIX, matchConcepts, tokenise } from './words.js';
export type { DecodeDeps, Match } from './types.js';
export { lookupComponents } from './lookupQuery.js';
