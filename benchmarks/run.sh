#!/usr/bin/env bash
# Runs every promjaxrs benchmark and writes benchmarks/RESULTS.md (about 29 minutes):
#   1. request overhead, paired (PairedRequests): two in-memory applications in one JVM, alternating
#      batches in random order, four JVMs per comparison; the added time per request with a bootstrap
#      95 % interval over JVMs, then pairs (PairedSummary), an A/A comparison beside the others; on Jersey 3.1 (no metrics, promjaxrs, Micrometer, Dropwizard)
#      and on RESTEasy 6.2 (no metrics, promjaxrs, filters that do nothing where promjaxrs hooks in);
#   2. bytes per request on the request thread, the median of three JVMs per variant (RequestAllocation);
#   3. scrape cost (JMH): 1k and 10k series in text, OpenMetrics and protobuf;
#   4. throughput under HTTP load: groups of example servers loaded together by wrk (Jersey: no
#      metrics, promjaxrs twice, the OpenTelemetry Java agent; RESTEasy: no metrics, promjaxrs
#      twice), and each server's bytes per request (JFR).
#
# usage: mvn -B -q package -DskipTests && bash benchmarks/run.sh [--quick] [--no-wrk]
#   --quick   a smoke of about a minute with --no-wrk (short paired runs, one short scrape fork,
#             1k series only; one short wrk group per example unless --no-wrk); its table goes to
#             benchmarks/target/quick/RESULTS.md, never over the measured one
#   --no-wrk  skip the HTTP load test (CI runs --quick --no-wrk)
# Everything it starts it stops, also when interrupted. Installs wrk with apt-get when missing (as
# root); fetches the OpenTelemetry Java agent with Maven (as e2e/otel-agent.sh does).
set -euo pipefail

cd "$(dirname "$0")/.."
source benchmarks/wrk-pair.sh

quick=false
run_wrk=true
for arg in "$@"; do
    case "$arg" in
        --quick) quick=true ;;
        --no-wrk) run_wrk=false ;;
        *) echo "usage: bash benchmarks/run.sh [--quick] [--no-wrk]" >&2; exit 2 ;;
    esac
done

jar=benchmarks/target/benchmarks.jar
resteasy_jar=benchmarks/target/benchmarks-resteasy.jar
for built in "$jar" "$resteasy_jar" $($run_wrk && echo "$jersey_example $resteasy_example"); do
    if [ ! -f "$built" ]; then
        echo "run.sh: $built is missing; build first: mvn -B -q package -DskipTests" >&2
        exit 1
    fi
done

if $quick; then
    out=benchmarks/target/quick
    results=$out/RESULTS.md
    paired=(50 1000 1) paired_jvms=1
    allocation_requests=5000 allocation_jvms=1
    scrape_jmh=(-f 1 -wi 1 -w 1s -i 1 -r 1s -p series=1000)
    wrk_groups=1 wrk_rounds=1 wrk_seconds=2 wrk_warm_up_requests=0 wrk_warm_up_chunk=2 wrk_warm_up_limit=(2 2)
else
    out=benchmarks/target/results
    results=benchmarks/RESULTS.md
    paired=(500 1000 4) paired_jvms=4
    allocation_requests=30000 allocation_jvms=3
    scrape_jmh=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
    # Jersey's group (four servers, the agent's with 10,000 methods to compile) served 220,000 to
    # 350,000 requests in 90 s; RESTEasy's (three) 600,000 to 780,000
    wrk_groups=4 wrk_rounds=5 wrk_seconds=6 wrk_warm_up_requests=300000 wrk_warm_up_chunk=10 wrk_warm_up_limit=(110 60)
    warm_up_quiet=5
fi
rm -rf "$out"
mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
heap=(-Xms1g -Xmx1g -XX:+AlwaysPreTouch)

# Paired, not variant after variant: run in separate JVMs at separate times, whole runs of the
# same code moved by 2 to 6 points with this shared host's bursts. Here A and B alternate in
# batches of 1,000 requests (about 6 ms on Jersey), so a burst hits both sides of a pair alike, and the
# A/A line shows what the method itself can tell apart. A JVM has its own luck (RESTEasy A/A runs of
# one JVM each: +10 [+8, +12], +6 [-5, +17], -14 [-17, -11]), so each comparison runs in several,
# each with its own seed, and the interval comes from a bootstrap over JVMs, then pairs.
echo "==> request overhead, paired: ${paired_jvms} JVMs x ${paired[0]} pairs of ${paired[1]} requests after ${paired[2]} s of warm-up"
: > "$out/paired.tsv"
: > "$out/paired-jvms.tsv"
for comparison in "$jar PROMJAXRS PROMJAXRS" "$jar NONE PROMJAXRS" "$jar NONE PROMJAXRS_ANNOTATED" \
    "$jar NONE MICROMETER" "$jar NONE DROPWIZARD" \
    "$resteasy_jar RESTEASY_PROMJAXRS RESTEASY_PROMJAXRS" "$resteasy_jar RESTEASY_NONE RESTEASY_PROMJAXRS" \
    "$resteasy_jar RESTEASY_NONE RESTEASY_NOOP_FILTERS"; do
    set -- $comparison
    raw=()
    for seed in $(seq 1 "$paired_jvms"); do
        raw+=("$out/paired-$2-$3-$seed.tsv")
        PAIRED_RAW="${raw[-1]}" java "${heap[@]}" -cp "$1" io.github.promjaxrs.benchmarks.PairedRequests \
            "$2" "$3" "${paired[@]}" "$seed" >> "$out/paired-jvms.tsv" 2>> "$out/paired-$2-$3.log"
    done
    if [ "$paired_jvms" -gt 1 ]; then
        java -cp "$jar" io.github.promjaxrs.benchmarks.report.PairedSummary "$2" "$3" "${paired[1]}" "${raw[@]}" \
            >> "$out/paired.tsv"
    else
        tail -n 1 "$out/paired-jvms.tsv" >> "$out/paired.tsv" # one JVM's line is its summary
    fi
    tail -n 1 "$out/paired.tsv"
done

# The median of ${allocation_jvms} JVMs per variant: what escape analysis removes differs from one
# JVM to the next (RESTEasy's promjaxrs variant: 7,840 to 7,928 B in three JVMs of the same code).
echo "==> bytes per request on the request thread, the median of ${allocation_jvms} JVMs per variant"
: > "$out/allocation.tsv"
for variant in NONE PROMJAXRS PROMJAXRS_NO_ENDPOINT PROMJAXRS_ANNOTATED PROMJAXRS_OPENTELEMETRY MICROMETER DROPWIZARD \
    RESTEASY_NONE RESTEASY_PROMJAXRS RESTEASY_NOOP_FILTERS; do
    variant_jar=$jar
    [[ $variant == RESTEASY_* ]] && variant_jar=$resteasy_jar
    for _ in $(seq 1 "$allocation_jvms"); do
        java -cp "$variant_jar" io.github.promjaxrs.benchmarks.RequestAllocation "$variant" "$allocation_requests" \
            2>> "$out/allocation-$variant.log"
    done | sort -t $'\t' -k 2 -n | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }' >> "$out/allocation.tsv"
done

echo "==> JMH: scrape cost"
java -jar "$jar" ScrapeBenchmark "${scrape_jmh[@]}" -prof gc -rf json -rff "$out/scrape.json" > "$out/scrape.log"

# Sums side $2's count of GET 200s (promjaxrs' request counter, or the agent's duration histogram
# for the orders route) and fails unless it is at least $3, the requests wrk had completed there.
require_recorded() {
    local runtime=$1 side=$2 least=$3 recorded
    case "$side" in
        none) return ;;
        otel)
            local exporter=otel_port_$side
            recorded=$(curl -s -m 10 "http://127.0.0.1:${!exporter}/metrics" \
                | awk '/^http_server_request_duration_seconds_count\{/ && /http_route="\/orders\/\{id/ && /status_code="200"/ { s += $NF } END { print s + 0 }') ;;
        *)
            local port=port_$side
            recorded=$(curl -s -m 10 "http://127.0.0.1:${!port}/metrics" \
                | awk '/^jaxrs_http_request_total\{/ && /method="GET"/ && /status="200"/ { s += $NF } END { print int(s) }') ;;
    esac
    if ! awk -v r="$recorded" -v l="$least" 'BEGIN { exit !(r >= l) }'; then
        echo "run.sh: $runtime $side recorded $recorded of at least $least requests" >&2
        exit 1
    fi
}

# Groups of fresh JVMs, all sides of a group loaded at once (servers on CPU 0, wrk on CPU 1), so
# the ratio of two sides' throughputs is the ratio of their costs under the same conditions; the
# two promjaxrs sides are the A/A comparison. A group has its own luck (eight A/A pairs ranged
# from 97.3 to 103.0 %), so the interval comes from a bootstrap over groups, then over rounds.
# The sides are launched together, in a different order in each group.
wrk_options=()
if $run_wrk; then
    if ! command -v wrk >/dev/null 2>&1; then
        echo "==> apt-get install wrk"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk
    fi
    fetch_otel_agent
    echo "==> wrk: ${wrk_groups} groups per example x ${wrk_rounds} rounds x ${wrk_seconds} s"
    : > "$out/wrk.tsv"
    : > "$out/wrk-bytes.tsv"
    : > "$out/wrk-warm-up.tsv"
    for runtime in jersey resteasy; do
        if [ "$runtime" = jersey ]; then
            kinds=(none:off on:on on2:on otel:otel)
            warm_up_limit=${wrk_warm_up_limit[0]}
        else
            kinds=(none:resteasy-off on:resteasy-on on2:resteasy-on)
            warm_up_limit=${wrk_warm_up_limit[1]}
        fi
        for group in $(seq 1 "$wrk_groups"); do
            sides=()
            declare -A served=() cpu_before=()
            for i in "${!kinds[@]}"; do
                kind=${kinds[$(((i + group - 1) % ${#kinds[@]}))]}
                launch_side "${kind%%:*}" "${kind#*:}" -Xmx256m
                sides+=("${kind%%:*}")
                served[${kind%%:*}]=0
            done
            for side in "${sides[@]}"; do
                await_side "$side"
            done
            warm_up "$wrk_warm_up_chunk" "$wrk_warm_up_requests" "${sides[@]}"
            echo "    $runtime group $group (started ${sides[*]}): warmed up in ${warm_up_seconds} s (${warm_up_end})"
            printf '%s\t%s\t%s\t%s\n' "$runtime" "$group" "$warm_up_seconds" "$warm_up_end" >> "$out/wrk-warm-up.tsv"
            for round in $(seq 1 "$wrk_rounds"); do
                for side in "${sides[@]}"; do
                    cpu_before[$side]=$(cpu_nanos "$side")
                done
                wrk_all "$wrk_seconds" "${sides[@]}"
                for side in "${sides[@]}"; do
                    requests=$(requests_served "$side")
                    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$runtime" "$group" "$round" "$side" "$(rps "$side")" \
                        $((($(cpu_nanos "$side") - cpu_before[$side]) / requests)) >> "$out/wrk.tsv"
                    served[$side]=$((served[$side] + requests))
                done
            done
            allocation_round "$wrk_seconds" "${sides[@]}" | sed "s/^/$runtime\t$group\t/" >> "$out/wrk-bytes.tsv"
            for side in "${sides[@]}"; do
                require_recorded "$runtime" "$side" $((served[$side] + $(requests_served "$side")))
            done
            unset served cpu_before
            stop_servers
        done
    done
    wrk_options=(--wrk "$out/wrk.tsv" --wrk-bytes "$out/wrk-bytes.tsv")
fi

java_version=$(java -version 2>&1 | head -n 2 | tr '\n' ' ')
{
    echo "# promjaxrs benchmark results"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)$($quick && echo ' (--quick smoke: not a measurement)')"
    echo "- machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    echo "- java: ${java_version% }"
    echo "- load average before / after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- paired requests: ${paired[0]} pairs of ${paired[1]} requests per side after ${paired[2]} s of warm-up in each of ${paired_jvms} JVMs per comparison (${heap[*]}); request-thread bytes the median of ${allocation_jvms} JVMs per variant, ${allocation_requests} requests per round"
    echo "- JMH scrape: ${scrape_jmh[*]} -prof gc, each fork on a fixed heap touched in advance"
    if $run_wrk; then
        echo "- wrk: one \`wrk -t 1 -c 16\` per side, the sides of a group loaded at the same time ($(if [ ${#pin_wrk[@]} -gt 0 ]; then echo 'servers sharing CPU 0, wrk CPU 1'; else echo 'unpinned'; fi))," \
            "${wrk_groups} groups of fresh JVMs (-Xmx256m) per example, each warmed up unpinned until its slowest side served ${wrk_warm_up_requests}" \
            "requests and no side's JIT compiled more than ${warm_up_quiet:-0} methods in ${wrk_warm_up_chunk} s (Jersey ${wrk_warm_up_limit[0]} s, RESTEasy ${wrk_warm_up_limit[1]} s at most; the JIT was quiet in" \
            "$(grep -c 'JIT quiet' "$out/wrk-warm-up.tsv") of $(wc -l < "$out/wrk-warm-up.tsv") groups), then ${wrk_rounds} rounds x ${wrk_seconds} s, each side's server" \
            "CPU time per request from /proc/<pid>/task/*/schedstat (JIT compiler threads left out), and one round with JFR for bytes;" \
            "promjaxrs as the example configures it; the OpenTelemetry Java agent ${otel_agent_version} on the Jersey example without promjaxrs" \
            "(metrics only, its Prometheus exporter on, traces and logs off)"
    fi
    echo "- rerun: \`mvn -B -q package -DskipTests && bash benchmarks/run.sh\`"
    echo
    java -cp "$jar" io.github.promjaxrs.benchmarks.report.ResultsTable --paired "$out/paired.tsv" \
        --allocation "$out/allocation.tsv" "${wrk_options[@]}" "$out/scrape.json"
} > "$results"
echo "==> $results"
cat "$results"
