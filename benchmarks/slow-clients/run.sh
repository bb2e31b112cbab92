#!/bin/bash
# Slow and idle clients against a separate metrics port: the threads and RSS of the server's JVM
# (from /proc) and a scrape's status and latency, before, each second while the connections are
# open, and after they close. Everything binds 127.0.0.1; the server JVM is stopped by its PID.
#
#   benchmarks/slow-clients/run.sh port promjaxrs|clientjava IDLE SLOW SECONDS
#       a registry of 200 series on PrometheusMetrics.startHttpServer (provider/target/classes,
#       so run `mvn -pl provider compile` first) or on client_java's HTTPServer 1.10.0
#   benchmarks/slow-clients/run.sh example JAR IDLE SLOW SECONDS
#       the examples-jersey jar (`mvn -pl examples-jersey -am package -DskipTests`) with
#       METRICS_PORT=19464 and PORT=18080; its own port is checked before and after
#
# IDLE connections send nothing; SLOW ones send a request line a byte a second and never end it.
# Opening thousands needs `ulimit -n` above IDLE + SLOW (client side) and as much on the server side.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
KIND=$1; TARGET=$2; IDLE=$3; SLOW=$4; SECONDS_OPEN=$5
javac -d "$WORK/attack" benchmarks/slow-clients/Attack.java

case $KIND in
  port)
    mvn -B -q -o -pl provider dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
    CP=provider/target/classes:$(cat "$WORK/cp.txt")
    # client_java's own HTTPServer, the candidate measured against ours
    mvn -B -q dependency:get -Dartifact=io.prometheus:prometheus-metrics-exporter-httpserver:1.10.0 -Dtransitive=false >/dev/null
    CP=$CP:$HOME/.m2/repository/io/prometheus/prometheus-metrics-exporter-httpserver/1.10.0/prometheus-metrics-exporter-httpserver-1.10.0.jar
    javac -d "$WORK/main" -cp "$CP" benchmarks/slow-clients/PortServerMain.java
    java -Xmx256m -cp "$WORK/main:$CP" PortServerMain "$TARGET" > "$WORK/server.out" 2>&1 &
    PID=$!
    for _ in $(seq 100); do grep -q PORT "$WORK/server.out" && break; sleep 0.2; done
    PORT=$(awk '/PORT/{print $2}' "$WORK/server.out")
    sleep 1
    timeout 300 java -cp "$WORK/attack" Attack "$PID" "$PORT" "$IDLE" "$SLOW" "$SECONDS_OPEN" || true
    kill "$PID"; wait "$PID" 2>/dev/null || true
    ;;
  example)
    PORT=18080 METRICS_PORT=19464 HOST=127.0.0.1 java -Xmx256m -jar "$TARGET" > "$WORK/server.out" 2>&1 &
    PID=$!
    for _ in $(seq 100); do curl -s -o /dev/null http://127.0.0.1:18080/health && break; sleep 0.3; done
    sleep 2
    echo "application port before: $(curl -s -o /dev/null -w '%{http_code} %{time_total}s' --max-time 10 http://127.0.0.1:18080/health)"
    timeout 300 java -cp "$WORK/attack" Attack "$PID" 19464 "$IDLE" "$SLOW" "$SECONDS_OPEN" || true
    echo "application port after: $(curl -s -o /dev/null -w '%{http_code} %{time_total}s' --max-time 10 http://127.0.0.1:18080/health)"
    kill "$PID"; wait "$PID" 2>/dev/null || true
    ;;
  *) echo "usage: $0 port promjaxrs|clientjava IDLE SLOW SECONDS | example JAR IDLE SLOW SECONDS" >&2; exit 2 ;;
esac
