#!/usr/bin/env bash
# The content API benchmark (issue #11).
#
#   tests/bench/api.sh [N_ARTICLES]      10000 by default
#
# Workload: N published news articles on the default site, imported with the CLI (recipes of
# BATCH envelopes); an API client made with `api-clients add` (scope content.read). Under wrk, on
# loopback, in one run:
#   (a) the baseline: bare Kestrel (tests/Portal.Benchmarks/BareKestrel --json) answering a JSON
#       body of the byte size of an API page;
#   (b) GET /api/content/news pages of 50 with a valid bearer token, at random over every page of
#       the feed (the `next` addresses, walked once before measuring). API answers are never
#       output-cached (Cache-Control: private, no-cache): each request reads the feed and 50 items;
#   (c) token issuance: POST /connect/token (client_credentials), 8 connections.
# Goal: (b) p99 under 50 ms on SQLite. Each figure is also given as a ratio to (a).
#
# Needs: the .NET SDK, wrk, curl, awk, python3. Environment: PORTAL_PORT (5280), BARE_PORT (5281),
# DURATION (15 s per measured run), WARMUP_S (5 s), BATCH (1000), BENCH_SOURCE (sources to build;
# the repository by default), KEEP_WORKDIR=1 keeps the temporary folder after a successful run.
set -euo pipefail

N_ARTICLES=${1:-10000}
[[ $N_ARTICLES =~ ^[1-9][0-9]{1,4}$ ]] || { echo "usage: $0 [N_ARTICLES] (10..99999)" >&2; exit 2; }
PORTAL_PORT=${PORTAL_PORT:-5280}
BARE_PORT=${BARE_PORT:-5281}
DURATION=${DURATION:-15}
WARMUP_S=${WARMUP_S:-5}
BATCH=${BATCH:-1000}
GOAL_P99_MS=50
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SRC=$(cd "${BENCH_SOURCE:-$REPO}" && pwd)
for tool in wrk curl awk python3 dotnet; do command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 2; }; done
# shellcheck source=lib/articles.sh
source "$REPO/tests/bench/lib/articles.sh"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
load1() { cut -d' ' -f1 /proc/loadavg; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$PORTAL_PORT" || die "port $PORTAL_PORT is in use (set PORTAL_PORT)"
port_free "$BARE_PORT" || die "port $BARE_PORT is in use (set BARE_PORT)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/api-bench.XXXXXX")
PIDS=()
SUCCEEDED=0
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    if [[ $SUCCEEDED == 1 && ${KEEP_WORKDIR:-0} != 1 ]]; then rm -rf "$WORK"; else log "work folder kept: $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export Portal__DataPath=$WORK/data ASPNETCORE_ENVIRONMENT=Production Portal__Admin__Password='Bench-Passw0rd!'
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset ASPNETCORE_URLS DOTNET_URLS
PORTAL_OUT=$WORK/portal
BARE_OUT=$WORK/bare
cli() { (cd "$PORTAL_OUT" && dotnet Portal.Web.dll "$@"); }

wait_for() { # $1 pid, $2 url
    for _ in $(seq 1 240); do
        kill -0 "$1" 2>/dev/null || die "the server exited before answering $2"
        [[ $(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$2" || true) == 200 ]] && return 0
        sleep 0.5
    done
    die "$2 did not answer 200 within 120 s"
}

log "publishing Portal.Web and BareKestrel (Release) from $SRC"
dotnet publish "$SRC/src/Portal.Web/Portal.Web.csproj" -c Release -o "$PORTAL_OUT" --nologo -v quiet >"$WORK/publish-portal.log" 2>&1 \
    || { tail -n 30 "$WORK/publish-portal.log" >&2; die "dotnet publish Portal.Web"; }
dotnet publish "$SRC/tests/Portal.Benchmarks/BareKestrel/BareKestrel.csproj" -c Release -o "$BARE_OUT" --nologo -v quiet >"$WORK/publish-bare.log" 2>&1 \
    || { tail -n 30 "$WORK/publish-bare.log" >&2; die "dotnet publish BareKestrel"; }

log "schema and default site"
cli tenants list >"$WORK/setup.log" 2>&1 || { cat "$WORK/setup.log" >&2; die "tenants list"; }
BATCHES=$(((N_ARTICLES + BATCH - 1) / BATCH))
IMPORT_T0=$(date +%s)
for b in $(seq 1 "$BATCHES"); do
    from=$(((b - 1) * BATCH + 1))
    to=$((b * BATCH < N_ARTICLES ? b * BATCH : N_ARTICLES))
    write_articles_recipe "$WORK/articles-$b.recipe.json" "$from" "$to"
    cli recipes run "$WORK/articles-$b.recipe.json" --tenant default >"$WORK/import-$b.log" 2>&1 \
        || { tail -n 20 "$WORK/import-$b.log" >&2; die "recipe $b failed"; }
    log "  [$b/$BATCHES] articles $from-$to imported"
done
IMPORT_S=$(($(date +%s) - IMPORT_T0))

SECRET='Bench-Secret-0123456789-abcdef'
cli api-clients add --client-id bench --client-secret "$SECRET" --scopes "content.read" --tenant default >"$WORK/client.log" 2>&1 \
    || { cat "$WORK/client.log" >&2; die "api-clients add"; }

BASE=http://127.0.0.1:$PORTAL_PORT
(cd "$PORTAL_OUT" && exec dotnet Portal.Web.dll --urls "$BASE") >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
wait_for "$PORTAL_PID" "$BASE/health"
TOKEN=$(curl -s --max-time 10 -d "grant_type=client_credentials&client_id=bench&client_secret=$SECRET&scope=content.read" "$BASE/connect/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])') || die "no token from /connect/token"

log "walking the feed once to collect every page's address"
python3 - "$BASE" "$TOKEN" "$WORK/pages.txt" "$WORK/page-sizes.txt" <<'PY' || die "walking the feed failed"
import json, sys, urllib.request
base, token, out, sizes = sys.argv[1:5]
path, pages, items, lengths = "/api/content/news", [], 0, []
while path:
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=30) as r:
        body = r.read()
    page = json.loads(body)
    pages.append(path); lengths.append(len(body)); items += len(page["items"])
    path = page["next"]
open(out, "w").write("\n".join(pages) + "\n")
open(sizes, "w").write(f"{len(pages)} {items} {sorted(lengths)[len(lengths)//2]}\n")
PY
read -r PAGES ITEMS PAGE_BYTES <"$WORK/page-sizes.txt"
((ITEMS >= N_ARTICLES)) || die "the feed lists $ITEMS items, expected $N_ARTICLES"
log "  $PAGES pages, $ITEMS items, median page $PAGE_BYTES bytes"

# wrk: a random page per request with the token; non-200 answers counted; exact percentiles.
cat >"$WORK/get.lua" <<'LUA'
local threads, counter = {}, 0
function setup(thread) counter = counter + 1; thread:set("seed", counter); table.insert(threads, thread) end
function init(args)
    paths = {}
    for line in io.lines(args[1]) do if #line > 0 then paths[#paths + 1] = line end end
    token = args[2]; math.randomseed(os.time() * 1000 + seed); bad = 0
end
function request() return wrk.format("GET", paths[math.random(#paths)], { ["Authorization"] = "Bearer " .. token }) end
function response(status) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency)
    local b = 0
    for _, t in ipairs(threads) do b = b + t:get("bad") end
    io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f requests=%d bad=%d errors=%d\n", summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, b,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
LUA
# The same for token requests: $2 is the form body.
sed -e 's|return wrk.format("GET", paths\[math.random(#paths)\], { \["Authorization"\] = "Bearer " .. token })|return wrk.format("POST", "/connect/token", { ["Content-Type"] = "application/x-www-form-urlencoded" }, token)|' \
    "$WORK/get.lua" >"$WORK/token.lua"
grep -q '"/connect/token"' "$WORK/token.lua" || die "could not write the token script"

RESULTS=$WORK/results.txt
: >"$RESULTS"
run() { # $1 label, $2 base, $3 lua, $4 connections, $5 seconds, $6.. script args
    local label=$1 base=$2 lua=$3 conns=$4 secs=$5 line
    shift 5
    wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s -s "$lua" "$base" -- "$@" >"$WORK/wrk-$label.txt" 2>&1 || { cat "$WORK/wrk-$label.txt" >&2; die "wrk $label"; }
    line=$(grep -m1 '^RESULT' "$WORK/wrk-$label.txt") || die "wrk $label printed no RESULT"
    [[ $line == *" bad=0 errors=0" ]] || { cat "$WORK/wrk-$label.txt" >&2; die "wrk $label: failed requests ($line)"; }
    echo "$label $line" >>"$RESULTS"
    log "  $label: $line"
}

log "API pages: warm-up, then 32 and 8 connections (load $(load1))"
run api-warmup "$BASE" "$WORK/get.lua" 32 "$WARMUP_S" "$WORK/pages.txt" "$TOKEN"
run api-c32 "$BASE" "$WORK/get.lua" 32 "$DURATION" "$WORK/pages.txt" "$TOKEN"
run api-c8 "$BASE" "$WORK/get.lua" 8 "$DURATION" "$WORK/pages.txt" "$TOKEN"
log "token issuance"
run token-warmup "$BASE" "$WORK/token.lua" 8 "$WARMUP_S" /dev/null "grant_type=client_credentials&client_id=bench&client_secret=$SECRET&scope=content.read"
run token-c8 "$BASE" "$WORK/token.lua" 8 "$DURATION" /dev/null "grant_type=client_credentials&client_id=bench&client_secret=$SECRET&scope=content.read"
WARNINGS=$(grep -c '^fail: \|^crit: ' "$WORK/portal.log" || true)
kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true

BARE=http://127.0.0.1:$BARE_PORT
(cd "$BARE_OUT" && exec dotnet BareKestrel.dll --urls "$BARE" --size "$PAGE_BYTES" --json true) >"$WORK/bare.log" 2>&1 &
PIDS+=("$!")
wait_for "$!" "$BARE/"
log "bare Kestrel ($PAGE_BYTES-byte JSON)"
run bare-warmup "$BARE" "$WORK/get.lua" 32 "$WARMUP_S" "$WORK/pages.txt" x
run bare-c32 "$BARE" "$WORK/get.lua" 32 "$DURATION" "$WORK/pages.txt" x
run bare-c8 "$BARE" "$WORK/get.lua" 8 "$DURATION" "$WORK/pages.txt" x

get() { awk -v k="$1" -v f="$2" '$1 == k { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) print kv[2] } }' "$RESULTS"; }
echo
echo "==================== content API: $N_ARTICLES articles, pages of 50, wrk on loopback ===================="
printf '  %-44s %s\n' "machine" "$(nproc) cores, .NET SDK $(dotnet --version), $(date -u +%Y-%m-%dT%H:%MZ), load now $(load1)"
printf '  %-44s %s\n' "import (CLI recipes)" "$IMPORT_S s"
printf '  %-44s %s\n' "feed" "$PAGES pages, $ITEMS items, median page $PAGE_BYTES bytes"
printf '  %-24s %10s %8s %8s %12s\n' "" "req/s" "p50 ms" "p99 ms" "vs bare req/s"
for label in bare-c32 api-c32 bare-c8 api-c8 token-c8; do
    base=bare-c32; [[ $label == *c8 ]] && base=bare-c8
    printf '  %-24s %10s %8s %8s %12s\n' "$label" "$(get $label rps)" "$(get $label p50)" "$(get $label p99)" "$(ratio "$(get $label rps)" "$(get $base rps)")"
done
P99=$(get api-c32 p99)
printf '  %-44s %s\n' "goal: API page p99 < $GOAL_P99_MS ms (32 connections)" "$(awk -v p="$P99" -v g="$GOAL_P99_MS" 'BEGIN { print (p < g) ? "HOLDS" : "MISSED" }') ($P99 ms)"
printf '  %-44s %s\n' "portal log fail/crit lines" "$WARNINGS"
SUCCEEDED=1
