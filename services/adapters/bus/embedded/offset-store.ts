/**
 * Committed offsets of one consumer group on one topic, one JSON file replaced atomically (write a temporary
 * file, fsync it, rename over the old one), so a crash leaves either the old or the new offsets, never a mix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';

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

  /** Asynchronous (the file system work runs off the event loop); one save of a store at a time. */
  async save(offsets: readonly number[]): Promise<void> {
    const tmp = `${this.path}.tmp`;
    const file = await open(tmp, 'w');
    try {
      await file.writeFile(JSON.stringify(Object.fromEntries(offsets.map((o, p) => [p, o]))));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, this.path);
  }
}
