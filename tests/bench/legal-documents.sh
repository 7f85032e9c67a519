#!/usr/bin/env bash
# The legal documents benchmark (issue #5 part 1).
#
#   tests/bench/legal-documents.sh [N_DOCUMENTS]     100000 by default
#
# Workload: N published legal documents on the default site (the province), on SQLite and then on
# PostgreSQL, and for each provider:
#   (i)  the list queries alone, as EF Core sends them (count + one page of 20), p95 over 200 runs
#        with varying values: type+year+field; number contains; status "còn hiệu lực"+authority;
#        SQLite through Python's sqlite3 module on the portal's file, PostgreSQL through psql
#        (\timing, one connection, round trip on loopback included);
#   (ii) the public page /van-ban with the same filters, uncached, under wrk (8 connections,
#        DURATION s after a warm-up): every request carries a cookie named like the sign-in
#        cookie, which the "public" output-cache policy treats as "maybe signed in" and never
#        serves from or stores in the cache (checked: no Age header). The page still renders
#        anonymously (the cookie's value is not a valid ticket).
# Baseline, same run: bare Kestrel (tests/Portal.Benchmarks/BareKestrel) serving a page of the
# list page's byte size, same wrk settings. Goal: (ii) p95 < 50 ms on SQLite.
#
# The documents are inserted with SQL (projection rows, their published content item versions and
# key rows, the same shape the projection writes), not through the import path: the importer goes
# through the content lifecycle (create, publish, projection, audit: ~40 ms per document on this
# machine), so 100,000 would take over an hour. The import path is exercised by the tests.
#
# Needs: dotnet, wrk, curl, sqlite3, python3, PostgreSQL 15 binaries (/usr/lib/postgresql/*/bin),
# runuser when run as root. Environment: PORTAL_PORT (5390), BARE_PORT (5391), PG_PORT (5492),
# DURATION (15), BENCH_SOURCE (sources to build; the repository by default), KEEP_WORKDIR=1.
set -euo pipefail

N=${1:-100000}
[[ $N =~ ^[1-9][0-9]{2,6}$ ]] || { echo "usage: $0 [N_DOCUMENTS] (100..9999999)" >&2; exit 2; }
PORTAL_PORT=${PORTAL_PORT:-5390}
BARE_PORT=${BARE_PORT:-5391}
PG_PORT=${PG_PORT:-5492}
DURATION=${DURATION:-15}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SRC=$(cd "${BENCH_SOURCE:-$REPO}" && pwd)
for tool in wrk curl sqlite3 python3 dotnet; do command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 2; }; done
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort | tail -n 1)
[[ -x $PG_BIN/initdb ]] || { echo "$0: needs PostgreSQL binaries under /usr/lib/postgresql" >&2; exit 2; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$PORTAL_PORT" "$BARE_PORT" "$PG_PORT"; do
    port_free "$port" || { echo "$0: port $port is in use (another server would answer the requests): set PORTAL_PORT, BARE_PORT, PG_PORT" >&2; exit 2; }
done
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/legal-bench.XXXXXX")
chmod 755 "$WORK"
PIDS=()
PG_DATA=$WORK/pg
SUCCEEDED=0
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    [[ -f $PG_DATA/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
    if [[ $SUCCEEDED == 1 && ${KEEP_WORKDIR:-0} != 1 ]]; then rm -rf "$WORK"; else log "work folder kept: $WORK"; fi
}
trap cleanup EXIT

export ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export Portal__Admin__Password='Bench-Passw0rd!' Portal__AutoSetup__Demo=false
unset ASPNETCORE_URLS DOTNET_URLS

log "load average at start: $(load); publishing Portal.Web and BareKestrel (Release) from $SRC"
dotnet publish "$SRC/src/Portal.Web/Portal.Web.csproj" -c Release -o "$WORK/portal" --nologo -v quiet >"$WORK/publish.log" 2>&1 || { tail -n 30 "$WORK/publish.log" >&2; die "publish Portal.Web"; }
dotnet publish "$SRC/tests/Portal.Benchmarks/BareKestrel/BareKestrel.csproj" -c Release -o "$WORK/bare" --nologo -v quiet >>"$WORK/publish.log" 2>&1 || die "publish BareKestrel"

# ---------------------------------------------------------------------------------------------
# The documents, as SQL: $1 = provider (sqlite|pg), $2 = tenant id. Values vary so that filters
# select realistic shares: 8 types, 12 authorities, 15 fields, 8 years, 1 in 20 replaced, 1 in 10
# with an expiry date (half of them passed), 1 in 50 effective in the future.
generate_sql() {
    local p=$1 t=$2 series date expires future bool_t bool_f
    if [[ $p == sqlite ]]; then
        series="WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $N), g AS (SELECT i, 2019 + (i * 7) % 8 AS y, printf('%04d-%02d-%02d', 2019 + (i * 7) % 8, i % 12 + 1, i % 28 + 1) AS d FROM s)"
        date="d"; expires="CASE WHEN i % 10 = 0 THEN printf('%04d-12-31', y + (i % 20 = 0)) END"
        future="CASE WHEN i % 50 = 1 THEN '2027-01-01' ELSE d END"; bool_t=1; bool_f=0
        echo "PRAGMA journal_mode = WAL; BEGIN;"
    else
        series="WITH g AS (SELECT i, 2019 + (i * 7) % 8 AS y, make_date(2019 + (i * 7) % 8, i % 12 + 1, i % 28 + 1) AS d FROM generate_series(1, $N) AS i)"
        date="d"; expires="CASE WHEN i % 10 = 0 THEN make_date(y + (i % 20 = 0)::int, 12, 31) END"
        future="CASE WHEN i % 50 = 1 THEN DATE '2027-01-01' ELSE d END"; bool_t=true; bool_f=false
        echo "BEGIN;"
    fi
    local type="(ARRAY['Quyết định','Nghị quyết','Kế hoạch','Công văn','Thông báo','Chỉ thị','Hướng dẫn','Thông tư'])"
    if [[ $p == sqlite ]]; then
        # SQLite has no arrays: the same lists as CASE expressions.
        type_of() { echo "CASE i % 8 WHEN 0 THEN 'Quyết định' WHEN 1 THEN 'Nghị quyết' WHEN 2 THEN 'Kế hoạch' WHEN 3 THEN 'Công văn' WHEN 4 THEN 'Thông báo' WHEN 5 THEN 'Chỉ thị' WHEN 6 THEN 'Hướng dẫn' ELSE 'Thông tư' END"; }
        code_of() { echo "CASE i % 8 WHEN 0 THEN 'QĐ' WHEN 1 THEN 'NQ' WHEN 2 THEN 'KH' WHEN 3 THEN 'CV' WHEN 4 THEN 'TB' WHEN 5 THEN 'CT' WHEN 6 THEN 'HD' ELSE 'TT' END"; }
        auth_of() { echo "CASE (i / 8) % 12 WHEN 0 THEN 'UBND tỉnh' WHEN 1 THEN 'HĐND tỉnh' ELSE 'Sở số ' || ((i / 8) % 12) END"; }
        field_of() { echo "'Lĩnh vực ' || (i % 15)"; }
        num_of() { echo "i || '/' || y || '/' || ($(code_of)) || '-UBND'"; }
        cat_() { echo "$1 || $2"; }
    else
        type_of() { echo "$type[i % 8 + 1]"; }
        code_of() { echo "(ARRAY['QĐ','NQ','KH','CV','TB','CT','HD','TT'])[i % 8 + 1]"; }
        auth_of() { echo "CASE (i / 8) % 12 WHEN 0 THEN 'UBND tỉnh' WHEN 1 THEN 'HĐND tỉnh' ELSE 'Sở số ' || ((i / 8) % 12) END"; }
        field_of() { echo "'Lĩnh vực ' || (i % 15)"; }
        num_of() { echo "i || '/' || y || '/' || $(code_of) || '-UBND'"; }
    fi
    local folded="lower(replace(replace($(num_of), 'Đ', 'd'), 'Q', 'q'))"
    local summary="'Về việc thực hiện nhiệm vụ số ' || i || ' năm ' || y"
    cat <<SQL
INSERT INTO "LegalDocumentsPublished" ("TenantId","ContentItemId","Culture","Slug","Title","Number","NumberFolded","DocumentType","IssuingAuthority","Field","Signer","SignerPosition","IssuedOn","IssueYear","EffectiveOn","ExpiresOn","Replaced","Kind","Summary","SummaryFolded","PublishedUtc")
$series SELECT $t, 'bench-' || i, 'vi', 'bench-' || i, ($(type_of)) || ' số ' || ($(num_of)) || ': ' || $summary, $(num_of), $folded, $(type_of), $(auth_of), $(field_of),
  'Người ký ' || (i % 40), 'Phó Chủ tịch', $date, y, $future, $expires, CASE WHEN i % 20 = 0 THEN $bool_t ELSE $bool_f END,
  CASE WHEN i % 3 = 0 THEN 'direction' ELSE 'normative' END, $summary, 've viec thuc hien nhiem vu so ' || i || ' nam ' || y, '2026-11-01 00:00:00' FROM g;
INSERT INTO "ContentItems" ("TenantId","ContentItemId","ContentType","Version","Latest","Published","State","Culture","LocalizationSet","Title","Slug","AuthorId","AuthorName","ModifiedById","ModifiedByName","CreatedUtc","ModifiedUtc","PublishedUtc","ScheduledUtc","Deleted","Data")
SELECT "TenantId", "ContentItemId", 'legal-document', 1, $bool_t, $bool_t, 'Published', 'vi', "ContentItemId", "Title", "Slug", 'system', 'Hệ thống', 'system', 'Hệ thống', "PublishedUtc", "PublishedUtc", "PublishedUtc", NULL, $bool_f,
  '{"number":"' || "Number" || '","type":"' || "DocumentType" || '","issuingAuthority":"' || "IssuingAuthority" || '","field":"' || "Field" || '","signer":"' || "Signer" || '","signerPosition":"","issuedOn":"' || "IssuedOn" || '","effectiveOn":"' || "EffectiveOn" || '","expiresOn":null,"summary":"' || "Summary" || '","kind":"' || "Kind" || '","files":[],"replaces":[],"amends":[],"guides":[]}'
FROM "LegalDocumentsPublished" WHERE "TenantId" = $t AND "ContentItemId" LIKE 'bench-%';
INSERT INTO "LegalDocumentKeys" ("TenantId","ContentItemId","Number","NumberKey","AuthorityKey","DocumentType","IssuingAuthority","IssueYear","SearchFolded")
SELECT "TenantId", "ContentItemId", "Number", "NumberFolded", lower("IssuingAuthority"), "DocumentType", "IssuingAuthority", "IssueYear", "NumberFolded" || ' ' || "SummaryFolded"
FROM "LegalDocumentsPublished" WHERE "TenantId" = $t AND "ContentItemId" LIKE 'bench-%';
COMMIT;
SQL
}

# The list queries as EF Core sends them ($1 provider, $2 tenant, $3 index 0..199): count + page.
list_queries() {
    local p=$1 t=$2 i=$3 year=$((2019 + $3 % 8)) contains
    local today; today=$(date -u -d '+7 hours' +%F)
    local types=("Quyết định" "Nghị quyết" "Kế hoạch" "Công văn" "Thông báo" "Chỉ thị" "Hướng dẫn" "Thông tư")
    # "Number contains" goes through the trigram index: the FTS5 table on SQLite, LIKE (pg_trgm GIN) on PostgreSQL.
    local n=$((i * 37 % 997 + 100))
    [[ $p == sqlite ]] && contains="d.\"Id\" IN (SELECT rowid FROM \"LegalDocumentsPublished_fts\" WHERE \"NumberFolded\" LIKE '%$n%')" || contains="d.\"NumberFolded\" LIKE '%$n%' ESCAPE '\\'"
    local base="FROM \"LegalDocumentsPublished\" AS d WHERE d.\"TenantId\" = $t AND d.\"Culture\" = 'vi'"
    local order="ORDER BY d.\"IssuedOn\" DESC, d.\"Id\" DESC LIMIT 20 OFFSET 0"
    case $4 in
        a) local w="AND d.\"DocumentType\" = '${types[i % 8]}' AND d.\"Field\" = 'Lĩnh vực $((i % 15))' AND d.\"IssueYear\" = $year" ;;
        b) local w="AND $contains" ;;
        c) local w="AND d.\"IssuingAuthority\" = 'UBND tỉnh' AND NOT (d.\"Replaced\") AND d.\"EffectiveOn\" <= '$today' AND (d.\"ExpiresOn\" IS NULL OR d.\"ExpiresOn\" > '$today')" ;;
    esac
    # The count stops at 1,001 (LegalDocumentQueries.CountLimit + 1), as the page's does.
    echo "SELECT count(*) FROM (SELECT 1 $base $w LIMIT 1001) AS c;"
    echo "SELECT d.* $base $w $order;"
}

# p95 (and p50) in ms of a list of milliseconds on stdin.
percentiles() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a n/a"; exit } i50 = int(NR * .50 + .5); i95 = int(NR * .95 + .5); if (i95 < 1) i95 = 1; if (i50 < 1) i50 = 1; printf "%.2f %.2f\n", v[i50], v[i95] }'; }

sqlite_query_p95() {  # $1 db, $2 tenant, $3 query kind → "p50 p95" per filtered list (count + page)
    local sql=$WORK/q-sqlite-$3.sql
    : >"$sql"
    for i in $(seq 0 199); do list_queries sqlite "$2" "$i" "$3" | paste -sd' ' >>"$sql"; done
    python3 - "$1" "$sql" <<'PY' | percentiles
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA mmap_size = 268435456")  # as the server's connections (SqliteConnectionSettings)
for line in open(sys.argv[2], encoding="utf-8"):
    count, page = [s.strip() + ";" for s in line.split(";") if s.strip()]
    t0 = time.perf_counter()
    db.execute(count).fetchall(); db.execute(page).fetchall()
    print((time.perf_counter() - t0) * 1000)
PY
}

pg_query_p95() {  # $1 connection args, $2 tenant, $3 kind; psql \timing per statement, summed per pair
    local sql=$WORK/q-pg-$3.sql
    echo '\timing on' >"$sql"
    for i in $(seq 0 199); do list_queries pg "$2" "$i" "$3" >>"$sql"; done
    psql $1 -q -tA -f "$sql" 2>&1 | awk '/^Time:/ { t += $2; if (++n % 2 == 0) { print t; t = 0 } }' | percentiles
}

# ---------------------------------------------------------------------------------------------
LUA=$WORK/paths.lua
cat >"$LUA" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
    paths = {}
    for line in io.lines(args[1]) do if #line > 0 then paths[#paths + 1] = line end end
    bad = 0
    math.randomseed(os.time() + #threads)
end
function request() return wrk.format("GET", paths[math.random(#paths)], { ["Cookie"] = "portal.auth=bench-uncached" }) end
function response(status) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency)
    local b = 0
    for _, t in ipairs(threads) do b = b + t:get("bad") end
    io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f requests=%d not200=%d errors=%d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, summary.requests, b, summary.errors.connect + summary.errors.read + summary.errors.timeout + summary.errors.status))
end
LUA

wait_for() { for _ in $(seq 1 240); do curl -sf -o /dev/null --max-time 2 "$1" && return 0; kill -0 "$2" 2>/dev/null || die "server exited (see $WORK)"; sleep 0.5; done; die "$1 did not answer"; }
run_wrk() {  # $1 base URL, $2 paths file → RESULT line
    wrk -t2 -c8 -d5s --timeout 10s -s "$LUA" "$1" -- "$2" >/dev/null 2>&1 || true
    wrk -t2 -c8 -d"${DURATION}s" --timeout 10s -s "$LUA" "$1" -- "$2" 2>&1 | grep '^RESULT' || die "wrk printed no result"
}

PATHS=$WORK/paths.txt
: >"$PATHS"
types=("Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh" "Ngh%E1%BB%8B+quy%E1%BA%BFt" "K%E1%BA%BF+ho%E1%BA%A1ch" "C%C3%B4ng+v%C4%83n")
for i in $(seq 0 49); do
    echo "/van-ban?type=${types[i % 4]}&year=$((2019 + i % 8))&field=L%C4%A9nh+v%E1%BB%B1c+$((i % 15))" >>"$PATHS"
    echo "/van-ban?number=$((i * 37 % 997 + 100))" >>"$PATHS"
    echo "/van-ban?authority=UBND+t%E1%BB%89nh&status=con-hieu-luc&page=$((i % 5 + 1))" >>"$PATHS"
    echo "/van-ban?status=bi-thay-the&sort=so-ky-hieu&year=$((2019 + i % 8))" >>"$PATHS"
done

RESULTS=$WORK/results.txt
: >"$RESULTS"
bench_provider() {  # $1 provider label; env selects the database
    local label=$1 base=http://127.0.0.1:$PORTAL_PORT pid headers
    (cd "$WORK/portal" && exec dotnet Portal.Web.dll --urls "$base") >"$WORK/portal-$label.log" 2>&1 &
    pid=$!; PIDS+=("$pid")
    wait_for "$base/health" "$pid"
    for _ in $(seq 1 60); do
        [[ $(curl -s -o "$WORK/page-$label.html" -w '%{http_code}' -H 'Cookie: portal.auth=x' "$base$(head -n 1 "$PATHS")") == 200 ]] && break
        sleep 1
    done
    headers=$(curl -s -D - -o /dev/null -H 'Cookie: portal.auth=x' "$base$(head -n 1 "$PATHS")")
    grep -qi '^age:' <<<"$headers" && die "$label: the page came from the output cache"
    grep -q 'Tìm thấy' "$WORK/page-$label.html" || die "$label: the list page shows no result count"
    PAGE_BYTES=$(wc -c <"$WORK/page-$label.html")
    log "$label: /van-ban under wrk (8 connections, ${DURATION}s), load $(load)"
    echo "$label-page $(run_wrk "$base" "$PATHS") load=$(load | cut -d' ' -f1)" >>"$RESULTS"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# SQLite
DATA=$WORK/data
export Portal__DataPath=$DATA
(cd "$WORK/portal" && dotnet Portal.Web.dll tenants list >/dev/null) || die "first CLI call (schema + default site)"
DB=$DATA/portal.db
T=$(sqlite3 "$DB" "SELECT Id FROM Tenants WHERE Name = 'default';")
log "SQLite: inserting $N documents"
t0=$(date +%s.%N)
generate_sql sqlite "$T" | sqlite3 "$DB" >/dev/null
# The server keeps full statistics (SqliteStatistics: ANALYZE at start); the direct query runs below
# see the same, so their plans are the server's.
sqlite3 "$DB" "ANALYZE;" >/dev/null
SQLITE_INSERT_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
[[ $(sqlite3 "$DB" "SELECT count(*) FROM LegalDocumentsPublished WHERE TenantId = $T;") == "$N" ]] || die "SQLite: wrong row count"
{
    for k in a b c; do
        echo "sqlite-query-$k $(sqlite_query_p95 "$DB" "$T" "$k")"
    done
} >>"$RESULTS"
{
    echo "SQLite EXPLAIN QUERY PLAN (page query):"
    for k in a b c; do echo " ($k)"; list_queries sqlite "$T" 3 "$k" | tail -n 1 | sed 's/^/EXPLAIN QUERY PLAN /' | sqlite3 "$DB" | sed 's/^/    /'; done
} >"$WORK/plans.txt"
bench_provider sqlite

# ---------------------------------------------------------------------------------------------
# PostgreSQL: a throw-away cluster
log "PostgreSQL: starting a throw-away cluster on port $PG_PORT"
mkdir -p "$PG_DATA"; [[ $(id -u) == 0 ]] && chown postgres:postgres "$PG_DATA"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-sync --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || die "initdb"
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null || die "pg_ctl start"
PSQL="-h 127.0.0.1 -p $PG_PORT -U postgres -d portal"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c 'CREATE DATABASE portal' || die "create database"
export Portal__Database__Provider=Postgres Portal__Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=portal"
(cd "$WORK/portal" && dotnet Portal.Web.dll tenants list >/dev/null) || die "first CLI call on PostgreSQL"
T=$(psql $PSQL -tAc "SELECT \"Id\" FROM \"Tenants\" WHERE \"Name\" = 'default'")
log "PostgreSQL: inserting $N documents"
t0=$(date +%s.%N)
generate_sql pg "$T" | psql $PSQL -q -v ON_ERROR_STOP=1 >/dev/null || die "PostgreSQL insert"
psql $PSQL -q -c 'ANALYZE' >/dev/null  # autovacuum would do it within a minute; a bulk load is followed by ANALYZE
PG_INSERT_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
{
    for k in a b c; do echo "pg-query-$k $(pg_query_p95 "$PSQL" "$T" "$k")"; done
} >>"$RESULTS"
{
    echo "PostgreSQL EXPLAIN ANALYZE (page query):"
    for k in a b c; do echo " ($k)"; list_queries pg "$T" 3 "$k" | tail -n 1 | sed 's/^/EXPLAIN (ANALYZE, COSTS OFF) /' | psql $PSQL -tA | sed 's/^/    /'; done
} >>"$WORK/plans.txt"
bench_provider postgres
unset Portal__Database__Provider Portal__Database__ConnectionString

# ---------------------------------------------------------------------------------------------
# Baseline: bare Kestrel serving a page of the list page's size.
BARE=http://127.0.0.1:$BARE_PORT
(cd "$WORK/bare" && exec dotnet BareKestrel.dll --urls "$BARE" --size "$PAGE_BYTES") >"$WORK/bare.log" 2>&1 &
BARE_PID=$!; PIDS+=("$BARE_PID")
wait_for "$BARE/" "$BARE_PID"
echo "bare-page $(run_wrk "$BARE" "$PATHS") load=$(load | cut -d' ' -f1)" >>"$RESULTS"

# ---------------------------------------------------------------------------------------------
field() { awk -v k="$1" -v f="$2" '$1 == k { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) print kv[2] } }' "$RESULTS"; }
col() { awk -v k="$1" -v c="$2" '$1 == k { print $c }' "$RESULTS"; }
echo
echo "==================== legal documents: $N documents, $(nproc) cores, $(date -u +%FT%H:%MZ) ===================="
echo "commit: $(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo "snapshot $SRC")"
echo "load average now (1/5/15 min): $(load)"
echo "insert by SQL: SQLite ${SQLITE_INSERT_S}s, PostgreSQL ${PG_INSERT_S}s; list page ${PAGE_BYTES} bytes"
echo
echo "(i) list queries (count + page of 20), 200 runs each, ms          p50      p95"
for p in sqlite pg; do
    printf '  %-58s %8s %8s\n' "$p: type + year + field" $(col "$p-query-a" 2) $(col "$p-query-a" 3)
    printf '  %-58s %8s %8s\n' "$p: number contains" $(col "$p-query-b" 2) $(col "$p-query-b" 3)
    printf '  %-58s %8s %8s\n' "$p: authority + status in effect" $(col "$p-query-c" 2) $(col "$p-query-c" 3)
done
echo
echo "(ii) /van-ban with filters, uncached, wrk 8 connections ${DURATION}s   req/s      p50      p95      p99  load(1m)"
for k in sqlite-page postgres-page bare-page; do
    printf '  %-54s %8s %8s %8s %8s %8s\n' "$k" "$(field "$k" rps)" "$(field "$k" p50)" "$(field "$k" p95)" "$(field "$k" p99)" "$(field "$k" load)"
    [[ $(field "$k" not200) == 0 && $(field "$k" errors) == 0 ]] || echo "    ! $(field "$k" not200) non-200 answers, $(field "$k" errors) socket errors"
done
P95=$(field sqlite-page p95)
echo
echo "p95 ratio page/bare: SQLite $(awk -v a="$P95" -v b="$(field bare-page p95)" 'BEGIN { printf "%.1f", a / b }'), PostgreSQL $(awk -v a="$(field postgres-page p95)" -v b="$(field bare-page p95)" 'BEGIN { printf "%.1f", a / b }')"
echo "goal: p95 < 50 ms for the page on SQLite: $(awk -v p="$P95" 'BEGIN { print (p < 50) ? "HOLDS" : "MISSED" }') ($P95 ms)"
echo
cat "$WORK/plans.txt"
echo "=========================================================================================="
SUCCEEDED=1
