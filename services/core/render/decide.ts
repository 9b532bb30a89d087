/**
 * The decision table behind `--style auto` and `--persona auto` (seed 7.3.2: the form is chosen from the
 * request, the dialogue context, the type of the coupling and the active persona). Rows are tried in order;
 * the first that applies decides, and its id is reported in the rendering's `why`. DECISIONS.md documents
 * the same table for people.
 */
import type { MarkerMode, Persona, PersonaChoice, Style, StyleChoice, Tension, TensionType } from '../types.js';

/** Earlier scenes of the same conversation, oldest first. */
export interface DialogueContext {
  previousTensions: (TensionType | null)[];
  previousStyles: Style[];
  /** Keys of the earlier scenes, when known: a repeated scene needs no words. */
  previousKeys?: string[];
  /** The persona the dialogue has been speaking in, when one was asked for before. */
  activePersona?: Persona | null;
}

export const EMPTY_CONTEXT: DialogueContext = Object.freeze({ previousTensions: [], previousStyles: [] }) as DialogueContext;

export interface Choice<T> {
  value: T;
  /** The id of the row that chose, e.g. `style.tension.bodily`. */
  row: string;
}

export interface StyleInput {
  requested: StyleChoice;
  persona: PersonaChoice;
  tension: Tension | null;
  key: string;
  marker: MarkerMode;
  context: DialogueContext;
}

const STYLE_BY_TENSION: Record<TensionType, Style> = { bodily: 'poem', logical: 'formula', archetypal: 'narrative' };
/** When the dialogue keeps the same tension, the form moves on so the conversation does not repeat itself. */
const NEXT_STYLE: Record<TensionType, Style[]> = {
  bodily: ['poem', 'narrative', 'emoji'],
  logical: ['formula', 'essay', 'narrative'],
  archetypal: ['narrative', 'essay', 'poem'],
};
const STYLE_BY_PERSONA: Record<Persona, Style> = { philosopher: 'essay', poet: 'poem', interface: 'narrative', 'body-poet': 'poem' };

export function chooseStyle(input: StyleInput): Choice<Style> {
  const { requested, tension, context } = input;
  if (requested !== 'auto') return { value: requested, row: 'style.request' };
  if (input.marker !== 'none' && (context.previousKeys ?? []).includes(input.key)) return { value: 'silence', row: 'style.context.repeat' };
  const type = tension?.type ?? null;
  const tensions = context.previousTensions;
  const lastStyle = context.previousStyles.at(-1);
  if (type && tensions.length >= 2 && tensions.at(-1) === type && tensions.at(-2) === type && lastStyle) {
    const cycle = NEXT_STYLE[type];
    const next = cycle[(cycle.indexOf(lastStyle) + 1) % cycle.length]!;
    return { value: next, row: 'style.context.streak' };
  }
  if (type) return { value: STYLE_BY_TENSION[type], row: `style.tension.${type}` };
  if (input.persona !== 'auto') return { value: STYLE_BY_PERSONA[input.persona], row: 'style.persona' };
  return { value: 'narrative', row: 'style.default' };
}

export interface PersonaInput {
  requested: PersonaChoice;
  style: Style;
  tension: Tension | null;
  context: DialogueContext;
}

const PERSONA_BY_TENSION: Record<TensionType, Persona> = { bodily: 'body-poet', logical: 'philosopher', archetypal: 'poet' };
const PERSONA_BY_STYLE: Record<Style, Persona> = {
  narrative: 'poet', essay: 'philosopher', formula: 'interface', poem: 'poet', emoji: 'interface', silence: 'interface',
};

export function choosePersona(input: PersonaInput): Choice<Persona> {
  if (input.requested !== 'auto') return { value: input.requested, row: 'persona.request' };
  if (input.context.activePersona) return { value: input.context.activePersona, row: 'persona.context.active' };
  const type = input.tension?.type;
  if (type) return { value: PERSONA_BY_TENSION[type], row: `persona.tension.${type}` };
  return { value: PERSONA_BY_STYLE[input.style], row: 'persona.style' };
}
