/**
 * Committed offsets of one consumer group on one topic, one JSON file replaced atomically (write a temporary
 * file, fsync it, rename over the old one), so a crash leaves either the old or the new offsets, never a mix.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

export class OffsetStore {
  constructor(private readonly path: string) {}

  exists(): boolean {
    return existsSync(this.path);
  }

  load(partitions: number): number[] {
    const offsets = new Array<number>(partitions).fill(0);
    if (!existsSync(this.path)) return offsets;
    const saved = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, number>;
    for (const [p, o] of Object.entries(saved)) if (Number(p) < partitions) offsets[Number(p)] = o;
    return offsets;
  }

  save(offsets: readonly number[]): void {
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(Object.fromEntries(offsets.map((o, p) => [p, o]))));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }
}
