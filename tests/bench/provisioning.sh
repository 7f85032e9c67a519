#!/usr/bin/env bash
# The "provisioning" benchmark (issue: Setup recipes: provision ... singly or in bulk).
#
#   tests/bench/provisioning.sh [N_COUNTRY]     N_COUNTRY tenants for scenario B, 4000 by default
#
# Scenario A, one province's communes: 128 communes from a CSV with the CLI on a fresh data folder,
#   then the same command again (idempotency: 0 provisioned, 128 already present).
#   Goal: under 30 s (wall time of the CLI command, start-up included).
# Scenario B, the country: N_COUNTRY tenants on a fresh data folder, 17% departments (34 x 20 = 680
#   of 4,000; department recipe, host names only, no prefix) and the rest communes (commune recipe,
#   prefix = name), as two CSV imports since --recipe applies to a whole CSV. All sit under the
#   default site: an installation has one province. Goal: 4,000 tenants in under 10 minutes (the two
#   imports' wall times added up). Then the server on that database: start-up time to Healthy,
#   resident memory after 50 random tenants' home pages, and the sites admin list (/admin/tenants)
#   signed in as the administrator: 50 requests each of three list pages. Last, a growth check:
#   a 128-commune import into an empty database and into a copy of that one, alternated 3 times.
# Every figure comes with a baseline measured in the same run, on the same machine and disk:
#   - provisioning: the storage floor, as many tiny write transactions (one ~300-byte row each) on a
#     SQLite file in WAL mode with the sqlite3 CLI; also the same transactions carrying as many rows
#     as a tenant's provisioning writes (counted in the database), to separate "SQLite commit cost"
#     from "rows written" from "everything else";
#   - sites admin list: GET /health on the same server, requested the same way.
# The CLI prints its own per-site p50/p99 (Per site: ...) and a progress line every 5% with the
# elapsed time: these give ms per row along the import. The first several hundred rows of any CLI
# run are slower (tiered JIT: unoptimised code until the hot methods are recompiled), so a trend
# there is warm-up, not tenant count; the growth check compares a cold import at 0 and at N_COUNTRY
# tenants instead. Two cores shared with anything else running: the load average is printed.
#
# Needs: the .NET SDK, curl, awk, sqlite3, GNU time (/usr/bin/time). Loopback only; every loop is
# bounded. Environment: PORTAL_PORT (5080), KEEP_WORKDIR=1 keeps the temporary folder (build, data,
# logs) after a successful run; after a failed one it is always kept.
set -euo pipefail

N_COUNTRY=${1:-4000}
if ! [[ $N_COUNTRY =~ ^[1-9][0-9]{0,3}$ ]] || ((N_COUNTRY < 10)); then
    echo "usage: $0 [N_COUNTRY]   (tenants in scenario B, 10..9999, default 4000)" >&2
    exit 2
fi
N_PROVINCE=128                                  # scenario A
GOAL_A_S=30
GOAL_B_S=600
GOAL_B_N=4000
# 680 of 4,000 are departments (34 provinces x 20); the same share for a smaller trial.
N_DEPTS=$(((N_COUNTRY * 680 + 2000) / 4000))
N_COMMUNES=$((N_COUNTRY - N_DEPTS))
PORTAL_PORT=${PORTAL_PORT:-5080}
SAMPLES=50                                      # home pages, admin requests, /health requests

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
for tool in curl awk sqlite3 /usr/bin/time shuf; do
    command -v "$tool" >/dev/null || { echo "$0: needs $tool (apt-get install curl gawk sqlite3 time coreutils)" >&2; exit 2; }
done

WORK=""
PORTAL_PID=""
STARTED_PID=""
SUCCEEDED=0

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
proc_kib() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
per_row_ms() { awk -v t="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.2f", t * 1000 / n; else print "n/a" }'; }
load1() { cut -d' ' -f1 /proc/loadavg; }

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

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$PORTAL_PORT" || die "port $PORTAL_PORT is in use (set PORTAL_PORT)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/provisioning.XXXXXX")
PORTAL_OUT=$WORK/portal

export ASPNETCORE_ENVIRONMENT=Production
export Portal__Admin__Password='Bench-Passw0rd!'
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset ASPNETCORE_URLS DOTNET_URLS

start_server() {
    local dir=$1 logfile=$2
    shift 2
    (cd "$dir" && exec dotnet "$@") >"$logfile" 2>&1 &
    STARTED_PID=$!
}

wait_for() {
    local pid=$1 url=$2 logfile=$3 expected=${4-} reply
    for _ in $(seq 1 240); do
        kill -0 "$pid" 2>/dev/null || { tail -n 40 "$logfile" >&2; die "the server exited before answering $url"; }
        reply=$(curl -s --max-time 2 -w '\n%{http_code}' "$url" || true)
        [[ ${reply##*$'\n'} == 200 && ( -z $expected || ${reply%$'\n'*} == "$expected" ) ]] && return 0
        sleep 0.25
    done
    tail -n 40 "$logfile" >&2
    die "$url did not answer 200 $expected within 60 s"
}

# Requests each "HOST URL" line on stdin once (HOST "-": no Host header), one curl (so one new
# connection) per request, extra curl arguments in "$@" (cookies); writes "code seconds bytes url"
# lines to $1. Stops after 10 failed requests.
measure() {
    local out=$1 host url result failures=0
    shift
    : >"$out"
    while read -r host url; do
        if [[ $host == - ]]; then
            result=$(curl -s -o /dev/null --max-time 30 -w "%{http_code} %{time_total} %{size_download}" "$@" "$url" || true)
        else
            result=$(curl -s -o /dev/null --max-time 30 -w "%{http_code} %{time_total} %{size_download}" -H "Host: $host" "$@" "$url" || true)
        fi
        [[ $result == 200\ * ]] || { failures=$((failures + 1)); result="${result:-000 0 0}"; }
        echo "$result $host $url" >>"$out"
        ((failures < 10)) || break
    done
}

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

# "p50 p99 max mean" in milliseconds of column 2 (seconds) of a measure() file.
percentiles() {
    awk '{ print $2 * 1000 }' "$1" | sort -g | awk '
        { v[NR] = $1; sum += $1 }
        function rank(p,  r) { r = int(p * NR); if (r < p * NR) r++; if (r < 1) r = 1; return v[r] }
        END { printf "%.2f %.2f %.2f %.2f\n", rank(0.50), rank(0.99), v[NR], sum / NR }'
}

log_counts() { printf 'warn %s, fail %s, crit %s' "$(grep -c '^warn: ' "$1" || true)" "$(grep -c '^fail: ' "$1" || true)" "$(grep -c '^crit: ' "$1" || true)"; }

# Rows in every table of a SQLite file (read while no portal process has it open).
db_rows() {
    local db=$1 table total=0 count
    for table in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';"); do
        count=$(sqlite3 "$db" "SELECT count(*) FROM \"$table\";")
        total=$((total + count))
    done
    echo "$total"
}
# Rows per table, "table=count" on one line, largest first.
db_rows_by_table() {
    local db=$1 table
    for table in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';"); do
        echo "$(sqlite3 "$db" "SELECT count(*) FROM \"$table\";") $table"
    done | sort -rn | awk '$1 > 0 { printf "%s%s=%s", sep, $2, $1; sep = " " } END { print "" }'
}
db_size_mib() { du -cb "$1"/portal.db* 2>/dev/null | awk 'END { printf "%.1f", $1 / 1048576 }'; }

# The first CLI call on an empty data folder: schema and default site. Uses $Portal__DataPath.
first_cli_call() {
    local listed
    listed=$(cd "$PORTAL_OUT" && dotnet Portal.Web.dll tenants list | tail -n 1) || die "the first CLI call (tenants list) failed"
    [[ $listed == "1 tenant(s)." ]] || die "after setup, tenants list shows '$listed', expected '1 tenant(s).'"
}

# Runs `tenants provision --csv $2 --recipe $3 --parent default` under GNU time; the label $1 names
# the files $WORK/$1.log (output) and $WORK/$1.time. Progress lines go to the console. Sets
# CLI_WALL_S, CLI_RC, CLI_MAXRSS_KIB, CLI_CPU_S, CLI_DONE ("Done: ..." line), CLI_P50/P99/MAX/TOTAL (from
# "Per site: ...", "n/a" when absent).
run_import() {
    local label=$1 csv=$2 recipe=$3 t0 per_site
    log "$label: tenants provision --csv $(basename "$csv") --recipe $recipe --parent default ($(($(wc -l <"$csv") - 1)) rows)"
    t0=$(now)
    set +e
    (cd "$PORTAL_OUT" && /usr/bin/time -v -o "$WORK/$label.time" \
        dotnet Portal.Web.dll tenants provision --csv "$csv" --recipe "$recipe" --parent default) 2>&1 \
        | tee "$WORK/$label.log" | grep --line-buffered -E '^(\[[0-9]+/[0-9]+\]|Done|Per site|rejected|error)' | sed 's/^/    /' >&2
    CLI_RC=${PIPESTATUS[0]}
    set -e
    CLI_WALL_S=$(elapsed "$t0" "$(now)")
    CLI_MAXRSS_KIB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/$label.time")
    # CPU seconds (user + system) of the CLI: on 2 shared cores, wall time minus CPU time is what the
    # import spent waiting (disk flushes, or other processes on the machine).
    CLI_CPU_S=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$WORK/$label.time")
    CLI_DONE=$(grep -m1 '^Done: ' "$WORK/$label.log" || true)
    per_site=$(grep -m1 '^Per site: ' "$WORK/$label.log" || true)
    if [[ -n $per_site ]]; then
        read -r CLI_P50 CLI_P99 CLI_MAX CLI_TOTAL < <(sed -E 's/^Per site: p50 ([0-9.]+) ms, p99 ([0-9.]+) ms, max ([0-9.]+) ms, total ([0-9.]+) s\.$/\1 \2 \3 \4/' <<<"$per_site")
    else
        CLI_P50=n/a CLI_P99=n/a CLI_MAX=n/a CLI_TOTAL=n/a
    fi
    if [[ -z $CLI_DONE ]]; then
        tail -n 30 "$WORK/$label.log" >&2
        die "$label: the CLI printed no 'Done:' line (exit code $CLI_RC)"
    fi
}

# Mean ms per row along an import, from the CLI's progress lines "[done/total] rows: ... (S.Ss)":
# prints "from to ms_per_row" for each step between two progress lines (about 5% of the rows each).
progress_steps() {
    awk '/^\[[0-9]+\/[0-9]+\] rows:/ {
            split(substr($1, 2, length($1) - 2), d, "/"); s = $NF; gsub(/[()s]/, "", s)
            if (n++ > 0 && d[1] > prev) printf "%d %d %.2f\n", prev + 1, d[1], (s - prevs) * 1000 / (d[1] - prev)
            prev = d[1]; prevs = s }' "$1"
}
# Mean ms per row over the first ~$2 rows and over the last ~$2 rows (whole progress steps):
# prints "first_to first_ms last_from last_ms".
progress_ends() {
    awk -v want="$2" '/^\[[0-9]+\/[0-9]+\] rows:/ {
            split(substr($1, 2, length($1) - 2), d, "/"); s = $NF; gsub(/[()s]/, "", s)
            n++; done[n] = d[1]; secs[n] = s; total = d[2] }
        END {
            if (n < 2) { print "n/a n/a n/a n/a"; exit }
            for (i = 1; i <= n && done[i] < want; i++) ;
            if (i > n) i = n
            first_ms = secs[i] * 1000 / done[i]
            for (j = n; j > 1 && done[n] - done[j] < want; j--) ;
            last_ms = (secs[n] - secs[j]) * 1000 / (done[n] - done[j])
            printf "%d %.2f %d %.2f\n", done[i], first_ms, done[j] + 1, last_ms }' "$1"
}

# The storage floor: $1 separate transactions, each inserting $2 rows of ~300 bytes, on a fresh
# SQLite file in WAL mode in $3 (same disk as the portal's data), with the sqlite3 CLI. Run 3 times,
# each on a fresh file (the disk's flush cost varies with whatever else the machine does); prints the
# median seconds and "min-max" of the 3 runs (the files' creation is not timed).
sqlite_floor() {
    local txns=$1 rows=$2 dir=$3 db=$3/floor.db sql=$3/floor-$1-$2.sql t0 times=()
    mkdir -p "$dir"
    awk -v n="$txns" -v r="$rows" 'BEGIN {
            for (i = 1; i <= n; i++) {
                print "BEGIN;"
                for (k = 1; k <= r; k++) {
                    p = ""
                    while (length(p) < 280) p = p sprintf("Xa Thu Nghiem %05d-%03d|", i, k)
                    printf "INSERT INTO t (tenant, payload) VALUES (%cxa-%05d%c, %c%s%c);\n", 39, i, 39, 39, substr(p, 1, 280), 39
                }
                print "COMMIT;"
            } }' >"$sql"
    for _ in 1 2 3; do
        rm -f "$db" "$db-wal" "$db-shm"
        sqlite3 "$db" 'PRAGMA journal_mode=WAL;' 'CREATE TABLE t (id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, payload TEXT NOT NULL);' >/dev/null
        t0=$(now)
        sqlite3 "$db" <"$sql" >/dev/null
        times+=("$(elapsed "$t0" "$(now)")")
    done
    rm -f "$db" "$db-wal" "$db-shm"
    printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { printf "%s %s-%s\n", v[2], v[1], v[3] }'
}
SQLITE_SYNC=$(sqlite3 :memory: 'PRAGMA synchronous;')

# ---------------------------------------------------------------------------------------------
# 1. Release build, published (appsettings.json, recipes/ and wwwroot next to the dll).
LOAD_START=$(load1)
log "work folder: $WORK"
log "publishing Portal.Web (Release)"
dotnet publish "$REPO/src/Portal.Web/Portal.Web.csproj" -c Release -o "$PORTAL_OUT" --nologo -v quiet >"$WORK/publish-portal.log" 2>&1 \
    || { tail -n 30 "$WORK/publish-portal.log" >&2; die "dotnet publish Portal.Web"; }
GC_MODE=$(grep -q '"System.GC.Server": true' "$PORTAL_OUT/Portal.Web.runtimeconfig.json" && echo Server || echo Workstation)

# ---------------------------------------------------------------------------------------------
# 2. Scenario A: one province's 128 communes.
export Portal__DataPath=$WORK/data-a
LOAD_A=$(load1)
log "scenario A: schema and default site (first CLI call on an empty data folder)"
T0=$(now)
first_cli_call
A_FIRST_CLI_S=$(elapsed "$T0" "$(now)")
A_ROWS_BEFORE=$(db_rows "$Portal__DataPath/portal.db")

CSV_A=$WORK/communes-128.csv
{
    echo "name,displayName,level,prefix,host"
    for i in $(seq 1 "$N_PROVINCE"); do printf 'xa-%03d,Xã Thử Nghiệm %03d,Commune,,\n' "$i" "$i"; done
} >"$CSV_A"

run_import a-import "$CSV_A" commune
A_WALL=$CLI_WALL_S A_RC=$CLI_RC A_RSS=$CLI_MAXRSS_KIB A_CPU=$CLI_CPU_S A_DONE=$CLI_DONE
A_P50=$CLI_P50 A_P99=$CLI_P99 A_MAX=$CLI_MAX A_TOTAL=$CLI_TOTAL
[[ $A_DONE == "Done: $N_PROVINCE provisioned, 0 already present, 0 rejected." && $A_RC == 0 ]] \
    || { tail -n 20 "$WORK/a-import.log" >&2; die "scenario A: '$A_DONE' (exit $A_RC), expected $N_PROVINCE provisioned, 0 rejected"; }
A_ROWS_AFTER=$(db_rows "$Portal__DataPath/portal.db")
ROWS_PER_TENANT=$(((A_ROWS_AFTER - A_ROWS_BEFORE + N_PROVINCE / 2) / N_PROVINCE))
ROWS_BY_TABLE_A=$(db_rows_by_table "$Portal__DataPath/portal.db")

run_import a-again "$CSV_A" commune
A2_WALL=$CLI_WALL_S A2_RC=$CLI_RC A2_RSS=$CLI_MAXRSS_KIB A2_DONE=$CLI_DONE
[[ $A2_DONE == "Done: 0 provisioned, $N_PROVINCE already present, 0 rejected." && $A2_RC == 0 ]] \
    || die "scenario A, second run: '$A2_DONE' (exit $A2_RC), expected 0 provisioned, $N_PROVINCE already present"
A_ROWS_AGAIN=$(db_rows "$Portal__DataPath/portal.db")
[[ $A_ROWS_AGAIN == "$A_ROWS_AFTER" ]] || die "scenario A, second run: the database went from $A_ROWS_AFTER to $A_ROWS_AGAIN rows"

log "scenario A baseline: $N_PROVINCE SQLite WAL transactions of 1 row, and of $ROWS_PER_TENANT rows"
read -r FLOOR_A_S FLOOR_A_RANGE < <(sqlite_floor "$N_PROVINCE" 1 "$WORK/floor")
read -r FLOOR_A_ROWS_S FLOOR_A_ROWS_RANGE < <(sqlite_floor "$N_PROVINCE" "$ROWS_PER_TENANT" "$WORK/floor")

# ---------------------------------------------------------------------------------------------
# 3. Scenario B: the country, N_DEPTS departments then N_COMMUNES communes, one CSV import each.
export Portal__DataPath=$WORK/data-b
LOAD_B=$(load1)
log "scenario B: schema and default site (first CLI call on an empty data folder)"
first_cli_call

# Department d (1-based) is the k-th (1..20) of province p (1..34): so-PP-KK, answering on its own
# host name only, as a department's portal does (so-PP-KK.bench.test; never requested but by the
# Host header on loopback).
dept_name() { printf 'so-%02d-%02d' $((($1 - 1) / 20 + 1)) $((($1 - 1) % 20 + 1)); }
commune_name() { printf 'xa-%04d' "$1"; }
CSV_DEPTS=$WORK/departments.csv
CSV_COMMUNES=$WORK/communes.csv
{
    echo "name,displayName,level,prefix,host"
    for d in $(seq 1 "$N_DEPTS"); do
        printf '%s,Sở Thử Nghiệm %02d tỉnh %02d,Department,,%s.bench.test\n' "$(dept_name "$d")" $(((d - 1) % 20 + 1)) $(((d - 1) / 20 + 1)) "$(dept_name "$d")"
    done
} >"$CSV_DEPTS"
{
    echo "name,displayName,level,prefix,host"
    for c in $(seq 1 "$N_COMMUNES"); do printf '%s,Xã Thử Nghiệm %04d,Commune,,\n' "$(commune_name "$c")" "$c"; done
} >"$CSV_COMMUNES"

run_import b-departments "$CSV_DEPTS" department
BD_WALL=$CLI_WALL_S BD_RC=$CLI_RC BD_RSS=$CLI_MAXRSS_KIB BD_CPU=$CLI_CPU_S BD_DONE=$CLI_DONE
BD_P50=$CLI_P50 BD_P99=$CLI_P99 BD_MAX=$CLI_MAX BD_TOTAL=$CLI_TOTAL
[[ $BD_DONE == "Done: $N_DEPTS provisioned, 0 already present, 0 rejected." && $BD_RC == 0 ]] \
    || { tail -n 20 "$WORK/b-departments.log" >&2; die "departments: '$BD_DONE' (exit $BD_RC)"; }

run_import b-communes "$CSV_COMMUNES" commune
BC_WALL=$CLI_WALL_S BC_RC=$CLI_RC BC_RSS=$CLI_MAXRSS_KIB BC_CPU=$CLI_CPU_S BC_DONE=$CLI_DONE
BC_P50=$CLI_P50 BC_P99=$CLI_P99 BC_MAX=$CLI_MAX BC_TOTAL=$CLI_TOTAL
[[ $BC_DONE == "Done: $N_COMMUNES provisioned, 0 already present, 0 rejected." && $BC_RC == 0 ]] \
    || { tail -n 20 "$WORK/b-communes.log" >&2; die "communes: '$BC_DONE' (exit $BC_RC)"; }
B_WALL=$(awk -v a="$BD_WALL" -v b="$BC_WALL" 'BEGIN { printf "%.3f", a + b }')
B_DB_MIB=$(db_size_mib "$Portal__DataPath")
B_ROWS=$(db_rows "$Portal__DataPath/portal.db")

# The CLI's own start-up on the N_COUNTRY-tenant database (host, migrations check, catalog load),
# part of each import's wall time above; it also counts the tenants.
T0=$(now)
LISTED=$(cd "$PORTAL_OUT" && dotnet Portal.Web.dll tenants list | tail -n 1) || die "tenants list failed"
B_CLI_START_S=$(elapsed "$T0" "$(now)")
[[ $LISTED == "$((N_COUNTRY + 1)) tenant(s)." ]] || die "tenants list shows '$LISTED', expected '$((N_COUNTRY + 1)) tenant(s).'"

log "scenario B baseline: $N_COUNTRY SQLite WAL transactions of 1 row, and of $ROWS_PER_TENANT rows"
read -r FLOOR_B_S FLOOR_B_RANGE < <(sqlite_floor "$N_COUNTRY" 1 "$WORK/floor")
read -r FLOOR_B_ROWS_S FLOOR_B_ROWS_RANGE < <(sqlite_floor "$N_COUNTRY" "$ROWS_PER_TENANT" "$WORK/floor")

# ---------------------------------------------------------------------------------------------
# 4. The server on the N_COUNTRY-tenant database.
LOAD_SERVER=$(load1)
BASE=http://127.0.0.1:$PORTAL_PORT
log "server with $N_COUNTRY tenants: starting"
PORTAL_LOG=$WORK/portal.log
T0=$(now)
start_server "$PORTAL_OUT" "$PORTAL_LOG" Portal.Web.dll --urls "$BASE"
PORTAL_PID=$STARTED_PID
wait_for "$PORTAL_PID" "$BASE/health" "$PORTAL_LOG" Healthy
SERVER_START_S=$(elapsed "$T0" "$(now)")
RSS_STARTED=$(proc_kib "$PORTAL_PID" VmRSS)

# 50 random tenants (fixed seed: the same ones each run), their home pages once each, first request
# to each: departments by their Host header, communes by their prefix.
shuf -i 1-"$N_COUNTRY" -n "$SAMPLES" --random-source=<(yes provisioning) >"$WORK/sample.txt"
while read -r i; do
    if ((i <= N_DEPTS)); then echo "$(dept_name "$i").bench.test $BASE/"; else echo "- $BASE/$(commune_name $((i - N_DEPTS)))/"; fi
done <"$WORK/sample.txt" >"$WORK/sample-urls.txt"
log "server: $SAMPLES random tenants' home pages ($(awk '$1 != "-"' "$WORK/sample-urls.txt" | wc -l) departments by host, the rest communes by prefix)"
measure "$WORK/home.txt" <"$WORK/sample-urls.txt"
check_all_200 "$WORK/home.txt" "home page" "$PORTAL_LOG" "$SAMPLES"
read -r H_P50 H_P99 H_MAX H_MEAN < <(percentiles "$WORK/home.txt")
RSS_HOME=$(proc_kib "$PORTAL_PID" VmRSS)
HWM_HOME=$(proc_kib "$PORTAL_PID" VmHWM)
# A 200 could be the wrong site: the last department and the last commune show their own names.
curl -s --max-time 30 -H "Host: $(dept_name "$N_DEPTS").bench.test" "$BASE/" \
    | grep -q "$(printf 'Sở Thử Nghiệm %02d tỉnh %02d' $(((N_DEPTS - 1) % 20 + 1)) $(((N_DEPTS - 1) / 20 + 1)))" \
    || die "$(dept_name "$N_DEPTS").bench.test does not show its own display name"
curl -s --max-time 30 "$BASE/$(commune_name "$N_COMMUNES")/" | grep -q "$(printf 'Xã Thử Nghiệm %04d' "$N_COMMUNES")" \
    || die "/$(commune_name "$N_COMMUNES")/ does not show its own display name"

# Sign in as the administrator: the login form's antiforgery token and cookie, then the POST.
log "server: signing in as admin"
JAR=$WORK/cookies.txt
LOGIN_PAGE=$(curl -s --max-time 30 -c "$JAR" "$BASE/admin/login")
TOKEN=$(sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' <<<"$LOGIN_PAGE" | head -n 1)
[[ -n $TOKEN ]] || die "no __RequestVerificationToken on /admin/login"
LOGIN_CODE=$(curl -s -o /dev/null --max-time 30 -b "$JAR" -c "$JAR" -w '%{http_code}' \
    --data-urlencode "UserName=admin" --data-urlencode 'Password=Bench-Passw0rd!' --data-urlencode "__RequestVerificationToken=$TOKEN" \
    "$BASE/admin/login")
[[ $LOGIN_CODE == 302 ]] || die "POST /admin/login answered $LOGIN_CODE, expected 302"

# Each list page: its first request (views compiled, caches filled) timed alone, its content checked,
# then $SAMPLES requests. The baseline: /health the same way, same server, same connection handling.
admin_page() {
    local path=$1 label=$2 expect=$3 body first
    first=$(curl -s -o "$WORK/$label.html" --max-time 30 -b "$JAR" -w '%{http_code} %{time_total}' "$BASE$path")
    [[ $first == 200\ * ]] || die "GET $path answered '${first%% *}' (signed in as admin)"
    body=$(cat "$WORK/$label.html")
    grep -q -- "$expect" <<<"$body" || die "GET $path: the page does not contain '$expect'"
    awk '{ printf "%.2f", $2 * 1000 }' <<<"$first"
}
TOTAL_ALL=$((N_COUNTRY + 1))
Q_EXPECT=$( ((N_COMMUNES >= 123)) && echo 'xa-0123' || echo '0 trang.')
PAGES_COMMUNE=$(((N_COMMUNES + 49) / 50))
PAGE_C=$((PAGES_COMMUNE < 40 ? PAGES_COMMUNE : 40))
ADMIN_URLS=("/admin/tenants" "/admin/tenants?q=0123" "/admin/tenants?level=Commune&page=$PAGE_C")
ADMIN_EXPECT=("<p>$TOTAL_ALL trang.</p>" "$Q_EXPECT" "Trang $PAGE_C / $PAGES_COMMUNE")
declare -a ADMIN_FIRST ADMIN_STATS
log "server: sites admin list, $SAMPLES requests each of ${ADMIN_URLS[*]}"
for k in 0 1 2; do
    ADMIN_FIRST[k]=$(admin_page "${ADMIN_URLS[k]}" "admin-$k" "${ADMIN_EXPECT[k]}")
    for _ in $(seq 1 "$SAMPLES"); do echo "- $BASE${ADMIN_URLS[k]}"; done | measure "$WORK/admin-$k.txt" -b "$JAR"
    check_all_200 "$WORK/admin-$k.txt" "GET ${ADMIN_URLS[k]}" "$PORTAL_LOG" "$SAMPLES"
    ADMIN_STATS[k]=$(percentiles "$WORK/admin-$k.txt")
done
ADMIN_BYTES=$(awk '{ print $3 }' "$WORK/admin-0.txt" | sort -n | tail -n 1)
for _ in $(seq 1 "$SAMPLES"); do echo "- $BASE/health"; done | measure "$WORK/health.txt"
check_all_200 "$WORK/health.txt" "GET /health" "$PORTAL_LOG" "$SAMPLES"
read -r HE_P50 HE_P99 HE_MAX HE_MEAN < <(percentiles "$WORK/health.txt")
RSS_END=$(proc_kib "$PORTAL_PID" VmRSS)
HWM_END=$(proc_kib "$PORTAL_PID" VmHWM)
PORTAL_LOG_COUNTS=$(log_counts "$PORTAL_LOG")
stop_server "$PORTAL_PID"
PORTAL_PID=""

# ---------------------------------------------------------------------------------------------
# 4b. Growth check: does a tenant cost more to provision when thousands exist? The same 128-row
#    commune import from a cold CLI, into an empty database (default site only) and into a copy of
#    the N_COUNTRY-tenant database, alternated 3 times; medians of each side. Cold against cold:
#    both pay the same JIT warm-up (the first few hundred rows of any import run mostly unoptimised
#    code), which the progress steps of one long import cannot separate from the tenant count; and
#    alternating spreads whatever else the machine is doing over both sides.
CSV_MORE=$WORK/communes-more.csv
{
    echo "name,displayName,level,prefix,host"
    for i in $(seq 1 "$N_PROVINCE"); do printf 'xb-%03d,Xã Bổ Sung %03d,Commune,,\n' "$i" "$i"; done
} >"$CSV_MORE"
: >"$WORK/growth.txt"
for rep in 1 2 3; do
    for side in empty full; do
        rm -rf "$WORK/data-g"
        if [[ $side == empty ]]; then
            export Portal__DataPath=$WORK/data-g
            first_cli_call
        else
            cp -r "$WORK/data-b" "$WORK/data-g"
            export Portal__DataPath=$WORK/data-g
        fi
        run_import "g-$side-$rep" "$CSV_MORE" commune
        [[ $CLI_DONE == "Done: $N_PROVINCE provisioned, 0 already present, 0 rejected." && $CLI_RC == 0 ]] \
            || die "growth check ($side): '$CLI_DONE' (exit $CLI_RC)"
        echo "$side $CLI_P50 $CLI_P99 $CLI_WALL_S $CLI_CPU_S" >>"$WORK/growth.txt"
    done
done
rm -rf "$WORK/data-g"
# "p50 p99 wall cpu", each the median of the 3 runs of one side.
growth_medians() {
    local c
    for c in 2 3 4 5; do
        awk -v side="$1" -v c="$c" '$1 == side { print $c }' "$WORK/growth.txt" | sort -g | sed -n 2p
    done | paste -sd' '
}
read -r G0_P50 G0_P99 G0_WALL G0_CPU < <(growth_medians empty)
read -r GN_P50 GN_P99 GN_WALL GN_CPU < <(growth_medians full)

# ---------------------------------------------------------------------------------------------
# 5. Summary. MiB = 1024 KiB. "floor" = the sqlite3 CLI's time per transaction on the same disk.
FLOOR_A_MS=$(per_row_ms "$FLOOR_A_S" "$N_PROVINCE")
FLOOR_A_ROWS_MS=$(per_row_ms "$FLOOR_A_ROWS_S" "$N_PROVINCE")
FLOOR_B_MS=$(per_row_ms "$FLOOR_B_S" "$N_COUNTRY")
FLOOR_B_ROWS_MS=$(per_row_ms "$FLOOR_B_ROWS_S" "$N_COUNTRY")
A_WALL_MS=$(per_row_ms "$A_WALL" "$N_PROVINCE")
B_WALL_MS=$(per_row_ms "$B_WALL" "$N_COUNTRY")
GOAL_A=$(awk -v t="$A_WALL" -v g="$GOAL_A_S" 'BEGIN { print (t < g) ? "HOLDS" : "MISSED" }')
if ((N_COUNTRY == GOAL_B_N)); then
    GOAL_B=$(awk -v t="$B_WALL" -v g="$GOAL_B_S" 'BEGIN { print (t < g) ? "HOLDS" : "MISSED" }')
else
    GOAL_B="not judged: N=$N_COUNTRY, not $GOAL_B_N (linear projection $(awk -v t="$B_WALL" -v n="$N_COUNTRY" -v g="$GOAL_B_N" 'BEGIN { printf "%.0f", t * g / n }') s, an underestimate if rows slow down as tenants grow)"
fi

row() { printf '  %-64s %s\n' "$1" "$2"; }
lat() { printf '  %-44s %9s %9s %9s %9s\n' "$@"; }
steps_line() { progress_steps "$1" | awk '{ printf "%s%s", sep, $3; sep = " " } END { print "" }'; }
ends_line() {
    local f_to f_ms l_from l_ms
    read -r f_to f_ms l_from l_ms < <(progress_ends "$1" "$2")
    echo "rows 1-$f_to: $f_ms ms/row; rows $l_from-$3: $l_ms ms/row (ratio last/first $(ratio "$l_ms" "$f_ms"))"
}
echo
echo "==================== provisioning: $N_PROVINCE communes; the country, $N_COUNTRY tenants ===================="
row "machine" "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $(dotnet --version), $GC_MODE GC, sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(date -u +%Y-%m-%dT%H:%MZ)"
if git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
    row "commit" "$(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src recipes || echo ' + uncommitted changes under src/ or recipes/')"
else
    row "commit" "(not a git checkout: $REPO)"
fi
row "load average (1 min): start / scenario A / B / server / end" "$LOAD_START / $LOAD_A / $LOAD_B / $LOAD_SERVER / $(load1)"
echo
echo "A. one province's communes: CSV of $N_PROVINCE, --recipe commune --parent default"
row "first CLI call on an empty folder (schema + default site)" "$A_FIRST_CLI_S s"
row "import: wall time (CLI start-up included), CLI CPU time" "$A_WALL s = $A_WALL_MS ms per tenant; CPU $A_CPU s"
row "import: CLI per site p50 / p99 / max, sum" "$A_P50 / $A_P99 / $A_MAX ms, $A_TOTAL s"
row "import: CLI max RSS" "$(kib_to_mib "$A_RSS") MiB"
row "import: CLI says" "$A_DONE"
row "again (idempotency): wall time, max RSS" "$A2_WALL s, $(kib_to_mib "$A2_RSS") MiB"
row "again: CLI says" "$A2_DONE (database rows unchanged: $A_ROWS_AGAIN)"
row "rows written per tenant (all tables, counted in the database)" "$ROWS_PER_TENANT"
row "  rows by table after the import" "$ROWS_BY_TABLE_A"
row "baseline: $N_PROVINCE WAL txns x 1 row (sqlite3, synchronous=$SQLITE_SYNC)" "$FLOOR_A_S s (median of 3; $FLOOR_A_RANGE) = $FLOOR_A_MS ms per txn"
row "baseline: $N_PROVINCE WAL txns x $ROWS_PER_TENANT rows" "$FLOOR_A_ROWS_S s (median of 3; $FLOOR_A_ROWS_RANGE) = $FLOOR_A_ROWS_MS ms per txn"
row "ratio: per-site p50 / floor per txn (1 row)" "$(ratio "$A_P50" "$FLOOR_A_MS")"
row "ratio: per-site p50 / floor per txn ($ROWS_PER_TENANT rows)" "$(ratio "$A_P50" "$FLOOR_A_ROWS_MS")"
row "ratio: wall time per tenant / floor per txn (1 row)" "$(ratio "$A_WALL_MS" "$FLOOR_A_MS")"
row "goal: $N_PROVINCE communes in under $GOAL_A_S s" "$GOAL_A ($A_WALL s)"
echo
echo "B. the country: $N_DEPTS departments (--recipe department, host only) + $N_COMMUNES communes (--recipe commune)"
row "departments: wall time, CLI CPU time" "$BD_WALL s = $(per_row_ms "$BD_WALL" "$N_DEPTS") ms per tenant; CPU $BD_CPU s"
row "departments: CLI per site p50 / p99 / max, sum" "$BD_P50 / $BD_P99 / $BD_MAX ms, $BD_TOTAL s"
row "departments: CLI max RSS" "$(kib_to_mib "$BD_RSS") MiB"
row "departments: CLI says" "$BD_DONE"
row "departments: progress, ms/row per 5% step" "$(steps_line "$WORK/b-departments.log")"
row "communes: wall time, CLI CPU time" "$BC_WALL s = $(per_row_ms "$BC_WALL" "$N_COMMUNES") ms per tenant; CPU $BC_CPU s"
row "communes: CLI per site p50 / p99 / max, sum" "$BC_P50 / $BC_P99 / $BC_MAX ms, $BC_TOTAL s"
row "communes: CLI max RSS" "$(kib_to_mib "$BC_RSS") MiB"
row "communes: CLI says" "$BC_DONE"
row "communes: progress, ms/row per 5% step" "$(steps_line "$WORK/b-communes.log")"
row "communes: first / last ~500 rows (whole 5% steps)" "$(ends_line "$WORK/b-communes.log" 500 "$N_COMMUNES")"
row "total wall time, both imports" "$B_WALL s = $B_WALL_MS ms per tenant"
row "CLI start-up alone on $N_COUNTRY tenants ('tenants list')" "$B_CLI_START_S s"
row "database after: size (portal.db*), rows" "$B_DB_MIB MiB, $B_ROWS rows"
row "baseline: $N_COUNTRY WAL txns x 1 row (sqlite3, synchronous=$SQLITE_SYNC)" "$FLOOR_B_S s (median of 3; $FLOOR_B_RANGE) = $FLOOR_B_MS ms per txn"
row "baseline: $N_COUNTRY WAL txns x $ROWS_PER_TENANT rows" "$FLOOR_B_ROWS_S s (median of 3; $FLOOR_B_ROWS_RANGE) = $FLOOR_B_ROWS_MS ms per txn"
row "ratio: communes per-site p50 / floor per txn (1 row)" "$(ratio "$BC_P50" "$FLOOR_B_MS")"
row "ratio: communes per-site p50 / floor per txn ($ROWS_PER_TENANT rows)" "$(ratio "$BC_P50" "$FLOOR_B_ROWS_MS")"
row "ratio: departments per-site p50 / floor per txn (1 row)" "$(ratio "$BD_P50" "$FLOOR_B_MS")"
row "ratio: total wall time per tenant / floor per txn (1 row)" "$(ratio "$B_WALL_MS" "$FLOOR_B_MS")"
row "goal: $GOAL_B_N tenants in under $GOAL_B_S s" "$GOAL_B"
row "growth: $N_PROVINCE-row import, cold CLI, x3 alternated; medians" ""
row "  into an empty database: per site p50 / p99, wall, CPU" "$G0_P50 / $G0_P99 ms, $G0_WALL s, $G0_CPU s"
row "  into the $N_COUNTRY-tenant database: per site p50 / p99, wall, CPU" "$GN_P50 / $GN_P99 ms, $GN_WALL s, $GN_CPU s"
row "  ratio $N_COUNTRY tenants / empty: p50, p99, wall" "$(ratio "$GN_P50" "$G0_P50"), $(ratio "$GN_P99" "$G0_P99"), $(ratio "$GN_WALL" "$G0_WALL")"
row "  each run: side p50 p99 wall cpu" "$(paste -sd';' "$WORK/growth.txt")"
echo
echo "server on the $N_COUNTRY-tenant database (one curl per request, new connection each, sequential)"
row "start to Healthy" "$SERVER_START_S s; RSS then $(kib_to_mib "$RSS_STARTED") MiB"
row "RSS after $SAMPLES random tenants' home pages (peak VmHWM)" "$(kib_to_mib "$RSS_HOME") MiB ($(kib_to_mib "$HWM_HOME") MiB)"
row "RSS at the end, after the admin requests (peak VmHWM)" "$(kib_to_mib "$RSS_END") MiB ($(kib_to_mib "$HWM_END") MiB)"
lat "latency, ms" p50 p99 max mean
lat "home pages, $SAMPLES random tenants, first request" "$H_P50" "$H_P99" "$H_MAX" "$H_MEAN"
lat "GET /health (baseline)" "$HE_P50" "$HE_P99" "$HE_MAX" "$HE_MEAN"
for k in 0 1 2; do
    read -r P50 P99 MAX MEAN <<<"${ADMIN_STATS[k]}"
    lat "GET ${ADMIN_URLS[k]}" "$P50" "$P99" "$MAX" "$MEAN"
    lat "  ratio to /health" "$(ratio "$P50" "$HE_P50")" "$(ratio "$P99" "$HE_P99")" "$(ratio "$MAX" "$HE_MAX")" "$(ratio "$MEAN" "$HE_MEAN")"
done
row "first request of each admin list page (ms)" "${ADMIN_FIRST[0]} / ${ADMIN_FIRST[1]} / ${ADMIN_FIRST[2]}"
row "/admin/tenants page size" "$ADMIN_BYTES bytes"
row "(with $SAMPLES samples, p99 is the highest of them, as is max)" ""
echo
echo "logs"
row "server" "$PORTAL_LOG_COUNTS"
row "CLI imports (A, A again, B departments, B communes)" "$(for f in a-import a-again b-departments b-communes; do printf '%s; ' "$(log_counts "$WORK/$f.log")"; done)"
row "CLI imports of the growth check (6 runs, added up)" "$(cat "$WORK"/g-*.log >"$WORK/growth-all.log"; log_counts "$WORK/growth-all.log")"
echo "=========================================================================================="

SUCCEEDED=1
