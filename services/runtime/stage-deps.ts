/**
 * Loaders of what the stage handlers need, each loaded once per process: the embedded pipeline runs all four
 * stages in one process, and classify and verify share the meaning model, render and verify the phrase books.
 */
import { createEmbedder, type Embedder } from '../adapters/embedder/index.js';
import { loadRenderDeps } from '../data/render.js';
import type { Config } from '../lib/config.js';

const memo = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    memo.set(key, value);
    value.catch(() => memo.delete(key));
  }
  return value;
}

export type RenderDepsLoaded = Awaited<ReturnType<typeof loadRenderDeps>>;

export function renderDeps(): Promise<RenderDepsLoaded> {
  return once('render', loadRenderDeps);
}

/** The meaning model, lemmatising with the shipped morphology. */
export function embedderOf(config: Pick<Config, 'HB_EMBEDDER' | 'HB_MODEL' | 'HB_ALLOW_REMOTE_MODELS'>): Promise<Embedder> {
  return once(`embedder:${config.HB_EMBEDDER}:${config.HB_MODEL ?? ''}`, async () => createEmbedder(config, { lemmatizer: (await renderDeps()).morph }));
}
