#!/usr/bin/env bash
# Stops the redis-server started by start.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
stop_pidfile "$RUN_DIR/redis/redis.pid" redis-server 10
