/**
 * A list of numbers in a typed array that doubles when full: per-scene figures of the signature index (slots in
 * a band bucket, expiry times) take 4 or 8 bytes each instead of a boxed element or a Set entry apiece.
 */
type NumberArray = Uint32Array | Float64Array;

export class PackedList<A extends NumberArray> {
  private data: A;
  length = 0;

  constructor(private readonly allocate: (capacity: number) => A, capacity = 8) {
    this.data = allocate(capacity);
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.allocate(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** Keeps the values `keep` accepts, in order. */
  retain(keep: (value: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const value = this.data[i]!;
      if (keep(value)) this.data[kept++] = value;
    }
    this.length = kept;
  }
}

export const slotList = (capacity?: number) => new PackedList((n) => new Uint32Array(n), capacity);
export const float64List = (capacity?: number) => new PackedList((n) => new Float64Array(n), capacity);
