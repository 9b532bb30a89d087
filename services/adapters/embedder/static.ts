import { createStaticEmbedder, type Lemmatizer, type StaticEmbedder } from '../../core/embed/index.js';
import { loadStaticModel } from '../../data/model.js';

export function createStaticEmbedderFromFile(file: string | null, lemmatizer?: Lemmatizer): StaticEmbedder {
  return createStaticEmbedder(loadStaticModel(file), lemmatizer);
}
