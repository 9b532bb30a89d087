"""Assembles the sources into one weighted, undirected graph and chooses the shipped vocabulary."""
from collections import defaultdict

import numpy as np
import scipy.sparse as sp

from .sources import Source

KIND_WEIGHT = {"syn": 1.0, "trans": 1.0, "emoji": 1.0, "pivot": 0.7}


def drop_holdout(sources: list[Source], pairs: set[frozenset[str]]) -> int:
    """Removes every direct ru–en dictionary edge between a held-out pair, so the test measures generalisation."""
    dropped = 0
    for s in sources:
        if s.kind != "trans":
            continue
        kept = [e for e in s.edges if frozenset(e[:2]) not in pairs]
        dropped += len(s.edges) - len(kept)
        s.edges = kept
    return dropped


class Graph:
    def __init__(self, sources: list[Source], kind_weight: dict[str, float] | None = None):
        kind_weight = KIND_WEIGHT | (kind_weight or {})
        weights: dict[tuple[str, str], float] = defaultdict(float)
        self.holders: dict[str, set[str]] = defaultdict(set)
        for s in sources:
            strongest: dict[tuple[str, str], float] = {}
            for a, b, w in s.edges:
                key = (a, b) if a < b else (b, a)
                strongest[key] = max(strongest.get(key, 0.0), w)
                self.holders[a].add(s.name)
                self.holders[b].add(s.name)
            for key, w in strongest.items():
                weights[key] += kind_weight[s.kind] * w
        self.edges = sorted(weights.items())
        self.kinds = {s.name: s.kind for s in sources}
        self.translations = _strongest([s for s in sources if s.kind == "trans"], symmetric=True)
        self.emoji_keywords = _strongest([s for s in sources if s.kind == "emoji"], symmetric=False)
        self.emoji_names = set().union(*(s.names for s in sources if s.kind == "emoji"))
        self.pivot_links = _pivot_links([s for s in sources if s.kind == "pivot"])

    def nodes(self) -> list[str]:
        return sorted(self.holders)

    def degree(self) -> dict[str, int]:
        deg: dict[str, int] = defaultdict(int)
        for (a, b), _ in self.edges:
            deg[a] += 1
            deg[b] += 1
        return deg

    def adjacency(self, index: dict[str, int], max_degree: int) -> sp.csr_matrix:
        """Symmetric adjacency over `index`. Each node keeps only its strongest `max_degree` edges (an edge
        stays when either end keeps it), so hubs do not flood the two-step walk matrix."""
        rows, cols, vals = [], [], []
        for (a, b), w in self.edges:
            if a in index and b in index:
                rows.append(index[a]); cols.append(index[b]); vals.append(w)
        n = len(index)
        m = sp.coo_matrix((np.array(vals, np.float64), (np.array(rows), np.array(cols))), shape=(n, n)).tocsr()
        m = m + m.T
        return _keep_strongest(m, max_degree)


def _strongest(sources: list[Source], symmetric: bool) -> dict[tuple[str, str], float]:
    """Each linked pair once with its strongest weight over `sources`; (a, b) sorted when `symmetric`, else as
    the source gives it (emoji first)."""
    out: dict[tuple[str, str], float] = {}
    for s in sources:
        for a, b, w in s.edges:
            key = (min(a, b), max(a, b)) if symmetric else (a, b)
            out[key] = max(out.get(key, 0.0), w)
    return dict(sorted(out.items()))


def _pivot_links(pivots: list[Source], max_fanout: int = 6) -> list[tuple[str, str]]:
    """ru–en pairs that translate the same word of a pivot language (ru—de—en, ru—it—en, …): translation links
    that come from other dictionaries than the ru–en ones. Pivot words with many translations are ambiguous and
    skipped."""
    sides: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"ru": set(), "en": set()})
    for s in pivots:
        for a, b, _ in s.edges:
            pivot, word = (b, a) if a[:3] in ("ru:", "en:") else (a, b)
            if word[:3] in ("ru:", "en:"):
                sides[pivot][word[:2]].add(word)
    links = set()
    for side in sides.values():
        if 0 < len(side["ru"]) <= max_fanout and 0 < len(side["en"]) <= max_fanout:
            links |= {(r, e) for r in side["ru"] for e in side["en"]}
    return sorted(links)


def _keep_strongest(m: sp.csr_matrix, k: int) -> sp.csr_matrix:
    m = m.tocsr()
    rows, cols = [], []
    for i in range(m.shape[0]):
        start, end = m.indptr[i], m.indptr[i + 1]
        if end - start <= k:
            idx = m.indices[start:end]
        else:
            data = m.data[start:end]
            order = np.lexsort((m.indices[start:end], -data))[:k]
            idx = m.indices[start:end][order]
        rows.extend([i] * len(idx)); cols.extend(idx.tolist())
    mask = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=m.shape).tocsr()
    mask = ((mask + mask.T) > 0).astype(np.float64)
    return m.multiply(mask).tocsr()


def choose_vocabulary(graph: Graph, zipf: dict[str, float], size: int, forced: set[str], ru_share: float) -> list[str]:
    """Words held by more sources first (a word several dictionaries agree on is a real, useful word), then the
    more frequent; Russian gets `ru_share` of the places (English sources are larger and would crowd it out)
    and gives back what it cannot fill. Emoji are always kept."""
    deg = graph.degree()

    def sources_holding(n: str) -> int:
        return len(graph.holders[n]) + (1 if zipf.get(n, 0.0) >= 1.0 else 0)

    def ranked(prefix: str) -> list[str]:
        words = [n for n in graph.nodes() if n.startswith(prefix) and deg.get(n, 0) > 0]
        return sorted(words, key=lambda n: (-sources_holding(n), -zipf.get(n, 0.0), -deg.get(n, 0), n))

    ru = ranked("ru:")[: int(size * ru_share)]
    en = ranked("en:")[: size - len(ru)]
    chosen = set(ru) | set(en) | {n for n in forced if deg.get(n, 0) > 0}
    chosen |= {n for n in graph.nodes() if n.startswith("em:") and deg.get(n, 0) > 0}
    return sorted(chosen)


def hidden_context(graph: Graph, shipped: set[str], mode: str) -> set[str]:
    """Nodes that are not shipped but carry walks between shipped ones: pivot-language words, WordNet synsets,
    rarer words.
    `bridges` keeps a hidden node only when it touches at least two shipped nodes (or one shipped node and a synset),
    which keeps the walk matrix small without losing the paths that matter."""
    deg = graph.degree()
    if mode == "all":
        return {n for n in graph.nodes() if deg.get(n, 0) >= 2}
    touches: dict[str, int] = defaultdict(int)
    for (a, b), _ in graph.edges:
        if b in shipped or b.startswith("wn:"):
            touches[a] += 1
        if a in shipped or a.startswith("wn:"):
            touches[b] += 1
    return {n for n, t in touches.items() if n not in shipped and t >= 2}
