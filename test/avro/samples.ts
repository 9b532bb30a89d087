/** Realistic events of every topic (Russian, English, emoji; null and non-null fields), for tests and the bench. */
import type { DeadLetter, DialogueMessage, SceneEvent } from '../../services/core/events.js';
import type { Component, Rendering, Style, Tension } from '../../services/core/types.js';
import type { TopicEvents, TopicKind } from '../../services/avro/index.js';

export const message: DialogueMessage = {
  id: 'm-0042',
  conversationId: 'диалог-7',
  speaker: 'Аня',
  text: 'пепел вспыхнул жизнью 🔥, и стало тихо 🤫',
  runId: 'run-2026-11-29',
  seq: 41,
  request: { styles: ['poem', 'auto'], persona: 'body-poet', lang: 'ru', marker: 'invisible' },
};

export const plainMessage: DialogueMessage = {
  id: 'm-0043',
  conversationId: 'dialogue-7',
  speaker: null,
  text: 'ash, a flash, life, silence',
  runId: null,
  seq: 0,
  request: { styles: ['auto'], persona: 'auto', lang: null, marker: 'visible' },
};

export const components: Component[] = [
  { text: 'пепел', lemma: 'пепел', kind: 'word', concept: 'пепел', phase: 'decay' },
  { text: 'вспыхнул', lemma: 'вспыхнуть', kind: 'word', concept: 'вспышка', phase: 'awakening' },
  { text: 'жизнью', lemma: 'жизнь', kind: 'word', concept: 'жизнь', phase: 'action' },
  { text: '🔥', lemma: '🔥', kind: 'emoji', concept: null, phase: null },
];

export const tension: Tension = {
  type: 'bodily',
  scores: { bodily: 0.5714285714285714, logical: 0.1, archetypal: 0.3285714285714286 },
  arc: ['decay', 'awakening', 'action', 'return'],
};

const STYLES: Style[] = ['poem', 'narrative', 'essay', 'formula', 'emoji', 'silence'];

/** `count` renderings (1–6), verified or not. */
export function renderings(count: number, verified: boolean): Rendering[] {
  return STYLES.slice(0, count).map((style, i) => ({
    style,
    persona: (['body-poet', 'philosopher', 'poet', 'interface'] as const)[i % 4]!,
    lang: i === 3 ? 'en' : 'ru',
    text: i === 3 ? 'ash → flash → life → silence\u2060\u2063' : `Пепел помнит жар; вспышка будит жизнь, и в тишине 🔥 остаётся дыхание.\u2060\u2063 (${style})`,
    marker: i === 5 ? null : '\u2060\u2063',
    verdict: verified ? (['lossless', 'resonant', 'drifted'] as const)[i % 3]! : null,
    resonance: verified ? 0.93 - i / 10 : null,
    markerOk: verified ? i !== 2 : null,
    why: `row ${i + 1}: ${style} for a bodily tension`,
  }));
}

export function sceneEvent(stage: 'ingested' | 'classified' | 'rendered' | 'verified', renderingCount = 2): SceneEvent {
  const classified = stage !== 'ingested';
  const rendered = stage === 'rendered' || stage === 'verified';
  return {
    message,
    scene: {
      sceneId: 'SCN-7f3a9c01',
      mnemonic: 'пепелвспышкажизнь🔥',
      key: 'пепел·вспышка·жизнь·🔥',
      lang: 'mixed',
      components,
      tension: classified ? tension : null,
    },
    renderings: rendered ? renderings(renderingCount, stage === 'verified') : [],
    status: classified ? 'complete' : 'pending',
    pending: classified ? [] : ['scene.tension'],
  };
}

export const deadLetter: DeadLetter = {
  stage: 'ingest',
  code: 'HB_ERR_INVALID_UTF8',
  reason: 'the bytes are not valid UTF-8',
  source: 'hb.dialogue.raw',
  payload: new Uint8Array([0xc3, 0x01, 0xff, 0xfe, 0x00, 0xd0, 0xbf]),
  length: 70000,
  sha256: 'a'.repeat(64),
  at: 1795996800123,
};

/** One sample per topic kind, plus the variants with null fields. */
export const SAMPLES: { kind: TopicKind; event: TopicEvents[TopicKind] }[] = [
  { kind: 'raw', event: message },
  { kind: 'raw', event: plainMessage },
  { kind: 'ingested', event: sceneEvent('ingested') },
  { kind: 'classified', event: sceneEvent('classified') },
  { kind: 'rendered', event: sceneEvent('rendered', 6) },
  { kind: 'verified', event: sceneEvent('verified', 6) },
  { kind: 'deadletter', event: deadLetter },
];
