"""Quick figures during the build (the official ones come from eval/model.eval.ts on the shipped artifact)."""
import numpy as np
from scipy.stats import spearmanr

from .normalize import strip_emoji


def _key(word: str, lem) -> str | None:
    if any(ord(c) > 0x2000 and not ("\u0400" <= c <= "\u04ff") for c in word):
        return "em:" + strip_emoji(word)
    return lem.node("ru", word) if any("\u0400" <= c <= "\u04ff" for c in word) else lem.node("en", word)


def similarity(path: str, index: dict[str, int], x: np.ndarray, lem) -> dict[str, float]:
    by_type: dict[str, tuple[list, list]] = {}
    missing = 0
    for line in open(path, encoding="utf8"):
        if line.startswith("#") or not line.strip():
            continue
        kind, a, b, score = line.rstrip("\n").split("\t")
        ka, kb = _key(a, lem), _key(b, lem)
        cos = float(x[index[ka]] @ x[index[kb]]) if ka in index and kb in index else 0.0
        missing += not (ka in index and kb in index)
        for t in (kind, "all"):
            by_type.setdefault(t, ([], []))[0].append(cos)
            by_type[t][1].append(float(score))
    out = {t: float(spearmanr(c, s).statistic) for t, (c, s) in sorted(by_type.items())}
    out["missing"] = missing
    return out


def cross_lingual(path: str, index: dict[str, int], x: np.ndarray, lem, k: int = 10) -> dict[str, float]:
    keys = list(index)
    ru_ids = np.array([index[n] for n in keys if n.startswith("ru:")])
    en_ids = np.array([index[n] for n in keys if n.startswith("en:")])
    hits = ru_en = en_ru = total = 0
    for line in open(path, encoding="utf8"):
        if line.startswith("#") or not line.strip():
            continue
        ru, en = line.rstrip("\n").split("\t")
        kr, ke = lem.node("ru", ru), lem.node("en", en)
        total += 1
        if kr not in index or ke not in index:
            continue
        top_en = en_ids[np.argsort(-(x[en_ids] @ x[index[kr]]), kind="stable")[:k]]
        top_ru = ru_ids[np.argsort(-(x[ru_ids] @ x[index[ke]]), kind="stable")[:k]]
        a, b = index[ke] in top_en, index[kr] in top_ru
        ru_en += a; en_ru += b; hits += a and b
    return {"mutual_top10": hits / total, "ru_to_en": ru_en / total, "en_to_ru": en_ru / total,
            "ru_vocab": len(ru_ids), "en_vocab": len(en_ids)}
