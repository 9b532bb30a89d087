#!/usr/bin/env python3
"""Builds the English lemma table and exception list from WordNet 3.0 (Debian package wordnet-base).

Deterministic: the output depends only on the WordNet files. Standard library only.

  python3 tools/morph/build_en_wordnet.py [/usr/share/wordnet] [data/morph]

Writes
  en-lemmas.tsv      lemma <TAB> noun <TAB> verb <TAB> adj <TAB> adv   (a weight per part of speech, '-' when the
                     lemma is not that part of speech; weight = 10 * tagged-sense count + sense count, a frequency
                     proxy: the tagged-sense count is how often the lemma's senses occur in the SemCor corpus)
  en-exceptions.tsv  form <TAB> pos (n|v|a|r) <TAB> lemma <TAB> spelling   (WordNet's morphological exception
                     lists; spelling is "us" when Hunspell's en_US dictionary accepts the form, "other" when it does
                     not: British doublings such as travelled, and rare words. Analysis reads every form; inflection
                     writes only "us" ones, so rendered English passes an en_US spell check.)
Only single words are kept (WordNet collocations with '_' are dropped).
Needs the hunspell binary and Debian hunspell-en-us (1:2020.12.07-2 for the committed file).
"""
import os
import re
import subprocess
import sys

POS = ['noun', 'verb', 'adj', 'adv']
SHORT = {'noun': 'n', 'verb': 'v', 'adj': 'a', 'adv': 'r'}
WORD = re.compile(r"^[a-z][a-z'.-]*$")


def read_index(path):
    weights = {}
    with open(path, encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue  # licence header
            fields = line.split()
            lemma = fields[0]
            if not WORD.match(lemma):
                continue
            synset_cnt = int(fields[2])
            p_cnt = int(fields[3])
            tagsense_cnt = int(fields[5 + p_cnt])
            weights[lemma] = 10 * tagsense_cnt + synset_cnt
    return weights


def rejected_by_en_us(words):
    """Words Hunspell's en_US dictionary does not accept (`hunspell -l` lists misspelt words)."""
    out = subprocess.run(['hunspell', '-d', 'en_US', '-l'], input='\n'.join(words) + '\n',
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/wordnet'
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'morph')
    by_pos = {p: read_index(os.path.join(src, 'index.' + p)) for p in POS}
    lemmas = sorted(set().union(*by_pos.values()))
    with open(os.path.join(out, 'en-lemmas.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        for lemma in lemmas:
            cols = [str(by_pos[p][lemma]) if lemma in by_pos[p] else '-' for p in POS]
            f.write(lemma + '\t' + '\t'.join(cols) + '\n')
    rows = []
    for p in POS:
        with open(os.path.join(src, p + '.exc'), encoding='latin-1') as f:
            for line in f:
                form, *targets = line.split()
                if not WORD.match(form):
                    continue
                rows.extend((form, SHORT[p], t) for t in targets if WORD.match(t))
    rejected = rejected_by_en_us(sorted({form for form, _, _ in rows}))
    with open(os.path.join(out, 'en-exceptions.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        for form, p, lemma in rows:  # file order kept: WordNet lists the preferred lemma first
            spelling = 'other' if form in rejected else 'us'
            f.write(f'{form}\t{p}\t{lemma}\t{spelling}\n')
    print(f'en-lemmas.tsv: {len(lemmas)} lemmas; en-exceptions.tsv: {len(rows)} rows')


if __name__ == '__main__':
    main()
