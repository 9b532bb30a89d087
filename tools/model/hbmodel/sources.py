"""Parsers of the lexical sources. Each yields weighted edges between typed nodes:
`ru:слово`, `en:word`, `em:🔥` (shipped) and `de:…`, `fr:…`, `it:…`, `nl:…`, `sv:…`, `el:…`, `wn:…` (hidden pivots,
never shipped)."""
import gzip
import json
import re
from dataclasses import dataclass, field

from .normalize import EnglishLemmatizer, fold, ru_lemma, strip_emoji

Edge = tuple[str, str, float]


@dataclass
class Source:
    name: str
    licence: str
    permissive: bool
    # kind of relation: 'syn' (same language), 'trans' (ru–en translation), 'emoji' (emoji–keyword), 'pivot'
    kind: str
    edges: list[Edge] = field(default_factory=list)
    # (emoji, word) pairs whose word is in the emoji's CLDR name: the name says what the emoji means, while the
    # tags include slang and loose associations (🔥: name "fire", tags "lit", "tool"); retrofitting weighs names more
    names: set[tuple[str, str]] = field(default_factory=set)


class Lemmatizers:
    def __init__(self, wordnet_dir: str):
        self.en = EnglishLemmatizer(wordnet_dir)

    def node(self, lang: str, word: str) -> str | None:
        if lang == "ru":
            lemma = ru_lemma(word)
        elif lang == "en":
            lemma = self.en.lemma(word)
        else:
            lemma = fold(word)
            if not PIVOT_WORD.match(lemma):
                lemma = None
        return f"{lang}:{lemma}" if lemma else None


# a single word of a pivot language, in any script (Greek too), hyphenated parts allowed
PIVOT_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")
STOP = {
    "ru": set("и в во на с со к ко по за из от до у о об а но не ни же ли бы то для при без над под про".split()),
    "en": set("a an the of and or in on at to for with by from as is be not no".split()),
}


def _add(src: Source, a: str | None, b: str | None, w: float) -> None:
    if a and b and a != b:
        src.edges.append((a, b, w))


def mythes(path: str, lang: str, lem: Lemmatizers, name: str, licence: str, permissive: bool) -> Source:
    """LibreOffice MyThes thesaurus. Antonyms are left out: they sit close in text but far in meaning."""
    weights = {"синоним": 1.0, "сходный термин": 0.6, "similar term": 0.7, "related term": 0.5, "generic term": 0.4}
    src = Source(name, licence, permissive, "syn")
    with open(path, encoding="utf8", errors="replace") as f:
        lines = f.read().split("\n")[1:]
    i = 0
    while i < len(lines):
        head, _, n = lines[i].partition("|")
        count = int(n) if n.isdigit() else 0
        head_node = lem.node(lang, head)
        for line in lines[i + 1 : i + 1 + count]:
            parts = line.split("|")
            category = parts[0].strip("()")
            if category in ("антоним", "antonym"):
                continue
            for term in parts[1:]:
                m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", term)
                word, kind = (m.group(1), m.group(2)) if m else (term, category)
                if kind in ("antonym", "антоним"):
                    continue
                _add(src, head_node, lem.node(lang, word), weights.get(kind, 1.0))
        i += 1 + count
    return src


def wordnet(wordnet_dir: str, lem: Lemmatizers) -> Source:
    """Princeton WordNet: words link to hidden synset nodes; synsets to their hypernyms and similar synsets."""
    src = Source("wordnet", "WordNet 3.0 licence (permissive, BSD-like)", True, "syn")
    pointer_weights = {"@": 0.5, "@i": 0.5, "&": 0.7, "^": 0.4, "=": 0.4, "+": 0.5, "$": 0.7}
    for pos in ("noun", "verb", "adj", "adv"):
        with open(f"{wordnet_dir}/data.{pos}", encoding="utf8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split(" | ", 1)[0].split()
                synset = f"wn:{fields[0]}{fields[2]}"
                n_words = int(fields[3], 16)
                words = fields[4 : 4 + 2 * n_words : 2]
                for w in words:
                    w = re.sub(r"\(.*\)$", "", w).replace("_", " ")
                    if " " not in w:
                        _add(src, lem.node("en", w), synset, 1.0)
                at = 4 + 2 * n_words
                n_ptr = int(fields[at])
                for k in range(n_ptr):
                    symbol, offset, target_pos = fields[at + 1 + 4 * k : at + 4 + 4 * k]
                    if symbol in pointer_weights:
                        target_pos = "a" if target_pos == "s" else target_pos
                        _add(src, synset, f"wn:{offset}{target_pos}", pointer_weights[symbol])
    # adjective satellites ('s') are addressed as 'a' by pointers: one name for both
    src.edges = [(a.replace("s", "a") if a.startswith("wn:") and a.endswith("s") else a,
                  b.replace("s", "a") if b.startswith("wn:") and b.endswith("s") else b, w) for a, b, w in src.edges]
    return src


_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64(s: str) -> int:
    n = 0
    for c in s:
        n = n * 64 + _B64.index(c)
    return n


def dictd_entries(name: str, root: str = "/usr/share/dictd") -> list[str]:
    data = gzip.open(f"{root}/{name}.dict.dz").read()
    seen: set[int] = set()
    out = []
    with open(f"{root}/{name}.index", encoding="utf8") as f:
        for line in sorted(f.read().split("\n")):
            parts = line.split("\t")
            if len(parts) != 3 or parts[0].startswith("00database"):
                continue
            off = _b64(parts[1])
            if off in seen:
                continue
            seen.add(off)
            out.append(data[off : off + _b64(parts[2])].decode("utf8", errors="replace"))
    return out


def _clean_head(line: str) -> str:
    return re.sub(r"\s*(/+[^/]*/+|<[^>]*>|\[[^\]]*\])", "", line).strip()


def _candidates(text: str) -> list[str]:
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>|\{[^}]*\}", " ", text)
    return [t.strip(" .!?\"'«»") for t in re.split(r"[,;]", text)]


def mueller(lem: Lemmatizers) -> Source:
    """Mueller's English–Russian dictionary (7th ed.): the richest bilingual source. Earlier senses weigh more."""
    src = Source("mueller7", "GPL-2.0-or-later", False, "trans")
    for body in dictd_entries("mueller7"):
        lines = body.split("\n")
        head = lem.node("en", lines[0].strip()) if " " not in lines[0].strip() else None
        if not head:
            continue
        text = " ".join(lines[1:])
        text = re.sub(r"\[[^\]]*\]", " ", text)
        text = re.sub(r"_[^\s.]+\.?", " ", text)  # grammatical and usage labels: _n. _перен. _разг.
        rank = 0
        for sense in re.split(r"\s\d+[.)]\s|\s_?[IVX]+\s", text):
            for j, cand in enumerate(_candidates(sense)):
                node = lem.node("ru", cand) if " " not in cand else None
                if node:
                    _add(src, head, node, (1.0 if j == 0 else 0.7) / (1.0 + 0.15 * rank))
                    rank += 1
    return src


def freedict(pair: str, lem: Lemmatizers, licence: str) -> Source:
    """FreeDict dictionaries: a headword line, then translation lines (numbered senses); indented lines are notes."""
    src_lang, dst_lang = pair.split("-")
    langs = {"eng": "en", "rus": "ru", "deu": "de", "fra": "fr", "ita": "it", "nld": "nl", "swe": "sv", "ell": "el"}
    a_lang, b_lang = langs[src_lang], langs[dst_lang]
    kind = "trans" if {a_lang, b_lang} == {"en", "ru"} else "pivot"
    src = Source(f"freedict-{pair}", licence, False, kind)
    for body in dictd_entries(f"freedict-{pair}"):
        lines = body.split("\n")
        head_text = _clean_head(lines[0])
        head = lem.node(a_lang, head_text) if " " not in head_text else None
        if not head:
            continue
        for rank, line in enumerate(l for l in lines[1:] if l and not l[0].isspace()):
            line = re.sub(r"^\d+\.\s*", "", line)
            for j, cand in enumerate(_candidates(line)):
                node = lem.node(b_lang, cand) if cand and " " not in cand else None
                _add(src, head, node, (1.0 if j == 0 else 0.7) / (1.0 + 0.15 * rank))
    return src


def emoji_annotations(node_modules: str, lang: str, lem: Lemmatizers) -> Source:
    """CLDR annotations (via emojibase-data): each emoji links to its keywords and to the words of its name."""
    src = Source(f"cldr-emoji-{lang}", "Unicode License v3 (CLDR data), emojibase-data MIT", True, "emoji")
    with open(f"{node_modules}/emojibase-data/{lang}/data.json", encoding="utf8") as f:
        data = json.load(f)
    for entry in sorted(data, key=lambda e: e["hexcode"]):
        node = "em:" + strip_emoji(entry["emoji"])
        keywords: dict[str, float] = {}
        for tag in entry.get("tags", []):
            for w in tag.split():
                keywords[w] = max(keywords.get(w, 0.0), 1.0 if " " not in tag else 0.6)
        label = set(re.split(r"[\s:,]+", entry.get("label", "")))
        for w in label:
            keywords[w] = max(keywords.get(w, 0.0), 0.8)
        for w, weight in sorted(keywords.items()):
            if w.lower() in STOP[lang]:
                continue
            word = lem.node(lang, w)
            _add(src, node, word, weight)
            if w in label and word and word != node:
                src.names.add((node, word))
    return src


def unicode_alchemical(unicode_data: str, lem: Lemmatizers) -> Source:
    """Alchemical symbols (🜂 fire, 🜄 water, …) named in the Unicode Character Database, as the seed uses them."""
    src = Source("unicode-names", "Unicode License v3", True, "emoji")
    with open(unicode_data, encoding="utf8") as f:
        for line in f:
            code, name = line.split(";")[:2]
            if 0x1F700 <= int(code, 16) <= 0x1F77F and name.startswith("ALCHEMICAL SYMBOL FOR "):
                words = name[len("ALCHEMICAL SYMBOL FOR ") :].lower().split()
                for w in words:
                    if w not in STOP["en"] and w not in ("symbol", "alternative", "one", "two", "three"):
                        _add(src, "em:" + chr(int(code, 16)), lem.node("en", w), 1.0)
    return src
