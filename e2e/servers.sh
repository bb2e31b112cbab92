#!/usr/bin/env bash
# promjaxrs end-to-end test on real Jakarta EE servers: the e2e-war WARs deployed on Open Liberty
# (restfulWS-3.1, RESTEasy inside, hidden from applications) and Eclipse GlassFish (Jersey).
#
#   bash e2e/servers.sh [liberty] [glassfish] [glassfish-shared]
#
# The servers are Maven artifacts, fetched into the local Maven repository on the first run
# (cached there for later ones) and unzipped into a temporary directory each run:
#   io.openliberty:openliberty-runtime:25.0.0.11:zip          (about 350 MB)
#   org.glassfish.main.distributions:glassfish:7.0.20:zip     (about 120 MB)
# The WARs come from the e2e-war module: e2e-war.war (promjaxrs registered the README way,
# promjaxrs and client_java in WEB-INF/lib), e2e-war-plain.war (the same resources without
# promjaxrs), e2e-war-nolib.war (e2e-war.war without WEB-INF/lib) and e2e-war-scanned.war (an
# empty Application, promjaxrs found by the server's scan). They are built here with
# `mvn -pl e2e-war -am package -DskipTests` when missing or older than the provider's sources.
#
# On each server (liberty, glassfish), with e2e-war.war deployed at /m1 and /m2 and the plain
# WAR at /p1, it checks:
#   - a fixed request mix answers /m1 with the statuses and bodies /p1 answers (the context root
#     in bodies aside), and the expected statuses;
#   - /m1/api/metrics after the mix has the exact lines (templates, locator, UNMATCHED, the
#     unmapped exception, the annotation metric);
#   - /m2 works too, with metrics of its own;
#   - three redeploys of /m2 (and, as the control, of a plain /p2): each serves again, after a GC no
#     more prometheus* threads and no more live copies of the application's classes (one per
#     application class loader) than before them: the figures are printed.
#   - e2e-war-scanned.war at /f1 (an empty Application: the server's scan finds the resources and
#     io.github.promjaxrs.PrometheusMetricsFeature) serves and has its metrics.
# glassfish-shared: promjaxrs and client_java in the GlassFish domain's lib folder (the common
# class loader of every application), e2e-war-nolib.war deployed at /s1 and /s2, both working,
# their requests in the one registry, /s1 redeployed three times without leaks.
#
# Everything binds 127.0.0.1 on free ports; everything started is stopped by PID, pass or fail;
# every wait has a time limit and SERVERS_TIMEOUT (900 s) caps the whole run. Prints each check
# and closes with `N passed, M failed`; exits 1 if any failed.
# Needs java (JDK 17: jcmd), mvn, curl, python3 and unzip; run as root on Debian, it installs the
# last three with apt-get if they are missing.
# Settings: SERVERS_TIMEOUT, SERVERS_KEEP=1 (keep the temporary directory, with every log).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
# wait_until, start_watchdog, show_logs, keep_or_remove, apt_install
source e2e/lib.sh
liberty_artifact=io.openliberty:openliberty-runtime:25.0.0.11:zip
glassfish_artifact=org.glassfish.main.distributions:glassfish:7.0.20:zip
dependency_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
overall=${SERVERS_TIMEOUT:-900}
if [ $# -gt 0 ]; then servers=("$@"); else servers=(liberty glassfish glassfish-shared); fi
wars=$root/e2e-war/target
metered_war=$wars/e2e-war.war
plain_war=$wars/e2e-war-plain.war
nolib_war=$wars/e2e-war-nolib.war
scanned_war=$wars/e2e-war-scanned.war
app_class=io.github.promjaxrs.e2ewar.metered.MeteredApplication
plain_class=io.github.promjaxrs.e2ewar.plain.PlainApplication

log() { printf '==> servers [%3d s]: %s\n' "$SECONDS" "$*"; }
die() { printf 'servers: FAIL: %s\n' "$*" >&2; died=1; exit 1; }

passed=0
failed=0
pass() { printf '  ok    %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf '  FAIL  %s\n' "$*"; failed=$((failed + 1)); }
check() { # check DESCRIPTION COMMAND...: pass or fail on the command's status
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# ---------------------------------------------------------------- clean-up, pass or fail
tmp=$(mktemp -d "${TMPDIR:-/tmp}/promjaxrs-servers.XXXXXX")
server_pid=
watchdog=
stop_pid() { # stop_pid PID: TERM, up to 30 s, then KILL
    local pid=$1 end=$((SECONDS + 30))
    kill -TERM "$pid" 2>/dev/null || return 0
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < end)); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    [ -n "$watchdog" ] && kill -TERM "$watchdog" 2>/dev/null || true
    if [ -n "$server_pid" ]; then
        log "stopping the server (pid $server_pid)"
        stop_pid "$server_pid"
    fi
    # a run cut short (not one that merely counted failures): the logs say why
    if [ "$rc" -ne 0 ] && { [ -n "${died:-}" ] || [ "$failed" -eq 0 ]; }; then
        show_logs "$tmp" 20
    fi
    keep_or_remove "$tmp" "${SERVERS_KEEP:-}" servers
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for tool in java jcmd mvn; do
    command -v "$tool" > /dev/null || die "$tool is not on the PATH (a JDK 17 and Maven are needed)"
done
missing=()
for tool in curl python3 unzip; do
    command -v "$tool" > /dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    apt_install "$tmp" "${missing[@]}" || die "could not install ${missing[*]} (see above)"
fi
for server in "${servers[@]}"; do
    case $server in liberty | glassfish | glassfish-shared) ;; *) die "unknown server '$server'" ;; esac
done

# ---------------------------------------------------------------- WARs and servers
if [ ! -f "$metered_war" ] || [ ! -f "$plain_war" ] || [ ! -f "$nolib_war" ] || [ ! -f "$scanned_war" ] \
        || [ -n "$(find provider/src/main e2e-war/src e2e-war/pom.xml -newer "$metered_war" -print -quit)" ]; then
    log "building the WARs: mvn -pl e2e-war -am package -DskipTests"
    timeout 600 mvn -B -q -ntp -Dstyle.color=never -pl e2e-war -am package -DskipTests > "$tmp/build.log" 2>&1 \
        || die "building the WARs failed (see $tmp/build.log)"
fi

unpack() { # unpack GROUP:ARTIFACT:VERSION:zip DIR: through the local Maven repository
    log "fetching $1 (the local Maven repository caches it)"
    # dependency:copy, then unzip: the plugin's own unpack takes a minute over Open Liberty's
    # 350 MB where unzip takes seconds. Run outside any project, so the copy is this run's own.
    mkdir -p "$2.fetch"
    (cd "$2.fetch" && timeout 900 mvn -B -q -ntp -Dstyle.color=never "$dependency_plugin:copy" \
        -Dartifact="$1" -DoutputDirectory="$2.fetch") > "$tmp/fetch.log" 2>&1 \
        || die "fetching $1 failed: $(tail -n 5 "$tmp/fetch.log")"
    unzip -q "$2.fetch"/*.zip -d "$2" || die "unzipping $1 failed"
    rm -rf "$2.fetch"
}

# From here on the run is bounded as a whole: past SERVERS_TIMEOUT the watchdog stops it (and
# cleanup runs). Building and fetching, before, have time limits of their own.
start_watchdog "$overall" "servers: FAIL: still running after SERVERS_TIMEOUT=$overall s; stopping"

free_ports() { python3 "$root/e2e/promapi.py" free-ports "$1"; }

# ---------------------------------------------------------------- HTTP
http_port=
# get CONTEXT PATH OUT: GET http://127.0.0.1:port/CONTEXT/api/PATH, the body to OUT; prints the status
get() {
    curl -s --max-time 20 -o "$3" -w '%{http_code}' "http://127.0.0.1:$http_port/$1/api/$2" || echo 000
}

# The request mix: PATH STATUS (the status expected, with or without promjaxrs).
mix=(
    "items/7 200"
    "items/7/lines/3 200"
    "items/abc 404"
    "nowhere 404"
    "errors/mapped 409"
    "errors/unmapped 500"
    "async 200"
)

# same_answers METERED PLAIN: the mix against both, one check per request
same_answers() {
    local entry path want metered plain
    for entry in "${mix[@]}"; do
        read -r path want <<< "$entry"
        metered=$(get "$1" "$path" "$tmp/m.body")
        plain=$(get "$2" "$path" "$tmp/p.body")
        # the context root is the one difference the two deployments may show in a body
        sed -i "s#/$1/#/CTX/#g" "$tmp/m.body"
        sed -i "s#/$2/#/CTX/#g" "$tmp/p.body"
        if [ "$metered" = "$want" ] && [ "$plain" = "$want" ] && cmp -s "$tmp/m.body" "$tmp/p.body"; then
            pass "GET /api/$path: $want and the same body with and without promjaxrs"
        else
            fail "GET /api/$path: with promjaxrs $metered '$(head -c 160 "$tmp/m.body" | tr '\n' ' ')', without $plain '$(head -c 160 "$tmp/p.body" | tr '\n' ' ')' (expected $want and the same body)"
        fi
    done
}

# scrape CONTEXT OUT: the application's /api/metrics; fails unless 200
scrape() {
    local status
    status=$(get "$1" metrics "$2")
    [ "$status" = 200 ] || { echo "GET /$1/api/metrics: $status" >> "$2.status"; return 1; }
}

# has_line FILE 'NAME{LABELS} VALUE': the exposition has that sample (values compared as numbers)
has_line() {
    local series=${2% *} value=${2##* }
    awk -v s="$series" -v v="$value" '
        substr($0, 1, length(s) + 1) == s " " { found = 1; if ($NF + 0 == v + 0) ok = 1 }
        END { exit ok ? 0 : 1 }' "$1"
}

# expect_lines CONTEXT LINE...: one check per line, on one scrape
expect_lines() {
    local ctx=$1 line
    shift
    if ! scrape "$ctx" "$tmp/scrape"; then
        fail "/$ctx/api/metrics answers 200 (got $(get "$ctx" metrics /dev/null))"
        for line in "$@"; do fail "/$ctx/api/metrics has: $line"; done
        return
    fi
    for line in "$@"; do
        if [[ $line == '# '* ]]; then
            check "/$ctx/api/metrics has: $line" grep -qxF "$line" "$tmp/scrape"
        elif has_line "$tmp/scrape" "$line"; then
            pass "/$ctx/api/metrics has: $line"
        else
            fail "/$ctx/api/metrics has: $line (it has: $(grep -F "${line%%\{*}" "$tmp/scrape" | grep -v '_bucket' | head -n 12 | tr '\n' ';'))"
        fi
    done
}

duration_count() { # duration_count PATH STATUS VALUE
    echo "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"$1\",status=\"$2\"} $3"
}

mix_lines=(
    "$(duration_count '/items/{id}' 200 1)"
    "$(duration_count '/items/{id}/lines/{line}' 200 1)"
    "$(duration_count UNMATCHED 404 2)"
    "$(duration_count /errors/mapped 409 1)"
    "$(duration_count /errors/unmapped 500 1)"
    "$(duration_count /async 200 1)"
    'jaxrs_http_request_total{method="GET",status="500"} 1'
    'jaxrs_http_request_exceptions_total{method="GET",status="500"} 1'
    '# HELP e2e_item_views_total Items viewed'
    'e2e_item_views_total 1'
)

# ---------------------------------------------------------------- JVM figures
# jvm_figures CLASS: "THREADS COPIES TOTAL": prometheus* threads, live copies of CLASS (one per
# class loader that loaded it) and all threads, after two full GCs. Both servers run with
# -XX:SoftRefLRUPolicyMSPerMB=0, so that a GC clears soft references too: what survives it is
# strongly held.
jvm_figures() {
    timeout 60 jcmd "$server_pid" GC.run > /dev/null
    timeout 60 jcmd "$server_pid" GC.run > /dev/null
    timeout 60 jcmd "$server_pid" Thread.print > "$tmp/threads.txt"
    timeout 60 jcmd "$server_pid" VM.classloaders show-classes=true > "$tmp/loaders.txt"
    # the class's own line under each loader (not its proxies')
    local threads copies total
    threads=$(grep -c '^"prometheus' "$tmp/threads.txt" || true)
    copies=$(grep -cE "[[:space:]]${1//./\\.}\$" "$tmp/loaders.txt" || true)
    total=$(grep -c '^"' "$tmp/threads.txt" || true)
    echo "$threads $copies $total"
}

# redeploy_check SERVER CONTEXT WAR CLASS WHAT: three redeploys of CONTEXT, then the figures
redeploy_check() {
    local server=$1 ctx=$2 war=$3 class=$4 what=$5 i status
    local before_threads before_copies before_total after_threads after_copies after_total
    read -r before_threads before_copies before_total <<< "$(jvm_figures "$class")"
    for i in 1 2 3; do
        "${server}_redeploy" "$ctx" "$war" || { fail "$what: redeploy $i of /$ctx"; return; }
        status=$(get "$ctx" items/7 /dev/null)
        check "$what: /$ctx serves after redeploy $i (GET /api/items/7: $status)" [ "$status" = 200 ]
    done
    # a server may release an undeployed application a moment after saying it is updated (Open
    # Liberty does): up to 30 s for the figures to come back down
    local end=$((SECONDS + 30))
    while :; do
        read -r after_threads after_copies after_total <<< "$(jvm_figures "$class")"
        if { [ "$after_threads" -le "$before_threads" ] && [ "$after_copies" -le "$before_copies" ]; } \
                || ((SECONDS >= end)); then
            break
        fi
        sleep 3
    done
    log "$server, $what, three redeploys of /$ctx: prometheus* threads $before_threads -> $after_threads, live copies of ${class##*.} (class loaders) $before_copies -> $after_copies, all threads $before_total -> $after_total"
    check "$what: no more prometheus* threads after three redeploys ($before_threads -> $after_threads)" \
        [ "$after_threads" -le "$before_threads" ]
    check "$what: no more live application class loaders after three redeploys and a GC ($before_copies -> $after_copies copies of ${class##*.})" \
        [ "$after_copies" -le "$before_copies" ]
    if [ "$class" = "$app_class" ]; then
        check "$what: no prometheus* thread at all (no tracer present: $after_threads)" [ "$after_threads" -eq 0 ]
    fi
}

# ---------------------------------------------------------------- Open Liberty
liberty_home=
liberty_log=
liberty_start() { # liberty_start DIR: Open Liberty unpacked in DIR
    unpack "$liberty_artifact" "$1"
    liberty_home=$1/wlp
    local dir=$liberty_home/usr/servers/e2e
    mkdir -p "$dir/dropins"
    read -r http_port <<< "$(free_ports 1)"
    cat > "$dir/server.xml" <<EOF
<server>
  <featureManager><feature>restfulWS-3.1</feature></featureManager>
  <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="$http_port" httpsPort="-1"/>
  <applicationMonitor updateTrigger="polled" pollingRate="500ms" dropinsEnabled="true"/>
</server>
EOF
    echo '-XX:SoftRefLRUPolicyMSPerMB=0' > "$dir/jvm.options"
    liberty_log=$dir/logs/messages.log
    server_log=$liberty_log
    log "starting Open Liberty on 127.0.0.1:$http_port"
    # `server run` execs the JVM: its PID is the server's
    "$liberty_home/bin/server" run e2e > "$tmp/liberty.log" 2>&1 &
    server_pid=$!
    wait_until 120 grep -qs 'CWWKF0011I' "$liberty_log" || die "Open Liberty did not start in 120 s"
}
liberty_count() { # liberty_count MESSAGE APP: how often the log says MESSAGE for application APP
    grep -cE "$1: (The application |Application )?$2 " "$liberty_log" 2>/dev/null || true
}
liberty_logged() { # liberty_logged MESSAGE APP N: the log says MESSAGE for APP more than N times
    [ "$(liberty_count "$1" "$2")" -gt "$3" ]
}
liberty_deploy() { # liberty_deploy CONTEXT WAR
    local started
    started=$(liberty_count CWWKZ0001I "$1")
    cp "$2" "$tmp/$1.war.part"
    mv "$tmp/$1.war.part" "$liberty_home/usr/servers/e2e/dropins/$1.war"
    wait_until 90 liberty_logged CWWKZ0001I "$1" "$started"
}
liberty_redeploy() { # liberty_redeploy CONTEXT WAR: a new copy of the WAR over the old one
    local updated
    updated=$(liberty_count CWWKZ0003I "$1")
    cp "$2" "$tmp/$1.war.part"
    touch "$tmp/$1.war.part"
    mv "$tmp/$1.war.part" "$liberty_home/usr/servers/e2e/dropins/$1.war"
    wait_until 90 liberty_logged CWWKZ0003I "$1" "$updated"
}
liberty_stop() {
    stop_pid "$server_pid"
    server_pid=
}

# ---------------------------------------------------------------- GlassFish
glassfish_home=
admin_port=
asadmin() {
    timeout 180 "$glassfish_home/bin/asadmin" --host 127.0.0.1 --port "$admin_port" "$@" >> "$tmp/asadmin.log" 2>&1
}
glassfish_start() { # glassfish_start DIR [JAR...]: GlassFish unpacked in DIR, the jars in the domain's lib folder
    unpack "$glassfish_artifact" "$1"
    glassfish_home=$1/glassfish7
    shift
    local domain=$glassfish_home/glassfish/domains/domain1 https iiop1 iiop2 iiop3 jmx
    if [ $# -gt 0 ]; then
        mkdir -p "$domain/lib"
        cp "$@" "$domain/lib/"
    fi
    read -r http_port https admin_port iiop1 iiop2 iiop3 jmx <<< "$(free_ports 7)"
    # the server's own configuration (the first <config>): every listener on 127.0.0.1, free ports
    awk -v h="$http_port" -v hs="$https" -v a="$admin_port" -v i1="$iiop1" -v i2="$iiop2" -v i3="$iiop3" -v j="$jmx" '
        /<\/config>/ && !done { done = 1 }
        !done {
            sub(/<network-listener /, "<network-listener address=\"127.0.0.1\" ")
            sub(/port="8080"/, "port=\"" h "\""); sub(/port="8181"/, "port=\"" hs "\"")
            sub(/port="4848"/, "port=\"" a "\""); sub(/port="3700"/, "port=\"" i1 "\"")
            sub(/port="3820"/, "port=\"" i2 "\""); sub(/port="3920"/, "port=\"" i3 "\"")
            sub(/port="8686"/, "port=\"" j "\"")
            gsub(/address="0\.0\.0\.0"/, "address=\"127.0.0.1\"")
            if ($0 ~ /<\/java-config>/) print "        <jvm-options>-XX:SoftRefLRUPolicyMSPerMB=0</jvm-options>"
        }
        { print }' "$domain/config/domain.xml" > "$tmp/domain.xml"
    cp "$tmp/domain.xml" "$domain/config/domain.xml"
    log "starting GlassFish on 127.0.0.1:$http_port (admin $admin_port)"
    asadmin start-domain domain1 || die "GlassFish did not start (see asadmin.log)"
    server_pid=$(cat "$domain/config/pid")
    server_log=$domain/logs/server.log
}
glassfish_deploy() { # glassfish_deploy CONTEXT WAR
    asadmin deploy --name "$1" --contextroot "$1" "$2"
}
glassfish_redeploy() {
    asadmin redeploy --name "$1" --contextroot "$1" "$2"
}
glassfish_stop() {
    asadmin stop-domain || true
    stop_pid "$server_pid"
    server_pid=
}

# ---------------------------------------------------------------- the checks
server_log=
# what promjaxrs logged (its warnings say why a runtime's hooks were not used), first lines only
promjaxrs_said() {
    local lines
    lines=$(grep -A1 -E 'promjaxrs: ' "$server_log" 2>/dev/null | grep -vE 'CWWKZ|WEB-INF|\.war|^--' | cut -c1-400 | head -n 4 || true)
    [ -z "$lines" ] || log "$1: promjaxrs logged: $lines"
}
run_server() { # run_server liberty|glassfish
    local server=$1 entry ctx war status
    "${server}_start" "$tmp/$server"
    for entry in "m1 $metered_war" "m2 $metered_war" "p1 $plain_war"; do
        read -r ctx war <<< "$entry"
        check "$server: deploy ${war##*/} at /$ctx" "${server}_deploy" "$ctx" "$war"
    done
    log "$server: the request mix, with promjaxrs (/m1) and without (/p1)"
    same_answers m1 p1
    log "$server: /m1/api/metrics after the mix"
    expect_lines m1 "${mix_lines[@]}"
    log "$server: the second copy (/m2), metrics of its own"
    status=$(get m2 items/5 /dev/null)
    check "$server: /m2 serves (GET /api/items/5: $status)" [ "$status" = 200 ]
    expect_lines m2 "$(duration_count '/items/{id}' 200 1)" 'e2e_item_views_total 1'
    expect_lines m1 "$(duration_count '/items/{id}' 200 1)"
    log "$server: registered by class name, found by the server's scan (/f1)"
    check "$server: deploy e2e-war-scanned.war at /f1" "${server}_deploy" f1 "$scanned_war"
    status=$(get f1 items/7 /dev/null)
    check "$server: /f1 serves (GET /api/items/7: $status)" [ "$status" = 200 ]
    expect_lines f1 "$(duration_count '/items/{id}' 200 1)" 'e2e_item_views_total 1'
    # The redeploys are of /m2 and a fresh plain /p2: an application that has thrown an unmapped
    # exception can stay reachable from the server after its undeploy (GlassFish 7.0.20 keeps
    # one loader per such exception, with or without promjaxrs), which is not promjaxrs' leak.
    check "$server: deploy e2e-war-plain.war at /p2" "${server}_deploy" p2 "$plain_war"
    log "$server: redeploys"
    redeploy_check "$server" m2 "$metered_war" "$app_class" "$server with promjaxrs"
    redeploy_check "$server" p2 "$plain_war" "$plain_class" "$server without promjaxrs (control)"
    promjaxrs_said "$server"
    "${server}_stop"
}

run_glassfish_shared() {
    local libs=$tmp/shared-lib jars status ctx
    mkdir -p "$libs"
    unzip -q -j -o "$metered_war" 'WEB-INF/lib/*.jar' -d "$libs"
    jars=("$libs"/*.jar)
    glassfish_start "$tmp/glassfish-shared" "${jars[@]}"
    log "glassfish-shared: ${#jars[@]} jars in the domain's lib folder, e2e-war-nolib.war at /s1 and /s2"
    for ctx in s1 s2; do
        check "glassfish-shared: deploy e2e-war-nolib.war at /$ctx" glassfish_deploy "$ctx" "$nolib_war"
    done
    for ctx in s1 s2; do
        status=$(get "$ctx" items/7 /dev/null)
        check "glassfish-shared: /$ctx serves (GET /api/items/7: $status)" [ "$status" = 200 ]
    done
    # one registry (the default one, in the common class loader) for both applications
    expect_lines s1 "$(duration_count '/items/{id}' 200 2)" 'e2e_item_views_total 2'
    redeploy_check glassfish s1 "$nolib_war" "$app_class" "glassfish-shared"
    status=$(get s2 items/7 /dev/null)
    check "glassfish-shared: /s2 still serves after /s1's redeploys (GET /api/items/7: $status)" [ "$status" = 200 ]
    promjaxrs_said glassfish-shared
    glassfish_stop
}

started=$SECONDS
for server in "${servers[@]}"; do
    log "---- $server"
    case $server in
        liberty | glassfish) run_server "$server" ;;
        glassfish-shared) run_glassfish_shared ;;
    esac
done
log "took $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
