#!/usr/bin/env bash
# promjaxrs end-to-end test: the example services, scraped by a real Prometheus.
#
#   bash e2e/run.sh [JOB[:CONVENTIONS]=JAR ...]
#
# Starts each example jar on free 127.0.0.1 ports (HOST and PORT, as SPEC "Examples" has it,
# plus METRICS_TOKEN, METRICS_PORT and PROMJAXRS_CONVENTIONS), has Prometheus scrape each every
# second as a job of its own, with the bearer token, sends each the example's bounded --load and
# then a --flood of unmatched paths, and checks through Prometheus's HTTP API, on the names of
# each job's conventions, that: every target is up; each has a request rate; histogram_quantile
# is computable; the flood is one series per job; JVM metrics are there; every scrape passes
# promtool (text lint, OpenMetrics parse); and every PromQL expression of the conventions'
# Grafana dashboard (examples/grafana/promjaxrs-dashboard.json for the promjaxrs jobs,
# promjaxrs-opentelemetry-dashboard.json for the opentelemetry ones) parses and returns data.
# Everything it starts it stops, pass or fail, and every wait has a time limit.
#
# Needs java, curl, python3 and Prometheus 2.x (prometheus, promtool); if Prometheus is missing
# and this runs as root, it installs Debian's package with apt-get. The jars come from
# `mvn -B -q package -DskipTests`, run here only if one is missing.
#
# Jobs: the arguments, or E2E_JOBS="JOB[:CONVENTIONS]=JAR ...", CONVENTIONS being promjaxrs (the
# default) or opentelemetry, given to the job as PROMJAXRS_CONVENTIONS. The default is the orders
# service once on each runtime, orders-jersey (the Jersey example's jar) and orders-resteasy (the
# RESTEasy example's), and once more on Jersey with the OpenTelemetry names, orders-jersey-otel.
# Settings: E2E_REQUESTS (mixed requests per job, 1500), E2E_FLOOD (unmatched requests per job,
# 3000), E2E_SECONDS (time limit of each load phase, 30), E2E_TIMEOUT (the whole run, 600 s),
# E2E_JAVA_OPTS (-Xmx256m), E2E_LOAD_JAR (the jar whose --load drives every job: the Jersey
# example's), E2E_KEEP=1 (keep the temporary directory, with every log and scrape).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
# wait_until, start_watchdog, show_logs, keep_or_remove, apt_install
source e2e/lib.sh
jersey_jar=examples-jersey/target/examples-jersey.jar
resteasy_jar=examples-resteasy/target/examples-resteasy.jar
default_jobs="orders-jersey=$jersey_jar orders-resteasy=$resteasy_jar orders-jersey-otel:opentelemetry=$jersey_jar"
if [ $# -gt 0 ]; then
    job_specs=("$@")
else
    read -r -a job_specs <<< "${E2E_JOBS:-$default_jobs}"
fi
load_jar=${E2E_LOAD_JAR:-$jersey_jar}
requests=${E2E_REQUESTS:-1500}
flood=${E2E_FLOOD:-3000}
load_seconds=${E2E_SECONDS:-30}
overall=${E2E_TIMEOUT:-600}
read -r -a java_opts <<< "${E2E_JAVA_OPTS:--Xmx256m}"
dashboard=examples/grafana/promjaxrs-dashboard.json
otel_dashboard=examples/grafana/promjaxrs-opentelemetry-dashboard.json
example_config=examples/prometheus/prometheus.yml
started_at=$SECONDS

# promtool lint findings accepted on a text scrape, as extended regexes over its output lines,
# each with its reason. None are needed today: the default metrics, the example's annotation
# metrics and client_java's JVM metrics all lint clean with promtool 2.42.
accepted_lint=()

log() { printf '==> e2e: %s\n' "$*"; }
die() { printf 'e2e: FAIL: %s\n' "$*" >&2; exit 1; }

checks=()
failures=0
pass() { checks+=("ok    $*"); printf '  ok    %s\n' "$*"; }
fail() { checks+=("FAIL  $*"); printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() { # check DESCRIPTION COMMAND...: pass or fail on the command's status
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# ---------------------------------------------------------------- clean-up, pass or fail
tmp=$(mktemp -d "${TMPDIR:-/tmp}/promjaxrs-e2e.XXXXXX")
pids=()
watchdog=
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    [ -n "$watchdog" ] && kill -TERM "$watchdog" 2>/dev/null || true
    local pid
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    local end=$((SECONDS + 15))
    for pid in "${pids[@]}"; do
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < end)); do sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    [ "$rc" -eq 0 ] || show_logs "$tmp" 15
    keep_or_remove "$tmp" "${E2E_KEEP:-}" e2e
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools
missing=()
command -v prometheus > /dev/null && command -v promtool > /dev/null || missing+=(prometheus)
command -v python3 > /dev/null || missing+=(python3)
command -v curl > /dev/null || missing+=(curl)
command -v java > /dev/null || die "java is not on the PATH (JDK 17 needed)"
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt-get (Debian's prometheus package brings promtool; its own service is not used)"
    apt_install "$tmp" "${missing[@]}" || die "could not install ${missing[*]} (see above)"
fi
prometheus_bin=$(command -v prometheus)
promtool_bin=$(command -v promtool)
promapi=(python3 "$root/e2e/promapi.py")
log "using $prometheus_bin and $promtool_bin: $("$promtool_bin" --version 2>&1 | head -n 1)"

# ---------------------------------------------------------------- jars
names=()
jars=()
conventions=()
jaxrs_jobs=() # the jobs on promjaxrs names, and on OpenTelemetry's: their checks differ
otel_jobs=()
for spec in "${job_specs[@]}"; do
    [[ $spec == *=* ]] || die "job '$spec': expected JOB[:CONVENTIONS]=JAR"
    name=${spec%%=*}
    convention=promjaxrs
    if [[ $name == *:* ]]; then
        convention=${name#*:}
        name=${name%%:*}
    fi
    [[ $name =~ ^[a-zA-Z_][a-zA-Z0-9_-]*$ ]] || die "job '$name': not a valid job name"
    case $convention in
        promjaxrs) jaxrs_jobs+=("$name") ;;
        opentelemetry) otel_jobs+=("$name") ;;
        *) die "job '$name': conventions '$convention': expected promjaxrs or opentelemetry" ;;
    esac
    names+=("$name")
    jars+=("${spec#*=}")
    conventions+=("$convention")
done
[ ${#names[@]} -ge 1 ] || die "no jobs"
for jar in "${jars[@]}" "$load_jar"; do
    if [ ! -f "$jar" ]; then
        log "$jar is missing: mvn -B -q -ntp package -DskipTests"
        timeout 900 mvn -B -q -ntp package -DskipTests || die "the build failed"
        break
    fi
done
# Each jar runs from a copy, so a build started meanwhile cannot change classes under a running JVM.
mkdir -p "$tmp/jars"
copy_jar() {
    local copy
    copy="$tmp/jars/$(printf '%s' "$1" | tr '/' '_')"
    [ -f "$1" ] || die "$1: no such jar"
    [ -f "$copy" ] || cp "$1" "$copy"
    printf '%s' "$copy"
}
for i in "${!jars[@]}"; do
    jars[i]=$(copy_jar "${jars[i]}")
done
load_jar=$(copy_jar "$load_jar")

# From here on the run is bounded as a whole: past E2E_TIMEOUT the watchdog stops it (and cleanup
# runs). Installing and building, before, have time limits of their own.
start_watchdog "$overall" "e2e: FAIL: still running after E2E_TIMEOUT=$overall s; stopping"

# ---------------------------------------------------------------- services
read -r -a free <<< "$("${promapi[@]}" free-ports $((2 * ${#names[@]} + 1)))"
prom_port=${free[0]}
prom="http://127.0.0.1:$prom_port"
token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s' "$token" > "$tmp/metrics-token"
ports=()
metrics_ports=()
service_pids=()
for i in "${!names[@]}"; do
    ports+=("${free[$((2 * i + 1))]}")
    metrics_ports+=("${free[$((2 * i + 2))]}")
    HOST=127.0.0.1 PORT=${ports[i]} METRICS_PORT=${metrics_ports[i]} METRICS_TOKEN=$token \
        PROMJAXRS_CONVENTIONS=${conventions[i]} java "${java_opts[@]}" -jar "${jars[i]}" > "$tmp/${names[i]}.log" 2>&1 &
    pids+=($!)
    service_pids+=($!)
    log "started ${names[i]} (pid $!) on 127.0.0.1:${ports[i]}, metrics port ${metrics_ports[i]}, ${conventions[i]} names"
done
serving() { # serving INDEX: the service answers its index, and has not died
    kill -0 "${service_pids[$1]}" 2>/dev/null || die "${names[$1]} exited: $(tail -n 5 "$tmp/${names[$1]}.log")"
    curl -fsS -o /dev/null -m 2 "http://127.0.0.1:${ports[$1]}/" 2> /dev/null
}
for i in "${!names[@]}"; do
    wait_until 90 serving "$i" || die "${names[i]} did not answer on 127.0.0.1:${ports[i]} within 90 s"
done
log "services up after $((SECONDS - started_at)) s: $(head -n 1 "$tmp/${names[0]}.log")"

# ---------------------------------------------------------------- Prometheus
{
    echo "# written by e2e/run.sh: every example is a job of its own, scraped every second"
    echo "global:"
    echo "  scrape_interval: 1s"
    echo "  scrape_timeout: 1s"
    echo "  evaluation_interval: 1s"
    echo "scrape_configs:"
    for i in "${!names[@]}"; do
        echo "  - job_name: ${names[i]}"
        echo "    authorization:"
        echo "      type: Bearer"
        echo "      credentials_file: $tmp/metrics-token"
        echo "    static_configs:"
        echo "      - targets: ['127.0.0.1:${ports[i]}']"
    done
} > "$tmp/prometheus.yml"
"$promtool_bin" check config "$tmp/prometheus.yml" > "$tmp/promtool-config.out" 2>&1 \
    || die "promtool check config: $(cat "$tmp/promtool-config.out")"
"$prometheus_bin" --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/data" \
    --storage.tsdb.retention.time=1h --web.listen-address="127.0.0.1:$prom_port" --log.level=warn \
    > "$tmp/prometheus.log" 2>&1 &
pids+=($!)
prometheus_pid=$!
prometheus_started=$SECONDS
prometheus_ready() {
    kill -0 "$prometheus_pid" 2>/dev/null || die "prometheus exited: $(tail -n 5 "$tmp/prometheus.log")"
    curl -fsS -o /dev/null -m 2 "$prom/-/ready" 2> /dev/null
}
wait_until 60 prometheus_ready || die "prometheus was not ready on $prom within 60 s"
targets_up() {
    [ "$("${promapi[@]}" targets "$prom" | awk -F '\t' '$2 == "up"' | wc -l)" -eq ${#names[@]} ]
}
wait_until 30 targets_up || die "not every target up within 30 s: $("${promapi[@]}" targets "$prom")"
log "prometheus (pid $prometheus_pid) on $prom scrapes ${names[*]} every second"

# ---------------------------------------------------------------- load
# run_load PHASE ARGS...: the load generator against every job at once; fails if one fails
run_load() {
    local phase=$1
    shift
    local load_pids=() i rc=0
    for i in "${!names[@]}"; do
        METRICS_TOKEN=$token timeout $((load_seconds + 60)) java "${java_opts[@]}" -jar "$load_jar" --load "$@" \
            --seconds "$load_seconds" --target "http://127.0.0.1:${ports[i]}" > "$tmp/$phase-${names[i]}.log" 2>&1 &
        pids+=($!)
        load_pids+=($!)
    done
    for i in "${!names[@]}"; do
        if wait "${load_pids[i]}"; then
            printf '    %-18s %s\n' "${names[i]}" "$(grep '^load: done' "$tmp/$phase-${names[i]}.log")"
        else
            rc=1
            printf '    %-18s failed: %s\n' "${names[i]}" "$(tail -n 3 "$tmp/$phase-${names[i]}.log")"
        fi
    done
    return $rc
}
load_start=$SECONDS
log "load: $requests mixed requests per job (at most $load_seconds s)"
run_load mix --requests "$requests" || die "the load generator failed"
log "flood: $flood requests to random unmatched paths per job (at most $load_seconds s)"
run_load flood --flood --requests "$flood" || die "the flood failed"
flooded=() # what each flood sent: fewer than E2E_FLOOD if it ran out of time
for i in "${!names[@]}"; do
    flooded+=("$(grep '^load: done' "$tmp/flood-${names[i]}.log" | grep -o '404=[0-9]*' | cut -d = -f 2)")
    [ -n "${flooded[i]}" ] && [ "${flooded[i]}" -gt 0 ] || die "the flood at ${names[i]} got no 404 answers"
done
log "load and flood sent in $((SECONDS - load_start)) s"

# query EXPR: the series of an instant query at the evaluation time, "{labels}<TAB>value" each
query() { "${promapi[@]}" query "$prom" "$1" "${t_eval:-}"; }
# of_job JOB: the value of the series labelled job="JOB", from query's output on stdin
of_job() { awk -F '\t' -v job="job=\"$1\"" 'index($1, job) { print $2; exit }'; }
unmatched='jaxrs_http_request_duration_seconds_count{path="UNMATCHED",method="GET",status="404"}'
# Under the OpenTelemetry names a request that matched nothing has no http_route (SPEC "Conventions")
otel_unmatched='http_server_request_duration_seconds_count{http_route="",http_request_method="GET",http_response_status_code="404"}'
flood_stored() {
    local out i
    out=$(query "sum by (job) ($unmatched)"; query "sum by (job) ($otel_unmatched)")
    for i in "${!names[@]}"; do
        awk -v v="$(of_job "${names[i]}" <<< "$out")" -v n="${flooded[i]}" 'BEGIN { exit !(v != "" && v + 0 >= n) }' || return 1
    done
}
wait_until 30 flood_stored || die "prometheus did not store the flood within 30 s"
sleep 2
# Every query is evaluated at this one instant, so the figures hold however long the checks take,
# and rates are taken over the whole run, however long the load took.
t_eval=$(date +%s)
window="$((SECONDS - prometheus_started + 10))s"

# ---------------------------------------------------------------- checks through Prometheus
log "checks through Prometheus's HTTP API at $(date -u -d "@$t_eval" +%H:%M:%SZ), rates over the run's $window"
targets=$("${promapi[@]}" targets "$prom")
rates=$(query "sum by (job) (rate(jaxrs_http_request_total[$window]))")
# quantile_by_job Q BUCKETS: the Q-quantile of each job's BUCKETS selector, over the run
quantile_by_job() { query "histogram_quantile($1, sum by (job, le) (rate($2[$window])))"; }
matched='jaxrs_http_request_duration_seconds_bucket{path!="UNMATCHED"}'
p50=$(quantile_by_job 0.5 "$matched")
p90=$(quantile_by_job 0.9 "$matched")
p99=$(quantile_by_job 0.99 "$matched")
templates=$(query "count by (job) (histogram_quantile(0.9, sum by (job, path, le) (rate(jaxrs_http_request_duration_seconds_bucket[$window]))) >= 0)")
unmatched_series=$(query "count by (job) ($unmatched)")
unmatched_count=$(query "sum by (job) ($unmatched)")
raw_paths=$(query 'count by (job) ({__name__=~"jaxrs_.+",path=~".*(nope|no-such-page).*"})')
jaxrs_series=$(query 'count by (job) ({__name__=~"jaxrs_.+"})')
all_series=$(query 'count by (job) ({__name__=~".+"})')
jvm_series=$(query 'count by (job) ({__name__=~"jvm_.+"})')
heap=$(query 'sum by (job) (jvm_memory_used_bytes{area="heap"})')
cpu=$(query 'sum by (job) (process_cpu_seconds_total)')
num() { # num VALUE: a finite number above 0
    case ${1,,} in '' | *nan* | *inf*) return 1 ;; esac
    awk -v v="$1" 'BEGIN { exit !(v + 0 > 0) }'
}
# jvm_check JOB: client_java's JVM and process metrics are there
jvm_check() {
    local job=$1 jvm
    jvm=$(of_job "$job" <<< "$jvm_series")
    check "$job: JVM metrics: $jvm jvm_* series, heap used $(awk -v v="$(of_job "$job" <<< "$heap")" 'BEGIN { printf "%.0f MiB", v / 1048576 }'), process CPU $(of_job "$job" <<< "$cpu") s" \
        eval 'num "$jvm" && num "$(of_job "$job" <<< "$heap")" && num "$(of_job "$job" <<< "$cpu")"'
}
# metadata_check JOB FAMILY TYPE [FAMILY TYPE]: the metadata Prometheus stored for JOB's families
metadata_check() {
    local job=$1 metadata stored found=1
    # Prometheus 2.42 asks for OpenMetrics first; then the family of a counter is stored without
    # its _total suffix, and client_java's jvm_runtime_info is of type info (text format: gauge).
    metadata=$("${promapi[@]}" metadata "$prom" "$job")
    stored=$(awk -F '\t' -v a="$2" -v b="${4:-}" '$1 == a || (b != "" && $1 == b) || $1 == "jvm_runtime" { printf "%s%s %s", n++ ? ", " : "", $1, $2 }' <<< "$metadata")
    [[ $stored == *"$2 $3"* ]] || found=0
    [[ $# -lt 5 || $stored == *"$4 $5"* ]] || found=0
    check "$job: Prometheus scraped OpenMetrics and parsed it (metadata: $stored)" test "$found" = 1
}
if [ ${#otel_jobs[@]} -gt 0 ]; then # the same questions on the OpenTelemetry names
    otel_rates=$(query "sum by (job) (rate(http_server_request_duration_seconds_count[$window]))")
    otel_matched='http_server_request_duration_seconds_bucket{http_route!=""}'
    otel_p50=$(quantile_by_job 0.5 "$otel_matched")
    otel_p90=$(quantile_by_job 0.9 "$otel_matched")
    otel_p99=$(quantile_by_job 0.99 "$otel_matched")
    otel_routes=$(query "count by (job) (histogram_quantile(0.9, sum by (job, http_route, le) (rate($otel_matched[$window]))) >= 0)")
    otel_unmatched_series=$(query "count by (job) ($otel_unmatched)")
    otel_unmatched_count=$(query "sum by (job) ($otel_unmatched)")
    otel_raw_routes=$(query 'count by (job) ({__name__=~"http_server_.+",http_route=~"UNMATCHED|.*(nope|no-such-page).*"})')
    otel_series=$(query 'count by (job) ({__name__=~"http_server_.+"})')
    otel_active=$(query 'count by (job) (http_server_active_requests)')
    jaxrs_request_series=$(query 'count by (job) ({__name__=~"jaxrs_http_.+"})')
fi
# The semantic conventions' advised boundaries, as SPEC "Conventions" has them ("1.0" read as "1")
otel_boundaries='0.005 0.01 0.025 0.05 0.075 0.1 0.25 0.5 0.75 1 2.5 5 7.5 10 +Inf'
# otel_checks JOB INDEX: the checks of a job on the OpenTelemetry names
otel_checks() {
    local job=$1 i=$2 rate q50 q90 q99 boundaries series count raw stored active
    rate=$(of_job "$job" <<< "$otel_rates")
    check "$job: request rate $(printf '%.1f' "${rate:-0}") req/s from http_server_request_duration_seconds_count" num "$rate"
    q50=$(of_job "$job" <<< "$otel_p50")
    q90=$(of_job "$job" <<< "$otel_p90")
    q99=$(of_job "$job" <<< "$otel_p99")
    boundaries=$(query "count by (le) (http_server_request_duration_seconds_bucket{job=\"$job\"})" \
        | sed -n 's/.*le="\([^"]*\)".*/\1/p' | sed 's/\.0$//' | sort -g | paste -sd ' ')
    check "$job: histogram_quantile of requests with a route: p50 ${q50:-none} s, p90 ${q90:-none} s, p99 ${q99:-none} s; p90 finite for $(of_job "$job" <<< "$otel_routes") routes; le $boundaries" \
        eval 'num "$q50" && num "$q90" && num "$q99" && [ "$boundaries" = "$otel_boundaries" ]'
    series=$(of_job "$job" <<< "$otel_unmatched_series")
    count=$(of_job "$job" <<< "$otel_unmatched_count")
    raw=$(of_job "$job" <<< "$otel_raw_routes")
    check "$job: the unmatched flood is ${series:-no} series (no http_route, $count requests >= ${flooded[i]} flooded); no series carries a raw path or UNMATCHED as its route" \
        eval '[ "$series" = 1 ] && [ -z "$raw" ]'
    stored=$(of_job "$job" <<< "$otel_series")
    active=$(of_job "$job" <<< "$otel_active")
    check "$job: $stored http_server_* series stored ($active http_server_active_requests), fewer than the ${flooded[i]} flooded paths; no jaxrs_http_* series" \
        eval '[ -n "$stored" ] && [ "$stored" -lt "${flooded[i]}" ] && num "$active" && [ -z "$(of_job "$job" <<< "$jaxrs_request_series")" ]'
    jvm_check "$job"
    metadata_check "$job" http_server_request_duration_seconds histogram http_server_active_requests gauge
}
for i in "${!names[@]}"; do
    job=${names[i]}
    echo "  -- $job (${conventions[i]} names)"
    target=$(awk -F '\t' -v job="$job" '$1 == job' <<< "$targets")
    up=$(query "up{job=\"$job\"}" | cut -f 2)
    check "$job: target up (up=$up, health=$(cut -f 2 <<< "$target"), last error: '$(cut -f 4 <<< "$target")')" \
        test "$up" = 1 -a "$(cut -f 2 <<< "$target")" = up -a -z "$(cut -f 4 <<< "$target")"
    if [ "${conventions[i]}" = opentelemetry ]; then
        otel_checks "$job" "$i"
        continue
    fi
    rate=$(of_job "$job" <<< "$rates")
    check "$job: request rate $(printf '%.1f' "${rate:-0}") req/s" num "$rate"
    q50=$(of_job "$job" <<< "$p50")
    q90=$(of_job "$job" <<< "$p90")
    q99=$(of_job "$job" <<< "$p99")
    check "$job: histogram_quantile of matched requests: p50 ${q50:-none} s, p90 ${q90:-none} s, p99 ${q99:-none} s; p90 finite for $(of_job "$job" <<< "$templates") templates" \
        eval 'num "$q50" && num "$q90" && num "$q99"'
    series=$(of_job "$job" <<< "$unmatched_series")
    count=$(of_job "$job" <<< "$unmatched_count")
    check "$job: the unmatched flood is ${series:-no} series (path=\"UNMATCHED\", $count requests >= ${flooded[i]} flooded); no series carries a raw path" \
        eval '[ "$series" = 1 ] && [ -z "$(of_job "$job" <<< "$raw_paths")" ]'
    jaxrs=$(of_job "$job" <<< "$jaxrs_series")
    check "$job: $jaxrs jaxrs_* series of $(of_job "$job" <<< "$all_series") stored, fewer than the ${flooded[i]} flooded paths" \
        eval '[ -n "$jaxrs" ] && [ "$jaxrs" -lt "${flooded[i]}" ]'
    jvm_check "$job"
    metadata_check "$job" jaxrs_http_request counter
done

# ---------------------------------------------------------------- the endpoints, and promtool on each scrape
log "scrapes: bearer token, separate port, promtool"
om_accept='application/openmetrics-text; version=1.0.0; charset=utf-8'
# lint FILE: promtool check metrics on a text scrape; findings not in accepted_lint fail
lint() {
    local rc=0 out finding pattern unaccepted=()
    out=$("$promtool_bin" check metrics < "$1" 2>&1) || rc=$?
    [ -z "$out" ] || sed 's/^/      promtool: /' <<< "$out"
    [ "$rc" -eq 0 ] && return 0
    [ "$rc" -eq 3 ] || return 1 # 1: the text did not parse; 3: lint findings only
    while IFS= read -r finding; do
        for pattern in "${accepted_lint[@]}"; do
            [[ $finding =~ $pattern ]] && continue 2
        done
        unaccepted+=("$finding")
    done <<< "$out"
    [ ${#unaccepted[@]} -eq 0 ]
}
# openmetrics FILE JOB: promtool 2.42's `check metrics` reads text 0.0.4 only (OpenMetrics' info
# type stops its parser), so the OpenMetrics scrape goes through promtool's OpenMetrics parser
# instead: `tsdb create-blocks-from openmetrics`, which wants a timestamp on every sample.
openmetrics() {
    local samples imported
    [ "$(tail -n 1 "$1")" = "# EOF" ] || { echo "      no '# EOF' at the end"; return 1; }
    awk -v ts="$t_eval" '/^#/ { print; next } { i = index($0, " # "); if (i > 0) print substr($0, 1, i - 1) " " ts substr($0, i); else print $0 " " ts }' \
        "$1" > "$1.ts"
    samples=$(grep -vc '^#' "$1")
    if ! "$promtool_bin" tsdb create-blocks-from openmetrics "$1.ts" "$tmp/blocks-$2" > "$1.promtool" 2>&1; then
        sed 's/^/      promtool: /' "$1.promtool"
        return 1
    fi
    imported=$(awk 'NR == 2 { print $5 }' "$1.promtool")
    echo "      promtool imported $imported samples of the $samples in the scrape"
    [ "$imported" = "$samples" ]
}
for i in "${!names[@]}"; do
    job=${names[i]}
    url="http://127.0.0.1:${ports[i]}/metrics"
    echo "  -- $job"
    anonymous=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$url" || true)
    wrong=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -H 'Authorization: Bearer wrong' "$url" || true)
    check "$job: /metrics without the token: $anonymous, with a wrong one: $wrong" test "$anonymous" = 401 -a "$wrong" = 401
    text_type=$(curl -fsS -m 10 -H "Authorization: Bearer $token" -o "$tmp/$job.prom" -w '%{content_type}' "$url" || true)
    check "$job: text scrape ($text_type, $(grep -vc '^#' "$tmp/$job.prom") samples): promtool check metrics clean" \
        eval '[[ $text_type == text/plain* ]] && lint "$tmp/$job.prom"'
    om_type=$(curl -fsS -m 10 -H "Authorization: Bearer $token" -H "Accept: $om_accept" -o "$tmp/$job.om" \
        -w '%{content_type}' "$url" || true)
    check "$job: OpenMetrics scrape ($om_type): parsed by promtool" \
        eval '[[ $om_type == application/openmetrics-text* ]] && openmetrics "$tmp/$job.om" "$job"'
    separate="http://127.0.0.1:${metrics_ports[i]}/metrics"
    requests_sample=jaxrs_http_request_total
    [ "${conventions[i]}" = promjaxrs ] || requests_sample=http_server_request_duration_seconds_count
    if curl -s -o /dev/null -m 5 "$separate"; then
        separate_anonymous=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$separate" || true)
        separate_body=$(curl -fsS -m 10 -H "Authorization: Bearer $token" "$separate" || true)
        check "$job: separate metrics port ${metrics_ports[i]}: 401 without the token ($separate_anonymous), the metrics with it" \
            eval '[ "$separate_anonymous" = 401 ] && grep -q "^$requests_sample{" <<< "$separate_body"'
    else
        echo "      note: nothing listens on METRICS_PORT ${metrics_ports[i]}: this example has no separate port"
    fi
done

# ---------------------------------------------------------------- the Grafana dashboard
# check_dashboard FILE JOB_REGEX...: every query of the dashboard returns data with $job as each
# regex in turn; the first run's queries are listed with their series, and how many are finite
check_dashboard() {
    local file=$1 first=$2 job_regex out rc total
    shift
    log "dashboard: every PromQL expression of $file"
    for job_regex in "$@"; do
        out=$("${promapi[@]}" dashboard "$prom" "$root/$file" "$t_eval" "$job_regex" '.*' "$window") && rc=0 || rc=$?
        total=$(grep -c . <<< "$out" || true)
        if [ "$job_regex" = "$first" ]; then
            awk -F '\t' '{ printf "      %-4s %4s series %4s finite  %s\n", $1, $2, $3, $4 }' <<< "$out"
        fi
        if [ "$rc" -ne 0 ]; then
            awk -F '\t' '$1 != "ok" { printf "      %s: %s %s\n      %s\n", $1, $4, $3, $5 }' <<< "$out"
        fi
        check "${file##*/}, \$job=~\"$job_regex\": $(grep -c '^ok' <<< "$out" || true) of $total queries return data ($(awk -F '\t' '$1 == "ok" { n += $2 } END { print n + 0 }' <<< "$out") series)" \
            test "$rc" -eq 0 -a "$total" -gt 0
    done
}
regex_of() { echo "($(IFS='|'; echo "$*"))"; } # regex_of JOB...: (JOB|JOB...)
# The promjaxrs dashboard on the promjaxrs jobs: all of them, then each one
[ ${#jaxrs_jobs[@]} -eq 0 ] || check_dashboard "$dashboard" "$(regex_of "${jaxrs_jobs[@]}")" "${jaxrs_jobs[@]}"
if [ ${#otel_jobs[@]} -gt 0 ]; then
    # The OpenTelemetry dashboard offers, as $job, the jobs with OpenTelemetry names only (a
    # promjaxrs job has none to show); its queries are run with $job as every job of the run (the
    # JVM panels have data for each), then as each OpenTelemetry job.
    offered=$("${promapi[@]}" variable "$prom" "$root/$otel_dashboard" job "$t_eval" | sort | paste -sd ' ')
    expected=$(printf '%s\n' "${otel_jobs[@]}" | sort | paste -sd ' ')
    check "${otel_dashboard##*/}: \$job offers $offered (the opentelemetry jobs: $expected)" test "$offered" = "$expected"
    check_dashboard "$otel_dashboard" "$(regex_of "${names[@]}")" "${otel_jobs[@]}"
fi
check "$example_config: promtool check config --syntax-only" \
    eval '"$promtool_bin" check config --syntax-only "$root/$example_config" > "$tmp/example-config.out" 2>&1 || { sed "s/^/      /" "$tmp/example-config.out"; false; }'

# ---------------------------------------------------------------- summary
echo
if [ "$failures" -eq 0 ]; then
    log "PASS: ${#checks[@]} checks on ${#names[@]} jobs (${names[*]}) in $((SECONDS - started_at)) s"
else
    log "FAIL: $failures of ${#checks[@]} checks failed:"
    printf '%s\n' "${checks[@]}" | grep '^FAIL' | sed 's/^/    /'
    exit 1
fi
