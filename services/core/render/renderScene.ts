/** scene + request → Rendering: chooses style and voice, writes the text, places the marker. */
import { HyperBridgeError } from '../../lib/errors.js';
import type { MarkerMode, OutputLang, PersonaChoice, Rendering, Scene, StyleChoice } from '../types.js';
import { chooseStyle, choosePersona, EMPTY_CONTEXT, type DialogueContext } from './decide.js';
import { placeMarker } from './marker.js';
import { phasesOf } from './phases.js';
import { picker } from './seed.js';
import { renderEmoji, renderFormula, renderProse, renderSilence, type StyleInput } from './styles.js';
import type { PhraseBooks } from './book.js';
import type { LexiconPort, MorphologyPort } from './ports.js';

export interface RenderOptions {
  style: StyleChoice;
  persona: PersonaChoice;
  /** Null: the scene's language (Russian for mixed scenes). */
  lang: OutputLang | null;
  marker: MarkerMode;
  /** Another variant gives other wording for the same scene, style and voice. */
  variant: number;
  context?: DialogueContext;
}

export interface RenderDeps {
  lexicon: LexiconPort;
  morph: MorphologyPort;
  books: PhraseBooks;
}

export function outputLangOf(scene: Scene, requested: OutputLang | null): OutputLang {
  return requested ?? (scene.lang === 'en' ? 'en' : 'ru');
}

export function renderScene(scene: Scene, options: RenderOptions, deps: RenderDeps): Rendering {
  if (scene.components.length === 0) throw new HyperBridgeError('HB_ERR_NO_CONTENT', 'render', 'the scene has no components to render');
  const context = options.context ?? EMPTY_CONTEXT;
  const style = chooseStyle({
    requested: options.style, persona: options.persona, tension: scene.tension, key: scene.key, marker: options.marker, context,
  });
  if (style.value === 'silence' && options.marker === 'none') {
    throw new HyperBridgeError('HB_ERR_USAGE', 'render', 'style silence with marker none would carry nothing: the scene lives only in its marker');
  }
  const persona = choosePersona({ requested: options.persona, style: style.value, tension: scene.tension, context });
  const lang = outputLangOf(scene, options.lang);
  const book = deps.books[lang];
  const input: StyleInput = {
    components: scene.components,
    phases: phasesOf(scene),
    lang,
    book,
    voice: book.voices[persona.value],
    pick: picker(`${scene.sceneId}|${scene.key}|${style.value}|${persona.value}|${lang}|${options.variant}`),
    deps,
  };
  let body: string;
  switch (style.value) {
    case 'narrative':
    case 'essay':
    case 'poem':
      body = renderProse(style.value, input);
      break;
    case 'formula':
      body = renderFormula(input);
      break;
    case 'emoji':
      body = renderEmoji(input, options.variant);
      break;
    case 'silence':
      body = renderSilence(input);
      break;
  }
  const placed = placeMarker(body, { sceneId: scene.sceneId, key: scene.key, mnemonic: scene.mnemonic }, options.marker);
  return {
    style: style.value,
    persona: persona.value,
    lang,
    text: placed.text,
    marker: placed.marker,
    verdict: null,
    resonance: null,
    markerOk: null,
    why: `${style.row}; ${persona.row}`,
  };
}
