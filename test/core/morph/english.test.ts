import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadMorphology } from '../../../services/data/morphology.js';
import type { Morphology } from '../../../services/core/morph/index.js';

let m: Morphology;
before(async () => {
  m = await loadMorphology();
});

describe('English lemmas', () => {
  const cases: [string, string][] = [
    ['running', 'run'],
    ['travelled', 'travel'],
    ['went', 'go'],
    ['mice', 'mouse'],
    ['better', 'good'],
    ['best', 'good'],
    ['flashes', 'flash'],
    ['cried', 'cry'],
    ['stopped', 'stop'],
    ['women', 'woman'],
    ['Silence', 'silence'],
    ['embers', 'ember'],
    ['memories', 'memory'],
    ['is', 'be'],
  ];
  for (const [word, lemma] of cases) it(`${word} → ${lemma}`, () => assert.equal(m.lemmatize(word, 'en'), lemma));

  it('gives readings with grammemes in the shared vocabulary', () => {
    assert.deepEqual(m.analyze('running', 'en')[0], { lemma: 'run', pos: 'VERB', grammemes: ['ger'], score: m.analyze('running', 'en')[0]!.score });
    assert.deepEqual(m.analyze('gone', 'en')[0]!.grammemes, ['past', 'partcp']);
    assert.deepEqual(m.analyze('went', 'en')[0]!.grammemes, ['past']);
    assert.deepEqual(m.analyze('mice', 'en')[0]!.grammemes, ['plur']);
    assert.ok(m.analyze('bed', 'en').every((r) => !r.grammemes.includes('past')), 'bed is not a past tense');
    assert.equal(m.analyze('the', 'en')[0]!.pos, 'DET');
    assert.equal(m.analyze('with', 'en')[0]!.pos, 'PREP');
    assert.equal(m.analyze('will', 'en')[0]!.pos, 'VERB');
    assert.ok(m.analyze('will', 'en')[0]!.grammemes.includes('Auxt'));
  });

  it('keeps an unknown word as its own lemma', () => {
    assert.equal(m.isKnown('emberwindmemory', 'en'), false);
    assert.equal(m.lemmatize('Emberwindmemory', 'en'), 'emberwindmemory');
    assert.equal(m.analyze('xyzzy', 'en')[0]!.pos, 'UNKN');
    assert.equal(m.isKnown('ember', 'en'), true);
  });
});

describe('English inflection', () => {
  const cases: [string, string[], string][] = [
    ['flash', ['plur'], 'flashes'],
    ['flash', ['plural'], 'flashes'],
    ['cry', ['past'], 'cried'],
    ['stop', ['ger'], 'stopping'],
    ['stop', ['past'], 'stopped'],
    ['visit', ['past'], 'visited'],
    ['cancel', ['past'], 'canceled'],
    ['travel', ['ger'], 'traveling'],
    ['make', ['ger'], 'making'],
    ['die', ['ger'], 'dying'],
    ['be', ['ger'], 'being'],
    ['go', ['past'], 'went'],
    ['go', ['past', 'partcp'], 'gone'],
    ['go', ['3per', 'sing', 'pres'], 'goes'],
    ['be', ['3per', 'sing', 'pres'], 'is'],
    ['be', ['1per', 'sing', 'pres'], 'am'],
    ['be', ['past', 'plur'], 'were'],
    ['have', ['3per', 'sing', 'pres'], 'has'],
    ['carry', ['3per', 'sing', 'pres'], 'carries'],
    ['mouse', ['plur'], 'mice'],
    ['person', ['plur'], 'people'],
    ['sheep', ['plur'], 'sheep'],
    ['leaf', ['plur'], 'leaves'],
    ['hours', ['plur'], 'hours'],
    ['bus', ['plur'], 'buses'],
    ['gas', ['plur'], 'gases'],
    ['memory', ['plur'], 'memories'],
    ['fireman', ['plur'], 'firemen'],
    ['human', ['plur'], 'humans'],
    ['good', ['COMP'], 'better'],
    ['big', ['SUPR'], 'biggest'],
    ['happy', ['COMP'], 'happier'],
    ['beautiful', ['SUPR'], 'most beautiful'],
    ['give up', ['past'], 'gave up'],
    ['overtake', ['past'], 'overtook'],
    ['withhold', ['past', 'partcp'], 'withheld'],
    ['relay', ['past'], 'relayed'],
    ['woo', ['3per', 'sing', 'pres'], 'woos'],
    ['echo', ['3per', 'sing', 'pres'], 'echoes'],
    ['ordinary', ['COMP'], 'more ordinary'],
    ['tired', ['SUPR'], 'most tired'],
    ['dark', ['COMP'], 'darker'],
    ['ember field', ['plur'], 'ember fields'],
    ['Fire', ['plur'], 'Fires'],
    ['blick', ['past'], 'blicked'],
    ['blib', ['ger'], 'blibbing'],
  ];
  for (const [lemma, grammemes, form] of cases) {
    it(`${lemma} + ${grammemes.join(',')} → ${form}`, () => assert.equal(m.inflect(lemma, 'en', grammemes), form));
  }

  it('returns null for grammemes English does not have', () => {
    assert.equal(m.inflect('fire', 'en', ['ablt']), null);
  });

  it('has gender for pronouns only', () => {
    assert.equal(m.genderOf('she', 'en'), 'femn');
    assert.equal(m.genderOf('it', 'en'), 'neut');
    assert.equal(m.genderOf('silence', 'en'), null);
  });
});

describe('English function words', () => {
  it('recognises determiners, pronouns, prepositions, conjunctions, particles and auxiliaries', () => {
    for (const w of ['the', 'an', 'until', 'and', 'not', 'we', 'Their', 'was', 'could', "don't", 'Don’t', 'it’s']) assert.equal(m.isFunctionWord(w, 'en'), true, w);
  });
  it('keeps content words', () => {
    for (const w of ['ember', 'wind', 'memory', 'silence', 'warmth', 'run']) assert.equal(m.isFunctionWord(w, 'en'), false, w);
  });
});
