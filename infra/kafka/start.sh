#!/usr/bin/env bash
# Starts one Apache Kafka broker from the Maven jars: KRaft combined mode (broker and controller in one JVM)
# on 127.0.0.1 and two free ports, fresh data every start. Prints KAFKA_BROKERS=127.0.0.1:PORT on stdout.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
STATE=$RUN_DIR/kafka
PIDFILE=$STATE/kafka.pid

if pid_alive "$PIDFILE" kafka.Kafka; then
  echo "KAFKA_BROKERS=$(<"$STATE/brokers")"
  exit 0
fi
"$HERE/fetch.sh"

rm -rf "$STATE"
mkdir -p "$STATE/data"
BROKER_PORT=$(free_port)
CONTROLLER_PORT=$(free_port)
while [[ $CONTROLLER_PORT == "$BROKER_PORT" ]]; do CONTROLLER_PORT=$(free_port); done

{
  cat "$HERE/broker.properties"
  echo
  echo "# This run's listeners and folders (infra/kafka/start.sh)"
  echo "listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT"
  echo "advertised.listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT"
  echo "controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT"
  echo "log.dirs=$STATE/data"
} >"$STATE/server.properties"

JAVA_OPTS=(-Xms256m "-Xmx${HB_KAFKA_HEAP:-768m}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$HERE/log4j2.properties" "-Dkafka.logs.dir=$STATE")
CLUSTER_ID=$(node -e "console.log(require('crypto').randomBytes(16).toString('base64url'))")
# Static voters (controller.quorum.voters), so no --standalone: that flag is for the dynamic quorum.
java "${JAVA_OPTS[@]}" -cp "$HERE/lib/*" kafka.tools.StorageTool format \
  --config "$STATE/server.properties" --cluster-id "$CLUSTER_ID" --ignore-formatted >"$STATE/format.log" 2>&1 \
  || { cat "$STATE/format.log" >&2; exit 1; }

# setsid: a Ctrl-C in the terminal that ran `make` reaches the test runner, whose trap stops the broker cleanly.
setsid java "${JAVA_OPTS[@]}" -cp "$HERE/lib/*" kafka.Kafka "$STATE/server.properties" \
  >"$STATE/stdout.log" 2>&1 </dev/null &
echo $! >"$PIDFILE"
echo "127.0.0.1:$BROKER_PORT" >"$STATE/brokers"

if ! node "$HERE/wait-ready.mjs" "127.0.0.1:$BROKER_PORT" "${HB_KAFKA_START_TIMEOUT_S:-120}" "$(<"$PIDFILE")"; then
  tail -n 40 "$STATE/server.log" "$STATE/stdout.log" >&2 || true
  stop_pidfile "$PIDFILE" kafka.Kafka 10
  exit 1
fi
echo "KAFKA_BROKERS=127.0.0.1:$BROKER_PORT"
