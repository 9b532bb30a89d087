/** Files the project ships (data, models, schemas) are found from the repository root, wherever we run from. */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** Compiled to dist/services/lib/paths.js, so the root is three levels up from this file's folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const rootPath = (...parts: string[]): string => resolve(ROOT, ...parts);
