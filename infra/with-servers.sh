#!/usr/bin/env bash
# with-servers.sh CMD…: runs CMD with KAFKA_BROKERS and REDIS_URL of freshly started servers, stopping them after.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
trap '"$HERE/servers.sh" down' EXIT
# Signals become a normal exit, so the EXIT trap stops the servers.
trap 'exit 130' INT
trap 'exit 143' TERM
"$HERE/servers.sh" up >/dev/null
set -a
. "$RUN_DIR/servers.env"
set +a
"$@"
