#!/usr/bin/env bash
# The search benchmark (issue 13): 100,000 published items (half news, a quarter legal documents, a
# quarter procedures) over the province, 10 districts and 990 communes below them.
#
#   tests/bench/search.sh
#
# In one run, each figure beside a baseline measured in the same run:
#   (1) index build from empty (tests/Portal.Benchmarks/SearchBench, in-process: SearchIndexer.OpenAsync
#       on an empty folder), docs/s; baselines: the indexer's scan alone, the scan plus the documents
#       built, and a plain Lucene build (StandardAnalyzer, two fields) of the same rows;
#   (2) the search service's query, in-process (SiteSearch in a commune's scope; the province with
#       scope=all; the province alone), ~50 queries in rotation, p50/p95 over QUERIES each after a
#       warm-up; baselines on the same searcher: a plain TermQuery, the service's Lucene query and
#       filter alone, and that plus the hits' stored fields;
#   (3) a second node: its own index folder (a copy of node A's fresh build), CHANGES changes through ContentManager.UpsertAsync in the
#       sites' scopes (4 edits of a published item : 1 take-down), node A's indexer running as its
#       background service meanwhile; the time from the last commit to "found by node A's search",
#       and node B's catch-up (CatchUpAsync until its position is the queue's head); baseline: the
#       database reads of that catch-up alone;
#   (4) the /tim-kiem page under wrk on loopback: a commune's (/{prefix}/tim-kiem?q=, 20 communes ×
#       the queries) and province-wide (/tim-kiem?q=&scope=all), at CONNS connections and at 1;
#       baseline: tests/Portal.Benchmarks/BareKestrel answering a fixed page of the same byte size
#       (the median page of each target), the same wrk runs.
# Goals: page p95 < 30 ms, query p95 < 10 ms, build > 2,000 documents/s.
#
# Needs: the .NET SDK, wrk, curl, awk. Loopback only; every wait loop is bounded.
# Environment: DOCS (100000), DISTRICTS (10), COMMUNES (990), CHANGES (1000), QUERIES (2000 timed
# per in-process case), PROVISION_S (60: seconds of sites provisioned through TenantManager and
# their recipes; the rest are copies of the last commune's row), CONNS (8), DURATION (20 s per
# measured wrk run), WARMUP_S (10), PORTAL_PORT (5080), BARE_PORT (5081), DATA_CACHE=DIR (the
# generated database is kept there and reused by later runs: each run works on a copy),
# KEEP_WORKDIR=1 keeps the temporary folder after a successful run (always kept after a failure).
# For quick reruns: PUBLISHED=DIR takes the builds of an earlier work folder (its portal, bare and
# searchbench) instead of publishing; INDEX_FROM=DIR opens the search index an earlier run built
# on the same DATA_CACHE (DIR/search-index, e.g. an earlier work folder's data) instead of building it
# (no build figures then).
set -euo pipefail

DOCS=${DOCS:-100000}
DISTRICTS=${DISTRICTS:-10}
COMMUNES=${COMMUNES:-990}
CHANGES=${CHANGES:-1000}
QUERIES=${QUERIES:-2000}
PROVISION_S=${PROVISION_S:-60}
CONNS=${CONNS:-8}
DURATION=${DURATION:-20}
WARMUP_S=${WARMUP_S:-10}
PORTAL_PORT=${PORTAL_PORT:-5080}
BARE_PORT=${BARE_PORT:-5081}
GOAL_PAGE_P95_MS=30
GOAL_QUERY_P95_MS=10
GOAL_BUILD_DOCS_S=2000
for v in DOCS DISTRICTS COMMUNES CHANGES QUERIES PROVISION_S CONNS DURATION WARMUP_S; do
    [[ ${!v} =~ ^[1-9][0-9]{0,6}$ ]] || { echo "$0: $v must be a whole number from 1" >&2; exit 2; }
done

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
for tool in wrk curl awk dotnet; do
    command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 2; }
done

WORK=""
PORTAL_PID=""
BARE_PID=""
STARTED_PID=""
SUCCEEDED=0
T_START=$(date +%s)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
load1() { cut -d' ' -f1 /proc/loadavg; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

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

WORK=$(mktemp -d "${TMPDIR:-/tmp}/search.XXXXXX")
DATA=$WORK/data
export ASPNETCORE_ENVIRONMENT=Production
export Portal__Admin__Password='Bench-Passw0rd!'
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset ASPNETCORE_URLS DOTNET_URLS
LOAD_START=$(load1)

# ---------------------------------------------------------------------------------------------
# 1. Release builds.
if [[ -n ${PUBLISHED-} ]]; then
    log "using the builds in $PUBLISHED"
    for d in portal bare searchbench; do cp -a "$PUBLISHED/$d" "$WORK/$d"; done
else
log "publishing Portal.Web, BareKestrel and SearchBench (Release)"
for p in src/Portal.Web/Portal.Web.csproj:portal tests/Portal.Benchmarks/BareKestrel/BareKestrel.csproj:bare tests/Portal.Benchmarks/SearchBench/SearchBench.csproj:searchbench; do
    dotnet publish "$REPO/${p%%:*}" -c Release -o "$WORK/${p##*:}" --nologo -v quiet >"$WORK/publish-${p##*:}.log" 2>&1 \
        || { tail -n 30 "$WORK/publish-${p##*:}.log" >&2; die "dotnet publish ${p%%:*}"; }
done
fi

# ---------------------------------------------------------------------------------------------
# 2. The data (generated once into DATA_CACHE when set), then the in-process measurements.
GEN_ARGS=(--docs "$DOCS" --districts "$DISTRICTS" --communes "$COMMUNES" --provision-seconds "$PROVISION_S")
if [[ -n ${DATA_CACHE-} ]]; then
    mkdir -p "$DATA_CACHE"
    DATA_CACHE=$(cd "$DATA_CACHE" && pwd)
    if [[ ! -f $DATA_CACHE/search-bench.generated ]]; then
        log "generating $DOCS items into $DATA_CACHE (kept for later runs)"
        (cd "$WORK/searchbench" && dotnet SearchBench.dll --data "$DATA_CACHE" --out "$WORK/generate.txt" "${GEN_ARGS[@]}" --generate-only) >"$WORK/generate.log" 2>&1 \
            || { tail -n 40 "$WORK/generate.log" >&2; die "generation failed"; }
    else
        log "reusing the data generated in $DATA_CACHE"
    fi
    mkdir -p "$DATA"
    find "$DATA_CACHE" -maxdepth 1 -type f -exec cp {} "$DATA/" \;
else
    log "generating $DOCS items"
    (cd "$WORK/searchbench" && dotnet SearchBench.dll --data "$DATA" --out "$WORK/generate.txt" "${GEN_ARGS[@]}" --generate-only) >"$WORK/generate.log" 2>&1 \
        || { tail -n 40 "$WORK/generate.log" >&2; die "generation failed"; }
fi
INPROC_ARGS=()
if [[ -n ${INDEX_FROM-} ]]; then
    [[ -d $INDEX_FROM/search-index ]] || die "INDEX_FROM: no $INDEX_FROM/search-index"
    cp -a "$INDEX_FROM/search-index" "$DATA/search-index"
    rm -f "$DATA/search-index/write.lock"
    INPROC_ARGS=(--keep-index)
fi
LOAD_INPROC=$(load1)
log "in-process: build, queries, catch-up"
T0=$(date +%s)
(cd "$WORK/searchbench" && timeout 1800 dotnet SearchBench.dll --data "$DATA" --out "$WORK/inproc.txt" "${GEN_ARGS[@]}" --changes "$CHANGES" --queries "$QUERIES" "${INPROC_ARGS[@]}") >"$WORK/inproc.log" 2>&1 \
    || { tail -n 40 "$WORK/inproc.log" >&2; die "SearchBench failed"; }
INPROC_S=$(($(date +%s) - T0))
[[ -f $WORK/generate.txt ]] && cat "$WORK/generate.txt" "$WORK/inproc.txt" >"$WORK/all.txt" || cp "$WORK/inproc.txt" "$WORK/all.txt"
val() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print; exit }' "$WORK/all.txt"; }

# ---------------------------------------------------------------------------------------------
# 3. The pages under wrk.
LUA=$WORK/paths.lua
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
    io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f bytes=%d not200=%d errors=%d\n",
        summary.requests, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, summary.bytes, bad, e.connect + e.read + e.write + e.timeout + e.status))
end
LUA

RESULTS=$WORK/wrk-results.txt
: >"$RESULTS"
# run_wrk LABEL BASE PATHS CONNS SECONDS: appends "LABEL rps p50 p95 p99 max requests" to RESULTS.
run_wrk() {
    local label=$1 base=$2 paths=$3 conns=$4 secs=$5 out=$WORK/wrk-$1.txt result bad
    local threads=$((conns < 2 ? 1 : 2))
    wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s -s "$LUA" "$base" -- "$paths" >"$out" 2>&1 \
        || { cat "$out" >&2; die "wrk $label failed"; }
    result=$(grep -m1 '^RESULT ' "$out") || { cat "$out" >&2; die "wrk $label printed no RESULT line"; }
    bad=$(awk '{ s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^(not200|errors)=/) { split($i, kv, "="); s += kv[2] } print s }' <<<"$result")
    ((bad == 0)) || { cat "$out" >&2; die "wrk $label: $bad answers not 200 or socket errors"; }
    awk -v l="$label" -v load="$(load1)" '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print l, v["rps"], v["p50"], v["p95"], v["p99"], v["max"], v["requests"], load }' <<<"$result" >>"$RESULTS"
    log "wrk $label: $result"
}
result_of() { awk -v l="$1" -v c="$2" '$1 == l { print $c }' "$RESULTS"; }

start_server() {
    local dir=$1 logfile=$2
    shift 2
    (cd "$dir" && exec dotnet "$@") >"$logfile" 2>&1 &
    STARTED_PID=$!
}

wait_for() {
    local pid=$1 url=$2 logfile=$3 pattern=$4 reply
    for _ in $(seq 1 240); do
        kill -0 "$pid" 2>/dev/null || { tail -n 40 "$logfile" >&2; die "the server exited before answering $url"; }
        reply=$(curl -s --max-time 5 -w '\n%{http_code}' "$url" || true)
        [[ ${reply##*$'\n'} == 200 ]] && grep -q -- "$pattern" <<<"${reply%$'\n'*}" && return 0
        sleep 0.5
    done
    tail -n 40 "$logfile" >&2
    die "$url did not answer 200 with '$pattern' within 120 s"
}

# Median byte size of the pages of a paths file (at most its first 60).
median_bytes() {
    local base=$1 paths=$2
    head -n 60 "$paths" | while read -r path; do
        curl -s -o /dev/null --max-time 30 -w '%{size_download} %{http_code}\n' "$base$path"
    done | awk '$2 != 200 { bad = 1 } { print $1 } END { if (bad) print "non-200" > "/dev/stderr" }' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

BASE=http://127.0.0.1:$PORTAL_PORT
log "portal: starting on the benchmark's data (node A's index, caught up)"
PORTAL_LOG=$WORK/portal.log
export Portal__DataPath=$DATA
export Portal__Search__RequestsPerAddressPerMinute=100000000
start_server "$WORK/portal" "$PORTAL_LOG" Portal.Web.dll --urls "$BASE"
PORTAL_PID=$STARTED_PID
wait_for "$PORTAL_PID" "$BASE/health" "$PORTAL_LOG" Healthy
wait_for "$PORTAL_PID" "$BASE/tim-kiem?q=th%E1%BB%A7%20t%E1%BB%A5c&scope=all" "$PORTAL_LOG" "Tìm thấy"
SITE_PATHS=$WORK/paths-site.txt
ALL_PATHS=$WORK/paths-all.txt
[[ -s $SITE_PATHS && -s $ALL_PATHS ]] || die "SearchBench wrote no page paths"
SITE_BYTES=$(median_bytes "$BASE" "$SITE_PATHS")
ALL_BYTES=$(median_bytes "$BASE" "$ALL_PATHS")
SITE_SAMPLE=$(sed -n 1p "$SITE_PATHS")
curl -s --max-time 30 "$BASE$SITE_SAMPLE" -o "$WORK/site-sample.html"
grep -q "Tìm thấy" "$WORK/site-sample.html" || die "GET $SITE_SAMPLE shows no results"

LOAD_PAGES=$(load1)
log "portal: warm-up ${WARMUP_S} s, then ${DURATION} s runs"
run_wrk page-warmup "$BASE" "$SITE_PATHS" "$CONNS" "$WARMUP_S"
run_wrk page-all-warmup "$BASE" "$ALL_PATHS" "$CONNS" "$WARMUP_S"
run_wrk "site-c$CONNS" "$BASE" "$SITE_PATHS" "$CONNS" "$DURATION"
run_wrk "all-c$CONNS" "$BASE" "$ALL_PATHS" "$CONNS" "$DURATION"
run_wrk site-c1 "$BASE" "$SITE_PATHS" 1 "$DURATION"
run_wrk all-c1 "$BASE" "$ALL_PATHS" 1 "$DURATION"
PORTAL_RSS=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$PORTAL_PID/status")
PORTAL_WARN=$(grep -c '^warn: \|^fail: ' "$PORTAL_LOG" || true)
stop_server "$PORTAL_PID"
PORTAL_PID=""

BARE=http://127.0.0.1:$BARE_PORT
echo / >"$WORK/bare-paths.txt"
for target in site:$SITE_BYTES all:$ALL_BYTES; do
    name=${target%%:*} bytes=${target##*:}
    log "bare Kestrel: $bytes-byte page (the $name page's size)"
    start_server "$WORK/bare" "$WORK/bare-$name.log" BareKestrel.dll --urls "$BARE" --size "$bytes"
    BARE_PID=$STARTED_PID
    wait_for "$BARE_PID" "$BARE/" "$WORK/bare-$name.log" "html"
    run_wrk "bare-$name-warmup" "$BARE" "$WORK/bare-paths.txt" "$CONNS" 3
    run_wrk "bare-$name-c$CONNS" "$BARE" "$WORK/bare-paths.txt" "$CONNS" "$DURATION"
    run_wrk "bare-$name-c1" "$BARE" "$WORK/bare-paths.txt" 1 "$DURATION"
    stop_server "$BARE_PID"
    BARE_PID=""
done

# ---------------------------------------------------------------------------------------------
# 4. Summary.
row() { printf '  %-64s %s\n' "$1" "$2"; }
goal() { awk -v a="$1" -v b="$2" -v dir="$3" 'BEGIN { ok = (dir == "<") ? (a < b) : (a > b); print ok ? "HOLDS" : "MISSED" }'; }
BUILD_RATE=$(val build_docs_per_s)
echo
echo "==================== search: $(val published_items) published items, $(val sites_below_province) sites below the province ===================="
row "machine" "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $(dotnet --version), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), $(date -u +%Y-%m-%dT%H:%MZ)"
row "commit" "$(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src tests/Portal.Benchmarks || echo ' + uncommitted changes')"
row "load average (1 min): start / in-process / pages / end" "$LOAD_START / $LOAD_INPROC / $LOAD_PAGES / $(load1)"
[[ -f $WORK/generate.txt ]] && row "generation: sites provisioned (ms each) / cloned; items, avg words; s" \
    "$(val provisioned_sites) ($(val provision_ms_per_site)) / $(val cloned_sites); $(val generated_items), $(val generated_avg_body_words); $(val generate_seconds) s"
echo
echo "(1) index build from empty (SearchIndexer.OpenAsync, $(val build_docs) documents)"
row "portal indexer" "$(val build_seconds) s = $BUILD_RATE docs/s, $(val index_mib) MiB"
row "  baseline: the indexer's scan alone (EF, pages of 1,000), all rows" "$(val build_baseline_scan_seconds) s = $(val build_baseline_scan_docs_per_s) rows/s"
row "  baseline: scan + Describe + SearchDocuments.Build, no Lucene ($(val build_baseline_sample) rows)" "$(val build_baseline_scan_documents_docs_per_s) docs/s"
row "  baseline: plain Lucene (StandardAnalyzer, 2 fields), same rows ($(val build_baseline_sample))" "$(val build_baseline_plain_lucene_docs_per_s) docs/s, $(val build_baseline_plain_lucene_index_mib) MiB"
row "goal: > $GOAL_BUILD_DOCS_S docs/s" "$([[ -n $BUILD_RATE ]] && goal "$BUILD_RATE" "$GOAL_BUILD_DOCS_S" ">" || echo "n/a (INDEX_FROM: no build this run)")"
echo
echo "(2) query in-process, ms ($(val q_site_service | sed -E 's/.*n=([0-9]+).*/\1/') timed queries each, ~50 in rotation; site = $(val query_site))"
for s in site all province_only; do
    case $s in site) t="commune";; all) t="province, scope=all";; *) t="province alone";; esac
    row "$t: SiteSearch.SearchAsync (scope per query)" "$(val q_${s}_service)"
    row "  baseline: service's Lucene query + filter, top 10" "$(val q_${s}_lucene_query_filter)"
    row "  baseline: same + the 10 hits' stored fields" "$(val q_${s}_lucene_query_filter_docs)"
    row "  baseline: same + the hits' snippets (SearchSnippets.Highlight)" "$(val q_${s}_lucene_query_filter_docs_snippets)"
    row "  experiment: the Lucene query without its PrefixQuery clauses" "$(val q_${s}_lucene_without_prefix)"
    row "  experiment: the Lucene query without its phrase clauses" "$(val q_${s}_lucene_without_phrases)"
    row "  baseline: plain TermQuery (one folded word), top 10" "$(val q_${s}_termquery)"
    row "  average hits; share with no hit (suggestion path)" "$(val q_${s}_avg_hits); $(val q_${s}_zero_hit_share)"
    row "  slowest queries (mean)" "$(val q_${s}_slowest)"
    row "  slowest in the Lucene search alone (mean)" "$(val q_${s}_lucene_slowest)"
done
row "ProvinceWideSearch.Filter(province), per call" "$(val province_filter_build_us) µs"
row "goal: query p95 < $GOAL_QUERY_P95_MS ms (commune; province-wide)" "$(goal "$(val q_site_service_p95)" "$GOAL_QUERY_P95_MS" "<"); $(goal "$(val q_all_service_p95)" "$GOAL_QUERY_P95_MS" "<")"
echo
echo "(3) changes and catch-up"
row "changes (ContentManager.UpsertAsync, sites' scopes)" "$(val changes); $(val changes_seconds) s"
row "  per change, ms" "$(val change_ms)"
row "node A (background, polls every 250 ms): last change found by search" "$(val node_a_last_change_visible_ms) ms after its commit"
row "  node A: every change applied" "$(val node_a_all_applied_ms) ms after the last commit"
row "node B: opened from a copy of node A's build" "$(val node_b_open_seconds) s"
row "node B: catch-up of $(val queue_entries_behind_node_b) queue entries" "$(val node_b_catchup_seconds) s = $(val node_b_catchup_entries_per_s) entries/s ($(val node_b_catchup_rounds) CatchUpAsync calls)"
row "  baseline: the catch-up's database reads alone" "$(val catchup_baseline_db_reads_seconds) s"
row "  baseline: the build rate, for as many documents" "$(awk -v n="$(val queue_entries_behind_node_b)" -v r="$BUILD_RATE" 'BEGIN { if (r > 0) printf "%.3f s", n / r; else print "n/a (no build this run)" }')"
echo
echo "(4) /tim-kiem under wrk, ${DURATION} s per run after a warm-up; ms"
printf '  %-24s %10s %8s %8s %8s %8s %9s %6s\n' "" req/s p50 p95 p99 max requests load
grep -v warmup "$RESULTS" | while read -r l rps p50 p95 p99 max req ld; do
    printf '  %-24s %10s %8s %8s %8s %8s %9s %6s\n' "$l" "$rps" "$p50" "$p95" "$p99" "$max" "$req" "$ld"
done
row "page bytes (median): commune / province-wide (bare Kestrel sizes)" "$SITE_BYTES / $ALL_BYTES"
for s in site all; do
    for c in "$CONNS" 1; do
        row "$s page / bare, c$c: p50 ratio, p95 ratio, req/s ratio" "$(ratio "$(result_of "$s-c$c" 3)" "$(result_of "bare-$s-c$c" 3)"), $(ratio "$(result_of "$s-c$c" 4)" "$(result_of "bare-$s-c$c" 4)"), $(ratio "$(result_of "$s-c$c" 2)" "$(result_of "bare-$s-c$c" 2)")"
    done
done
row "page p95 minus in-process service p95 (c1): commune / province-wide" "$(awk -v a="$(result_of site-c1 4)" -v b="$(val q_site_service_p95)" 'BEGIN { printf "%.2f", a - b }') / $(awk -v a="$(result_of all-c1 4)" -v b="$(val q_all_service_p95)" 'BEGIN { printf "%.2f", a - b }') ms"
row "goal: page p95 < $GOAL_PAGE_P95_MS ms at c$CONNS (commune; province-wide)" "$(goal "$(result_of "site-c$CONNS" 4)" "$GOAL_PAGE_P95_MS" "<"); $(goal "$(result_of "all-c$CONNS" 4)" "$GOAL_PAGE_P95_MS" "<")"
row "goal: page p95 < $GOAL_PAGE_P95_MS ms at c1 (commune; province-wide)" "$(goal "$(result_of site-c1 4)" "$GOAL_PAGE_P95_MS" "<"); $(goal "$(result_of all-c1 4)" "$GOAL_PAGE_P95_MS" "<")"
row "portal peak RSS; warn/fail log lines" "${PORTAL_RSS} MiB; $PORTAL_WARN"
row "wall time: in-process part; whole script" "$INPROC_S s; $(($(date +%s) - T_START)) s"
echo "=========================================================================================="
SUCCEEDED=1
