import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderScene, stripMarker, mentionOptions } from '../../../services/core/render/index.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import { PERSONAS, STYLES, type Persona, type Style } from '../../../services/core/types.js';
import { fixtureDeps, sceneOf } from './fixtures.js';

const ASH = ['пепел', 'вспышка', 'жизнь', 'тишина'];
const opts = (style: Style, persona: Persona = 'poet', variant = 0) => ({ style, persona, lang: null, marker: 'none' as const, variant });

test('every style and voice renders in both languages, without holes or doubled words', async () => {
  const deps = await fixtureDeps();
  for (const [labels, lang] of [[ASH, 'ru'], [['ash', 'flash', 'life', 'silence'], 'en'], [['тишина', 'жар', 'внутрь', 'вход'], 'ru']] as const) {
    for (const style of STYLES.filter((s) => s !== 'silence')) {
      for (const persona of PERSONAS) {
        const r = renderScene(sceneOf([...labels], lang), { ...opts(style), persona }, deps);
        assert.equal(r.lang, lang);
        assert.ok(r.text.length > 0, `${style}/${persona}`);
        assert.doesNotMatch(r.text, /[{}]|undefined|null/u, r.text);
        const words = r.text.toLowerCase().match(/\p{L}+/gu) ?? [];
        assert.ok(words.every((w, i) => i === 0 || w !== words[i - 1]), `doubled word in ${r.text}`);
      }
    }
  }
});

test('rendering is deterministic per scene, style, voice and variant; variants differ', async () => {
  const deps = await fixtureDeps();
  const scene = sceneOf(ASH);
  const a = renderScene(scene, opts('narrative'), deps).text;
  assert.equal(renderScene(scene, opts('narrative'), deps).text, a);
  const variants = new Set([0, 1, 2, 3, 4].map((v) => renderScene(scene, opts('narrative', 'poet', v), deps).text));
  assert.ok(variants.size >= 3, 'variants give other wording');
});

test('Russian mentions inflect through the morphology (case and gender agreement)', async () => {
  const deps = await fixtureDeps();
  const texts = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((v) => PERSONAS.map((p) => renderScene(sceneOf(['молния', 'жар', 'дыхание']), opts('narrative', p, v), deps).text));
  const all = texts.join(' ');
  assert.match(all, /молни[еиюя]й?|разряд/u);
  // Past-tense verbs agree with their subject: never a feminine noun with a masculine verb from the templates.
  assert.doesNotMatch(all, /молния (вспыхнул|дрогнул|возник|пришёл)\b/u);
  assert.doesNotMatch(all, /(вспыхнула|пришла|осталась) (жар|разряд)\b/u);
});

test('the seed emoji line: пепел·вспышка·жизнь·тишина → 🪶⚡🌱🤫', async () => {
  const deps = await fixtureDeps();
  assert.equal(renderScene(sceneOf(ASH), opts('emoji', 'poet'), deps).text, '🪶⚡🌱🤫');
});

test('the formula style crystallises the movement into one line of arrows', async () => {
  const deps = await fixtureDeps();
  const text = renderScene(sceneOf(ASH), opts('formula', 'interface'), deps).text;
  assert.match(text, /^t = [\d.∞]+ ?[:⇒] .+ → .+ → .+ → .+$/u);
});

test('at least 40% of concept mentions in narrative, essay and poem are other words than the lemma', async () => {
  const deps = await fixtureDeps();
  for (const style of ['narrative', 'essay', 'poem'] as const) {
    let mentions = 0;
    let lemmas = 0;
    for (const persona of PERSONAS) {
      for (let v = 0; v < 5; v++) {
        const words = renderScene(sceneOf(ASH), { ...opts(style), persona, variant: v }, deps).text.toLowerCase().match(/\p{L}+/gu) ?? [];
        for (const w of words) {
          const lemma = deps.morph.lemmatize(w, 'ru');
          const concept = deps.lexicon.byLemma(lemma, 'ru') ?? deps.lexicon.byLemma(w, 'ru');
          const image = ASH.some((label) => (deps.books.ru.images[label] ?? []).includes(lemma));
          if (concept || image) mentions++;
          if (ASH.includes(lemma)) lemmas++;
        }
      }
    }
    assert.ok((mentions - lemmas) / mentions >= 0.4, `${style}: ${mentions - lemmas} of ${mentions} paraphrased`);
  }
});

test('silence is empty or nearly so, and silence without a marker is a usage error', async () => {
  const deps = await fixtureDeps();
  const r = renderScene(sceneOf(ASH), { ...opts('silence'), marker: 'visible' }, deps);
  assert.ok(stripMarker(r.text).length <= 1);
  assert.throws(() => renderScene(sceneOf(ASH), opts('silence'), deps), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_USAGE');
});

test('auto names the decision rows in why; lang overrides the input language', async () => {
  const deps = await fixtureDeps();
  const r = renderScene(sceneOf(ASH), { style: 'auto', persona: 'auto', lang: 'en', marker: 'visible', variant: 0 }, deps);
  assert.equal(r.why, 'style.default; persona.style');
  assert.equal(r.lang, 'en');
  assert.match(r.text, /Δ SCN-\w+ ⟨пепел·вспышка·жизнь·тишина⟩$/u);
  assert.doesNotMatch(stripMarker(r.text), /[а-яё]/iu);
});

test('a non-noun concept (внутрь) is only mentioned through raw templates or a noun image', async () => {
  const deps = await fixtureDeps();
  const { own } = mentionOptions({ text: 'внутрь', lemma: 'внутрь', kind: 'word', concept: 'внутрь', phase: null }, 'ru', deps.books.ru, deps);
  assert.equal(own.kind, 'raw');
  const text = renderScene(sceneOf(['внутрь']), opts('narrative', 'philosopher'), deps).text;
  assert.doesNotMatch(text, /внутрь(а|у|ом|е)\b/u);
});

test('a verb that names no concept (дрогнуть, wither) is mentioned through the verb templates, never a noun or raw frame', async () => {
  const deps = await fixtureDeps();
  for (const [word, lang] of [['дрогнуть', 'ru'], ['wither', 'en']] as const) {
    const { own } = mentionOptions({ text: word, lemma: word, kind: 'word', concept: null, phase: null }, lang, deps.books[lang], deps);
    assert.equal(own.kind, 'verb', word);
    for (const persona of PERSONAS) {
      for (const style of ['narrative', 'essay', 'poem'] as const) {
        const text = renderScene(sceneOf(lang === 'ru' ? ['пепел', word] : ['ash', word], lang), opts(style, persona), deps).text;
        const frames = deps.books[lang].voices[persona][style].verb.map((t) => new RegExp(`^${t
          .replace(/[.*+?^$()\\]/gu, '\\$&').replace(/\[([^\]]*)\]/gu, '(?:$1)').replace('{c}', word)}$`, 'iu'));
        const line = text.split(/(?<=[.!?])\s+|\n/u).find((l) => l.includes(word));
        assert.ok(line && frames.some((f) => f.test(line)), `${lang} ${persona} ${style}: ${text}`);
      }
    }
  }
});

test('an empty scene cannot be rendered', async () => {
  const deps = await fixtureDeps();
  assert.throws(() => renderScene(sceneOf([]), opts('narrative'), deps), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_NO_CONTENT');
});
