/**
 * A read-only character trie in flat typed arrays (first-child / next-sibling lists). Walking it from a
 * position yields every dictionary word that starts there in one pass over the characters: the segmenter needs
 * no substring and no hash per candidate. Built by insertion, so the word list needs no sorting, and straight
 * from the bytes of a frequency file, so loading creates no strings.
 */
/** Nodes with at least this many children get a dense row. */
const DENSE_MIN_CHILDREN = 6;

export class WordTrie {
  private label: Uint16Array;
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  private scores: Float32Array;
  /** The root's children by character code: every walk starts there, and the root has the most children. */
  private rootChild = new Int32Array(0);
  /**
   * Nodes with many children (the first letters of words) look them up in a dense row of `dense`, indexed by
   * the letter's place in the alphabet, instead of scanning their siblings. -1: no row.
   */
  private denseRow = new Int32Array(0);
  private dense = new Int32Array(0);
  private alphabetIndex = new Int16Array(0);
  private alphabetSize = 0;
  private count = 1;
  private longest = 0;

  private constructor(capacity: number) {
    this.label = new Uint16Array(capacity);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.scores = new Float32Array(capacity).fill(Number.NaN);
  }

  /** `entries` are [word, score]; a repeated word keeps its last score. */
  static fromEntries(entries: ReadonlyArray<readonly [string, number]>): WordTrie {
    let capacity = 1;
    for (const [word] of entries) capacity += word.length;
    const trie = new WordTrie(capacity);
    for (const [word, score] of entries) {
      let node = 0;
      for (let i = 0; i < word.length; i++) node = trie.childOrAdd(node, word.charCodeAt(i));
      trie.setWord(node, word.length, score);
    }
    return trie.trimmed();
  }

  /**
   * Lines `word<TAB>integer[<TAB>1]` in UTF-8 (data/wordfreq/*.tsv): the integer and whether the flag is set go
   * through `scoreOf`. Words are decoded as they are inserted; only characters of the Basic Multilingual Plane
   * are expected.
   */
  static fromTsv(bytes: Uint8Array, scoreOf: (value: number, flagged: boolean) => number): WordTrie {
    const trie = new WordTrie(bytes.length + 1);
    let at = 0;
    while (at < bytes.length) {
      let node = 0;
      let length = 0;
      while (bytes[at] !== 0x09) {
        const b = bytes[at];
        let code: number;
        if (b < 0x80) code = b, at += 1;
        else if (b < 0xe0) code = ((b & 0x1f) << 6) | (bytes[at + 1] & 0x3f), at += 2;
        else code = ((b & 0x0f) << 12) | ((bytes[at + 1] & 0x3f) << 6) | (bytes[at + 2] & 0x3f), at += 3;
        node = trie.childOrAdd(node, code);
        length++;
      }
      at++;
      let value = 0;
      let sign = 1;
      if (bytes[at] === 0x2d) sign = -1, at++;
      while (at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x09) value = value * 10 + (bytes[at++] - 0x30);
      const flagged = bytes[at] === 0x09 && bytes[at + 1] === 0x31;
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
      at++;
      trie.setWord(node, length, scoreOf(sign * value, flagged));
    }
    return trie.trimmed();
  }

  private childOrAdd(node: number, c: number): number {
    let k = this.firstChild[node];
    let last = -1;
    while (k !== -1) {
      if (this.label[k] === c) return k;
      last = k;
      k = this.nextSibling[k];
    }
    const added = this.count++;
    this.label[added] = c;
    if (last === -1) this.firstChild[node] = added;
    else this.nextSibling[last] = added;
    return added;
  }

  private setWord(node: number, length: number, score: number): void {
    this.scores[node] = score;
    if (length > this.longest) this.longest = length;
  }

  private trimmed(): WordTrie {
    this.label = this.label.slice(0, this.count);
    this.firstChild = this.firstChild.slice(0, this.count);
    this.nextSibling = this.nextSibling.slice(0, this.count);
    this.scores = this.scores.slice(0, this.count);
    this.rootChild = new Int32Array(0x10000).fill(-1);
    for (let k = this.firstChild[0]; k !== -1; k = this.nextSibling[k]) this.rootChild[this.label[k]] = k;
    this.buildDenseRows();
    return this;
  }

  private buildDenseRows(): void {
    this.alphabetIndex = new Int16Array(0x10000).fill(-1);
    for (let node = 1; node < this.count; node++) {
      const c = this.label[node];
      if (this.alphabetIndex[c] === -1) this.alphabetIndex[c] = this.alphabetSize++;
    }
    this.denseRow = new Int32Array(this.count).fill(-1);
    let rows = 0;
    for (let node = 1; node < this.count; node++) if (this.childCount(node) >= DENSE_MIN_CHILDREN) this.denseRow[node] = rows++;
    this.dense = new Int32Array(rows * this.alphabetSize).fill(-1);
    for (let node = 1; node < this.count; node++) {
      const row = this.denseRow[node];
      if (row === -1) continue;
      for (let k = this.firstChild[node]; k !== -1; k = this.nextSibling[k]) this.dense[row * this.alphabetSize + this.alphabetIndex[this.label[k]]] = k;
    }
  }

  private childCount(node: number): number {
    let n = 0;
    for (let k = this.firstChild[node]; k !== -1; k = this.nextSibling[k]) n++;
    return n;
  }

  get size(): number {
    return this.count;
  }

  get maxWordLength(): number {
    return this.longest;
  }

  /** The child of `node` along character code `c`, or -1. Node 0 is the root. */
  child(node: number, c: number): number {
    if (node === 0) return this.rootChild[c];
    const row = this.denseRow[node];
    if (row !== -1) {
      const a = this.alphabetIndex[c];
      return a === -1 ? -1 : this.dense[row * this.alphabetSize + a];
    }
    let k = this.firstChild[node];
    while (k !== -1 && this.label[k] !== c) k = this.nextSibling[k];
    return k;
  }

  /** The score of the word ending at `node`, NaN when no word ends there. */
  scoreAt(node: number): number {
    return this.scores[node];
  }

  /** The score of a whole word, NaN when it is not in the trie. */
  score(word: string): number {
    let node = 0;
    for (let i = 0; i < word.length && node !== -1; i++) node = this.child(node, word.charCodeAt(i));
    return node === -1 ? Number.NaN : this.scores[node];
  }

  get bytes(): number {
    return [this.label, this.firstChild, this.nextSibling, this.scores, this.rootChild, this.denseRow, this.dense, this.alphabetIndex]
      .reduce((sum, a) => sum + a.byteLength, 0);
  }
}
