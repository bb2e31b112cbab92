# The wrk test's servers, sourced by run.sh and profile-wrk.sh: examples started on free ports of
# 127.0.0.1, all loaded at the same time, each by its own wrk, and every server stopped on exit or
# interrupt. Expects $out (a folder).
#
# With two CPUs or more the servers share CPU 0 and the wrk processes CPU 1, so the servers split
# one CPU and the ratio of two servers' throughputs is the ratio of their costs per request, under
# the same conditions. Run one after the other, this shared machine's speed drifted by 10-30 %
# within a minute and single rounds ranged from 62 to 121 %; run together, rounds agree within a
# few points.
pin_server=()
pin_wrk=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
    pin_server=(taskset -c 0)
    pin_wrk=(taskset -c 1)
fi

jersey_example=examples-jersey/target/examples-jersey.jar
resteasy_example=examples-resteasy/target/examples-resteasy.jar
items_jar=benchmarks/target/benchmarks.jar
otel_agent_version=${OTEL_AGENT_VERSION:-2.33.1}
servlet_api_version=6.0.0
m2=${MAVEN_REPO:-$HOME/.m2/repository}
otel_agent=$m2/io/opentelemetry/javaagent/opentelemetry-javaagent/$otel_agent_version/opentelemetry-javaagent-$otel_agent_version.jar
servlet_api=$m2/jakarta/servlet/jakarta.servlet-api/$servlet_api_version/jakarta.servlet-api-$servlet_api_version.jar

# The OpenTelemetry Java agent and the servlet API as Maven artifacts, as e2e/otel-agent.sh fetches
# them (the agent's Jersey instrumentation sets http.route only when the servlet API is on the class path).
fetch_otel_agent() {
    local artifact file
    for artifact in "io.opentelemetry.javaagent:opentelemetry-javaagent:$otel_agent_version:$otel_agent" \
        "jakarta.servlet:jakarta.servlet-api:$servlet_api_version:$servlet_api"; do
        file=${artifact#*:*:*:}
        [ -f "$file" ] && continue
        mvn -B -q -o dependency:get -Dartifact="${artifact%:"$file"}" -Dtransitive=false >/dev/null 2>&1 \
            || mvn -B -q dependency:get -Dartifact="${artifact%:"$file"}" -Dtransitive=false
    done
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

servers=()
declare -A server_pid=()
stop_servers() {
    for pid in "${servers[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${servers[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    servers=()
    server_pid=()
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# Starts side $1 as $2, with the JVM options that follow, and waits until it listens; sets
# port_<side> (and otel_port_<side>).
#   on | off            the Jersey example with promjaxrs as it configures it | without (METRICS=off)
#   defaults | defaults-nojvm   the Jersey example with promjaxrs' defaults alone | without JVM metrics
#   resteasy-on | resteasy-off   the same on RESTEasy (the RESTEasy example)
#   otel                the Jersey example without promjaxrs, with the OpenTelemetry Java agent: metrics
#                       only, its Prometheus exporter on a free loopback port, traces and logs off
#   items-none | items-floor | items-defaults   the in-memory benchmarks' GET /items/{id} on Jersey and
#                       Grizzly (HttpItems): no metrics | the floor (FloorFilters) | promjaxrs' defaults
#                       on their own registry (so no JVM metrics)
start_side() {
    launch_side "$@"
    await_side "$1"
}

# Starts side $1 as $2, with the JVM options that follow, and returns at once (see await_side).
launch_side() {
    local side=$1 kind=$2 log="$out/example-$1.log" env=(PORT=0) command
    shift 2
    case "$kind" in
        on) command=(java "$@" -jar "$jersey_example") ;;
        off) env+=(METRICS=off); command=(java "$@" -jar "$jersey_example") ;;
        defaults) env+=(METRICS=defaults); command=(java "$@" -jar "$jersey_example") ;;
        defaults-nojvm) env+=(METRICS=defaults PROMJAXRS_JVM_METRICS=false); command=(java "$@" -jar "$jersey_example") ;;
        resteasy-on) command=(java "$@" -jar "$resteasy_example") ;;
        resteasy-off) env+=(METRICS=off); command=(java "$@" -jar "$resteasy_example") ;;
        items-none | items-floor | items-defaults)
            local variant=${kind#items-}
            [ "$variant" = defaults ] && variant=promjaxrs
            printf -v "path_$side" '%s' /items/42
            command=(java "$@" -cp "$items_jar" io.github.promjaxrs.benchmarks.HttpItems
                "${variant^^}") ;;
        otel)
            printf -v "otel_port_$side" '%s' "$(free_port)"
            local exporter_port=otel_port_$side
            env+=(METRICS=off OTEL_SERVICE_NAME=orders OTEL_METRICS_EXPORTER=prometheus
                OTEL_EXPORTER_PROMETHEUS_HOST=127.0.0.1 "OTEL_EXPORTER_PROMETHEUS_PORT=${!exporter_port}"
                OTEL_TRACES_EXPORTER=none OTEL_LOGS_EXPORTER=none)
            command=(java "$@" -javaagent:"$otel_agent" -cp "$jersey_example:$servlet_api"
                io.github.promjaxrs.examples.jersey.Main) ;;
        *) echo "launch_side: unknown kind $kind" >&2; exit 2 ;;
    esac
    : > "$log" # before the server opens it, so that the first look finds it
    env "${env[@]}" "${pin_server[@]}" "${command[@]}" > "$log" 2>&1 &
    servers+=($!)
    server_pid[$side]=$!
}

# Waits until side $1 listens (60 s at most); sets port_<side>.
await_side() {
    local side=$1 log="$out/example-$1.log" port
    for _ in $(seq 1 600); do
        port=$(sed -n 's#^\(orders\|items\) listening on http://127\.0\.0\.1:\([0-9]*\)/.*#\2#p' "$log")
        if [ -n "$port" ]; then
            printf -v "port_$side" '%s' "$port"
            return
        fi
        sleep 0.1
    done
    echo "$(basename "$0"): the example ($side) did not start; see $log" >&2
    exit 1
}

# A full run's warm-up, in requests of the slowest side. Counted in requests rather than seconds:
# sharing one CPU on a shared machine, servers take minutes to compile, and a side with more
# to compile would be understated by early rounds. After 400,000 requests the compiler threads
# still took 0.92 % of promjaxrs' side's CPU against 0.60 % of the other's (profile-wrk.sh);
# after a million, 0.25 against 0.27 %.
full_warm_up_requests=1000000

# The methods side $1's JIT has compiled so far.
compiled_methods() {
    jstat -compiler "${server_pid[$1]}" 2>/dev/null | awk 'NR == 2 { print $1 }'
}

# Loads the sides named after $2 together, unmeasured, in chunks of $1 seconds until the slowest one
# has served $2 requests and no side's JIT compiled more than ${warm_up_quiet:-0} methods in the last
# chunk, for ${warm_up_limit:-400} s at most; sets warm_up_seconds and warm_up_end ("JIT quiet" or
# "capped"). Servers and wrk are not pinned meanwhile: four servers' compilers sharing one CPU
# were still compiling after 100 s (throughput rose 40-300 % from the first measured round to the
# fourth). The servers are pinned again at the end (pin_serving_threads).
warm_up() {
    local chunk=$1 requests=$2 served=0 side slowest quiet before now
    shift 2
    declare -A compiled=()
    warm_up_seconds=0
    for side in "$@"; do
        [ ${#pin_server[@]} -gt 0 ] && taskset -a -p -c 0-$(($(nproc) - 1)) "${server_pid[$side]}" > /dev/null
        compiled[$side]=$(compiled_methods "$side")
    done
    while true; do
        pinned=false wrk_all "$chunk" "$@"
        warm_up_seconds=$((warm_up_seconds + chunk))
        slowest=
        quiet=true
        for side in "$@"; do
            slowest=$(awk -v a="$slowest" -v b="$(rps "$side")" 'BEGIN { print (a == "" || b < a) ? b : a }')
            before=${compiled[$side]:-0}
            now=$(compiled_methods "$side")
            compiled[$side]=$now
            [ $((${now:-0} - before)) -gt "${warm_up_quiet:-0}" ] && quiet=false
        done
        served=$(awk -v served="$served" -v r="$slowest" -v s="$chunk" 'BEGIN { print int(served + r * s) }')
        echo "$* ${warm_up_seconds}s: slowest side ${slowest} requests/s, ${served} served; compiled methods: $(
            for side in "$@"; do printf '%s=%s ' "$side" "${compiled[$side]}"; done)" >> "$out/warm-up.log"
        if [ "$served" -ge "$requests" ] && $quiet; then
            warm_up_end="JIT quiet"
            break
        fi
        if [ "$warm_up_seconds" -ge "${warm_up_limit:-400}" ]; then
            warm_up_end=capped
            break
        fi
    done
    for side in "$@"; do
        [ ${#pin_server[@]} -gt 0 ] && pin_serving_threads "$side"
    done
    return 0
}

# Pins side $1's threads to CPU 0, but its JIT compilers' to the others: what compiling is left
# after the warm-up then does not take the CPU the servers share (the compiler threads it adds
# later are started by these, and inherit where they run).
pin_serving_threads() {
    local task comm
    for task in /proc/"${server_pid[$1]}"/task/*; do
        read -r comm < "$task/comm" 2>/dev/null || continue
        case "$comm" in
            "C1 CompilerThre"* | "C2 CompilerThre"*) taskset -p -c 1-$(($(nproc) - 1)) "${task##*/}" ;;
            *) taskset -p -c 0 "${task##*/}" ;;
        esac > /dev/null 2>&1 || true
    done
}

# Loads the sides named after $1 at once for $1 seconds; each side's wrk output goes to $out/wrk-<side>.txt.
wrk_all() {
    local seconds=$1 side port path pids=() pin=("${pin_wrk[@]}")
    shift
    [ "${pinned:-true}" = false ] && pin=()
    for side in "$@"; do
        port=port_$side path=path_$side
        "${pin[@]}" wrk -t 1 -c 16 -d "${seconds}s" "http://127.0.0.1:${!port}${!path:-/orders/1}" > "$out/wrk-$side.txt" &
        pids+=($!)
    done
    wait "${pids[@]}"
}

wrk_both() {
    wrk_all "$@"
}

# The CPU time side $1's server has used so far, in nanoseconds, but its JIT compilers': the sum
# over its threads of the first field of /proc/<pid>/task/<tid>/schedstat (time on a CPU, to the
# nanosecond). Compiling is warm-up, not what a request costs: a side still compiling more
# (promjaxrs' has about 600 more methods than no metrics) would pay for it in every round. A thread
# that ends between two reads takes its time with it, which steady serving does not do.
cpu_nanos() {
    thread_nanos "$1" | awk -F'\t' '$2 !~ /^C[12] CompilerThre/ { total += $3 } END { printf "%.0f\n", total }'
}

# Each thread of side $1's server: "<tid><TAB><name><TAB>nanoseconds on a CPU so far" (schedstat).
thread_nanos() {
    local task comm nanos rest
    for task in /proc/"${server_pid[$1]}"/task/*; do
        { read -r comm < "$task/comm" && read -r nanos rest < "$task/schedstat"; } 2>/dev/null || continue
        printf '%s\t%s\t%s\n' "${task##*/}" "$comm" "$nanos"
    done
}

# The requests per second side $1's wrk reported last.
rps() {
    sed -n 's/^Requests\/sec: *//p' "$out/wrk-$1.txt"
}

# The requests side $1's wrk completed in its last run.
requests_served() {
    sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$out/wrk-$1.txt"
}

# Bytes allocated per request by every thread of each side's server (but JFR's and the attach
# listener's), over one wrk run of $1 seconds loading the sides named after it together: JFR's
# jdk.ThreadAllocationStatistics, each thread's allocated bytes as the JVM counts them (the figure
# ThreadMXBean gives, not a sample), at the start and end of a recording around the run. Prints
# "<side><TAB>bytes per request" lines.
allocation_round() {
    local seconds=$1 side settings
    shift
    settings=$(realpath "$out")/allocation.jfc
    cat > "$settings" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="allocation" description="each thread's allocated bytes when the recording starts and ends">
  <event name="jdk.ThreadAllocationStatistics">
    <setting name="enabled">true</setting>
    <setting name="period">everyChunk</setting>
  </event>
</configuration>
EOF
    for side in "$@"; do
        jcmd "${server_pid[$side]}" JFR.start name=allocation settings="$settings" > /dev/null
    done
    wrk_all "$seconds" "$@"
    for side in "$@"; do
        jcmd "${server_pid[$side]}" JFR.stop name=allocation filename="$(realpath "$out")/allocation-$side.jfr" > /dev/null
        jfr print --json --events jdk.ThreadAllocationStatistics "$out/allocation-$side.jfr" \
            | python3 -c '
import json, sys
first, last = {}, {}
for event in json.load(sys.stdin)["recording"]["events"]:
    thread = event["values"]["thread"]
    name = thread["javaName"] or ""
    if name.startswith("JFR ") or name == "Attach Listener":
        continue
    key, allocated = thread["javaThreadId"], event["values"]["allocated"]
    first[key] = min(first.get(key, allocated), allocated)
    last[key] = max(last.get(key, allocated), allocated)
print("%s\t%.0f" % (sys.argv[1], sum(last[k] - first[k] for k in last) / int(sys.argv[2])))
' "$side" "$(requests_served "$side")"
    done
}
