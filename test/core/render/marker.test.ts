import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeInvisible, encodeInvisible, findMarker, formatVisibleMarker, placeMarker, stripMarker } from '../../../services/core/render/index.js';

const info = { sceneId: 'SCN-42', key: 'пепел·вспышка·жизнь·тишина', mnemonic: 'пепелвспышкажизньтишина' };
const text = 'После того как всё сгорело, в пепле вдруг что-то дрогнуло.';

/** What an HTML page does to text: escaped into markup, read back as the parsed text of a <p>. */
function throughHtml(s: string): string {
  const page = `<!doctype html><p>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u200b/g, '&#8203;')}</p>`;
  const inner = /<p>([\s\S]*)<\/p>/u.exec(page)![1]!;
  return inner
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

test('the visible marker is the seed trailer: Δ, scene id and key', () => {
  assert.equal(formatVisibleMarker(info), 'Δ SCN-42 ⟨пепел·вспышка·жизнь·тишина⟩');
  const placed = placeMarker(text, info, 'visible');
  assert.equal(placed.text, `${text} Δ SCN-42 ⟨пепел·вспышка·жизнь·тишина⟩`);
  assert.deepEqual(findMarker(placed.text), { info, mode: 'visible', ok: true });
});

test('a visible marker carries the mnemonic when it is not the glued key', () => {
  const emoji = { sceneId: 'SCN-7', key: 'молния·жар·дыхание', mnemonic: '⚡🜂🫁' };
  const placed = placeMarker('Вдох, как молния в тумане тела', emoji, 'visible');
  assert.deepEqual(findMarker(placed.text)?.info, emoji);
});

test('the invisible marker is invisible, inside the text, and decodes exactly', () => {
  const placed = placeMarker(text, info, 'invisible');
  assert.equal(placed.text.replace(/[\u200b\u200c\u2060]/gu, ''), text);
  assert.ok(!placed.text.startsWith('\u2060') && !placed.text.endsWith('\u2060'), 'not at either end');
  assert.deepEqual(findMarker(placed.text), { info, mode: 'invisible', ok: true });
});

test('the invisible marker survives NFC, NFKC, trimming, JSON and an HTML page', () => {
  const placed = placeMarker(text, info, 'invisible').text;
  const silence = placeMarker('', info, 'invisible').text;
  for (const s of [placed, silence]) {
    const variants = {
      nfc: s.normalize('NFC'),
      nfkc: s.normalize('NFKC'),
      trim: `  ${s}\n`.trim(),
      whitespaceRegexTrim: s.replace(/^\s+|\s+$/gu, ''),
      json: JSON.parse(JSON.stringify({ text: s })).text as string,
      html: throughHtml(s),
    };
    for (const [how, v] of Object.entries(variants)) assert.deepEqual(findMarker(v)?.info, info, how);
  }
});

test('a damaged invisible marker is reported, not trusted', () => {
  const marker = encodeInvisible(info);
  const flipped = marker.slice(0, 20) + (marker[20] === '\u200b' ? '\u200c' : '\u200b') + marker.slice(21);
  assert.equal(decodeInvisible(flipped)?.ok ?? false, false);
});

test('stripMarker removes both kinds and leaves clean text', () => {
  assert.equal(stripMarker(placeMarker(text, info, 'visible').text), text);
  assert.equal(stripMarker(placeMarker(text, info, 'invisible').text), text);
  assert.equal(stripMarker(text), text);
  assert.equal(placeMarker(text, info, 'none').marker, null);
});
