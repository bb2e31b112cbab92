# One pair of the wrk tests, sourced by run.sh and profile-wrk.sh: the Jersey example started
# twice on free ports of 127.0.0.1, both servers loaded at the same time, each by its own wrk, and
# every server stopped on exit or interrupt. Expects $example (the jar) and $out (a folder).
#
# With two CPUs or more both servers share CPU 0 and both wrk processes CPU 1, so the two servers
# split one CPU and the ratio of their throughputs is the ratio of their costs per request, under
# the same conditions. Run one after the other, this shared machine's speed drifted by 10-30 %
# within a minute and single rounds ranged from 62 to 121 %; run together, rounds agree within a
# few points.
pin_server=()
pin_wrk=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
    pin_server=(taskset -c 0)
    pin_wrk=(taskset -c 1)
fi

servers=()
stop_servers() {
    for pid in "${servers[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${servers[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    servers=()
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# Starts side $1 of the pair, with promjaxrs unless $2 is "off" (METRICS=off), and the JVM
# options that follow; sets port_<side>.
start_side() {
    local side=$1 metrics=$2 log="$out/example-$1.log" port
    shift 2
    if [ "$metrics" = off ]; then
        METRICS=off PORT=0 "${pin_server[@]}" java "$@" -jar "$example" > "$log" 2>&1 &
    else
        PORT=0 "${pin_server[@]}" java "$@" -jar "$example" > "$log" 2>&1 &
    fi
    servers+=($!)
    for _ in $(seq 1 300); do
        port=$(sed -n 's#^orders listening on http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$log")
        if [ -n "$port" ]; then
            printf -v "port_$side" '%s' "$port"
            return
        fi
        sleep 0.1
    done
    echo "$(basename "$0"): the example ($side) did not start; see $log" >&2
    exit 1
}

# A full run's warm-up, in requests of the slower side. Counted in requests rather than seconds:
# sharing one CPU on a shared machine, both servers take minutes to compile, and the side with
# promjaxrs has more to compile, so earlier rounds understate it. A million, not 400,000: after
# 400,000 the compiler threads still took 0.92 % of that side's CPU against 0.60 % of the other's
# (profile-wrk.sh); after a million, 0.25 against 0.27 %.
full_warm_up_requests=1000000

# Loads sides $3 and $4 together, unmeasured, in chunks of $1 seconds until the slower one has
# served $2 requests, for 400 s at most; sets warm_up_seconds.
warm_up() {
    local chunk=$1 requests=$2 served=0
    warm_up_seconds=0
    while true; do
        wrk_both "$chunk" "$3" "$4"
        warm_up_seconds=$((warm_up_seconds + chunk))
        served=$(awk -v served="$served" -v a="$(rps "$3")" -v b="$(rps "$4")" -v s="$chunk" \
            'BEGIN { print int(served + (a < b ? a : b) * s) }')
        if [ "$served" -ge "$requests" ] || [ "$warm_up_seconds" -ge 400 ]; then
            return
        fi
    done
}

# Loads sides $2 and $3 at once for $1 seconds; each side's wrk output goes to $out/wrk-<side>.txt.
wrk_both() {
    local first=port_$2 second=port_$3 pid
    "${pin_wrk[@]}" wrk -t 1 -c 16 -d "${1}s" "http://127.0.0.1:${!first}/orders/1" > "$out/wrk-$2.txt" &
    pid=$!
    "${pin_wrk[@]}" wrk -t 1 -c 16 -d "${1}s" "http://127.0.0.1:${!second}/orders/1" > "$out/wrk-$3.txt" &
    wait "$pid" $!
}

# The requests per second side $1's wrk reported last.
rps() {
    sed -n 's/^Requests\/sec: *//p' "$out/wrk-$1.txt"
}
