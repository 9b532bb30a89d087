#!/usr/bin/env bash
# Starts Debian's redis-server on 127.0.0.1 and a free port, daemonized, state under infra/.run/redis.
# Prints REDIS_URL=redis://127.0.0.1:PORT on stdout.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
STATE=$RUN_DIR/redis
PIDFILE=$STATE/redis.pid

if pid_alive "$PIDFILE" redis-server; then
  echo "REDIS_URL=redis://127.0.0.1:$(<"$STATE/port")"
  exit 0
fi
if ! command -v redis-server >/dev/null; then
  log "installing redis-server"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

rm -rf "$STATE"
mkdir -p "$STATE"
PORT=$(free_port)
echo "$PORT" >"$STATE/port"
# No persistence: test data only. The explicit pidfile and dir keep this instance apart from a system Redis.
redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --pidfile "$PIDFILE" --dir "$STATE" \
  --logfile "$STATE/redis.log" --save '' --appendonly no

for ((i = 0; i < 100; i++)); do
  if [[ $(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null) == PONG ]]; then
    echo "REDIS_URL=redis://127.0.0.1:$PORT"
    exit 0
  fi
  sleep 0.1
done
log "redis-server did not answer on port $PORT"
tail -n 20 "$STATE/redis.log" >&2 || true
stop_pidfile "$PIDFILE" redis-server 5
exit 1
