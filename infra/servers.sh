#!/usr/bin/env bash
# One Kafka broker and one Redis for the whole test suite.
#   infra/servers.sh up    start what the environment does not already provide (KAFKA_BROKERS / REDIS_URL),
#                          write infra/.run/servers.env and print it
#   infra/servers.sh env   print infra/.run/servers.env (KAFKA_BROKERS=…, REDIS_URL=…)
#   infra/servers.sh down  stop what `up` started, leaving nothing running
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
ENV_FILE=$RUN_DIR/servers.env
STARTED=$RUN_DIR/started

# Runs infra/<name>/start.sh and returns the value of its VAR=value line.
start_server() {
  local name=$1 var=$2 out
  out=$("$HERE/$name/start.sh")
  grep -qx "$name" "$STARTED" 2>/dev/null || echo "$name" >>"$STARTED"
  sed -n "s/^$var=//p" <<<"$out" | tail -n 1
}

up() {
  mkdir -p "$RUN_DIR"
  local brokers=${KAFKA_BROKERS:-} redis=${REDIS_URL:-}
  if [[ -z $brokers ]]; then brokers=$(start_server kafka KAFKA_BROKERS); else log "using KAFKA_BROKERS=$brokers"; fi
  if [[ -z $redis ]]; then redis=$(start_server redis REDIS_URL); else log "using the given REDIS_URL"; fi
  printf 'KAFKA_BROKERS=%s\nREDIS_URL=%s\n' "$brokers" "$redis" >"$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
  cat "$ENV_FILE"
}

down() {
  # Stops in reverse start order; a server this script did not start is left alone.
  if [[ -f $STARTED ]]; then
    tac "$STARTED" | while read -r name; do "$HERE/$name/stop.sh"; done
  fi
  rm -f "$STARTED" "$ENV_FILE"
}

case ${1:-} in
  up) up ;;
  down) down ;;
  env)
    [[ -f $ENV_FILE ]] || { log "no servers are up: run infra/servers.sh up"; exit 1; }
    cat "$ENV_FILE"
    ;;
  *) echo "usage: $0 up|down|env" >&2; exit 2 ;;
esac
