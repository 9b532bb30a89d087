/**
 * The bounded in-memory part of the embedded store's vectors: a direct-mapped cache (slot modulo capacity)
 * filled by writes and by reads from disk. Recent scenes, the ones a rendering is most likely decoded back to,
 * answer from memory; any other costs one positioned read. Its size is fixed whatever the store holds.
 */
const CACHE_BYTES = 4 << 20;

export class VectorCache {
  private readonly capacity: number;
  private readonly rows: Float32Array;
  /** The slot each row holds; -1 for none. */
  private readonly tags: Float64Array;

  constructor(private readonly dim: number) {
    this.capacity = Math.max(1, Math.floor(CACHE_BYTES / (dim * 4)));
    this.rows = new Float32Array(this.capacity * dim);
    this.tags = new Float64Array(this.capacity).fill(-1);
  }

  /** The vector of `slot`, loaded with `load` into its row on a miss; valid until the row is reused. */
  get(slot: number, load: (into: Float32Array) => Float32Array): Float32Array {
    const row = this.row(slot);
    if (this.tags[slot % this.capacity] !== slot) {
      load(row);
      this.tags[slot % this.capacity] = slot;
    }
    return row;
  }

  put(slot: number, vector: Float32Array): void {
    this.row(slot).set(vector);
    this.tags[slot % this.capacity] = slot;
  }

  /** Forgets every slot (slot numbers change when the store compacts its file). */
  clear(): void {
    this.tags.fill(-1);
  }

  private row(slot: number): Float32Array {
    const at = (slot % this.capacity) * this.dim;
    return this.rows.subarray(at, at + this.dim);
  }
}
