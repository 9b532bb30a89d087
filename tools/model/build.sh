#!/usr/bin/env bash
# Builds the static meaning model: tools/model/build.sh [full|permissive|holdout|permissive-holdout]
#   full               models/hb-static-full-v1.bin (the shipped default; GPL-3.0-or-later data)
#   permissive         models/hb-static-permissive-v1.bin (permissively licensed sources only)
#   holdout            models/build/hb-static-full-holdout-v1.bin: full, minus the direct dictionary edges of
#                      eval/data/model/translations.tsv (measured by eval/model.eval.ts, not committed)
#   permissive-holdout the same for the permissive variant
# Needs the Debian packages and npm packages listed in models/README.md. Prints its time and peak memory.
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
for f in /usr/share/mythes/th_en_US_v2.dat /usr/share/wordnet/data.noun "$root/node_modules/emojibase-data/ru/data.json"; do
  [ -e "$f" ] || { echo "missing $f: run make install (see models/README.md for the sources)" >&2; exit 1; }
done
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
