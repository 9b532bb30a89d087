"""The links retrofitting pulls along: ru–en translations (both ways), translations through a pivot language
(both ways), each emoji toward its CLDR keywords and each keyword back toward its emoji (the words of the emoji's
name more than its other tags)."""
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .graph import Graph


@dataclass(frozen=True)
class LinkWeights:
    # Stronger pulls fit the dictionary's pairs and cost the pairs it lacks (holdout figures). The Russian word
    # is pulled harder than the English one: English holds the richer thesaurus (WordNet, MyThes), so moving
    # Russian into the English neighbourhoods keeps more of both (holdout: mutual top-10 and Spearman both up).
    translation: float = 0.7  # ru word → its English translations
    pivot: float = 0.7  # ru word → English words sharing a translation in a pivot language
    emoji: float = 1.0  # emoji → keyword
    keyword: float = 1.0  # keyword → emoji
    name: float = 2.0  # the least strength of an emoji ↔ word link when the word is in the emoji's name
    translation_en: float = 0.3  # en word → its Russian translations
    pivot_en: float = 0.3  # en word → Russian words sharing a translation in a pivot language
    # A word's pull toward its emoji is divided by its total to this power: a word that many emoji name (flag:
    # hundreds of flags; island: dozens) would otherwise become their average and leave the words it translates.
    keyword_damping: float = 0.5


def retrofit_links(g: Graph, vindex: dict[str, int], w: LinkWeights) -> sp.csr_matrix:
    """Row i holds the vectors word i is pulled toward, with their weights (rows need not equal columns)."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []

    def add(a: str, b: str, weight: float) -> None:
        if weight > 0 and a in vindex and b in vindex:
            rows.append(vindex[a]); cols.append(vindex[b]); vals.append(weight)

    for (a, b), strength in g.translations.items():
        ru, en = (a, b) if a.startswith("ru:") else (b, a)
        add(ru, en, w.translation * strength)
        add(en, ru, w.translation_en * strength)
    for ru, en in g.pivot_links:  # (ru, en) pairs
        add(ru, en, w.pivot)
        add(en, ru, w.pivot_en)
    toward_emoji: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (emoji, word), strength in g.emoji_keywords.items():
        if (emoji, word) in g.emoji_names:
            strength = max(strength, w.name)
        add(emoji, word, w.emoji * strength)
        if emoji in vindex and word in vindex:
            toward_emoji[word].append((emoji, w.keyword * strength))
    for word, pulls in toward_emoji.items():
        damping = max(sum(p for _, p in pulls), 1.0) ** -w.keyword_damping
        for emoji, pull in pulls:
            add(word, emoji, pull * damping)
    n = len(vindex)
    m = sp.coo_matrix((np.array(vals), (np.array(rows), np.array(cols))), shape=(n, n)).tocsr()
    m.sum_duplicates()
    return m

