/** Writes the static model format (models/README.md) in memory, so the parser's tests need no shipped file. */
export function artifactBytes(entries: Record<string, number[]>, opts: { zipf?: Record<string, number>; name?: string } = {}): Buffer {
  const keys = Object.keys(entries);
  const dim = entries[keys[0]!]!.length;
  let head = Buffer.from(JSON.stringify({ name: opts.name ?? 'test-model', variant: 'test', dim, count: keys.length, holdout: null, sources: [] }));
  head = Buffer.concat([head, Buffer.alloc((4 - ((12 + head.length) % 4)) % 4, 0x20)]);
  const pre = Buffer.alloc(12);
  pre.write('HBSM', 0, 'latin1');
  pre.writeUInt32LE(1, 4);
  pre.writeUInt32LE(head.length, 8);
  const vectors = Buffer.alloc(keys.length * dim);
  const scales = Buffer.alloc(keys.length * 4);
  keys.forEach((k, i) => {
    const v = entries[k]!;
    const norm = Math.hypot(...v);
    const scale = Math.max(...v.map((x) => Math.abs(x / norm))) / 127;
    v.forEach((x, d) => vectors.writeInt8(Math.round(x / norm / scale), i * dim + d));
    scales.writeFloatLE(scale, 4 * i);
  });
  const zipf = Buffer.from(keys.map((k) => Math.round((opts.zipf?.[k] ?? 0) * 10)));
  return Buffer.concat([pre, head, vectors, scales, zipf, Buffer.from(keys.join('\n'))]);
}
