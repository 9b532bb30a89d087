export { renderScene, outputLangOf, type RenderOptions, type RenderDeps } from './renderScene.js';
export { chooseStyle, choosePersona, EMPTY_CONTEXT, type DialogueContext, type Choice } from './decide.js';
export { placeMarker, findMarker, stripMarker, formatVisibleMarker, type MarkerInfo, type FoundMarker } from './marker.js';
export { encodeInvisible, decodeInvisible } from './markerInvisible.js';
export { mentionOptions, conceptOf, labelOf, conceptLabel, type Mention } from './mention.js';
export { phasesOf } from './phases.js';
export { frameTexts, type PhraseBook, type PhraseBooks, type VoiceBook } from './book.js';
export type { LexiconPort, MorphologyPort, ConceptPort, LemmaVectorsPort, RenderLang, ClassifyPort } from './ports.js';
