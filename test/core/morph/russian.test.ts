import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadMorphology } from '../../../services/data/morphology.js';
import { foldYo, type Morphology } from '../../../services/core/morph/index.js';

let m: Morphology;
before(async () => {
  m = await loadMorphology();
});

describe('Russian lemmas', () => {
  const cases: [string, string][] = [
    ['двигайся', 'двигаться'],
    ['теплом', 'тепло'],
    ['станет', 'стать'],
    ['тумане', 'туман'],
    ['молнией', 'молния'],
    ['поле', 'поле'],
    ['стали', 'стать'],
    ['Тишина', 'тишина'],
    ['родившаяся', 'родиться'],
    ['жизнью', 'жизнь'],
  ];
  for (const [word, lemma] of cases) it(`${word} → ${lemma}`, () => assert.equal(m.lemmatize(word, 'ru'), lemma));

  it('gives readings best first with scores summing to 1', () => {
    const readings = m.analyze('теплом', 'ru');
    assert.equal(readings[0]!.pos, 'NOUN');
    assert.deepEqual(readings[0]!.grammemes, ['inan', 'neut', 'Sgtm', 'sing', 'ablt']);
    assert.ok(readings.some((r) => r.lemma === 'тёплый' && r.pos === 'ADJF'), 'the ё reading is kept, ranked lower');
    const total = readings.reduce((s, r) => s + r.score, 0);
    assert.ok(Math.abs(total - 1) < 1e-9);
    for (let i = 1; i < readings.length; i++) assert.ok(readings[i - 1]!.score >= readings[i]!.score);
  });

  it('tags parts of speech as OpenCorpora does', () => {
    assert.equal(m.analyze('двигаться', 'ru')[0]!.pos, 'INFN');
    assert.equal(m.analyze('в', 'ru')[0]!.pos, 'PREP');
    assert.equal(m.analyze('и', 'ru')[0]!.pos, 'CONJ');
    assert.equal(m.analyze('он', 'ru')[0]!.pos, 'NPRO');
    assert.equal(m.analyze('внутрь', 'ru')[0]!.pos, 'ADVB');
  });

  it('matches е and ё both ways and strips stress marks', () => {
    assert.equal(m.lemmatize('елка', 'ru'), 'ёлка');
    assert.equal(foldYo(m.lemmatize('ёлки', 'ru')), 'елка');
    assert.equal(m.lemmatize('тума\u0301не', 'ru'), 'туман');
  });

  it('keeps an unknown word as its own lemma', () => {
    assert.equal(m.isKnown('куздра', 'ru'), false);
    assert.equal(m.lemmatize('Куздра', 'ru'), 'куздра');
    assert.deepEqual(m.analyze('куздра', 'ru'), [{ lemma: 'куздра', pos: 'UNKN', grammemes: [], score: 1 }]);
    assert.equal(m.isKnown('пепелвспышкажизньтишина', 'ru'), false);
    assert.equal(m.isKnown('пепел', 'ru'), true);
  });
});

describe('Russian inflection', () => {
  const cases: [string, string[], string][] = [
    ['тепло', ['ablt', 'sing'], 'теплом'],
    ['молния', ['ablt'], 'молнией'],
    ['туман', ['loct'], 'тумане'],
    ['тело', ['gent', 'sing'], 'тела'],
    ['жизнь', ['ablt'], 'жизнью'],
    ['туман', ['loct', 'plur'], 'туманах'],
    ['дрогнуть', ['past', 'femn'], 'дрогнула'],
    ['дрогнуть', ['impr', 'sing'], 'дрогни'],
    ['двигаться', ['impr', 'plur'], 'двигайтесь'],
    ['стать', ['futr', '3per', 'sing'], 'станет'],
    ['родиться', ['PRTF', 'past', 'femn', 'nomn'], 'родившаяся'],
    ['синий', ['femn', 'nomn'], 'синяя'],
    ['теплый', ['neut', 'ablt'], 'тёплым'],
  ];
  for (const [lemma, grammemes, form] of cases) {
    it(`${lemma} + ${grammemes.join(',')} → ${form}`, () => assert.equal(m.inflect(lemma, 'ru', grammemes), form));
  }

  it('returns null for a form the word does not have', () => {
    assert.equal(m.inflect('тишина', 'ru', ['plur', 'loct']), null, 'тишина is singular only');
    assert.equal(m.inflect('куздра', 'ru', ['ablt']), null);
  });
});

describe('Russian gender and agreement', () => {
  it('knows noun genders', () => {
    assert.equal(m.genderOf('тишина', 'ru'), 'femn');
    assert.equal(m.genderOf('пепел', 'ru'), 'masc');
    assert.equal(m.genderOf('поле', 'ru'), 'neut');
    assert.equal(m.genderOf('ножницы', 'ru'), null);
    assert.equal(m.genderOf('бежать', 'ru'), null);
  });

  it('agrees a past-tense verb with its subject', () => {
    assert.equal(m.agreePastVerb('дрогнуть', 'тишина'), 'дрогнула');
    assert.equal(m.agreePastVerb('упасть', 'пепел'), 'упал');
    assert.equal(m.agreePastVerb('стать', 'поле'), 'стало');
    assert.equal(m.agreePastVerb('раскрыться', 'ножницы'), 'раскрылись');
    assert.equal(m.agreePastVerb('дрогнуть', 'тишина', { number: 'plur' }), 'дрогнули');
  });

  it('agrees an adjective in gender, number, case and animacy', () => {
    assert.equal(m.agreeAdjective('тёплый', 'тишина', 'ablt', 'ru'), 'тёплой');
    assert.equal(m.agreeAdjective('тёплый', 'кот', 'accs', 'ru'), 'тёплого');
    assert.equal(m.agreeAdjective('тёплый', 'дом', 'accs', 'ru'), 'тёплый');
    assert.equal(m.agreeAdjective('тёплый', 'тело', 'loct', 'ru'), 'тёплом');
    assert.equal(m.agreeAdjective('тёплый', 'ножницы', 'gent', 'ru'), 'тёплых');
    assert.equal(m.agreeAdjective('warm', 'body', 'loct', 'en'), 'warm');
  });
});

describe('Russian function words', () => {
  it('recognises prepositions, conjunctions, particles, pronouns and auxiliaries', () => {
    for (const w of ['в', 'во', 'со', 'и', 'пока', 'не', 'он', 'ему', 'этот', 'своей', 'бы', 'был', 'ещё', 'где', 'всё', 'её', 'Её', 'тем']) {
      assert.equal(m.isFunctionWord(w, 'ru'), true, w);
    }
  });

  it('keeps content words, including the seed phrase’s', () => {
    for (const w of ['двигайся', 'внутрь', 'тишина', 'станет', 'теплом', 'пепел', 'стали', 'правда', 'фон', 'свет', 'время']) {
      assert.equal(m.isFunctionWord(w, 'ru'), false, w);
    }
  });
});

describe('bad input', () => {
  it('throws a HyperBridgeError with a registry code', () => {
    for (const call of [
      () => m.lemmatize('', 'ru'),
      () => m.lemmatize('   ', 'ru'),
      () => m.analyze(undefined as unknown as string, 'ru'),
      () => m.lemmatize('слово', 'de' as 'ru'),
      () => m.inflect('слово', 'ru', 'ablt' as unknown as string[]),
      () => m.agreeAdjective('тёплый', 'дом', 'nope' as 'nomn', 'ru'),
    ]) {
      assert.throws(call, (err: unknown) => (err as { code?: string }).code === 'HB_ERR_MORPH_INPUT');
    }
  });

  it('does not crash on digits, punctuation, Latin or mixed scripts', () => {
    for (const w of ['123', '…', 'qwerty', 'пeпел', '🔥']) {
      assert.equal(m.isKnown(w, 'ru'), false, w);
      assert.equal(m.lemmatize(w, 'ru'), w.toLowerCase());
    }
  });
});

describe('Russian participles and proper names', () => {
  it('agrees a verb lemma as its participle', () => {
    assert.equal(m.agreeAdjective('родиться', 'жизнь', 'nomn', 'ru'), 'родившаяся');
    assert.equal(m.agreeAdjective('дрогнуть', 'поле', 'loct', 'ru'), 'дрогнувшем');
    assert.equal(m.agreeAdjective('гореть', 'тишина', 'nomn', 'ru', { tense: 'pres' }), 'горящая');
  });

  it('reads and inflects capitalised proper names', () => {
    assert.equal(m.isKnown('Москва', 'ru'), true);
    assert.equal(m.lemmatize('Москве', 'ru'), 'москва');
    assert.equal(m.inflect('Москва', 'ru', ['loct']), 'Москве');
    assert.equal(m.lemmatize('Тишиной', 'ru'), 'тишина');
    assert.equal(m.isKnown('москва', 'ru'), true);
    assert.equal(m.inflect('москва', 'ru', ['loct']), 'москве');
  });
});

describe('the seed phrase', () => {
  it('keeps the content words of «Двигайся внутрь, пока тишина не станет теплом.» as lemmas', () => {
    const words = 'Двигайся внутрь пока тишина не станет теплом'.split(' ');
    const content = words.filter((w) => !m.isFunctionWord(w, 'ru')).map((w) => m.lemmatize(w, 'ru'));
    assert.deepEqual(content, ['двигаться', 'внутрь', 'тишина', 'стать', 'тепло']);
  });

  it('does the same for its English rendering', () => {
    const words = 'Move inward until the silence becomes warmth'.split(' ');
    const content = words.filter((w) => !m.isFunctionWord(w, 'en')).map((w) => m.lemmatize(w, 'en'));
    assert.deepEqual(content, ['move', 'inward', 'silence', 'become', 'warmth']);
  });
});
