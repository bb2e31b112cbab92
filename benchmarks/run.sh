#!/usr/bin/env bash
# Runs every promjaxrs benchmark and writes benchmarks/RESULTS.md:
#   1. request overhead (JMH): an in-memory Jersey GET with no metrics, promjaxrs, Micrometer, Dropwizard,
#      and the bytes each allocates per request on the request thread (RequestAllocation, one JVM each);
#   2. scrape cost (JMH): 1k and 10k series in text, OpenMetrics and protobuf;
#   3. throughput under HTTP load: wrk against the Jersey example with and without promjaxrs.
#
# usage: mvn -B -q package -DskipTests && bash benchmarks/run.sh [--quick] [--no-wrk]
#   --quick   a smoke of about a minute (one short fork each, 1k series only, 2 s wrk sides); its
#             table goes to benchmarks/target/quick/RESULTS.md, never over the measured one
#   --no-wrk  skip the HTTP load test (CI runs --quick --no-wrk)
# Everything it starts it stops, also when interrupted. Installs wrk with apt-get when missing (as root).
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
example=examples-jersey/target/examples-jersey.jar
for built in "$jar" $($run_wrk && echo "$example"); do
    if [ ! -f "$built" ]; then
        echo "run.sh: $built is missing; build first: mvn -B -q package -DskipTests" >&2
        exit 1
    fi
done

if $quick; then
    out=benchmarks/target/quick
    results=$out/RESULTS.md
    request_passes=1
    request_jmh=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
    scrape_jmh=(-f 1 -wi 1 -w 1s -i 1 -r 1s -p series=1000)
    wrk_pairs=1 wrk_rounds=1 wrk_seconds=2 wrk_warm_up_requests=0 wrk_warm_up_chunk=2
    allocation_requests=5000
else
    out=benchmarks/target/results
    results=benchmarks/RESULTS.md
    request_passes=10
    request_jmh=(-f 1 -wi 5 -w 1s -i 5 -r 1s)
    scrape_jmh=(-f 2 -wi 3 -w 1s -i 3 -r 2s)
    wrk_pairs=10 wrk_rounds=4 wrk_seconds=8 wrk_warm_up_requests=$full_warm_up_requests wrk_warm_up_chunk=10
    allocation_requests=100000
fi
rm -rf "$out"
mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# One fork of every variant per pass, passes one after the other: run variant by variant, this
# shared machine's speed drifted between variants by more than they differ (one run had
# promjaxrs +22.6 %, and Dropwizard faster than no metrics); in a pass the variants run within
# about a minute of each other. The report gives each variant's added time fastest fork against
# fastest fork (the host only ever slows a fork down) and pass by pass. Ten passes, not five: this
# host slows single iterations by 30-50 % in bursts, and with five forks a variant's fastest one
# moved by about four points from one set to the next, as much as the 5 % target.
echo "==> JMH: request overhead, ${request_passes} passes"
request_results=()
for pass in $(seq 1 "$request_passes"); do
    java -jar "$jar" RequestOverheadBenchmark "${request_jmh[@]}" -prof gc -rf json -rff "$out/request-$pass.json" \
        > "$out/request-$pass.log"
    request_results+=("$out/request-$pass.json")
done
echo "==> bytes per request on the request thread, one JVM per variant"
: > "$out/allocation.tsv"
for variant in NONE PROMJAXRS PROMJAXRS_NO_ENDPOINT PROMJAXRS_ANNOTATED PROMJAXRS_OPENTELEMETRY MICROMETER DROPWIZARD; do
    java -cp "$jar" io.github.promjaxrs.benchmarks.RequestAllocation "$variant" "$allocation_requests" >> "$out/allocation.tsv" \
        2> "$out/allocation-$variant.log"
done
echo "==> JMH: scrape cost"
java -jar "$jar" ScrapeBenchmark "${scrape_jmh[@]}" -prof gc -rf json -rff "$out/scrape.json" > "$out/scrape.log"

# A pair of JVMs has its own luck, as JMH forks do: with promjaxrs on both sides, eight pairs
# ranged from 97.3 to 103.0 % (benchmarks/profile-wrk.sh --same), and the rounds of one pair agree
# more than two pairs do. So the rounds come from several pairs, each started afresh, half of them
# with promjaxrs first: ten pairs, as six gave medians from 96.98 to 98.6 % for the same code.
wrk_option=()
if $run_wrk; then
    if ! command -v wrk >/dev/null 2>&1; then
        echo "==> apt-get install wrk"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk
    fi
    echo "==> wrk: the Jersey example with and without promjaxrs, loaded together:" \
        "${wrk_pairs} pairs x ${wrk_rounds} rounds x ${wrk_seconds} s"
    : > "$out/wrk.tsv"
    round=0
    for pair in $(seq 1 "$wrk_pairs"); do
        if [ $((pair % 2)) = 1 ]; then
            first=on second=off
        else
            first=off second=on
        fi
        start_side "$first" "$first"
        start_side "$second" "$second"
        warm_up "$wrk_warm_up_chunk" "$wrk_warm_up_requests" on off
        echo "    pair $pair ($first started first): warmed up in ${warm_up_seconds} s"
        for _ in $(seq 1 "$wrk_rounds"); do
            round=$((round + 1))
            wrk_both "$wrk_seconds" on off
            printf '%s\ton\t%s\t%s\n%s\toff\t%s\t%s\n' "$round" "$(rps on)" "$pair" "$round" "$(rps off)" "$pair" \
                >> "$out/wrk.tsv"
        done
        stop_servers
    done
    wrk_option=(--wrk "$out/wrk.tsv")
fi

java_version=$(java -version 2>&1 | head -n 2 | tr '\n' ' ')
{
    echo "# promjaxrs benchmark results"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)$($quick && echo ' (--quick smoke: not a measurement)')"
    echo "- machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    echo "- java: ${java_version% }"
    echo "- load average before / after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- JMH: request ${request_passes} passes of ${request_jmh[*]}; scrape ${scrape_jmh[*]}; all with -prof gc, each fork on a fixed heap touched in advance (-Xms1g -Xmx1g -XX:+AlwaysPreTouch)"
    if $run_wrk; then
        echo "- wrk: one \`wrk -t 1 -c 16\` per side, both sides loaded at the same time ($(if [ ${#pin_wrk[@]} -gt 0 ]; then echo 'both examples sharing CPU 0, both wrk CPU 1'; else echo 'unpinned'; fi))," \
            "${wrk_pairs} pairs of fresh JVMs (promjaxrs started first in odd pairs, second in even ones), each warmed up" \
            "until the slower side served ${wrk_warm_up_requests} requests, then ${wrk_rounds} rounds x ${wrk_seconds} s; promjaxrs as the example configures it (default registry with JVM" \
            "metrics, a static default label, a registerDefault counter labelled by client kind)"
    fi
    echo "- rerun: \`mvn -B -q package -DskipTests && bash benchmarks/run.sh\`"
    echo
    java -cp "$jar" io.github.promjaxrs.benchmarks.report.ResultsTable --allocation "$out/allocation.tsv" \
        "${wrk_option[@]}" "${request_results[@]}" "$out/scrape.json"
} > "$results"
echo "==> $results"
cat "$results"
