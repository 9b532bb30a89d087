import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldYo, indefiniteArticle, ruPrepositionForm, withArticle } from '../../../services/core/morph/index.js';
import { LruCache } from '../../../services/core/morph/lru.js';

describe('withArticle', () => {
  const cases: [string, string][] = [
    ['hour', 'an hour'],
    ['honest answer', 'an honest answer'],
    ['house', 'a house'],
    ['unicorn', 'a unicorn'],
    ['university', 'a university'],
    ['unusual silence', 'an unusual silence'],
    ['uninteresting day', 'an uninteresting day'],
    ['umbrella', 'an umbrella'],
    ['user', 'a user'],
    ['European', 'a European'],
    ['one-way street', 'a one-way street'],
    ['ember', 'an ember'],
    ['flash', 'a flash'],
    ['FBI agent', 'an FBI agent'],
    ['UFO', 'a UFO'],
    ['8-hour day', 'an 8-hour day'],
    ['11th hour', 'an 11th hour'],
    ['12th hour', 'a 12th hour'],
  ];
  for (const [phrase, expected] of cases) it(`${phrase} → ${expected}`, () => assert.equal(withArticle(phrase), expected));
  it('falls back to "a" for an empty phrase', () => assert.equal(indefiniteArticle('  '), 'a'));
});

describe('ruPrepositionForm', () => {
  const cases: [string, string, string][] = [
    ['в', 'тумане', 'в'],
    ['в', 'сне', 'во'],
    ['в', 'Франции', 'во'],
    ['в', 'вторник', 'во'],
    ['в', 'время', 'во'],
    ['в', 'ветре', 'в'],
    ['во', 'доме', 'в'],
    ['с', 'тишиной', 'с'],
    ['с', 'стола', 'со'],
    ['с', 'мной', 'со'],
    ['с', 'всеми', 'со'],
    ['к', 'мне', 'ко'],
    ['к', 'свету', 'к'],
    ['о', 'этом', 'об'],
    ['о', 'огне', 'об'],
    ['о', 'всём', 'обо'],
    ['о', 'тишине', 'о'],
    ['об', 'тишине', 'о'],
    ['над', 'мной', 'надо'],
    ['из', 'всех', 'изо'],
    ['В', 'сне', 'Во'],
    ['на', 'мне', 'на'],
  ];
  for (const [prep, next, expected] of cases) it(`${prep} ${next} → ${expected}`, () => assert.equal(ruPrepositionForm(prep, next), expected));
});

describe('foldYo', () => {
  it('folds ё and Ё', () => assert.equal(foldYo('Ёлка и тёплый'), 'Елка и теплый'));
});

describe('LruCache', () => {
  it('keeps at most its capacity and evicts the least recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
  });

  it('evicts in least-recent order over any mix of gets and sets, as a list of keys by last use does', () => {
    const cache = new LruCache<number, number>(5);
    let byLastUse: number[] = [];
    const use = (key: number) => (byLastUse = [...byLastUse.filter((k) => k !== key), key]);
    let seed = 7;
    for (let step = 0; step < 2000; step++) {
      seed = (seed * 48271) % 2147483647;
      const key = seed % 9;
      if (seed % 3 === 0) {
        cache.set(key, step);
        use(key);
        if (byLastUse.length > 5) byLastUse.shift();
      } else {
        const hit = cache.get(key) !== undefined;
        assert.equal(hit, byLastUse.includes(key), `step ${step}, key ${key}`);
        if (hit) use(key);
      }
      assert.equal(cache.size, byLastUse.length);
    }
  });
});
