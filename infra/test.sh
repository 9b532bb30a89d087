#!/usr/bin/env bash
# `make test`: install, build, start Kafka and Redis, run the unit tests (no servers) and then the integration
# tests (with KAFKA_BROKERS and REDIS_URL), stop the servers whatever happens, print each phase's time.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
cd "$ROOT_DIR"
failed=()

# run_tests NAME TIMEOUT_MS [NODE_FLAG…] -- FILE…: node's runner; its output is kept for the totals.
run_tests() {
  local name=$1 timeout=$2 flags=()
  shift 2
  while [[ $1 != -- ]]; do flags+=("$1"); shift; done
  shift
  if [[ $# -eq 0 ]]; then
    echo "[infra] no $name tests"
    return 0
  fi
  node --test --test-concurrency=1 --test-timeout="$timeout" "${flags[@]}" --test-reporter=spec "$@" \
    | tee "$REPORTS/$name.out"
}

# Unit tests must not need servers, so they do not see them. They hold no connections, so they run without
# --test-force-exit: forcing the exit can cut the reporter's last lines (and totals) before the pipe drains.
unit_tests() { (unset KAFKA_BROKERS REDIS_URL; run_tests unit 300000 -- "$@"); }
# --test-force-exit: an integration file that leaves a client connected must not hold the run until the timeout.
integration_tests() { (set -a; . "$RUN_DIR/servers.env"; set +a; run_tests integration 600000 --test-force-exit -- "$@"); }

# Sum of the runner's closing "ℹ pass N" / "ℹ fail N" lines over both runs.
total() { cat "$REPORTS"/*.out 2>/dev/null | awk -v key="$1" '$1 == "ℹ" && $2 == key { n += $3 } END { print n + 0 }'; }

phase install "$HERE/install.sh" || exit 1
# tsc still emits JavaScript for files with type errors: count them as a failure, but run the tests anyway.
phase build npx tsc -p tsconfig.json || failed+=(build)

# Each run's own folder for the runner's output, so a concurrent run in the same tree cannot remove it.
REPORTS=$(mktemp -d)
trap 'phase "servers down" "$HERE/servers.sh" down >&2; rm -rf "$REPORTS"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
phase servers "$HERE/servers.sh" up || exit 1

# The compiled files of the test sources that exist now (dist/ may still hold files of deleted tests).
# A source without its compiled file is counted as a failure instead of stopping the whole run.
unit=() integration=() uncompiled=()
while read -r source; do
  js=dist/${source%.ts}.js
  if [[ ! -f $js ]]; then uncompiled+=("$source")
  elif [[ $source == test/integration/* ]]; then integration+=("$js")
  else unit+=("$js"); fi
done < <(find test -name '*.test.ts' | LC_ALL=C sort)
if [[ ${#uncompiled[@]} -gt 0 ]]; then
  echo "[infra] not compiled, so not run: ${uncompiled[*]}" >&2
  failed+=(compile)
fi

phase unit unit_tests "${unit[@]}" || failed+=(unit)
phase integration integration_tests "${integration[@]}" || failed+=(integration)

echo "tests: $(total pass) passed, $(($(total fail) + ${#uncompiled[@]})) failed"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "[infra] failed: ${failed[*]}" >&2
  exit 1
fi
