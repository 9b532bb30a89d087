#!/usr/bin/env bash
# Stops the broker started by start.sh (controlled shutdown, SIGKILL after 30 s). Its logs stay until the next start.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
stop_pidfile "$RUN_DIR/kafka/kafka.pid" kafka.Kafka 30
