# Shared by e2e/run.sh and e2e/servers.sh (sourced, not run): bounded waits, the watchdog that
# bounds a whole run, and the end of a run's clean-up.

# wait_until SECONDS COMMAND...: retries the command every half second until it succeeds
wait_until() {
    local end=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < end)) || return 1
        sleep 0.5
    done
}

# start_watchdog SECONDS MESSAGE: sets watchdog to the PID of a process that, after SECONDS,
# prints MESSAGE and stops this shell with TERM (its EXIT trap then cleans up); kill it to disarm
start_watchdog() {
    local shell=$$
    (
        trap 'kill -TERM $sleeper 2>/dev/null; exit 0' TERM
        sleep "$1" &
        sleeper=$!
        wait "$sleeper"
        echo "$2" >&2
        kill -TERM "$shell"
    ) &
    watchdog=$!
}

# show_logs DIR LINES: the last LINES lines of each non-empty DIR/*.log, on stderr
show_logs() {
    local file
    for file in "$1"/*.log; do
        [ -s "$file" ] || continue
        printf -- '--- last lines of %s\n' "${file##*/}" >&2
        tail -n "$2" "$file" >&2
    done
}

# keep_or_remove DIR KEEP NAME: removes DIR unless KEEP is 1 (then says where it is)
keep_or_remove() {
    if [ "$2" = 1 ]; then
        echo "$3: kept $1" >&2
    else
        rm -rf "$1"
    fi
}

# apt_install DIR PACKAGE...: installs the Debian packages with apt-get (as root only), its
# output in DIR/apt.log; fails saying what to do where it cannot
apt_install() {
    local dir=$1
    shift
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get > /dev/null; then
        echo "missing $*: install them (Debian: apt-get install -y --no-install-recommends $*), or run this as root on Debian, which installs them" >&2
        return 1
    fi
    DEBIAN_FRONTEND=noninteractive timeout 300 apt-get update -q > "$dir/apt.log" 2>&1 \
        && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q --no-install-recommends "$@" \
            >> "$dir/apt.log" 2>&1 \
        || { echo "apt-get install $* failed: $(tail -n 5 "$dir/apt.log")" >&2; return 1; }
    rm -f "$dir/apt.log"
}
