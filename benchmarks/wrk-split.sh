#!/usr/bin/env bash
# What promjaxrs' share of the wrk test is made of, on Jersey: groups of servers loaded together as
# run.sh loads them (same warm-up, pinning and rounds). By default four Jersey examples: no metrics,
# promjaxrs as the example configures it, promjaxrs' defaults alone (METRICS=defaults), and the
# defaults without JVM metrics. With --floor three servers of the in-memory benchmarks' GET
# /items/{id} on Grizzly (HttpItems): no metrics, the floor (FloorFilters) and promjaxrs' defaults,
# the last two on their own registries (no JVM metrics): promjaxrs against the least a filter can
# do to record a request, under HTTP. Prints each ratio of requests per server CPU-second and of
# throughput, median of rounds with each group's median, and each side's CPU time per request by
# kind of thread.
#
# usage: mvn -B -q package -DskipTests && bash benchmarks/wrk-split.sh [groups] [--floor]   (default 3, ~3 min each)
# Binds 127.0.0.1 only; everything it starts it stops, also when interrupted. Writes benchmarks/target/wrk-split/.
set -euo pipefail

cd "$(dirname "$0")/.."
out=benchmarks/target/wrk-split
source benchmarks/wrk-pair.sh

groups=3
kinds=(none:off on:on defaults:defaults nojvm:defaults-nojvm)
comparisons="on/none defaults/none nojvm/none on/defaults defaults/nojvm"
built=$jersey_example
for arg in "$@"; do
    case "$arg" in
        --floor)
            kinds=(none:items-none floor:items-floor defaults:items-defaults)
            comparisons="defaults/none floor/none defaults/floor"
            built=$items_jar ;;
        [0-9]*) groups=$arg ;;
        *) echo "usage: bash benchmarks/wrk-split.sh [groups] [--floor]" >&2; exit 2 ;;
    esac
done
[ -f "$built" ] || { echo "wrk-split.sh: $built is missing; build first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk-split.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
warm_up_limit=110 warm_up_quiet=5

: > "$out/wrk.tsv"
: > "$out/served.tsv"
for group in $(seq 1 "$groups"); do
    sides=()
    for i in "${!kinds[@]}"; do
        kind=${kinds[$(((i + group - 1) % ${#kinds[@]}))]}
        launch_side "${kind%%:*}" "${kind#*:}" -Xmx256m
        sides+=("${kind%%:*}")
    done
    for side in "${sides[@]}"; do
        await_side "$side"
    done
    warm_up 10 300000 "${sides[@]}"
    echo "==> group $group (started ${sides[*]}): warmed up in ${warm_up_seconds} s (${warm_up_end})"
    declare -A cpu_before=() served=()
    for side in "${sides[@]}"; do
        thread_nanos "$side" > "$out/threads-$group-$side.before"
        served[$side]=0
    done
    for round in 1 2 3 4 5; do
        for side in "${sides[@]}"; do
            cpu_before[$side]=$(cpu_nanos "$side")
        done
        wrk_all 6 "${sides[@]}"
        for side in "${sides[@]}"; do
            requests=$(requests_served "$side")
            served[$side]=$((served[$side] + requests))
            printf '%s\t%s\t%s\t%s\t%s\n' "$group" "$round" "$side" "$(rps "$side")" \
                $((($(cpu_nanos "$side") - cpu_before[$side]) / requests)) >> "$out/wrk.tsv"
        done
    done
    for side in "${sides[@]}"; do
        thread_nanos "$side" > "$out/threads-$group-$side.after"
        printf '%s\t%s\t%s\n' "$group" "$side" "${served[$side]}" >> "$out/served.tsv"
    done
    unset cpu_before served
    stop_servers
done

python3 - "$out" "$comparisons" <<'PY'
import collections, re, statistics, sys
rounds = {}
out = sys.argv[1]
comparisons = [c.split("/") for c in sys.argv[2].split()]
for line in open(out + "/wrk.tsv"):
    g, r, side, rps, cpu = line.split("\t")
    rounds[(g, r, side)] = (float(rps), float(cpu))
groups = sorted({k[0] for k in rounds})
def ratios(x, y, i):
    per = {g: [(rounds[(g, r, x)][0] / rounds[(g, r, y)][0]) if i == 0 else (rounds[(g, r, y)][1] / rounds[(g, r, x)][1])
               for (gg, r, s) in rounds if gg == g and s == x] for g in groups}
    every = [v for vs in per.values() for v in vs]
    return "%.1f %% (groups %s)" % (100 * statistics.median(every), ", ".join("%.1f" % (100 * statistics.median(v)) for v in per.values()))
print("| X / Y | requests per server CPU-second | throughput |")
print("|---|---|---|")
for x, y in comparisons:
    print("| %s / %s | %s | %s |" % (x, y, ratios(x, y, 1), ratios(x, y, 0)))
def threads(path):
    with open(path) as lines:
        return {tid: (name, int(nanos)) for tid, name, nanos in (line.rstrip("\n").split("\t") for line in lines)}
per = collections.defaultdict(list)
for line in open(out + "/served.tsv"):
    g, side, served = line.split("\t")
    before = threads("%s/threads-%s-%s.before" % (out, g, side))
    kinds = collections.Counter()
    for tid, (name, nanos) in threads("%s/threads-%s-%s.after" % (out, g, side)).items():
        kinds[re.sub(r"[-# ]?[0-9]+$", "", name)] += nanos - before.get(tid, (name, 0))[1]
    for kind, nanos in kinds.items():
        per[(side, kind)].append(nanos / int(served))
print()
print("CPU ns per request by kind of thread (median of groups), where a side spends 20 ns or more:")
for side in dict.fromkeys(s for (s, k) in per):
    kinds = sorted(((statistics.median(v), k) for (s, k), v in per.items() if s == side), reverse=True)
    print("  %-9s %s" % (side, ", ".join("%s %.0f" % (k, ns) for ns, k in kinds if ns >= 20)))
PY
