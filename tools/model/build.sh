#!/usr/bin/env bash
# Builds the static meaning model: tools/model/build.sh [full|permissive|holdout|permissive-holdout]
#   full               models/hb-static-full-v1.bin (the shipped default; GPL-3.0-or-later data)
#   permissive         models/hb-static-permissive-v1.bin (permissively licensed sources only)
#   holdout            models/build/hb-static-full-holdout-v1.bin: full, minus the direct dictionary edges of
#                      eval/data/model/translations.tsv (measured by eval/model.eval.ts, not committed)
#   permissive-holdout the same for the permissive variant
# Installs its own build dependencies (the Debian sources below, the pinned Python packages in .venv; the npm
# package emojibase-data comes with `make install`). Prints its time and peak memory. CI never runs it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
variant="${1:-full}"
case "$variant" in
  full|permissive) args=(--variant "$variant" --out "$root/models/hb-static-$variant-v1.bin") ;;
  holdout) args=(--variant full --holdout "$root/eval/data/model/translations.tsv" --out "$root/models/build/hb-static-full-holdout-v1.bin") ;;
  permissive-holdout) args=(--variant permissive --holdout "$root/eval/data/model/translations.tsv" --out "$root/models/build/hb-static-permissive-holdout-v1.bin") ;;
  *) echo "usage: $0 [full|permissive|holdout|permissive-holdout]" >&2; exit 2 ;;
esac
# The lexical sources of models/README.md; the permissive variant needs only the first four.
debian_sources=(unicode-data wordnet-base mythes-en-us mythes-ru mueller7-dict dict-freedict-eng-rus
  dict-freedict-eng-deu dict-freedict-deu-rus dict-freedict-eng-fra dict-freedict-fra-rus
  dict-freedict-eng-ita dict-freedict-ita-rus dict-freedict-eng-nld dict-freedict-nld-rus dict-freedict-eng-swe
  dict-freedict-swe-rus dict-freedict-eng-ell dict-freedict-ell-rus)
missing=()
for pkg in "${debian_sources[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "apt-get install ${missing[*]}" >&2
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -e "$root/node_modules/emojibase-data/ru/data.json" ] || { echo "missing node_modules/emojibase-data: run make install" >&2; exit 1; }
if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi
# One thread per BLAS call keeps the result bit-for-bit reproducible across machines.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
cd "$here"
start=$(date +%s)
"$here/.venv/bin/python" build.py "${args[@]}"
echo "model.build.wall: $(( $(date +%s) - start )) s"
