/** The figures of eval/model.eval.ts, computed on a loaded static model (float copies for brute-force search). */
import { cosine, createStaticEmbedder, foldKey, stripEmojiModifiers, type StaticModel } from '../services/core/embed/index.js';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_WORD = /^[a-z][a-z'-]*$/;

export function spearman(xs: number[], ys: number[]): number {
  const rank = (v: number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(xs), ry = rank(ys);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx), my = mean(ry);
  let num = 0, dx = 0, dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i]! - mx) * (ry[i]! - my);
    dx += (rx[i]! - mx) ** 2;
    dy += (ry[i]! - my) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

export interface SimilarityPair { type: string; a: string; b: string; score: number }

/** Spearman per pair type and overall; a pair with a word the model lacks scores cosine 0 (it counts against). */
export function similarityFigures(model: StaticModel, pairs: SimilarityPair[]) {
  const embedder = createStaticEmbedder(model);
  const groups = new Map<string, { cos: number[]; human: number[] }>();
  let missing = 0;
  for (const p of pairs) {
    const va = embedder.lemmaVector(p.a), vb = embedder.lemmaVector(p.b);
    if (!va || !vb) missing++;
    const cos = va && vb ? cosine(va, vb) : 0;
    for (const key of [p.type, 'all', ...(p.type === 'emoji-word' ? [] : ['words'])]) {
      const g = groups.get(key) ?? { cos: [], human: [] };
      g.cos.push(cos);
      g.human.push(p.score);
      groups.set(key, g);
    }
  }
  const spearmans = [...groups].map(([type, g]) => ({ type, n: g.cos.length, rho: spearman(g.cos, g.human) }));
  return { spearmans, missing };
}

function languageOf(key: string): 'ru' | 'en' | null {
  if (CYRILLIC.test(key)) return 'ru';
  return LATIN_WORD.test(key) ? 'en' : null;
}

/** Each held-out pair: is the translation among the word's 10 nearest neighbours over the other language's whole vocabulary, both ways? */
export function crossLingualFigures(model: StaticModel, pairs: [string, string][], k = 10) {
  const embedder = createStaticEmbedder(model);
  const byLang = { ru: [] as number[], en: [] as number[] };
  model.keys.forEach((key, i) => {
    const lang = languageOf(key);
    if (lang) byLang[lang].push(i);
  });
  const matrix = new Float32Array(model.keys.length * model.dim);
  model.keys.forEach((key, i) => matrix.set(embedder.lemmaVector(key)!, i * model.dim));
  const topK = (query: Float32Array, ids: number[]) => {
    const best: [number, number][] = [];
    for (const id of ids) {
      let s = 0;
      const base = id * model.dim;
      for (let d = 0; d < model.dim; d++) s += query[d]! * matrix[base + d]!;
      if (best.length < k || s > best[best.length - 1]![0]) {
        best.push([s, id]);
        best.sort((a, b) => b[0] - a[0]);
        if (best.length > k) best.pop();
      }
    }
    return new Set(best.map((b) => b[1]));
  };
  let mutual = 0, ruToEn = 0, enToRu = 0, missing = 0;
  for (const [ru, en] of pairs) {
    const ri = model.index.get(foldKey(ru)), ei = model.index.get(foldKey(en));
    if (ri === undefined || ei === undefined) {
      missing++;
      continue;
    }
    const a = topK(embedder.lemmaVector(ru)!, byLang.en).has(ei);
    const b = topK(embedder.lemmaVector(en)!, byLang.ru).has(ri);
    ruToEn += +a;
    enToRu += +b;
    mutual += +(a && b);
  }
  const n = pairs.length;
  return { mutual: mutual / n, ruToEn: ruToEn / n, enToRu: enToRu / n, missing, ruVocab: byLang.ru.length, enVocab: byLang.en.length };
}

/** Share of lemmas (single words) and emoji that the model holds a graph-built vector for. */
export function coverage(model: StaticModel, lemmas: string[]) {
  const embedder = createStaticEmbedder(model);
  const keys = [...new Set(lemmas.map((l) => stripEmojiModifiers(foldKey(l))))];
  const absent = keys.filter((k) => embedder.lemmaVector(k) === null);
  return { n: keys.length, share: keys.length ? 1 - absent.length / keys.length : 0, absent };
}
