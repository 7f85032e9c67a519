#!/usr/bin/env bash
# The "public pages" benchmark (issue: Content lifecycle, News ... public government theme).
#
#   tests/bench/pages.sh [N_ARTICLES]      N_ARTICLES news articles, 10000 by default
#
# Throughput and latency of the public pages under wrk, on loopback, in one run:
#   (a) the machine's ceiling: a bare Kestrel app (tests/Portal.Benchmarks/BareKestrel) answering a
#       fixed page of the same byte size as the portal's home page;
#   (b) the default site's home page "/", output-cached for anonymous visitors (checked: a second
#       request carries an Age header);
#   (c) article pages /tin-tuc/{category}/{slug}, deliberately not output-cached (every view is
#       counted), spread at random over all N_ARTICLES articles (the addresses are read from the
#       running server's /sitemap.xml).
# Goals: (b) at least half of (a); (c) at least 2,000 requests/s with p99 under 50 ms, at 32
# connections. Orchard Core's published figure for a blog post page is 3,200 requests/s.
#
# The articles are imported with the CLI, as an operator would: recipes of BATCH `news` content
# envelopes each (a `content` step; one transaction per recipe run), run in sequence on the default
# site (province recipe: its news categories). Each target gets a warm-up run, then measured runs at
# 32 and 8 connections; the article page also at 1 connection (the cost of one request alone: the
# difference from 32 connections is queueing, lock contention or the view counter). Alongside:
#   - the CPU time of the server process during each measured run (100% = one core) and the whole
#     machine's busy share (wrk itself runs on the same 2 cores);
#   - a storage floor for (c): the SQL of an article page's queries (as EF Core sends them, read from
#     its command log) for random articles, with the sqlite3 CLI on the same database file, and
#     again on a copy with an index on the slug (which NewsPublished lacks);
#   - the view counts written by the server, compared with the article requests it answered.
#
# Needs: the .NET SDK, wrk, curl, awk, sqlite3. Loopback only; every wait loop is bounded.
# Environment: PORTAL_PORT (5080), BARE_PORT (5081), DURATION (20 s, each measured run), WARMUP_S
# (10 s), BATCH (1000 articles per recipe), QUIET_WAIT (60: seconds to wait, at most, for the
# 1-minute load average to fall below 1.5 before measuring), BENCH_SOURCE (sources to build, e.g. a
# `git archive` snapshot; the repository by default), KEEP_WORKDIR=1 keeps the temporary folder
# (builds, data, logs) after a successful run; after a failed one it is always kept. DATA_FROM=DIR
# skips the import and measures on a copy of DIR, the data folder of an earlier run kept with
# KEEP_WORKDIR (its `data`): so that a before/after comparison measures both builds on the same
# articles, the later build migrating its copy on the first CLI call, as an upgrade would.
set -euo pipefail

N_ARTICLES=${1:-10000}
if ! [[ $N_ARTICLES =~ ^[1-9][0-9]{0,4}$ ]] || ((N_ARTICLES < 10 || N_ARTICLES > 20000)); then
    echo "usage: $0 [N_ARTICLES]   (10..20000, default 10000; the sitemap lists at most 20,000)" >&2
    exit 2
fi
PORTAL_PORT=${PORTAL_PORT:-5080}
BARE_PORT=${BARE_PORT:-5081}
DURATION=${DURATION:-20}
WARMUP_S=${WARMUP_S:-10}
BATCH=${BATCH:-1000}
QUIET_WAIT=${QUIET_WAIT:-60}
GOAL_ARTICLE_RPS=2000
GOAL_ARTICLE_P99_MS=50
ORCHARD_RPS=3200
SQL_SAMPLES=1000            # random articles in the sqlite3 floor
for v in DURATION WARMUP_S BATCH; do
    [[ ${!v} =~ ^[1-9][0-9]{0,4}$ ]] || { echo "$0: $v must be a whole number from 1 to 99999" >&2; exit 2; }
done
[[ $QUIET_WAIT =~ ^[0-9]{1,4}$ ]] || { echo "$0: QUIET_WAIT must be a whole number of seconds" >&2; exit 2; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SRC=$(cd "${BENCH_SOURCE:-$REPO}" && pwd)
for tool in wrk curl awk sqlite3 dotnet; do
    command -v "$tool" >/dev/null || { echo "$0: needs $tool (apt-get install wrk curl gawk sqlite3)" >&2; exit 2; }
done

WORK=""
PORTAL_PID=""
BARE_PID=""
STARTED_PID=""
SUCCEEDED=0

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
proc_kib() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
load1() { cut -d' ' -f1 /proc/loadavg; }
# CPU ticks (user + system) a process has used so far; all CPU ticks of the machine, busy and idle.
proc_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
machine_ticks() { awk '$1 == "cpu" { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6; exit }' /proc/stat; }
CLK_TCK=$(getconf CLK_TCK)

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

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$PORTAL_PORT" || die "port $PORTAL_PORT is in use (set PORTAL_PORT)"
port_free "$BARE_PORT" || die "port $BARE_PORT is in use (set BARE_PORT)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pages.XXXXXX")
PORTAL_OUT=$WORK/portal
BARE_OUT=$WORK/bare
DATA=$WORK/data
DB=$DATA/portal.db

export Portal__DataPath=$DATA
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
        sleep 0.5
    done
    tail -n 40 "$logfile" >&2
    die "$url did not answer 200 $expected within 120 s"
}

log_counts() { printf 'warn %s, fail %s, crit %s' "$(grep -c '^warn: ' "$1" || true)" "$(grep -c '^fail: ' "$1" || true)" "$(grep -c '^crit: ' "$1" || true)"; }

# Waits (at most QUIET_WAIT s) for the 1-minute load average to fall below 1.5: on 2 cores, another
# process's build or test run halves what wrk measures. Goes on either way; the load is reported.
wait_quiet() {
    local waited=0
    while awk -v l="$(load1)" 'BEGIN { exit !(l >= 1.5) }' && ((waited < QUIET_WAIT)); do
        ((waited == 0)) && log "load average $(load1): waiting up to $QUIET_WAIT s for it to fall below 1.5"
        sleep 5
        waited=$((waited + 5))
    done
}

# ---------------------------------------------------------------------------------------------
# The wrk script: each request a random path from the file named after "--" (one path a line),
# each thread seeded differently; counts non-200 answers (wrk itself counts only non-2xx/3xx, and a
# 301 to another address would not be the page); prints one RESULT line with exact percentiles.
LUA=$WORK/pages.lua
write_lua() {
    cat >"$LUA" <<'LUA'
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("seed", counter)
    table.insert(threads, thread)
end

function init(args)
    paths = {}
    for line in io.lines(args[1]) do
        if #line > 0 then paths[#paths + 1] = line end
    end
    if #paths == 0 then error("no paths in " .. args[1]) end
    math.randomseed(os.time() * 1000 + seed)
    not200 = 0
end

function request()
    return wrk.format(nil, paths[math.random(#paths)])
end

function response(status, headers, body)
    if status ~= 200 then not200 = not200 + 1 end
end

function done(summary, latency, requests)
    local bad = 0
    for _, t in ipairs(threads) do bad = bad + t:get("not200") end
    local e = summary.errors
    io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f mean=%.2f bytes=%d not200=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, latency.mean / 1000, summary.bytes, bad,
        e.connect, e.read, e.write, e.timeout, e.status))
end
LUA
}

# Runs wrk against $2 (base URL) with the paths of file $3, $4 connections, $5 seconds; output in
# $WORK/wrk-$1.txt. Sets W_RPS W_P50 W_P90 W_P99 W_MAX W_REQ W_BAD (non-200 + socket errors),
# W_CPU (server CPU, % of one core) and W_BUSY (machine busy %, every process). Fails on any error.
run_wrk() {
    local label=$1 base=$2 paths=$3 conns=$4 secs=$5 pid=$6 out=$WORK/wrk-$1.txt t0 t1 m0 m1 result
    local threads=$((conns < 2 ? 1 : 2))
    t0=$(proc_ticks "$pid")
    m0=$(machine_ticks)
    wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$LUA" "$base" -- "$paths" >"$out" 2>&1 \
        || { cat "$out" >&2; die "wrk $label failed"; }
    t1=$(proc_ticks "$pid")
    m1=$(machine_ticks)
    result=$(grep -m1 '^RESULT ' "$out") || { cat "$out" >&2; die "wrk $label printed no RESULT line"; }
    W_REQ=$(sed -E 's/.* requests=([0-9]+).*/\1/' <<<"$result")
    W_RPS=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$result")
    W_P50=$(sed -E 's/.* p50=([0-9.]+).*/\1/' <<<"$result")
    W_P90=$(sed -E 's/.* p90=([0-9.]+).*/\1/' <<<"$result")
    W_P99=$(sed -E 's/.* p99=([0-9.]+).*/\1/' <<<"$result")
    W_MAX=$(sed -E 's/.* max=([0-9.]+).*/\1/' <<<"$result")
    W_BAD=$(awk '{ s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^(not200|connect|read|write|timeout|status)=/) { split($i, kv, "="); s += kv[2] } print s }' <<<"$result")
    W_CPU=$(awk -v a="$t0" -v b="$t1" -v hz="$CLK_TCK" -v s="$secs" 'BEGIN { printf "%.0f", (b - a) / hz / s * 100 }')
    W_BUSY=$(awk -v a="$m0" -v b="$m1" 'BEGIN { split(a, x, " "); split(b, y, " "); if (y[2] > x[2]) printf "%.0f", (y[1] - x[1]) / (y[2] - x[2]) * 100; else print "n/a" }')
    ((W_REQ > 0)) || { cat "$out" >&2; die "wrk $label: no request completed"; }
    if ((W_BAD > 0)); then
        cat "$out" >&2
        die "wrk $label: $W_BAD of $W_REQ requests failed or did not answer 200"
    fi
    log "  $label: $W_RPS req/s, p50 $W_P50 / p90 $W_P90 / p99 $W_P99 ms, server CPU $W_CPU%, machine busy $W_BUSY%"
}

# One table row per measured run: label, then the W_* values.
RESULTS=$WORK/results.txt
: >"$RESULTS"
record() { echo "$1 $W_RPS $W_P50 $W_P90 $W_P99 $W_MAX $W_REQ $W_CPU $W_BUSY" >>"$RESULTS"; }
result_of() { awk -v k="$1" -v c="$2" '$1 == k { print $c }' "$RESULTS"; }   # columns: 2 rps, 3 p50, 4 p90, 5 p99, 6 max, 7 requests, 8 cpu, 9 busy

# Warm-up run then the measured runs of one target: $1 name, $2 base URL, $3 paths file, $4 PID,
# $5... connection counts.
bench_target() {
    local name=$1 base=$2 paths=$3 pid=$4 conns
    shift 4
    log "$name: warm-up, ${WARMUP_S} s at 32 connections"
    run_wrk "$name-warmup" "$base" "$paths" 32 "$WARMUP_S" "$pid"
    for conns in "$@"; do
        run_wrk "$name-c$conns" "$base" "$paths" "$conns" "$DURATION" "$pid"
        record "$name-c$conns"
    done
}

# ---------------------------------------------------------------------------------------------
# The articles' recipes (write_articles_recipe FILE FROM TO).
# shellcheck source=lib/articles.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/articles.sh"

# ---------------------------------------------------------------------------------------------
# 1. Release builds of both servers, published (the themes' static assets copied into wwwroot).
LOAD_START=$(load1)
log "work folder: $WORK; sources: $SRC"
log "publishing Portal.Web and BareKestrel (Release)"
dotnet publish "$SRC/src/Portal.Web/Portal.Web.csproj" -c Release -o "$PORTAL_OUT" --nologo -v quiet >"$WORK/publish-portal.log" 2>&1 \
    || { tail -n 30 "$WORK/publish-portal.log" >&2; die "dotnet publish Portal.Web"; }
dotnet publish "$SRC/tests/Portal.Benchmarks/BareKestrel/BareKestrel.csproj" -c Release -o "$BARE_OUT" --nologo -v quiet >"$WORK/publish-bare.log" 2>&1 \
    || { tail -n 30 "$WORK/publish-bare.log" >&2; die "dotnet publish BareKestrel"; }
GC_MODE=$(grep -q '"System.GC.Server": true' "$PORTAL_OUT/Portal.Web.runtimeconfig.json" && echo Server || echo Workstation)
write_lua

# ---------------------------------------------------------------------------------------------
# 2. Schema and default site (province recipe: news feature and categories), then the articles.
if [[ -n ${DATA_FROM-} ]]; then
    [[ -f $DATA_FROM/portal.db ]] || die "DATA_FROM=$DATA_FROM holds no portal.db"
    cp -a "$DATA_FROM" "$DATA"
    log "data: a copy of $DATA_FROM (no import); first CLI call migrates it to this build's schema"
else
    log "schema and default site: first CLI call on an empty data folder"
fi
LISTED=$(cd "$PORTAL_OUT" && dotnet Portal.Web.dll tenants list | tail -n 1) || die "the first CLI call (tenants list) failed"
[[ $LISTED == "1 tenant(s)." ]] || die "after setup, tenants list shows '$LISTED', expected '1 tenant(s).'"
TENANT_ID=$(sqlite3 "$DB" "SELECT Id FROM Tenants WHERE Name = 'default';")
[[ -n $TENANT_ID ]] || die "no default tenant in the database"
CATEGORIES=$(sqlite3 "$DB" "SELECT count(*) FROM NewsCategories WHERE TenantId = $TENANT_ID AND Slug IN ('chinh-tri','kinh-te','van-hoa-xa-hoi','tin-trong-tinh','tin-trong-nuoc','thong-bao','thong-cao-bao-chi');")
[[ $CATEGORIES == 7 ]] || die "the default site has $CATEGORIES of the 7 news categories the articles use"

LOAD_IMPORT=$(load1)
if [[ -z ${DATA_FROM-} ]]; then
BATCHES=$(((N_ARTICLES + BATCH - 1) / BATCH))
log "importing $N_ARTICLES articles: $BATCHES recipe(s) of up to $BATCH, recipes run ... --tenant default, in sequence"
: >"$WORK/import-times.txt"
IMPORT_T0=$(now)
for b in $(seq 1 "$BATCHES"); do
    from=$(((b - 1) * BATCH + 1))
    to=$((b * BATCH < N_ARTICLES ? b * BATCH : N_ARTICLES))
    recipe=$WORK/articles-$b.recipe.json
    write_articles_recipe "$recipe" "$from" "$to"
    t0=$(now)
    set +e
    (cd "$PORTAL_OUT" && dotnet Portal.Web.dll recipes run "$recipe" --tenant default) >"$WORK/import-$b.log" 2>&1
    rc=$?
    set -e
    secs=$(elapsed "$t0" "$(now)")
    grep -q "^Recipe 'bench-articles-$from-$to': 1 site(s) updated, 0 failed\.$" "$WORK/import-$b.log" && ((rc == 0)) \
        || { tail -n 30 "$WORK/import-$b.log" >&2; die "recipe $b (articles $from-$to) failed (exit $rc)"; }
    echo "$b $from $to $secs" >>"$WORK/import-times.txt"
    log "  [$b/$BATCHES] articles $from-$to: $secs s (recipe file $(du -k "$recipe" | cut -f1) KiB)"
done
IMPORT_S=$(elapsed "$IMPORT_T0" "$(now)")
IMPORT_FIRST_S=$(awk 'NR == 1 { print $4 }' "$WORK/import-times.txt")
IMPORT_LAST_S=$(awk 'END { print $4 }' "$WORK/import-times.txt")
fi
T0=$(now)
(cd "$PORTAL_OUT" && dotnet Portal.Web.dll tenants list >/dev/null) || die "tenants list failed"
CLI_START_S=$(elapsed "$T0" "$(now)")
ARTICLES_IN_DB=$(sqlite3 "$DB" "SELECT count(*) FROM NewsPublished WHERE TenantId = $TENANT_ID;")
((ARTICLES_IN_DB >= N_ARTICLES)) || die "NewsPublished holds $ARTICLES_IN_DB articles, expected $N_ARTICLES"
DB_MIB=$(du -cb "$DATA"/portal.db* | awk 'END { printf "%.1f", $1 / 1048576 }')

# ---------------------------------------------------------------------------------------------
# 3. Storage floor for the article page, with the sqlite3 CLI (one connection, sequential): the
#    four queries the page sends (EF Core's SQL, literals for parameters) for SQL_SAMPLES random
#    articles. Then the same on a copy of the database with an index on (TenantId, Culture, Slug).
log "sqlite3 floor: the article page's queries for up to $SQL_SAMPLES random articles"
sqlite3 -separator ' ' "$DB" "SELECT Slug, ContentItemId, Category FROM NewsPublished WHERE TenantId = $TENANT_ID ORDER BY random() LIMIT $SQL_SAMPLES;" \
    | awk -v t="$TENANT_ID" -v q="'" '{
        printf "SELECT \"n\".\"Id\", \"n\".\"Category\", \"n\".\"ContentItemId\", \"n\".\"Culture\", \"n\".\"Featured\", \"n\".\"FeaturedImage\", \"n\".\"FeaturedImageAlt\", \"n\".\"PublishedUtc\", \"n\".\"Slug\", \"n\".\"Summary\", \"n\".\"TenantId\", \"n\".\"Title\", \"n\".\"ViewCount\" FROM \"NewsPublished\" AS \"n\" WHERE \"n\".\"TenantId\" = %s AND \"n\".\"Slug\" = %s%s%s AND \"n\".\"Culture\" = %svi%s LIMIT 1;\n", t, q, $1, q, q, q
        printf "SELECT * FROM \"ContentItems\" AS \"c\" WHERE \"c\".\"TenantId\" = %s AND \"c\".\"ContentItemId\" = %s%s%s AND \"c\".\"Published\" AND NOT (\"c\".\"Deleted\") LIMIT 1;\n", t, q, $2, q
        printf "SELECT * FROM \"NewsCategories\" AS \"n\" WHERE \"n\".\"TenantId\" = %s AND \"n\".\"Slug\" = %s%s%s LIMIT 1;\n", t, q, $3, q
        printf "SELECT * FROM \"NewsPublished\" AS \"n\" WHERE \"n\".\"TenantId\" = %s AND \"n\".\"Category\" = %s%s%s AND \"n\".\"ContentItemId\" <> %s%s%s ORDER BY \"n\".\"PublishedUtc\" DESC LIMIT 5;\n", t, q, $3, q, q, $2, q
    }' >"$WORK/article-queries.sql"
SQL_PAGES=$(($(wc -l <"$WORK/article-queries.sql") / 4))
# Median of 3 runs, in ms per article page.
sql_floor() {
    local db=$1 t0 times=()
    for _ in 1 2 3; do
        t0=$(now)
        sqlite3 "$db" <"$WORK/article-queries.sql" >/dev/null
        times+=("$(elapsed "$t0" "$(now)")")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk -v n="$SQL_PAGES" 'NR == 2 { printf "%.3f", $1 * 1000 / n }'
}
SLUG_PLAN=$(sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT * FROM NewsPublished WHERE TenantId = $TENANT_ID AND Slug = 'x' AND Culture = 'vi' LIMIT 1;" | awk 'NR > 1 || !/^QUERY PLAN/' | sed 's/^[|`-]*//' | paste -sd';')
SQL_FLOOR_MS=$(sql_floor "$DB")
cp "$DB" "$WORK/indexed.db"
sqlite3 "$WORK/indexed.db" 'CREATE INDEX IX_Bench_NewsPublished_TenantId_Culture_Slug ON NewsPublished (TenantId, Culture, Slug);'
SQL_FLOOR_IDX_MS=$(sql_floor "$WORK/indexed.db")
rm -f "$WORK/indexed.db"

# ---------------------------------------------------------------------------------------------
# 4. The portal: cached home page, then random article pages.
BASE=http://127.0.0.1:$PORTAL_PORT
log "portal: starting"
PORTAL_LOG=$WORK/portal.log
T0=$(now)
start_server "$PORTAL_OUT" "$PORTAL_LOG" Portal.Web.dll --urls "$BASE"
PORTAL_PID=$STARTED_PID
wait_for "$PORTAL_PID" "$BASE/health" "$PORTAL_LOG" Healthy
PORTAL_START_S=$(elapsed "$T0" "$(now)")
RSS_STARTED=$(proc_kib "$PORTAL_PID" VmRSS)

# The home page: 200, then from the cache (Age header) on the next request.
curl -s -o /dev/null --max-time 30 "$BASE/" || true
HOME_HEADERS=$(curl -s -D - -o "$WORK/home.html" --max-time 30 "$BASE/")
[[ $HOME_HEADERS == HTTP/1.1\ 200* ]] || die "GET / answered '$(head -n 1 <<<"$HOME_HEADERS")'"
HOME_AGE=$(tr -d '\r' <<<"$HOME_HEADERS" | awk 'tolower($1) == "age:" { print $2 }')
[[ -n $HOME_AGE ]] || die "the second GET / carries no Age header: the home page is not served from the output cache"
HOME_BYTES=$(wc -c <"$WORK/home.html")
echo / >"$WORK/home-paths.txt"

# The article addresses, from the sitemap.
SITEMAP_CODE=$(curl -s -o "$WORK/sitemap.xml" --max-time 60 -w '%{http_code}' "$BASE/sitemap.xml" || true)
[[ $SITEMAP_CODE == 200 ]] || die "GET /sitemap.xml answered '$SITEMAP_CODE'"
grep -o "<loc>$BASE/tin-tuc/[^/<]*/[^/<]*</loc>" "$WORK/sitemap.xml" | sed -e "s#^<loc>$BASE##" -e 's#</loc>$##' >"$WORK/article-paths.txt" || true
SITEMAP_ARTICLES=$(wc -l <"$WORK/article-paths.txt")
((SITEMAP_ARTICLES >= N_ARTICLES)) || die "the sitemap lists $SITEMAP_ARTICLES article addresses, expected $N_ARTICLES"
# Spot checks: an article answers 200 with its own title and without Age (not cached), twice.
SAMPLE_PATH=$(sed -n "$(((SITEMAP_ARTICLES + 1) / 2))p" "$WORK/article-paths.txt")
for _ in 1 2; do
    ART_HEADERS=$(curl -s -D - -o "$WORK/article.html" --max-time 30 "$BASE$SAMPLE_PATH")
    [[ $ART_HEADERS == HTTP/1.1\ 200* ]] || die "GET $SAMPLE_PATH answered '$(head -n 1 <<<"$ART_HEADERS")'"
done
tr -d '\r' <<<"$ART_HEADERS" | grep -qi '^age:' && die "GET $SAMPLE_PATH carries an Age header: article pages are output-cached, their views not counted"
SAMPLE_NUMBER=${SAMPLE_PATH##*-}
grep -q "$SAMPLE_NUMBER" "$WORK/article.html" || die "GET $SAMPLE_PATH does not show its article (number $SAMPLE_NUMBER)"
ARTICLE_BYTES=$(wc -c <"$WORK/article.html")
SPOT_ARTICLE_REQUESTS=2

LOAD_PORTAL=$(load1)
wait_quiet
LOAD_HOME=$(load1)
bench_target home "$BASE" "$WORK/home-paths.txt" "$PORTAL_PID" 32 8
RSS_AFTER_HOME=$(proc_kib "$PORTAL_PID" VmRSS)

LOAD_ARTICLE=$(load1)
bench_target article "$BASE" "$WORK/article-paths.txt" "$PORTAL_PID" 32 8 1
RSS_AFTER=$(proc_kib "$PORTAL_PID" VmRSS)
HWM_AFTER=$(proc_kib "$PORTAL_PID" VmHWM)
ARTICLE_REQUESTS=$(( $(awk '$1 ~ /^article-/ { s += $7 } END { print s + 0 }' "$RESULTS") \
    + $(sed -E -n 's/^RESULT requests=([0-9]+).*/\1/p' "$WORK/wrk-article-warmup.txt") + SPOT_ARTICLE_REQUESTS ))

# Does a view-count flush (every 5 s) evict the cached home page? Wait for one, then look at Age.
sleep 6
HOME_AGE_AFTER=$(curl -s -D - -o /dev/null --max-time 30 "$BASE/" | tr -d '\r' | awk 'tolower($1) == "age:" { print $2 }')
HOME_AGE_AFTER=${HOME_AGE_AFTER:-none (evicted: this request rendered the page)}
PORTAL_LOG_COUNTS=$(log_counts "$PORTAL_LOG")
stop_server "$PORTAL_PID"
PORTAL_PID=""
# Stopping flushes the view counts still in memory: every article page answered is one view.
VIEWS_IN_DB=$(sqlite3 "$DB" "SELECT coalesce(sum(ViewCount), 0) FROM NewsPublished WHERE TenantId = $TENANT_ID;")

# ---------------------------------------------------------------------------------------------
# 5. The ceiling: bare Kestrel answering a page of the home page's byte size, the same wrk runs.
BARE=http://127.0.0.1:$BARE_PORT
log "bare Kestrel ($HOME_BYTES-byte page): starting"
BARE_LOG=$WORK/bare.log
start_server "$BARE_OUT" "$BARE_LOG" BareKestrel.dll --urls "$BARE" --size "$HOME_BYTES"
BARE_PID=$STARTED_PID
wait_for "$BARE_PID" "$BARE/" "$BARE_LOG"
BARE_BYTES=$(curl -s -o /dev/null --max-time 30 -w '%{size_download}' "$BARE/")
wait_quiet
LOAD_BARE=$(load1)
bench_target bare "$BARE" "$WORK/home-paths.txt" "$BARE_PID" 32 8
RSS_BARE=$(proc_kib "$BARE_PID" VmRSS)
BARE_LOG_COUNTS=$(log_counts "$BARE_LOG")
stop_server "$BARE_PID"
BARE_PID=""

# ---------------------------------------------------------------------------------------------
# 6. Summary.
A_RPS=$(result_of bare-c32 2)
B_RPS=$(result_of home-c32 2)
C_RPS=$(result_of article-c32 2)
C_P99=$(result_of article-c32 5)
GOAL_B=$(awk -v b="$B_RPS" -v a="$A_RPS" 'BEGIN { print (b >= a / 2) ? "HOLDS" : "MISSED" }')
GOAL_C=$(awk -v r="$C_RPS" -v p="$C_P99" -v gr="$GOAL_ARTICLE_RPS" -v gp="$GOAL_ARTICLE_P99_MS" 'BEGIN { print (r >= gr && p < gp) ? "HOLDS" : "MISSED" }')

row() { printf '  %-58s %s\n' "$1" "$2"; }
tbl() { printf '  %-26s %10s %8s %8s %8s %8s %9s %7s %7s\n' "$@"; }
echo
echo "==================== public pages: $N_ARTICLES articles, wrk on loopback ===================="
row "machine" "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $(dotnet --version), $GC_MODE GC, $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), $(date -u +%Y-%m-%dT%H:%MZ)"
if git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
    row "commit" "$(git -C "$SRC" rev-parse --short HEAD)$(git -C "$SRC" diff --quiet HEAD -- src recipes || echo ' + uncommitted changes under src/ or recipes/')"
else
    row "sources" "$SRC (not a git checkout)"
fi
row "load average (1 min): start / import / home / article / bare / end" "$LOAD_START / $LOAD_IMPORT / $LOAD_HOME / $LOAD_ARTICLE / $LOAD_BARE / $(load1)"
echo
if [[ -n ${DATA_FROM-} ]]; then
echo "import: none, the articles of $DATA_FROM (copied)"
else
echo "import (CLI: recipes run FILE --tenant default, $BATCHES recipe(s) of $BATCH news envelopes, in sequence)"
row "total wall time, CLI start-ups included" "$IMPORT_S s = $(awk -v t="$IMPORT_S" -v n="$N_ARTICLES" 'BEGIN { printf "%.1f", t * 1000 / n }') ms per article"
row "first / last recipe" "$IMPORT_FIRST_S s / $IMPORT_LAST_S s"
row "each recipe, s" "$(awk '{ printf "%s%s", sep, $4; sep = " " } END { print "" }' "$WORK/import-times.txt")"
fi
row "CLI start-up alone ('tenants list')" "$CLI_START_S s"
row "articles in NewsPublished; database size (portal.db*)" "$ARTICLES_IN_DB; $DB_MIB MiB"
echo
echo "pages"
row "home page / (bare Kestrel page)" "$HOME_BYTES bytes ($BARE_BYTES bytes)"
row "article page (one sample)" "$ARTICLE_BYTES bytes"
row "second GET /: Age header (output cache)" "$HOME_AGE"
row "articles in /sitemap.xml, requested at random" "$SITEMAP_ARTICLES"
row "portal start to Healthy" "$PORTAL_START_S s"
echo
echo "wrk, ${DURATION} s per run after a ${WARMUP_S} s warm-up per target; latency in ms; CPU: server process, % of one core; busy: whole machine"
tbl "" req/s p50 p90 p99 max requests CPU% busy%
while read -r label rps p50 p90 p99 max req cpu busy; do
    tbl "$label" "$rps" "$p50" "$p90" "$p99" "$max" "$req" "$cpu" "$busy"
done <"$RESULTS"
echo
echo "ratios and goals"
row "(b)/(a) home / bare, 32 connections" "$(ratio "$B_RPS" "$A_RPS")"
row "(c)/(a) article / bare, 32 connections" "$(ratio "$C_RPS" "$A_RPS")"
row "(c)/(b) article / home, 32 connections" "$(ratio "$C_RPS" "$B_RPS")"
row "home / bare at 8 connections; article / bare at 8" "$(ratio "$(result_of home-c8 2)" "$(result_of bare-c8 2)"); $(ratio "$(result_of article-c8 2)" "$(result_of bare-c8 2)")"
row "article at 32 / at 1 connection, req/s" "$(ratio "$C_RPS" "$(result_of article-c1 2)")"
row "article vs Orchard Core's blog post figure ($ORCHARD_RPS req/s)" "$(ratio "$C_RPS" "$ORCHARD_RPS")"
row "goal (b): at least half of (a)" "$GOAL_B ($B_RPS vs $A_RPS req/s)"
row "goal (c): >= $GOAL_ARTICLE_RPS req/s, p99 < $GOAL_ARTICLE_P99_MS ms (32 connections)" "$GOAL_C ($C_RPS req/s, p99 $C_P99 ms)"
echo
echo "article page: where the time goes"
row "sqlite3 CLI, the page's 4 queries, $SQL_PAGES random articles" "$SQL_FLOOR_MS ms per page (median of 3)"
row "  the same with an index on NewsPublished (TenantId, Culture, Slug)" "$SQL_FLOOR_IDX_MS ms per page"
row "  query plan of the slug lookup" "$SLUG_PLAN"
row "  article latency at 1 connection, p50" "$(result_of article-c1 3) ms"
row "views written to the database / article pages answered" "$VIEWS_IN_DB / $ARTICLE_REQUESTS"
row "GET / 6 s after the article runs (a view-count flush): Age" "$HOME_AGE_AFTER"
echo
echo "resident memory (VmRSS, MiB)"
row "portal: started / after home runs / after article runs (peak)" "$(kib_to_mib "$RSS_STARTED") / $(kib_to_mib "$RSS_AFTER_HOME") / $(kib_to_mib "$RSS_AFTER") ($(kib_to_mib "$HWM_AFTER"))"
row "bare Kestrel after its runs" "$(kib_to_mib "$RSS_BARE")"
echo
echo "logs"
row "portal" "$PORTAL_LOG_COUNTS"
row "bare Kestrel" "$BARE_LOG_COUNTS"
[[ -n ${DATA_FROM-} ]] || row "CLI imports (added up)" "$(cat "$WORK"/import-*.log >"$WORK/import-all.log"; log_counts "$WORK/import-all.log")"
echo "=========================================================================================="

SUCCEEDED=1
