#!/usr/bin/env bash
# What recording a request costs when the request thread's caches hold something else, as a worker
# thread's do under HTTP load, and how much of it any recording costs: run.sh's paired method
# (PairedRequests, four JVMs per comparison, PairedSummary) with the request thread writing over an
# array of 0, 1 or 8 MiB after every request (PAIRED_EVICT_KB), comparing no metrics, the floor
# (FloorFilters: the clock read twice, one histogram and one counter series updated without
# exemplars, from a pre-matching request filter and a response filter) and promjaxrs' defaults, on
# Jersey and RESTEasy. About 9 minutes; writes benchmarks/target/cold-caches/RESULTS.md.
#
# usage: mvn -B -q package -DskipTests && bash benchmarks/cold-caches.sh
set -euo pipefail

cd "$(dirname "$0")/.."

jar=benchmarks/target/benchmarks.jar
resteasy_jar=benchmarks/target/benchmarks-resteasy.jar
for built in "$jar" "$resteasy_jar"; do
    if [ ! -f "$built" ]; then
        echo "cold-caches.sh: $built is missing; build first: mvn -B -q package -DskipTests" >&2
        exit 1
    fi
done

out=benchmarks/target/cold-caches
rm -rf "$out"
mkdir -p "$out"

comparisons=(NONE:FLOOR FLOOR:PROMJAXRS NONE:PROMJAXRS RESTEASY_NONE:RESTEASY_FLOOR
    RESTEASY_FLOOR:RESTEASY_PROMJAXRS RESTEASY_NONE:RESTEASY_PROMJAXRS)
# KiB written after each request, and the pairs and batch that keep a JVM's pairs to a few seconds
levels=("0 300 500" "1024 200 200" "8192 100 100")

{
    echo "# Recording a request with cold caches"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) CPUs; load before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
    echo "- added CPU ns per request, B over A, four JVMs per cell after 4 s of warm-up, [95 %] over JVMs then pairs"
    echo "- rerun: \`mvn -B -q package -DskipTests && bash benchmarks/cold-caches.sh\`"
    echo
    echo "| A | B | warm | 1 MiB written between requests | 8 MiB written between requests |"
    echo "|---|---|---|---|---|"
} > "$out/RESULTS.md"

for comparison in "${comparisons[@]}"; do
    a=${comparison%:*} b=${comparison#*:}
    variant_jar=$jar
    [[ $a == RESTEASY_* ]] && variant_jar=$resteasy_jar
    row="| $a | $b |"
    for level in "${levels[@]}"; do
        read -r kib pairs batch <<< "$level"
        raws=()
        for seed in 1 2 3 4; do
            raw=$out/$kib-$a-$b-$seed.tsv
            raws+=("$raw")
            evict=()
            [ "$kib" != 0 ] && evict=("PAIRED_EVICT_KB=$kib")
            env "${evict[@]}" PAIRED_RAW="$raw" java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp "$variant_jar" \
                io.github.promjaxrs.benchmarks.PairedRequests "$a" "$b" "$pairs" "$batch" 4 "$seed" > /dev/null
        done
        # columns 15-17 of a summary line: B - A in CPU ns, and its interval
        row+=$(java -cp "$variant_jar" io.github.promjaxrs.benchmarks.report.PairedSummary "$a" "$b" "$batch" "${raws[@]}" \
            | awk -F '\t' '{ printf " %+.0f [%+.0f, %+.0f] |", $15, $16, $17 }')
    done
    echo "$row" | tee -a "$out/RESULTS.md"
done
echo "cold-caches.sh: $out/RESULTS.md"
