/**
 * The shapes of the external contract (../shared/contract.md), shared by the domain core, the Avro schemas
 * and the JSON the CLI prints. Field names and enum values here are the contract: do not rename them.
 */

export const KINDS = ['word', 'emoji', 'marker'] as const;
export type Kind = (typeof KINDS)[number];

export const LANGS = ['ru', 'en', 'mixed'] as const;
export type Lang = (typeof LANGS)[number];
/** A concrete output language; `mixed` is only ever detected, never rendered. */
export type OutputLang = Exclude<Lang, 'mixed'>;

export const TENSION_TYPES = ['bodily', 'logical', 'archetypal'] as const;
export type TensionType = (typeof TENSION_TYPES)[number];

export const PHASES = ['decay', 'awakening', 'action', 'return'] as const;
export type Phase = (typeof PHASES)[number];

export const STYLES = ['narrative', 'essay', 'formula', 'poem', 'emoji', 'silence'] as const;
export type Style = (typeof STYLES)[number];
export type StyleChoice = Style | 'auto';

export const PERSONAS = ['philosopher', 'poet', 'interface', 'body-poet'] as const;
export type Persona = (typeof PERSONAS)[number];
export type PersonaChoice = Persona | 'auto';

export const VERDICTS = ['lossless', 'resonant', 'drifted'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VIAS = ['marker', 'lexicon', 'meaning', 'signature'] as const;
export type Via = (typeof VIAS)[number];

export const MARKER_MODES = ['visible', 'invisible', 'none'] as const;
export type MarkerMode = (typeof MARKER_MODES)[number];

/** One piece of a scene. `text` is exactly as it stood in the input. */
export interface Component {
  text: string;
  lemma: string;
  kind: Kind;
  /** The lexicon concept (a readable lemma such as `жар` or `fire`), null when none. */
  concept: string | null;
  phase: Phase | null;
}

export interface TensionScores {
  bodily: number;
  logical: number;
  archetypal: number;
}

export interface Tension {
  type: TensionType;
  /** Sum to 1. */
  scores: TensionScores;
  arc: Phase[];
}

/** What the ingest stage makes of a message. */
export interface Scene {
  sceneId: string;
  /** Glued display form, e.g. `пепелвспышкажизньтишина`. */
  mnemonic: string;
  /** Lossless form: concepts (or lemmas) joined with `·`. */
  key: string;
  lang: Lang;
  components: Component[];
  /** Null until the classify stage has run. */
  tension: Tension | null;
}

export interface Rendering {
  style: Style;
  persona: Persona;
  lang: OutputLang;
  /** The rendered text, marker included unless the marker mode is `none`. */
  text: string;
  /** The marker as placed in `text` (visible or invisible form), null for `none`. */
  marker: string | null;
  /** Null until verified. */
  verdict: Verdict | null;
  resonance: number | null;
  markerOk: boolean | null;
  /** Which row of the decision table chose style and persona. */
  why: string;
}

/** A message as it arrives (one line of a dialogue log). */
export interface Message {
  id: string;
  conversationId: string;
  speaker: string | null;
  text: string;
}

/** The result of decoding a text back into a scene. */
export interface Decoded {
  sceneId: string | null;
  mnemonic: string;
  key: string;
  components: Component[];
  via: Via;
  resonance: number;
  markerOk: boolean;
}
