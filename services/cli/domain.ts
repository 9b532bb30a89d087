/**
 * What the text commands (scene, embed, render, decode, lookup) need, each loaded on first use and once per
 * process, through the same loaders the stage services use.
 */
import { createSignatureStore, type SignatureStore } from '../adapters/store/index.js';
import type { Embedder } from '../adapters/embedder/index.js';
import { classifyScene } from '../classify/classifyScene.js';
import { compressScene } from '../core/scene/index.js';
import type { TensionModel } from '../core/tension/index.js';
import type { DecodeDeps } from '../core/decode/index.js';
import type { Message, Scene } from '../core/types.js';
import { loadSceneDeps } from '../data/lexicon.js';
import { loadTensionModel } from '../data/tension.js';
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { embedderOf, renderDeps, type RenderDepsLoaded } from '../runtime/stage-deps.js';

export interface Domain {
  /** The message as the ingest stage makes it into a scene (tension still null). */
  compress(message: Message): Promise<Scene>;
  /** The scene as the classify stage leaves it: tension and phases filled (nothing stored). */
  sceneOf(message: Message): Promise<Scene>;
  embedder(): Promise<Embedder>;
  renderDeps(): Promise<RenderDepsLoaded>;
  /** The phrase books and the meaning model as decode reads with them: one object, so decode's index over them is built once. */
  decodeDeps(): Promise<DecodeDeps>;
  store(): Promise<SignatureStore>;
  close(): Promise<void>;
}

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

export function createDomain(config: Config, logger: Logger): Domain {
  const sceneDeps = lazy(loadSceneDeps);
  const embedder = lazy(() => embedderOf(config));
  const tensionModel = lazy(async (): Promise<TensionModel> => loadTensionModel(await embedder()));
  let opened: SignatureStore | null = null;
  const store = lazy(async () => (opened = await createSignatureStore(config, await embedder(), { logger })));
  const compress = async (message: Message) => compressScene(message, await sceneDeps(), { maxTextBytes: config.HB_MAX_TEXT_BYTES, stage: 'ingest' });
  return {
    compress,
    async sceneOf(message) {
      const [scene, e, model] = await Promise.all([compress(message), embedder(), tensionModel()]);
      return (await classifyScene(scene, message.text, e, model)).scene;
    },
    embedder,
    renderDeps: lazy(renderDeps),
    decodeDeps: lazy(async () => ({ ...(await renderDeps()), vectors: await embedder() })),
    store,
    async close() {
      await opened?.close();
    },
  };
}
