#!/usr/bin/env bash
# The reliability checks of the questions module (issue #12, "Reliability checks") at full size:
#   1. SUBMITTERS (200) concurrent submitters for SECONDS (60) a phase against the built server on
#      loopback (SQLite): anonymous form + API callers (one address: the per-address limit refuses
#      nearly all), then one token client with a high limit; every accepted question stored once
#      with a unique code, retrievable by GET, its mail queued; no 5xx; refusals 429 with problem
#      details on the API. Prints requests, accepted, 429, other, 5xx, p50/p99 per phase and the row count.
#   2. FUZZ (10,000) generated malformed submissions against the form and the API (seed FUZZ_SEED):
#      no 5xx, no logged error; then Chromium opens the lookup page of stored script markup and
#      the form shown again with it: no dialog, no page error.
#   3. The server killed (SIGKILL) with question receipts unsent while SMTP is down: after the
#      restart each sender gets their code once.
# The same tests run short in the suite (tests/Portal.Tests/Reliability). Needs the solution built
# (dotnet build tests/Portal.Tests) and, for the browser check, /usr/bin/chromium.
#
#   tests/bench/questions.sh [SECONDS] [FUZZ]
set -uo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
fuzz=${2:-10000}
report=$(mktemp)
echo "questions reliability: ${SUBMITTERS:-200} submitters x ${seconds} s, ${fuzz} malformed inputs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
QUESTIONS_LOAD_CLIENTS=${SUBMITTERS:-200} QUESTIONS_LOAD_SECONDS=$seconds QUESTIONS_FUZZ_REQUESTS=$fuzz \
QUESTIONS_FUZZ_SEED=${FUZZ_SEED:-20261212} QUESTIONS_REPORT=$report \
    dotnet test tests/Portal.Tests --no-build -v q --nologo \
    --filter "FullyQualifiedName~Portal.Tests.Reliability.Question|FullyQualifiedName~QuestionScriptInjectionBrowserTests" >"$report.log" 2>&1
status=$?
cat "$report" 2>/dev/null
grep -E "^\s+(Passed|Failed) |Failed!|Passed!" "$report.log"
[ $status -eq 0 ] || tail -50 "$report.log"
rm -f "$report" "$report.log"
exit $status
