#!/usr/bin/env bash
# promjaxrs against the OpenTelemetry Java agent: the same requests, the same series.
#
#   bash e2e/otel-agent.sh
#
# Runs the Jersey example once, with the OpenTelemetry Java agent (its Prometheus exporter on a
# loopback port, traces and logs off) and with promjaxrs under PROMJAXRS_CONVENTIONS=opentelemetry,
# both on 127.0.0.1; sends one fixed mix of requests (a plain route, regex-constrained templates,
# a sub-resource locator, a 201, a mapped 409, an unmapped 500, an async response, an unmatched
# 404, a 405 and the root resource); scrapes the agent and then promjaxrs; and compares
# http_server_request_duration_seconds and http_server_active_requests series by series (label
# names and values, counts, le boundaries) with e2e/otel_compare.py, which prints both sides and
# closes with "N passed, M failed". Exit status: 0 when every check passed.
#
# The agent's Jersey instrumentation sets http.route only when the servlet API is on the class
# path (without it no series has a route): this run adds jakarta.servlet-api to the example's
# class path, for the agent alone. The agent and the servlet API come from Maven (cached in
# ~/.m2 after the first run). Settings: OTEL_AGENT_VERSION (2.33.1), E2E_TIMEOUT (the example's
# lifetime, 300 s; every other step has its own limit), E2E_KEEP=1 (keep the temporary directory), E2E_NO_BUILD=1 (use the jar as it is).
set -euo pipefail

cd "$(dirname "$0")/.."
agent_version=${OTEL_AGENT_VERSION:-2.33.1}
servlet_version=6.0.0
timeout_seconds=${E2E_TIMEOUT:-300}
jar=examples-jersey/target/examples-jersey.jar
m2=${MAVEN_REPO:-$HOME/.m2/repository}
agent=$m2/io/opentelemetry/javaagent/opentelemetry-javaagent/$agent_version/opentelemetry-javaagent-$agent_version.jar
servlet=$m2/jakarta/servlet/jakarta.servlet-api/$servlet_version/jakarta.servlet-api-$servlet_version.jar

work=$(mktemp -d)
app_pid=
cleanup() {
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    if [ "${E2E_KEEP:-}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
fetch() { # groupId:artifactId:version, file
    [ -f "$2" ] && return 0
    mvn -B -q -o dependency:get -Dartifact="$1" -Dtransitive=false >/dev/null 2>&1 \
        || mvn -B -q dependency:get -Dartifact="$1" -Dtransitive=false
}
fetch "io.opentelemetry.javaagent:opentelemetry-javaagent:$agent_version" "$agent"
fetch "jakarta.servlet:jakarta.servlet-api:$servlet_version" "$servlet"
if [ "${E2E_NO_BUILD:-}" != 1 ]; then
    mvn -B -q -pl examples-jersey -am package -DskipTests
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
agent_port=$(free_port)
metrics_port=$(free_port)
base=http://127.0.0.1:$port

HOST=127.0.0.1 PORT=$port METRICS_PORT=$metrics_port PROMJAXRS_CONVENTIONS=opentelemetry \
OTEL_SERVICE_NAME=orders OTEL_METRICS_EXPORTER=prometheus \
OTEL_EXPORTER_PROMETHEUS_HOST=127.0.0.1 OTEL_EXPORTER_PROMETHEUS_PORT=$agent_port \
OTEL_TRACES_EXPORTER=none OTEL_LOGS_EXPORTER=none \
OTEL_INSTRUMENTATION_HTTP_SERVER_EMIT_EXPERIMENTAL_TELEMETRY=true \
    timeout "$timeout_seconds" java -Xmx256m -javaagent:"$agent" -cp "$jar:$servlet" io.github.promjaxrs.examples.jersey.Main \
    > "$work/app.log" 2>&1 &
app_pid=$!

# started when it says so: polling the application would add requests to one side or the other
for _ in $(seq 1 240); do
    grep -q '^orders listening on' "$work/app.log" && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.25
done
grep -q '^orders listening on' "$work/app.log" || { echo "otel-agent: the example did not start" >&2; exit 1; }

send() { # method, path, expected status[, curl arguments]
    local method=$1 path=$2 expected=$3
    shift 3
    local status
    status=$(curl -s -o /dev/null -m 10 -w '%{http_code}' -X "$method" "$@" "$base$path")
    printf 'sent %-6s %-22s %s\n' "$method" "$path" "$status"
    [ "$status" = "$expected" ] || { echo "otel-agent: $method $path gave $status, expected $expected" >&2; exit 1; }
}
send GET /orders 200
send GET /orders/1 200
send GET /reports/daily 200
send GET /orders/1/lines/1 200
send POST /orders 201 -d item=book -d quantity=2
send POST /orders/2/cancel 409
send POST /orders/2/cancel 409
send GET /orders/1/invoice 500
send GET /orders/1/shipping 200
send GET /no/such/path 404
send DELETE /orders/1 405
send GET / 200

# promjaxrs through its separate port: a scrape of the application's /metrics would be a request
# in flight on one side (http_server_active_requests) and a request more on the other
curl -s -m 10 "http://127.0.0.1:$agent_port/metrics" > "$work/agent.txt"
curl -s -m 10 "http://127.0.0.1:$metrics_port/metrics" > "$work/promjaxrs.txt"
version=$(grep -o 'opentelemetry-javaagent - version: [^ ]*' "$work/app.log" || true)
echo "agent: ${version:-?}"

# service="orders" is the example's defaultLabel, on promjaxrs' side only
python3 e2e/otel_compare.py "$work/agent.txt" "$work/promjaxrs.txt" --ignore-promjaxrs-label service
