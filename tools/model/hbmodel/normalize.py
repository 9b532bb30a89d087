"""One normalisation for every source, the same the TypeScript look-up applies (services/core/embed/normalize.ts):
lower case, ё→е, combining stress marks removed, emoji presentation selectors and skin tones stripped."""
import re
import unicodedata
from functools import lru_cache

import pymorphy3
import wordfreq

CYRILLIC_WORD = re.compile(r"^[а-яё]+(?:-[а-яё]+)*$")
LATIN_WORD = re.compile(r"^[a-z]+(?:[-'][a-z]+)*$")
# VS15/VS16 and the five Fitzpatrick skin-tone modifiers: they change how an emoji looks, not what it means.
EMOJI_MODIFIERS = re.compile("[\ufe0e\ufe0f\U0001F3FB-\U0001F3FF]")

_morph = pymorphy3.MorphAnalyzer()


def fold(word: str) -> str:
    word = unicodedata.normalize("NFD", word.strip().lower())
    word = word.replace("\u0301", "").replace("\u0300", "")
    word = unicodedata.normalize("NFC", word)
    return word.replace("ё", "е")


def strip_emoji(emoji: str) -> str:
    return EMOJI_MODIFIERS.sub("", emoji)


# A plural this much more frequent (in Zipf units) than its singular is the word itself: деньги, not деньга.
PLURAL_WORD_ZIPF_MARGIN = 2.0


@lru_cache(maxsize=None)
def ru_analysis(word: str) -> tuple[str, str | None] | None:
    """The lemma of a Russian word, and the analyser's other normal form when the lemma is a plural kept as a
    word of its own (деньги → ('деньги', 'деньга')), so that form can be shipped as an alias."""
    raw = word.strip().lower().replace("\u0301", "")
    if not CYRILLIC_WORD.match(raw):
        return None
    parses = _morph.parse(raw)
    folded = fold(raw)
    # A word that is a dictionary form stays as it is: стекло must not become стечь, and a nominative singular
    # noun is its own lemma even where OpenCorpora files it under a spelling variant (счастье, not счастие).
    for p in parses:
        if fold(p.normal_form) == folded or {"NOUN", "sing", "nomn"} <= p.tag.grammemes:
            return folded, None
    if not parses:
        return folded, None
    normal = fold(parses[0].normal_form)
    if {"NOUN", "plur"} <= parses[0].tag.grammemes and \
            wordfreq.zipf_frequency(folded, "ru") >= wordfreq.zipf_frequency(normal, "ru") + PLURAL_WORD_ZIPF_MARGIN:
        # the singular is an alias only when it is a word in use (not a guess such as бастие for бастионы)
        return folded, normal if wordfreq.zipf_frequency(normal, "ru") > 0 else None
    return normal, None


def ru_lemma(word: str) -> str | None:
    analysis = ru_analysis(word)
    return analysis[0] if analysis else None


class EnglishLemmatizer:
    """WordNet's morphy: exception lists, then suffix rules whose result is a WordNet lemma."""

    RULES = {
        "noun": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
        "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
        "adj": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    }

    def __init__(self, wordnet_dir: str):
        self.lemmas: set[str] = set()
        self.exceptions: dict[str, str] = {}
        for pos in ("noun", "verb", "adj", "adv"):
            with open(f"{wordnet_dir}/index.{pos}", encoding="utf8") as f:
                for line in f:
                    if not line.startswith(" "):
                        self.lemmas.add(line.split(" ", 1)[0].replace("_", " "))
            with open(f"{wordnet_dir}/{pos}.exc", encoding="utf8") as f:
                for line in f:
                    parts = line.split()
                    if len(parts) >= 2:
                        self.exceptions.setdefault(parts[0], parts[1])

    @lru_cache(maxsize=None)
    def lemma(self, word: str) -> str | None:
        w = fold(word)
        if not LATIN_WORD.match(w):
            return None
        if w in self.lemmas:
            return w
        if w in self.exceptions:
            return self.exceptions[w]
        for rules in self.RULES.values():
            for suffix, repl in rules:
                if w.endswith(suffix) and len(w) > len(suffix) + 1:
                    cand = w[: -len(suffix)] + repl
                    if cand in self.lemmas:
                        return cand
        return w
