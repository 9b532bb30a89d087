/**
 * Loads the tension model: reads the labelled items shipped in data/tension/train.tsv, embeds each with the
 * running embedder (the same way the classify stage embeds components) and trains the model on them. Training
 * is deterministic and takes well under a second, so the model always matches the embedder in use.
 */
import { readFileSync } from 'node:fs';
import { rootPath } from '../lib/paths.js';
import { parseTrainingSet, trainTensionModel, DEFAULT_TENSION_TRAINING, type TensionModel, type TensionTrainingOptions, type TrainingRow } from '../core/tension/index.js';
import type { Component } from '../core/types.js';
import { componentVectors, type SceneEmbedder } from '../classify/scene-vectors.js';

export const TENSION_TRAINING_FILE = rootPath('data/tension/train.tsv');

export function loadTensionTrainingSet(file = TENSION_TRAINING_FILE): TrainingRow[] {
  return parseTrainingSet(readFileSync(file, 'utf8'));
}

const EMOJI = /\p{Extended_Pictographic}/u;

/** A training item as a one-piece scene component. */
export function itemComponent(item: string): Component {
  return { text: item, lemma: item, kind: EMOJI.test(item) ? 'emoji' : 'word', concept: null, phase: null };
}

export async function loadTensionModel(embedder: SceneEmbedder, opts: TensionTrainingOptions = DEFAULT_TENSION_TRAINING): Promise<TensionModel> {
  const rows = loadTensionTrainingSet();
  const vectors = await componentVectors(embedder, rows.map((r) => itemComponent(r.item)));
  const items = rows.flatMap((r, i) => (vectors[i] ? [{ vector: vectors[i]!, type: r.type, phase: r.phase }] : []));
  return trainTensionModel(embedder.modelId, items, opts);
}
