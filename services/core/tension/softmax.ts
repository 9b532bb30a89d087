/**
 * Multinomial logistic regression, trained by full-batch gradient descent from a zero start: no randomness,
 * so the same training set and vectors always give the same weights.
 */

export interface SoftmaxHead<C extends string> {
  classes: readonly C[];
  dim: number;
  /** classes.length × dim, row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface SoftmaxTraining {
  epochs: number;
  learningRate: number;
  l2: number;
}

export function predict<C extends string>(head: SoftmaxHead<C>, x: Float32Array): number[] {
  const { classes, dim, weights, bias } = head;
  const logits = classes.map((_, c) => {
    let s = bias[c]!;
    for (let i = 0; i < dim; i++) s += weights[c * dim + i]! * x[i]!;
    return s;
  });
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Classes are weighted inversely to their frequency so a larger class does not swallow the others. */
export function trainSoftmax<C extends string>(
  classes: readonly C[],
  examples: readonly { x: Float32Array; label: C }[],
  opts: SoftmaxTraining,
): SoftmaxHead<C> {
  const dim = examples[0]?.x.length ?? 0;
  const k = classes.length;
  const head: SoftmaxHead<C> = { classes, dim, weights: new Float32Array(k * dim), bias: new Float32Array(k) };
  const counts = classes.map((c) => examples.filter((e) => e.label === c).length);
  const classWeight = counts.map((n) => (n === 0 ? 0 : examples.length / (k * n)));
  const gradW = new Float64Array(k * dim);
  const gradB = new Float64Array(k);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    gradW.fill(0);
    gradB.fill(0);
    for (const { x, label } of examples) {
      const p = predict(head, x);
      const y = classes.indexOf(label);
      const w = classWeight[y]!;
      for (let c = 0; c < k; c++) {
        const g = w * (p[c]! - (c === y ? 1 : 0));
        gradB[c]! += g;
        for (let i = 0; i < dim; i++) gradW[c * dim + i]! += g * x[i]!;
      }
    }
    const n = examples.length;
    for (let j = 0; j < gradW.length; j++) head.weights[j] = head.weights[j]! - opts.learningRate * (gradW[j]! / n + opts.l2 * head.weights[j]!);
    for (let c = 0; c < k; c++) head.bias[c] = head.bias[c]! - opts.learningRate * (gradB[c]! / n);
  }
  return head;
}
