/**
 * Builds data/lexicon/lexicon.json (deterministic) from:
 *   data/lexicon/core.tsv             the curated core (HyperBridge, MIT)
 *   data/lexicon/emoji-overrides.tsv  emoji whose scene sense differs from CLDR (HyperBridge, MIT)
 *   emojibase-data 17.0.0 en/ru       CLDR emoji annotations (package MIT; data Unicode License v3)
 * Core concepts come first and keep every word and emoji they claim; each remaining emoji becomes a concept
 * of its own named by its CLDR labels (en label → id slug, ru and en labels → lemmas).
 * Fails on a malformed core line, a duplicate id, a word claimed by two core concepts, or an override that
 * names no core concept.
 *
 *     node tools/lexicon/build_lexicon.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const EMOJIBASE = require('emojibase-data/package.json').version;

const fail = (message) => {
  console.error(`build_lexicon: ${message}`);
  process.exit(1);
};
const rows = (path) => readFileSync(resolve(ROOT, path), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const list = (cell) => (cell ? cell.split(',').map((s) => s.trim()).filter(Boolean) : []);
const emojiKey = (e) => e.replace(/[\uFE0E\uFE0F]/gu, '').replace(/[\u{1F3FB}-\u{1F3FF}]/gu, '');
const wordKey = (w) => w.normalize('NFC').toLowerCase().replaceAll('ё', 'е');

function readCore() {
  const concepts = [];
  const ids = new Set();
  const claimed = new Map();
  for (const line of rows('data/lexicon/core.tsv')) {
    const cells = line.split('\t');
    if (cells.length !== 7) fail(`core.tsv: expected 7 columns, got ${cells.length}: ${line}`);
    const [id, ru, en, ruSyn, enSyn, emoji, tags] = cells;
    if (!/^[a-z][a-z0-9-]*$/.test(id)) fail(`core.tsv: id is not an ascii slug: ${id}`);
    if (ids.has(id)) fail(`core.tsv: duplicate id ${id}`);
    if (!ru || !en) fail(`core.tsv: ${id} needs both a ru and an en lemma`);
    ids.add(id);
    const concept = { id, ru, en, synonyms: { ru: list(ruSyn), en: list(enSyn) }, emoji: list(emoji), tags: list(tags), source: 'core' };
    for (const [lang, words] of [['ru', [ru, ...concept.synonyms.ru]], ['en', [en, ...concept.synonyms.en]]]) {
      for (const word of words) {
        const key = `${lang}:${wordKey(word)}`;
        if (claimed.has(key) && claimed.get(key) !== id) fail(`core.tsv: "${word}" (${lang}) belongs to both ${claimed.get(key)} and ${id}`);
        claimed.set(key, id);
      }
    }
    concepts.push(concept);
  }
  return concepts;
}

function applyOverrides(core) {
  const byId = new Map(core.map((c) => [c.id, c]));
  for (const line of rows('data/lexicon/emoji-overrides.tsv')) {
    const [emoji, id] = line.split('\t');
    const target = byId.get(id);
    if (!target) fail(`emoji-overrides.tsv: ${emoji} names no core concept: ${id}`);
    for (const c of core) c.emoji = c.emoji.filter((e) => emojiKey(e) !== emojiKey(emoji));
    target.emoji.unshift(emoji);
  }
}

function slug(label) {
  return label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'emoji';
}

/**
 * Skin-tone variants are found by dropping the tone (👍🏽 → 👍), except where the toned form is built differently
 * from the base (🤝 vs 🫱🏻‍🫲🏼, 👭 vs 👩🏻‍🤝‍👩🏼): those are listed with the concept.
 */
function toneVariantsWithOwnShape(entry) {
  const base = emojiKey(entry.emoji);
  return [...new Set((entry.skins ?? []).map((s) => s.emoji).filter((e) => emojiKey(e) !== base))];
}

function cldrConcepts(core) {
  const en = require('emojibase-data/en/data.json');
  const ru = new Map(require('emojibase-data/ru/data.json').map((e) => [e.hexcode, e.label]));
  const groups = require('emojibase-data/en/messages.json').groups;
  const taken = new Set(core.flatMap((c) => c.emoji.map(emojiKey)));
  const ids = new Set(core.map((c) => c.id));
  const ordered = [...en].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || (a.hexcode < b.hexcode ? -1 : 1));
  const concepts = [];
  for (const entry of ordered) {
    const key = emojiKey(entry.emoji);
    if (taken.has(key)) continue;
    taken.add(key);
    let id = slug(entry.label);
    if (ids.has(id)) id = `${id}-${entry.hexcode.toLowerCase()}`;
    ids.add(id);
    const group = groups.find((g) => g.order === entry.group);
    concepts.push({
      id,
      ru: ru.get(entry.hexcode) ?? '',
      en: entry.label,
      synonyms: { ru: [], en: [] },
      emoji: [entry.emoji, ...toneVariantsWithOwnShape(entry)],
      tags: ['emoji', ...(group ? [group.key] : [])],
      source: 'cldr',
    });
  }
  return concepts;
}

const core = readCore();
applyOverrides(core);
const concepts = [...core, ...cldrConcepts(core)];
const header = {
  built: 'tools/lexicon/build_lexicon.mjs',
  sources: {
    core: 'data/lexicon/core.tsv and emoji-overrides.tsv, curated for HyperBridge (MIT)',
    cldr: `Unicode CLDR emoji annotations (en, ru) via npm emojibase-data ${EMOJIBASE} (package MIT; CLDR data Unicode License v3)`,
  },
};
const body = concepts.map((c) => JSON.stringify(c)).join(',\n');
writeFileSync(resolve(ROOT, 'data/lexicon/lexicon.json'), `{"meta":${JSON.stringify(header)},\n"concepts":[\n${body}\n]}\n`);
console.error(`lexicon: ${core.length} core + ${concepts.length - core.length} cldr concepts`);
