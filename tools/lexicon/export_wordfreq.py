"""Exports wordfreq's 'large' Russian and English lists into data/wordfreq/<lang>.tsv.gz.

One line per word, `word<TAB>zipf*100` (an integer; zipf = log10 of frequency per billion words), most frequent
first, ties broken by the word, so the output is byte-for-byte deterministic (gzip mtime fixed to 0).
Only words made of letters of the language's own alphabet are kept: the segmenter splits runs of letters, so
digits, apostrophes and other scripts would never be looked up. For Russian, ё is folded into е (frequencies
summed): matching is ё-insensitive everywhere in HyperBridge.

    pip install -r tools/lexicon/requirements.txt
    python3 tools/lexicon/export_wordfreq.py
"""
import gzip
import math
import os
import re
import sys

import wordfreq

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'data', 'wordfreq')
LIMIT = {'ru': 200_000, 'en': 150_000}
ALPHABET = {'ru': re.compile(r'^[а-яё]+$'), 'en': re.compile(r'^[a-z]+$')}


def export(lang: str) -> int:
    freqs: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict(lang, 'large').items():
        if not ALPHABET[lang].match(word):
            continue
        key = word.replace('ё', 'е')
        freqs[key] = freqs.get(key, 0.0) + freq
    ranked = sorted(freqs.items(), key=lambda kv: (-kv[1], kv[0]))[: LIMIT[lang]]
    lines = ''.join(f'{w}\t{round((math.log10(f) + 9) * 100)}\n' for w, f in ranked)
    path = os.path.join(OUT, f'{lang}.tsv.gz')
    with open(path, 'wb') as raw, gzip.GzipFile(filename='', mode='wb', fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(lines.encode('utf-8'))
    return len(ranked)


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    for lang in ('ru', 'en'):
        print(f'{lang}: {export(lang)} words', file=sys.stderr)
