import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseStyle, choosePersona, EMPTY_CONTEXT } from '../../../services/core/render/index.js';
import type { Tension, TensionType } from '../../../services/core/types.js';

const tension = (type: TensionType): Tension => ({ type, scores: { bodily: 0.2, logical: 0.2, archetypal: 0.2, [type]: 0.6 }, arc: [] });
const base = { requested: 'auto' as const, persona: 'auto' as const, tension: null, key: 'жар·тишина', marker: 'visible' as const, context: EMPTY_CONTEXT };

test('style.request: an explicit style wins', () => {
  assert.deepEqual(chooseStyle({ ...base, requested: 'formula', tension: tension('bodily') }), { value: 'formula', row: 'style.request' });
});

test('style.context.repeat: a scene the dialogue already had is answered with silence', () => {
  const context = { ...EMPTY_CONTEXT, previousKeys: ['жар·тишина'] };
  assert.deepEqual(chooseStyle({ ...base, context }), { value: 'silence', row: 'style.context.repeat' });
  assert.notEqual(chooseStyle({ ...base, context, marker: 'none' }).value, 'silence', 'never silence without a marker');
});

test('style.context.streak: a third scene of the same tension moves to the next form', () => {
  const context = { previousTensions: ['bodily', 'bodily'] as TensionType[], previousStyles: ['narrative' as const, 'poem' as const] };
  assert.deepEqual(chooseStyle({ ...base, tension: tension('bodily'), context }), { value: 'narrative', row: 'style.context.streak' });
});

test('style.tension.*: bodily → poem, logical → formula, archetypal → narrative', () => {
  assert.deepEqual(chooseStyle({ ...base, tension: tension('bodily') }), { value: 'poem', row: 'style.tension.bodily' });
  assert.deepEqual(chooseStyle({ ...base, tension: tension('logical') }), { value: 'formula', row: 'style.tension.logical' });
  assert.deepEqual(chooseStyle({ ...base, tension: tension('archetypal') }), { value: 'narrative', row: 'style.tension.archetypal' });
});

test('style.persona: without a tension, the requested persona suggests the form', () => {
  assert.deepEqual(chooseStyle({ ...base, persona: 'philosopher' }), { value: 'essay', row: 'style.persona' });
});

test('style.default: nothing known gives a narrative', () => {
  assert.deepEqual(chooseStyle(base), { value: 'narrative', row: 'style.default' });
});

const pbase = { requested: 'auto' as const, style: 'narrative' as const, tension: null, context: EMPTY_CONTEXT };

test('persona.request: an explicit persona wins', () => {
  assert.deepEqual(choosePersona({ ...pbase, requested: 'interface', tension: tension('bodily') }), { value: 'interface', row: 'persona.request' });
});

test('persona.context.active: the dialogue keeps its voice', () => {
  assert.deepEqual(choosePersona({ ...pbase, context: { ...EMPTY_CONTEXT, activePersona: 'philosopher' } }), { value: 'philosopher', row: 'persona.context.active' });
});

test('persona.tension.*: bodily → body-poet (seed 7.3.4), logical → philosopher, archetypal → poet', () => {
  assert.deepEqual(choosePersona({ ...pbase, tension: tension('bodily') }), { value: 'body-poet', row: 'persona.tension.bodily' });
  assert.deepEqual(choosePersona({ ...pbase, tension: tension('logical') }), { value: 'philosopher', row: 'persona.tension.logical' });
  assert.deepEqual(choosePersona({ ...pbase, tension: tension('archetypal') }), { value: 'poet', row: 'persona.tension.archetypal' });
});

test('persona.style: without a tension, the style suggests the voice', () => {
  assert.deepEqual(choosePersona({ ...pbase, style: 'formula' }), { value: 'interface', row: 'persona.style' });
  assert.deepEqual(choosePersona({ ...pbase, style: 'essay' }), { value: 'philosopher', row: 'persona.style' });
});
