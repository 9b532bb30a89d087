/**
 * One process at a time owns an embedded bus folder: two writers appending to the same logs with separate
 * in-memory indexes would corrupt them. A stale lock (its process gone) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HyperBridgeError } from '../../../lib/errors.js';

const openInThisProcess = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDirectory(dir: string): () => void {
  const path = join(dir, '.lock');
  if (openInThisProcess.has(dir)) {
    throw new HyperBridgeError('HB_ERR_BUS_UNAVAILABLE', 'bus', `the embedded bus in ${dir} is already open in this process`);
  }
  try {
    const holder = Number(readFileSync(path, 'utf8'));
    if (holder && holder !== process.pid && alive(holder)) {
      throw new HyperBridgeError('HB_ERR_BUS_UNAVAILABLE', 'bus', `the embedded bus in ${dir} is in use by process ${holder}`);
    }
  } catch (err) {
    if (err instanceof HyperBridgeError) throw err;
  }
  writeFileSync(path, String(process.pid));
  openInThisProcess.add(dir);
  return () => {
    openInThisProcess.delete(dir);
    rmSync(path, { force: true });
  };
}
