import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyTension, parseTrainingSet, trainTensionModel, type TensionModel } from '../../../services/core/tension/index.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import type { Scene } from '../../../services/core/types.js';
import { component, LEXICON, synthVector, syntheticEmbedder, SYN_DIM } from './synthetic.js';

const TRAINING = `# test set
тело\tbodily\tnone
пульс\tbodily\taction
лёгкие\tbodily\tnone
вдох\tbodily\tawakening
выдох\tbodily\treturn
🫁\tbodily\t-
⚡\tbodily\tawakening
пот\tbodily\tnone
аксиома\tlogical\tnone
теорема\tlogical\tnone
вывод\tlogical\tnone
формула\tlogical\tnone
🧮\tlogical\tnone
число\tlogical\tnone
пепел\tarchetypal\tdecay
вспышка\tarchetypal\tawakening
жизнь\tarchetypal\taction
тишина\tarchetypal\treturn
смерть\tarchetypal\tdecay
рассвет\tarchetypal\tawakening
полёт\tarchetypal\taction
дом\tarchetypal\treturn
🌱\tarchetypal\taction
🤫\tarchetypal\treturn
`;

function model(): TensionModel {
  const items = parseTrainingSet(TRAINING).map((r) => ({ vector: synthVector(r.item)!, type: r.type, phase: r.phase }));
  return trainTensionModel(syntheticEmbedder.modelId, items);
}

function scene(...words: string[]): Scene {
  return { sceneId: 'SCN-t', mnemonic: words.join(''), key: words.join('·'), lang: 'ru', components: words.map(component), tension: null };
}

async function classify(m: TensionModel, ...words: string[]) {
  const s = scene(...words);
  const vectors = { scene: await syntheticEmbedder.embed({ text: s.mnemonic, components: s.components }), components: words.map(synthVector) };
  return classifyTension(s, vectors, m);
}

describe('tension classification from embeddings', () => {
  const m = model();

  it('reads the seed scenes: пепелвспышкажизньтишина archetypal with its four phases, аксиома… logical', async () => {
    const arch = await classify(m, 'пепел', 'вспышка', 'жизнь', 'тишина');
    assert.equal(arch.tension.type, 'archetypal');
    assert.deepEqual(arch.phases, ['decay', 'awakening', 'action', 'return']);
    assert.deepEqual(arch.tension.arc, ['decay', 'awakening', 'action', 'return']);
    const logic = await classify(m, 'аксиома', 'доказательство', 'теорема');
    assert.equal(logic.tension.type, 'logical');
    assert.deepEqual(logic.phases, [null, null, null]);
    assert.deepEqual(logic.tension.arc, []);
  });

  it('classifies words and emoji it was never trained on by where their vectors fall', async () => {
    assert.equal((await classify(m, '⚡', '🜂', '🫁')).tension.type, 'bodily');
    assert.equal((await classify(m, 'диафрагма')).tension.type, 'bodily');
    assert.equal((await classify(m, 'силлогизм')).tension.type, 'logical');
    const ash = await classify(m, 'прах', 'искра');
    assert.equal(ash.tension.type, 'archetypal');
    assert.deepEqual(ash.phases, ['decay', 'awakening']);
  });

  it('gives scores that sum to exactly 1 and favour the chosen type', async () => {
    for (const words of [['пепел', 'вспышка'], ['тело', 'аксиома'], ['🫁']]) {
      const { tension } = await classify(m, ...words);
      const { bodily, logical, archetypal } = tension.scores;
      assert.equal(Math.round((bodily + logical + archetypal) * 1e4), 1e4);
      assert.equal(Math.max(bodily, logical, archetypal), tension.scores[tension.type]);
    }
  });

  it('gives no phase and equal scores where there is no evidence at all', () => {
    const s = scene('стол');
    const r = classifyTension(s, { scene: new Float32Array(SYN_DIM), components: [null] }, m);
    assert.deepEqual(r.phases, [null]);
    assert.deepEqual(r.tension.arc, []);
    assert.equal(r.tension.scores.bodily + r.tension.scores.logical + r.tension.scores.archetypal, 1);
  });

  it('trains the same model twice from the same data', () => {
    const a = model();
    const b = model();
    assert.deepEqual(Array.from(a.type.weights), Array.from(b.type.weights));
    assert.deepEqual(Array.from(a.phase.bias), Array.from(b.phase.bias));
  });

  it('refuses vectors of another dimension and a malformed training set', () => {
    assert.throws(() => classifyTension(scene('тело'), { scene: new Float32Array(3), components: [null] }, m), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_MODEL_MISMATCH');
    assert.throws(() => parseTrainingSet('тело\tbody\t-\n'), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_MODEL_LOAD');
    assert.ok(Object.keys(LEXICON).length > 20);
  });
});
