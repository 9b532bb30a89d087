"""Two embeddings of the graph, joined: PPMI of short random walks factorised by truncated SVD, and a spectral
embedding (leading eigenvectors of the normalised adjacency); then retrofitting. All seeded: same input, same output."""
import sys

import numpy as np
import scipy.linalg
import scipy.sparse as sp


def qr(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Economic QR in a's own precision (numpy's qr computes float32 in float64, three times the memory and twice
    the time), overwriting a: callers pass products they no longer need."""
    return scipy.linalg.qr(a, mode="economic", overwrite_a=True, check_finite=False)


def randomized_svd(m: sp.spmatrix, k: int, seed: int, oversample: int = 24, power: int = 2):
    """Halko et al. randomized range finder; deterministic for a fixed seed. Returns the left singular vectors
    and the singular values (the right ones are never used; not forming them saves memory)."""
    rng = np.random.default_rng(seed)
    n, width = m.shape[1], k + oversample
    omega = np.empty((n, width), dtype=m.dtype)
    for start in range(0, n, 8192):  # drawn in row blocks: the same numbers without a float64 copy of them all
        omega[start:start + 8192] = rng.standard_normal((min(8192, n - start), width))
    q = qr(m @ omega)[0]
    del omega
    for _ in range(power):
        q = qr(m.T @ q)[0]
        q = qr(m @ q)[0]
    # b = qᵀm = Rᵀ Qᵀ with Q R = mᵀq, so b's left singular vectors and values are Rᵀ's
    r = qr(m.T @ q)[1]
    ub, s, _ = np.linalg.svd(r.T)
    return (q @ ub)[:, :k], s[:k]


def walk_ppmi(adj: sp.csr_matrix, rows: np.ndarray, steps: int = 2, smoothing: float = 0.75,
              chunk: int = 4096) -> sp.csr_matrix:
    """Co-occurrence of nodes within `steps` steps of a random walk, as positive pointwise mutual information.
    Only walks starting at `rows` (the shipped nodes) are counted: the hidden nodes serve as context, and the
    matrix stays a fraction of the full square. Computed `chunk` start nodes at a time (three-step walks would
    not fit in memory as one product)."""
    deg_all = np.asarray(adj.sum(axis=1)).ravel()
    inv = sp.diags(1.0 / np.maximum(deg_all, 1e-12))
    p = (inv @ adj).tocsr().astype(np.float32)
    deg = deg_all[rows]
    joints = []
    nnz = [0] * steps
    for start in range(0, len(rows), chunk):
        walk = p[rows[start:start + chunk]]
        total = walk.copy()
        for step in range(1, steps):
            walk = (walk @ p).tocsr()
            walk.data[walk.data < 1e-5] = 0  # negligible paths: keeps the matrix sparse
            walk.eliminate_zeros()
            nnz[step] += walk.nnz
            total = total + walk
        del walk
        # weight each start node by its degree so the matrix is a joint distribution over (start, end)
        joints.append((sp.diags(deg[start:start + chunk].astype(np.float32)) @ total).tocsr())
    print(f"  walk nnz per step: {nnz[1:]}", file=sys.stderr, flush=True)
    row = np.concatenate([np.asarray(j.sum(axis=1)).ravel() for j in joints])
    col = sum(np.asarray(j.sum(axis=0)).ravel() for j in joints) ** smoothing
    col_total = col.sum()
    out = []
    for i, j in enumerate(joints):
        coo = j.tocoo()
        joints[i] = None
        pmi = np.log(coo.data) + np.log(col_total) - np.log(row[coo.row + i * chunk]) - np.log(col[coo.col])
        keep = pmi > 0
        out.append(sp.csr_matrix((pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=coo.shape))
    return sp.vstack(out, format="csr")


def ppmi_svd(adj: sp.csr_matrix, dim: int, seed: int, rows: np.ndarray, steps: int = 2) -> np.ndarray:
    m = walk_ppmi(adj, rows, steps)
    u, s = randomized_svd(m, dim, seed)
    return u * np.sqrt(s)


def spectral(adj: sp.csr_matrix, dim: int, seed: int, rows: np.ndarray) -> np.ndarray:
    """Leading eigenvectors of D^-1/2 (A + I) D^-1/2 (the self-loop keeps the spectrum away from -1)."""
    a = adj + sp.identity(adj.shape[0], format="csr")
    d = np.asarray(a.sum(axis=1)).ravel()
    dm = sp.diags(1.0 / np.sqrt(d))
    norm = (dm @ a @ dm).tocsr()
    u, s = randomized_svd(norm, dim + 1, seed, power=4)
    return (u * s)[rows, 1:]  # the first vector only encodes degree


def unit_rows(x: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(n, 1e-12)


def join_reduce(parts: list[np.ndarray], dim: int, seed: int) -> np.ndarray:
    """Concatenates unit-normalised embeddings and keeps the `dim` leading principal directions."""
    x = np.hstack([unit_rows(p) for p in parts]).astype(np.float64)
    x -= x.mean(axis=0, keepdims=True)
    if x.shape[1] <= dim:
        return x
    u, s = randomized_svd(x, dim, seed)
    return u * s


def retrofit(x: np.ndarray, links: sp.csr_matrix, iterations: int = 10, alpha: float = 1.0) -> np.ndarray:
    """Faruqui et al. (2015): pulls each vector toward its linked vectors (translations, emoji keywords)
    while keeping it near where the graph put it."""
    x0 = unit_rows(x)
    q = x0.copy()
    deg = np.asarray(links.sum(axis=1)).ravel()
    for _ in range(iterations):
        q = (alpha * x0 + links @ q) / (alpha + deg)[:, None]
    return q
