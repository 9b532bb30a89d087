export { compressScene, type CompressOptions } from './compress.js';
export { sceneIdOf } from './id.js';
export { conceptKey, mnemonicOf, componentForm } from './key.js';
export { labelLangOf } from './components.js';
export type { SceneDeps } from './deps.js';
