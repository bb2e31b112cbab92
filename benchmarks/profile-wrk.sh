#!/usr/bin/env bash
# Where the time of the wrk test goes: run.sh's wrk pairs (same load, same pinning, same warm-up),
# with async-profiler sampling CPU in both JVMs, and per pair the throughput ratio beside the share
# of each side's samples in promjaxrs' own code. Shares, not CPU per request: on this VM two JVMs
# of the same jar serving the same throughput got 43 and 77 samples per 1,000 requests.
#
# usage: mvn -B -q package -DskipTests && bash benchmarks/profile-wrk.sh [pairs] [--same]
#   pairs   how many pairs of fresh JVMs (default 6, about 5 minutes each)
#   --same  promjaxrs on both sides: how far two identical servers drift apart in this test
#   WARM_UP_REQUESTS=n  warm a pair up until its slower side has served n requests (default
#           1000000, as run.sh; at most 400 s)
# Downloads async-profiler 3.0 from Maven Central into benchmarks/target/ once. Binds 127.0.0.1
# only; everything it starts it stops, also when interrupted. Writes benchmarks/target/profile-wrk/.
set -euo pipefail

cd "$(dirname "$0")/.."

pairs=6
same=false
for arg in "$@"; do
    case "$arg" in
        --same) same=true ;;
        [0-9]*) pairs=$arg ;;
        *) echo "usage: bash benchmarks/profile-wrk.sh [pairs] [--same]" >&2; exit 2 ;;
    esac
done

example=examples-jersey/target/examples-jersey.jar
if [ ! -f "$example" ]; then
    echo "profile-wrk.sh: $example is missing; build first: mvn -B -q package -DskipTests" >&2
    exit 1
fi
if [ "$(nproc)" -lt 2 ] || ! command -v taskset >/dev/null; then
    echo "profile-wrk.sh: needs two CPUs and taskset (one CPU for both servers, one for both wrk)" >&2
    exit 1
fi
command -v wrk >/dev/null || { echo "profile-wrk.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }

profiler=benchmarks/target/async-profiler/linux-x64/libasyncProfiler.so
if [ ! -f "$profiler" ]; then
    mkdir -p benchmarks/target/async-profiler
    curl -fsSL -o benchmarks/target/async-profiler/async-profiler.jar \
        https://repo.maven.apache.org/maven2/tools/profiler/async-profiler/3.0/async-profiler-3.0.jar
    (cd benchmarks/target/async-profiler && unzip -q -o async-profiler.jar linux-x64/libasyncProfiler.so)
fi
profiler=$(realpath "$profiler")

out=benchmarks/target/profile-wrk
rm -rf "$out"
mkdir -p "$out"

source benchmarks/wrk-pair.sh

# Starts side $1 of pair $2, with the profiler writing a collapsed profile every 8 s, so that the
# warm-up's windows can be left out.
start_profiled() {
    local side=$1 pair=$2 metrics=on
    if [ "$side" = b ] && ! $same; then
        metrics=off
    fi
    start_side "$side" "$metrics" \
        "-agentpath:$profiler=start,event=cpu,interval=1ms,collapsed,loop=8s,file=$(realpath "$out")/pair$pair-$side-%t.collapsed"
}

# Samples (1 ms of CPU each) of one side in the profile windows written during its rounds: all of
# them, and those in promjaxrs' frames other than the container's own response writer, which
# promjaxrs' writer calls but which every request runs with or without it.
samples() {
    local pair=$1 side=$2 from=$3 to=$4 file stamp
    for file in "$out"/pair"$pair"-"$side"-*.collapsed; do
        stamp=${file##*-"$side"-}
        stamp=${stamp%.collapsed}
        stamp=$(date -u -d "${stamp:0:8} ${stamp:9:2}:${stamp:11:2}:${stamp:13:2}" +%s)
        if [ "$stamp" -ge $((from + 8)) ] && [ "$stamp" -le $((to + 2)) ]; then
            cat "$file"
        fi
    done | awk '{
        n = $NF; all += n
        i = index($0, "io/github/promjaxrs/internal/")
        if (i > 0 && index(substr($0, i), "$ResponseWriter.") == 0) own += n
    } END { printf "%d %d\n", all, own }'
}

echo "pair	a (req/s)	b (req/s)	a/b	a: promjaxrs' share of samples	b: promjaxrs' share" \
    | tee "$out/summary.tsv"
for pair in $(seq 1 "$pairs"); do
    if [ $((pair % 2)) = 1 ]; then
        start_profiled a "$pair"
        start_profiled b "$pair"
    else
        start_profiled b "$pair"
        start_profiled a "$pair"
    fi
    warm_up 10 "${WARM_UP_REQUESTS:-$full_warm_up_requests}" a b
    from=$(date +%s)
    requests_a=0 requests_b=0
    for _ in 1 2 3 4; do
        wrk_both 8 a b
        requests_a=$(awk -v t="$requests_a" -v r="$(rps a)" 'BEGIN { print t + r * 8 }')
        requests_b=$(awk -v t="$requests_b" -v r="$(rps b)" 'BEGIN { print t + r * 8 }')
    done
    to=$(date +%s)
    stop_servers
    read -r all_a own_a < <(samples "$pair" a "$from" "$to")
    read -r all_b own_b < <(samples "$pair" b "$from" "$to")
    awk -v p="$pair" -v ra="$requests_a" -v rb="$requests_b" -v aa="$all_a" -v ab="$all_b" -v oa="$own_a" -v ob="$own_b" \
        'BEGIN { printf "%d\t%.0f\t%.0f\t%.1f %%\t%.2f %%\t%.2f %%\n", p, ra / 32, rb / 32, 100 * ra / rb,
                 aa ? 100 * oa / aa : 0, ab ? 100 * ob / ab : 0 }' | tee -a "$out/summary.tsv"
done
echo "a: promjaxrs as the example configures it; b: $($same && echo 'the same' || echo 'no metrics (METRICS=off)')"
echo "profiles: $out/pair<n>-<side>-<time>.collapsed (8 s each; the rounds are the last four per pair)"
