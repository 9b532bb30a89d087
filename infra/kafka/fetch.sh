#!/usr/bin/env bash
# Fetches the Kafka broker jars from Maven Central into infra/kafka/lib (once; delete lib/ to refetch).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# The stamp is written last, so an interrupted fetch is redone rather than trusted.
if [[ -f $HERE/lib/.fetched ]] && [[ $HERE/lib/.fetched -nt $HERE/pom.xml ]]; then exit 0; fi
command -v mvn >/dev/null || { echo "[infra] mvn not found: run 'make install'" >&2; exit 1; }
rm -rf "$HERE/lib"
# Maven writes colour codes to stdout; start.sh keeps stdout for the KAFKA_BROKERS line.
(cd "$HERE" && mvn -q -B -Dstyle.color=never dependency:copy-dependencies -DoutputDirectory=lib) >&2
touch "$HERE/lib/.fetched"
