import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWordModel } from '../../../services/data/wordmodel.js';
import { loadLexicon } from '../../../services/data/lexicon.js';
import { checkRoundTrip, generateScenes } from '../../../eval/segment-scenes.js';

test('segmenting a glued mnemonic gives back its components wherever the glue has a unique best split', () => {
  const model = loadWordModel();
  const lexicon = loadLexicon();
  const scenes = generateScenes(lexicon, 4000, 20261129);
  const outcomes = { exact: 0, 'no-unique-best': 0, violation: 0 };
  const violations: string[] = [];
  for (const scene of scenes) {
    const outcome = checkRoundTrip(scene, model, lexicon);
    outcomes[outcome]++;
    if (outcome === 'violation') violations.push(scene.parts.join('|'));
  }
  // A violation would mean the segmenter returned a split the model scores lower than the true one.
  assert.deepEqual(violations, []);
  assert.ok(outcomes.exact > 0.9 * scenes.length, JSON.stringify(outcomes));
});
