"""Builds the static meaning model: `python build.py --variant full|permissive [--holdout FILE] --out PATH`."""
import argparse
import glob
import hashlib
import inspect
import json
import os
import pickle
import resource
import sys
import time

import numpy as np
import scipy.sparse as sp
import wordfreq

from hbmodel import embed, evaluate, graph, sources
from hbmodel.artifact import dequantised, write_artifact
from hbmodel.links import LinkWeights, retrofit_links
from hbmodel.normalize import fold, ru_analysis, strip_emoji

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SEED = 20241129
# Hidden pivot languages, with the licences of their FreeDict eng-X and X-rus dictionaries (each package's
# copyright file). Polish is left out: the content of eng-pol is GFDL, which the GPL does not admit.
PIVOT_DICTIONARIES = {
    "deu": ("GPL-3.0-or-later", "CC-BY-SA-3.0"),
    "fra": ("GPL-2.0-or-later", "CC-BY-SA-3.0"),
    "ita": ("GPL-2.0-or-later", "CC-BY-SA-3.0"),
    "nld": ("GPL-2.0-or-later", "CC-BY-SA-3.0"),
    "swe": ("GPL-2.0-or-later", "CC-BY-SA-3.0"),
    "ell": ("GPL-2.0-or-later", "CC-BY-SA-3.0"),
}
T0 = time.time()


def log(msg: str) -> None:
    # the peak so far, so a build over its memory budget shows which step took it there
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(f"[{time.time() - T0:7.1f}s {peak:4.1f} GiB] {msg}", file=sys.stderr, flush=True)


def load_sources(variant: str, lem: sources.Lemmatizers) -> list[sources.Source]:
    nm = os.path.join(ROOT, "node_modules")
    out = [
        sources.emoji_annotations(nm, "ru", lem),
        sources.emoji_annotations(nm, "en", lem),
        sources.unicode_alchemical("/usr/share/unicode/UnicodeData.txt", lem),
        sources.wordnet("/usr/share/wordnet", lem),
        sources.mythes("/usr/share/mythes/th_en_US_v2.dat", "en", lem, "mythes-en-us",
                       "Kevin Atkinson's word-list licence (permissive; MyThes en_US from WordNet)", True),
    ]
    if variant == "full":
        out += [
            sources.mythes("/usr/share/mythes/th_ru_RU_v2.dat", "ru", lem, "mythes-ru", "LGPL-2.1", False),
            sources.mueller(lem),
            sources.freedict("eng-rus", lem, "GPL-2.0-or-later"),
        ]
        for lang, (eng_x, x_rus) in PIVOT_DICTIONARIES.items():
            out += [sources.freedict(f"eng-{lang}", lem, eng_x), sources.freedict(f"{lang}-rus", lem, x_rus)]
    for s in out:
        log(f"source {s.name}: {len(s.edges)} edges ({s.licence})")
    return out


def cached_sources(variant: str, lem: sources.Lemmatizers) -> list[sources.Source]:
    """Parsing and lemmatising takes minutes; the parse is cached per variant, keyed by the parser code and the
    source files' sizes and dates, so a holdout build or a second variant does not repeat it."""
    key = hashlib.sha256()
    for name in ("sources.py", "normalize.py"):
        key.update(open(os.path.join(HERE, "hbmodel", name), "rb").read())
    for path in sorted(glob.glob("/usr/share/dictd/*") + glob.glob("/usr/share/mythes/*") + glob.glob("/usr/share/wordnet/data.*")
                       + glob.glob(os.path.join(ROOT, "node_modules/emojibase-data/*/data.json"))):
        st = os.stat(path)
        key.update(f"{path}:{st.st_size}:{int(st.st_mtime)}".encode())
    cache = os.path.join(HERE, ".cache", f"sources-{variant}-{key.hexdigest()[:16]}.pkl")
    if os.path.exists(cache):
        with open(cache, "rb") as f:
            srcs = pickle.load(f)
        log(f"sources from cache {os.path.basename(cache)}")
        return srcs
    srcs = load_sources(variant, lem)
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    with open(cache, "wb") as f:
        pickle.dump(srcs, f)
    return srcs


def cached_part(adj: sp.csr_matrix, rows: np.ndarray, method: str, dim: int, steps: int) -> np.ndarray:
    """One graph embedding (the slow part), cached by its exact inputs: the adjacency, the shipped rows, the
    method and its parameters and the code that computes it. Retrofitting variants then take seconds."""
    key = hashlib.sha256()
    for a in (adj.indptr, adj.indices, adj.data, rows):
        key.update(np.ascontiguousarray(a).tobytes())
    fns = {"ppmi": (embed.qr, embed.randomized_svd, embed.walk_ppmi, embed.ppmi_svd),
           "spectral": (embed.qr, embed.randomized_svd, embed.spectral)}[method]
    key.update(f"{method}:{dim}:{SEED}:{steps if method == 'ppmi' else ''}".encode())
    for fn in fns:
        key.update(inspect.getsource(fn).encode())
    cache = os.path.join(HERE, ".cache", f"embedding-{method}-{key.hexdigest()[:16]}.npy")
    if os.path.exists(cache):
        log(f"{method} embedding from cache {os.path.basename(cache)}")
        return np.load(cache)
    if method == "ppmi":
        x = embed.ppmi_svd(adj, dim, SEED, rows, steps)
    else:
        x = embed.spectral(adj, dim, SEED, rows)
    log(f"{method}: done")
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    np.save(cache, x)
    return x


def cached_embedding(adj: sp.csr_matrix, rows: np.ndarray, args: argparse.Namespace) -> np.ndarray:
    """The methods' embeddings (each cached), joined and reduced to `--dim` by PCA."""
    dims = {"ppmi": args.ppmi_dim or args.dim, "spectral": args.spectral_dim or args.dim}
    parts = [cached_part(adj, rows, m, dims[m], args.walk_steps) for m in args.methods.split(",")]
    return embed.join_reduce(parts, args.dim, SEED)


def with_aliases(vocab: list[str], x: np.ndarray, forms: dict[str, str]) -> tuple[list[str], np.ndarray]:
    """A Russian plural kept as a word (деньги) also ships under the analyser's singular (деньга), the lemma the
    run-time morphology gives it, and a form the concept lexicon names a concept by (лёгкие, крылья, люди) under
    its lemma's vector (легкое, крыло, человек), unless that key is a word of its own in the vocabulary."""
    vindex = {n: i for i, n in enumerate(vocab)}
    extra = {}
    for i, n in enumerate(vocab):
        analysis = ru_analysis(n[3:]) if n.startswith("ru:") else None
        if analysis and analysis[1] and "ru:" + analysis[1] not in vindex:
            extra["ru:" + analysis[1]] = i
    for form, node in forms.items():
        if form not in vindex and form not in extra and node in vindex:
            extra[form] = vindex[node]
    if extra:
        log(f"aliases: {len(extra)} ({', '.join(sorted(extra)[:8])} …)")
    order = sorted(vocab + list(extra))
    rows = {n: i for i, n in enumerate(vocab)} | extra
    return order, x[[rows[n] for n in order]]


def holdout_pairs(path: str | None, lem: sources.Lemmatizers) -> set[frozenset[str]]:
    if not path:
        return set()
    pairs = set()
    for line in open(path, encoding="utf8"):
        if line.startswith("#") or not line.strip():
            continue
        ru, en = line.rstrip("\n").split("\t")
        a, b = lem.node("ru", ru), lem.node("en", en)
        if a and b:
            pairs.add(frozenset((a, b)))
    return pairs


def lexicon_words(lem: sources.Lemmatizers) -> dict[str, str]:
    """Each single word and emoji of the concept lexicon (data/lexicon/*.json), as the key the run-time looks it
    up by (lower case, ё folded), with the graph node of its lemma: those lemmas are always shipped when the graph
    holds them."""
    words: dict[str, str] = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "lexicon", "*.json"))):
        data = json.load(open(path, encoding="utf8"))
        concepts = data.get("concepts", []) if isinstance(data, dict) else data
        for c in concepts if isinstance(concepts, list) else []:
            if not isinstance(c, dict):
                continue
            syn = c.get("synonyms") or {}
            for lang in ("ru", "en"):
                for w in [c.get(lang)] + list(syn.get(lang, [])):
                    node = lem.node(lang, w) if isinstance(w, str) and " " not in w else None
                    if node:
                        words[f"{lang}:{fold(w)}"] = node
            words |= {"em:" + strip_emoji(e): "em:" + strip_emoji(e) for e in c.get("emoji", []) if isinstance(e, str)}
    return words


def zipf_table(variant: str) -> dict[str, float]:
    """wordfreq is CC BY-SA: the permissive variant ships no frequencies (every word weighs the same)."""
    if variant != "full":
        return {}
    out: dict[str, float] = {}
    for lang in ("ru", "en"):
        for word, freq in wordfreq.get_frequency_dict(lang, wordlist="large").items():
            key = f"{lang}:{word.replace('ё', 'е')}"
            out[key] = max(out.get(key, 0.0), float(np.log10(freq) + 9))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--variant", choices=["full", "permissive"], default="full")
    ap.add_argument("--holdout", help="TSV of ru<TAB>en pairs whose direct dictionary edges are removed")
    ap.add_argument("--out", required=True)
    ap.add_argument("--vocab", type=int, default=66000)
    ap.add_argument("--ru-share", type=float, default=0.45, help="share of the vocabulary reserved for Russian")
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--max-degree", type=int, default=80)
    ap.add_argument("--retrofit", type=int, default=10, help="retrofitting iterations (0 = none)")
    # Defaults are LinkWeights' own (hbmodel/links.py), so the flags and the dataclass cannot drift apart.
    w = LinkWeights()
    ap.add_argument("--translation-weight", type=float, default=w.translation,
                    help="retrofitting pull of a Russian word toward its English translations")
    ap.add_argument("--translation-weight-en", type=float, default=w.translation_en,
                    help="retrofitting pull of an English word toward its Russian translations")
    ap.add_argument("--pivot-weight", type=float, default=w.pivot, help="the same for ru–en links through a pivot language (Russian side)")
    ap.add_argument("--pivot-weight-en", type=float, default=w.pivot_en, help="the same for ru–en links through a pivot language (English side)")
    ap.add_argument("--emoji-weight", type=float, default=w.emoji, help="retrofitting pull of an emoji toward each keyword")
    ap.add_argument("--keyword-weight", type=float, default=w.keyword, help="retrofitting pull of a keyword toward its emoji")
    ap.add_argument("--keyword-damping", type=float, default=w.keyword_damping,
                    help="a word's pull toward its emoji is divided by its total to this power (0 = none)")
    ap.add_argument("--name-weight", type=float, default=w.name,
                    help="least retrofitting weight between an emoji and a word of its CLDR name (tags weigh ≤ 1)")
    ap.add_argument("--methods", default="ppmi,spectral")
    ap.add_argument("--graph-trans-weight", type=float, default=graph.KIND_WEIGHT["trans"],
                    help="weight of ru–en dictionary edges in the graph the embeddings walk")
    ap.add_argument("--graph-pivot-weight", type=float, default=graph.KIND_WEIGHT["pivot"],
                    help="weight of the pivot dictionaries' edges in the graph the embeddings walk")
    ap.add_argument("--walk-steps", type=int, default=3, help="random-walk steps counted in the PPMI")
    ap.add_argument("--ppmi-dim", type=int, default=512, help="PPMI SVD dimensions before the PCA (0 = --dim)")
    ap.add_argument("--spectral-dim", type=int, default=0, help="spectral dimensions before the PCA (0 = --dim)")
    ap.add_argument("--context", choices=["bridges", "all"], default="bridges",
                    help="hidden nodes in the walk: only those linking ≥ 2 shipped nodes, or every node of degree ≥ 2")
    args = ap.parse_args()

    lem = sources.Lemmatizers("/usr/share/wordnet")
    srcs = cached_sources(args.variant, lem)
    held_out = holdout_pairs(args.holdout, lem)
    dropped = graph.drop_holdout(srcs, held_out)
    g = graph.Graph(srcs, {"trans": args.graph_trans_weight, "pivot": args.graph_pivot_weight})
    if args.holdout:
        # a translation derived through a pivot-language word is a ru–en link between the pair too
        pivots = len(g.pivot_links)
        g.pivot_links = [link for link in g.pivot_links if frozenset(link) not in held_out]
        log(f"holdout: removed {dropped} direct dictionary edges and {pivots - len(g.pivot_links)} pivot links")
    zipf = zipf_table(args.variant)
    lexicon = lexicon_words(lem)
    vocab = graph.choose_vocabulary(g, zipf, args.vocab, set(lexicon.values()), args.ru_share)
    shipped = set(vocab)
    deg = g.degree()
    nodes = sorted(shipped | graph.hidden_context(g, shipped, args.context))
    index = {n: i for i, n in enumerate(nodes)}
    log(f"graph: {len(g.edges)} edges, {len(nodes)} nodes in the walk, {len(vocab)} shipped")
    adj = g.adjacency(index, args.max_degree)
    log(f"adjacency nnz {adj.nnz}")

    x = cached_embedding(adj, np.array([index[n] for n in vocab]), args)
    vindex = {n: i for i, n in enumerate(vocab)}
    if args.retrofit:
        weights = LinkWeights(args.translation_weight, args.pivot_weight, args.emoji_weight, args.keyword_weight,
                              args.name_weight, args.translation_weight_en, args.pivot_weight_en, args.keyword_damping)
        m = retrofit_links(g, vindex, weights)
        x = embed.retrofit(x, m, args.retrofit)
        log(f"retrofit over {m.nnz} links ({len(g.pivot_links)} through pivots)")
    vocab, x = with_aliases(vocab, x, lexicon)
    vindex = {n: i for i, n in enumerate(vocab)}
    x = dequantised(x)

    sim = evaluate.similarity(os.path.join(ROOT, "eval/data/model/similarity.tsv"), vindex, x, lem)
    xl = evaluate.cross_lingual(os.path.join(ROOT, "eval/data/model/translations.tsv"), vindex, x, lem)
    log(f"similarity spearman: {json.dumps(sim)}")
    log(f"cross-lingual: {json.dumps(xl)}")

    keys = [n[3:] for n in vocab]
    header = {
        "name": f"hb-static-{args.variant}" + ("-holdout" if args.holdout else ""),
        "variant": args.variant,
        "holdout": os.path.basename(args.holdout) if args.holdout else None,
        "sources": [{"name": s.name, "licence": s.licence, "edges": len(s.edges)} for s in srcs],
        "params": {k: v for k, v in vars(args).items() if k not in ("out", "holdout")} | {"seed": SEED},
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    write_artifact(args.out, keys, x, np.array([zipf.get(n, 0.0) for n in vocab]), header)
    digest = hashlib.sha256(open(args.out, "rb").read()).hexdigest()[:12]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / 1024
    log(f"wrote {args.out}: {os.path.getsize(args.out) / 2**20:.2f} MiB, sha256 {digest}")
    print(f"model.build.seconds: {time.time() - T0:.1f} s")
    print(f"model.build.cpu_seconds: {usage.ru_utime + usage.ru_stime:.1f} s")
    print(f"model.build.peak_rss: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
