#!/usr/bin/env bash
# The "tenant cost" benchmark (issue: Foundation).
#
#   tests/bench/tenant-cost.sh [N]        N communes, 1000 by default
#
# Provisions N commune tenants with the CLI, requests each one's home page once and reports the
# resident memory of the server and the p50/p99 latency of those first requests. The goal is at
# most 300 MiB resident with 1,000 tenants. Every figure comes with a baseline measured in the
# same run, on the same machine:
#   - latency: a bare Kestrel app (tests/Portal.Benchmarks/BareKestrel) answering a fixed page of
#     the same byte size as a commune home page, requested the same way, N distinct paths;
#   - memory: the RSS of that bare Kestrel, and the RSS of the portal with its default tenant only.
# And a control: a portal process serving N requests to the default tenant's home page, to tell
# the memory and latency that N requests cost whatever the site from what N distinct sites cost.
#
# Needs: the .NET SDK, curl, awk. Loopback only; every wait loop is bounded.
# Environment: PORTAL_PORT (5080), BARE_PORT (5081), WARMUP (20), KEEP_WORKDIR=1 keeps the temporary folder
# (builds, data, logs) after a successful run; after a failed one it is always kept.
set -euo pipefail

N=${1:-1000}
if ! [[ $N =~ ^[1-9][0-9]{0,4}$ ]]; then
    echo "usage: $0 [N]   (N: number of communes, 1..99999, default 1000)" >&2
    exit 2
fi
PORTAL_PORT=${PORTAL_PORT:-5080}
BARE_PORT=${BARE_PORT:-5081}
GOAL_MIB=300
WARMUP=${WARMUP:-20}   # requests to "/" before measuring RSS (JIT, caches, connection paths)

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

WORK=""
PORTAL_PID=""
BARE_PID=""
STARTED_PID=""
SUCCEEDED=0

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
# Seconds between two `now` readings, 3 decimals.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# VmRSS / VmHWM of a process, in KiB (what /proc reports as "kB").
proc_kib() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# Stops one server: SIGTERM (graceful shutdown), then SIGKILL if it is still there after 15 s.
stop_server() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    stop_server "$PORTAL_PID"
    stop_server "$BARE_PID"
    if [[ -z $WORK ]]; then
        return
    elif [[ $SUCCEEDED == 1 && ${KEEP_WORKDIR:-0} != 1 ]]; then
        rm -rf "$WORK"
    else
        log "builds, data and logs kept in $WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port already taken would make us measure someone else's server.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$PORTAL_PORT" || die "port $PORTAL_PORT is in use (set PORTAL_PORT)"
port_free "$BARE_PORT" || die "port $BARE_PORT is in use (set BARE_PORT)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tenant-cost.XXXXXX")
PORTAL_OUT=$WORK/portal      # published Portal.Web
BARE_OUT=$WORK/bare          # published BareKestrel
DATA=$WORK/data              # a fresh Portal:DataPath: SQLite file, keys
CSV=$WORK/communes.csv

# The portal reads these in the CLI and in the server alike. Production: no demo content, and the
# log levels of appsettings.json (no line per request). A fixed admin password, so that setting up
# the default site does not print a random one.
export Portal__DataPath=$DATA
export ASPNETCORE_ENVIRONMENT=Production
export Portal__Admin__Password='Bench-Passw0rd!'
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset ASPNETCORE_URLS DOTNET_URLS

# Starts `dotnet <dll> <args>` in its own folder (so that appsettings.json and wwwroot are found:
# the content root is the working directory) and sets STARTED_PID. `exec` makes that PID the dotnet
# process itself, whose /proc status is what we read. Not run in $(...): the server must be a child
# of this shell, so that `wait` can reap it.
start_server() {
    local dir=$1 logfile=$2
    shift 2
    (cd "$dir" && exec dotnet "$@") >"$logfile" 2>&1 &
    STARTED_PID=$!
}

# Waits (at most 120 s) until $url answers 200 (with the body $4, when given); fails with the
# log's tail if the process dies or the time runs out.
wait_for() {
    local pid=$1 url=$2 logfile=$3 expected=${4-} reply
    for _ in $(seq 1 240); do
        kill -0 "$pid" 2>/dev/null || { tail -n 40 "$logfile" >&2; die "the server exited before answering $url"; }
        reply=$(curl -s --max-time 2 -w '\n%{http_code}' "$url" || true)
        [[ ${reply##*$'\n'} == 200 && ( -z $expected || ${reply%$'\n'*} == "$expected" ) ]] && return 0
        sleep 0.5
    done
    tail -n 40 "$logfile" >&2
    die "$url did not answer 200 $expected within 120 s"
}

# Requests a URL $2 times, checking for 200; warms the JIT, the connection paths, the view caches.
warm_up() {
    local url=$1 count=$2 code
    for _ in $(seq 1 "$count"); do
        code=$(curl -s -o /dev/null --max-time 30 -w '%{http_code}' "$url" || true)
        [[ $code == 200 ]] || die "warm-up request $url answered '$code'"
    done
}

# Requests each URL on stdin once, in order, one curl (so one new connection) per request, the same
# way for the portal and the bare baseline; writes "code seconds bytes url" lines to $1.
# curl's time_total runs from the start of the connection to the last byte of the body.
# Stops after 10 failed requests: a broken or hung server should fail the run fast, not in hours.
measure() {
    local out=$1 url result failures=0
    : >"$out"
    while read -r url; do
        result=$(curl -s -o /dev/null --max-time 30 -w "%{http_code} %{time_total} %{size_download}" "$url" || true)
        [[ $result == 200\ * ]] || { failures=$((failures + 1)); result="${result:-000 0 0}"; }
        echo "$result $url" >>"$out"
        ((failures < 10)) || break
    done
}

# Fails loudly unless the measure() file has $4 lines and every one is a 200.
check_all_200() {
    local file=$1 what=$2 logfile=$3 expected=$4 bad
    bad=$(awk '$1 != 200' "$file" | wc -l)
    if ((bad > 0 || $(wc -l <"$file") != expected)); then
        log "$bad of $(wc -l <"$file") $what requests did not answer 200; the first ones:"
        awk '$1 != 200' "$file" | head -n 10 >&2
        log "tail of $logfile:"
        tail -n 40 "$logfile" >&2
        die "$what: not every request answered 200"
    fi
}

# "p50 p99 max mean" in milliseconds of the latencies (column 2, seconds) of a measure() file,
# from its line $2 on (1 by default). Nearest-rank percentiles: rank ceil(p * n) of the sorted list.
percentiles() {
    awk -v from="${2:-1}" 'NR >= from { print $2 * 1000 }' "$1" | sort -g | awk '
        { v[NR] = $1; sum += $1 }
        function rank(p,  r) { r = int(p * NR); if (r < p * NR) r++; if (r < 1) r = 1; return v[r] }
        END { printf "%.2f %.2f %.2f %.2f\n", rank(0.50), rank(0.99), v[NR], sum / NR }'
}

# Median of column 3 (body bytes) of a measure() file.
median_size() { awk '{ print $3 }' "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Counts the warning/error/critical entries of a server log (console logger: "warn: ", "fail: ", "crit: ").
log_counts() { printf 'warn %s, fail %s, crit %s' "$(grep -c '^warn: ' "$1" || true)" "$(grep -c '^fail: ' "$1" || true)" "$(grep -c '^crit: ' "$1" || true)"; }

tenant_name() { printf 'xa-%04d' "$1"; }

# ---------------------------------------------------------------------------------------------
# 1. Release builds of both servers, published (not just built): publishing copies the themes'
#    static web assets into wwwroot, as in production; a plain build serves them only in Development.
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
log "work folder: $WORK"
log "publishing Portal.Web and BareKestrel (Release)"
dotnet publish "$REPO/src/Portal.Web/Portal.Web.csproj" -c Release -o "$PORTAL_OUT" --nologo -v quiet >"$WORK/publish-portal.log" 2>&1 \
    || { tail -n 30 "$WORK/publish-portal.log" >&2; die "dotnet publish Portal.Web"; }
dotnet publish "$REPO/tests/Portal.Benchmarks/BareKestrel/BareKestrel.csproj" -c Release -o "$BARE_OUT" --nologo -v quiet >"$WORK/publish-bare.log" 2>&1 \
    || { tail -n 30 "$WORK/publish-bare.log" >&2; die "dotnet publish BareKestrel"; }
# The GC mode shapes RSS more than anything else; the Web SDK turns Server GC on for both apps.
GC_MODE=$(grep -q '"System.GC.Server": true' "$PORTAL_OUT/Portal.Web.runtimeconfig.json" && echo Server || echo Workstation)
if [[ -n ${DOTNET_gcServer:-} ]]; then
    GC_MODE="$([[ $DOTNET_gcServer == 1 ]] && echo Server || echo Workstation) (DOTNET_gcServer=$DOTNET_gcServer)"
fi

# ---------------------------------------------------------------------------------------------
# 2. The portal with its default tenant only. The first CLI call on the empty data folder creates
#    the schema and sets up the default site (province recipe); doing that in the CLI rather than
#    in the server keeps the one-off setup's allocations out of the server's RSS. The server's RSS
#    after warm-up is then the portal's floor, before any commune exists, in the database or in
#    the in-memory catalog.
log "schema and default site: first CLI call on an empty data folder"
T0=$(now)
LISTED=$(cd "$PORTAL_OUT" && dotnet Portal.Web.dll tenants list | tail -n 1) || die "the first CLI call (tenants list) failed"
FIRST_CLI_S=$(elapsed "$T0" "$(now)")
[[ $LISTED == "1 tenant(s)." ]] || die "after setup, tenants list shows '$LISTED', expected '1 tenant(s).'"

log "portal, default tenant only: starting"
PORTAL_LOG0=$WORK/portal-default-only.log
start_server "$PORTAL_OUT" "$PORTAL_LOG0" Portal.Web.dll --urls "http://127.0.0.1:$PORTAL_PORT"
PORTAL_PID=$STARTED_PID
wait_for "$PORTAL_PID" "http://127.0.0.1:$PORTAL_PORT/health" "$PORTAL_LOG0" Healthy
warm_up "http://127.0.0.1:$PORTAL_PORT/" "$WARMUP"
RSS_EMPTY=$(proc_kib "$PORTAL_PID" VmRSS)
DEFAULT_PAGE_BYTES=$(curl -s -o /dev/null --max-time 30 -w '%{size_download}' "http://127.0.0.1:$PORTAL_PORT/")
stop_server "$PORTAL_PID"
PORTAL_PID=""

# ---------------------------------------------------------------------------------------------
# 3. Provisioning N communes from a CSV with the CLI, one process, as an operator would.
#    prefix and host are left empty: the prefix defaults to the name (/xa-0001/).
{
    echo "name,displayName,level,prefix,host"
    for i in $(seq 1 "$N"); do
        printf '%s,Xã Thử Nghiệm %04d,Commune,,\n' "$(tenant_name "$i")" "$i"
    done
} >"$CSV"

# The whole output goes to provision.log; the console gets the CLI's own progress lines only (it
# also logs two lines per tenant at Information, which would drown them).
log "provisioning $N communes: tenants provision --csv (progress every 50)"
T0=$(now)
if ! (cd "$PORTAL_OUT" && dotnet Portal.Web.dll tenants provision --csv "$CSV" --recipe commune --parent default) 2>&1 \
    | tee "$WORK/provision.log" | grep --line-buffered -E '^(\[|Done|rejected|error)' | sed 's/^/    /' >&2; then
    tail -n 20 "$WORK/provision.log" >&2
    die "tenants provision --csv failed"
fi
PROVISION_S=$(elapsed "$T0" "$(now)")
grep -q "^Done: $N provisioned, 0 already present, 0 rejected\.$" "$WORK/provision.log" \
    || die "provisioning did not report '$N provisioned, 0 rejected'"

# The same CLI doing next to nothing: its start-up (host, migrations check, catalog load) is part of
# the provisioning time above, so it is reported to be subtracted by eye. It also counts the communes.
T0=$(now)
LISTED=$(cd "$PORTAL_OUT" && dotnet Portal.Web.dll tenants list --level Commune --parent default | tail -n 1) \
    || die "tenants list --level Commune failed"
CLI_START_S=$(elapsed "$T0" "$(now)")
[[ $LISTED == "$N tenant(s)." ]] || die "tenants list shows '$LISTED', expected '$N tenant(s).'"

# ---------------------------------------------------------------------------------------------
# 4a. Control: the same server, the same N communes, but N requests to the default tenant's home
#    page instead. Any N requests grow RSS (GC budgets, tier-1 JIT, pools) whichever site they are
#    for; this run shows how much of the growth in 4b is that, and how much is the tenants.
log "portal with $N communes, control: $N requests to the default tenant's home page"
PORTAL_LOG_CTRL=$WORK/portal-control.log
start_server "$PORTAL_OUT" "$PORTAL_LOG_CTRL" Portal.Web.dll --urls "http://127.0.0.1:$PORTAL_PORT"
PORTAL_PID=$STARTED_PID
wait_for "$PORTAL_PID" "http://127.0.0.1:$PORTAL_PORT/health" "$PORTAL_LOG_CTRL" Healthy
warm_up "http://127.0.0.1:$PORTAL_PORT/" "$WARMUP"
for _ in $(seq 1 "$N"); do echo "http://127.0.0.1:$PORTAL_PORT/"; done | measure "$WORK/latency-control.txt"
check_all_200 "$WORK/latency-control.txt" "portal control" "$PORTAL_LOG_CTRL" "$N"
RSS_CTRL_AFTER=$(proc_kib "$PORTAL_PID" VmRSS)
read -r C_P50 C_P99 C_MAX C_MEAN < <(percentiles "$WORK/latency-control.txt")
stop_server "$PORTAL_PID"
PORTAL_PID=""

# ---------------------------------------------------------------------------------------------
# 4b. The portal with N communes in its catalog: a fresh start, warm up on the default tenant
#    only, then each commune's home page once, in order.
log "portal with $N communes: starting"
PORTAL_LOG=$WORK/portal.log
T0=$(now)
start_server "$PORTAL_OUT" "$PORTAL_LOG" Portal.Web.dll --urls "http://127.0.0.1:$PORTAL_PORT"
PORTAL_PID=$STARTED_PID
wait_for "$PORTAL_PID" "http://127.0.0.1:$PORTAL_PORT/health" "$PORTAL_LOG" Healthy
PORTAL_START_S=$(elapsed "$T0" "$(now)")
warm_up "http://127.0.0.1:$PORTAL_PORT/" "$WARMUP"
RSS_DEFAULT=$(proc_kib "$PORTAL_PID" VmRSS)

log "portal: requesting $N commune home pages once each"
for i in $(seq 1 "$N"); do echo "http://127.0.0.1:$PORTAL_PORT/$(tenant_name "$i")/"; done \
    | measure "$WORK/latency-portal.txt"
check_all_200 "$WORK/latency-portal.txt" portal "$PORTAL_LOG" "$N"
RSS_AFTER=$(proc_kib "$PORTAL_PID" VmRSS)
HWM_AFTER=$(proc_kib "$PORTAL_PID" VmHWM)
read -r P_P50 P_P99 P_MAX P_MEAN < <(percentiles "$WORK/latency-portal.txt")
# The second half alone: the first few hundred requests also pay for JIT tiering and GC sizing of
# code paths the default tenant's warm-up did not take; the second half shows the settled cost.
HALF=$((N / 2 + 1))
read -r P2_P50 P2_P99 P2_MAX P2_MEAN < <(percentiles "$WORK/latency-portal.txt" "$HALF")
PAGE_BYTES=$(median_size "$WORK/latency-portal.txt")

# A 200 could still be the wrong site's page: spot-check (after the timed loop) that the first and
# last communes show their own names.
for i in 1 "$N"; do
    curl -s --max-time 30 "http://127.0.0.1:$PORTAL_PORT/$(tenant_name "$i")/" | grep -q "$(printf 'Xã Thử Nghiệm %04d' "$i")" \
        || die "/$(tenant_name "$i")/ does not show its own display name"
done
PORTAL_LOG_COUNTS=$(log_counts "$PORTAL_LOG")
stop_server "$PORTAL_PID"
PORTAL_PID=""

# ---------------------------------------------------------------------------------------------
# 5. The baseline: bare Kestrel answering a page of the commune home page's byte size, warmed up the
#    same way, then N distinct paths once each, the same way.
log "bare Kestrel ($PAGE_BYTES-byte page): starting"
BARE_LOG=$WORK/bare.log
start_server "$BARE_OUT" "$BARE_LOG" BareKestrel.dll --urls "http://127.0.0.1:$BARE_PORT" --size "$PAGE_BYTES"
BARE_PID=$STARTED_PID
wait_for "$BARE_PID" "http://127.0.0.1:$BARE_PORT/" "$BARE_LOG"
warm_up "http://127.0.0.1:$BARE_PORT/" "$WARMUP"
RSS_BARE=$(proc_kib "$BARE_PID" VmRSS)

log "bare Kestrel: requesting $N paths once each"
for i in $(seq 1 "$N"); do echo "http://127.0.0.1:$BARE_PORT/$(tenant_name "$i")/"; done \
    | measure "$WORK/latency-bare.txt"
check_all_200 "$WORK/latency-bare.txt" "bare Kestrel" "$BARE_LOG" "$N"
RSS_BARE_AFTER=$(proc_kib "$BARE_PID" VmRSS)
read -r B_P50 B_P99 B_MAX B_MEAN < <(percentiles "$WORK/latency-bare.txt")
read -r B2_P50 B2_P99 B2_MAX B2_MEAN < <(percentiles "$WORK/latency-bare.txt" "$HALF")
BARE_BYTES=$(median_size "$WORK/latency-bare.txt")
stop_server "$BARE_PID"
BARE_PID=""

# ---------------------------------------------------------------------------------------------
# 6. Summary. MiB = 1024 KiB, as /proc counts. "Per 1,000 tenants" is the growth from the warm
#    default-only portal to the portal after N first requests, scaled to 1,000; "net of request
#    churn" subtracts the control's RSS after as many requests to one site instead. The goal is checked
#    on the measured RSS when N = 1000, otherwise on a linear projection from the no-communes floor.
PER_1000_MIB=$(awk -v a="$RSS_AFTER" -v d="$RSS_DEFAULT" -v n="$N" 'BEGIN { printf "%.1f", (a - d) / 1024 * 1000 / n }')
PER_1000_NET_MIB=$(awk -v a="$RSS_AFTER" -v c="$RSS_CTRL_AFTER" -v n="$N" 'BEGIN { printf "%.1f", (a - c) / 1024 * 1000 / n }')
PER_1000_EMPTY_MIB=$(awk -v a="$RSS_AFTER" -v d="$RSS_EMPTY" -v n="$N" 'BEGIN { printf "%.1f", (a - d) / 1024 * 1000 / n }')
if ((N == 1000)); then
    GOAL_BASIS="measured"
    AT_1000_MIB=$(kib_to_mib "$RSS_AFTER")
else
    GOAL_BASIS="projected from N=$N"
    AT_1000_MIB=$(awk -v e="$RSS_EMPTY" -v a="$RSS_AFTER" -v n="$N" 'BEGIN { printf "%.1f", (e + (a - e) * 1000 / n) / 1024 }')
    (( RSS_AFTER > RSS_EMPTY )) || AT_1000_MIB=$(kib_to_mib "$RSS_AFTER")  # no growth seen: the measured figure
fi
GOAL=$(awk -v m="$AT_1000_MIB" -v g="$GOAL_MIB" 'BEGIN { print (m <= g) ? "HOLDS" : "MISSED" }')

row() { printf '  %-62s %s\n' "$1" "$2"; }
lat() { printf '  %-36s %9s %9s %9s %9s\n' "$@"; }
echo
echo "==================== tenant cost: $N communes ===================="
row "machine" "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET $(dotnet --version) SDK, $GC_MODE GC, $(date -u +%Y-%m-%dT%H:%MZ)"
if git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
    row "commit" "$(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src || echo ' + uncommitted changes under src/')"
else
    row "commit" "(not a git checkout: $REPO)"
fi
# Latency on 2 cores is at the mercy of whatever else runs: the load tells how quiet the run was.
row "load average (1 min) at start / at end" "$LOAD_START / $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "provisioning (CLI, one process, CSV of $N rows)"
row "wall time" "$PROVISION_S s total, $(awk -v t="$PROVISION_S" -v n="$N" 'BEGIN { printf "%.1f", t * 1000 / n }') ms per tenant"
row "  included: CLI start-up, as timed on 'tenants list'" "$CLI_START_S s"
row "first CLI call on the empty folder (schema + default site)" "$FIRST_CLI_S s"
row "portal start to Healthy with $N communes" "$PORTAL_START_S s"
echo
echo "home page size"
row "default tenant (province) /" "$DEFAULT_PAGE_BYTES bytes"
row "commune /xa-NNNN/ (median)" "$PAGE_BYTES bytes; bare Kestrel page: $BARE_BYTES bytes"
echo
echo "first-request latency, ms (one curl per request, new connection each, sequential)"
lat "" p50 p99 max mean
lat "portal, $N commune home pages" "$P_P50" "$P_P99" "$P_MAX" "$P_MEAN"
lat "bare Kestrel, $N paths" "$B_P50" "$B_P99" "$B_MAX" "$B_MEAN"
lat "ratio portal / bare" "$(ratio "$P_P50" "$B_P50")" "$(ratio "$P_P99" "$B_P99")" "$(ratio "$P_MAX" "$B_MAX")" "$(ratio "$P_MEAN" "$B_MEAN")"
lat "control: portal, default / x$N" "$C_P50" "$C_P99" "$C_MAX" "$C_MEAN"
lat "second half only ($HALF..$N):" "" "" "" ""
lat "  portal" "$P2_P50" "$P2_P99" "$P2_MAX" "$P2_MEAN"
lat "  bare Kestrel" "$B2_P50" "$B2_P99" "$B2_MAX" "$B2_MEAN"
lat "  ratio portal / bare" "$(ratio "$P2_P50" "$B2_P50")" "$(ratio "$P2_P99" "$B2_P99")" "$(ratio "$P2_MAX" "$B2_MAX")" "$(ratio "$P2_MEAN" "$B2_MEAN")"
echo
echo "resident memory (VmRSS, MiB)"
row "bare Kestrel, after warm-up" "$(kib_to_mib "$RSS_BARE")"
row "bare Kestrel, after $N requests" "$(kib_to_mib "$RSS_BARE_AFTER")"
row "portal, default tenant only (no communes exist)" "$(kib_to_mib "$RSS_EMPTY")"
row "portal, default tenant only ($N communes, none requested)" "$(kib_to_mib "$RSS_DEFAULT")"
row "portal, after $N commune home pages" "$(kib_to_mib "$RSS_AFTER")  (peak VmHWM $(kib_to_mib "$HWM_AFTER"))"
row "ratio portal($N) / bare" "$(ratio "$RSS_AFTER" "$RSS_BARE")"
row "ratio portal($N) / portal(default only, none requested)" "$(ratio "$RSS_AFTER" "$RSS_DEFAULT")"
row "ratio portal($N) / portal(default only, no communes)" "$(ratio "$RSS_AFTER" "$RSS_EMPTY")"
row "MiB per 1,000 tenants (after - default only, none requested)" "$PER_1000_MIB"
row "MiB per 1,000 tenants (after - default only, no communes)" "$PER_1000_EMPTY_MIB"
row "control: portal after $N requests to the default tenant's /" "$(kib_to_mib "$RSS_CTRL_AFTER")"
row "MiB per 1,000 tenants net of request churn (after - control)" "$PER_1000_NET_MIB"
row "goal: <= $GOAL_MIB MiB resident with 1,000 tenants" "$GOAL ($AT_1000_MIB MiB, $GOAL_BASIS)"
echo
echo "server logs"
row "portal (with $N communes)" "$PORTAL_LOG_COUNTS"
row "portal (default only)" "$(log_counts "$PORTAL_LOG0")"
row "portal (control)" "$(log_counts "$PORTAL_LOG_CTRL")"
row "bare Kestrel" "$(log_counts "$BARE_LOG")"
echo "=================================================================="

SUCCEEDED=1
