#!/usr/bin/env bash
# The full fuzz run of issue #10: the same suite as CI's fixed 2,000-request sample
# (tests/Portal.Tests/Fuzz), with N requests (default 20,000) and a seed (default the CI seed).
# It prints the run's figures: requests, endpoints, duration, 5xx and unhandled exceptions, the
# status histogram, and every failing request. Exit code 0 only when both counts are 0.
#
#   tests/bench/fuzz.sh [N] [SEED]
set -uo pipefail
cd "$(dirname "$0")/../.."

requests=${1:-20000}
seed=${2:-20261201}
report=$(mktemp)
echo "fuzz: $requests requests, seed $seed (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
FUZZ_REQUESTS=$requests FUZZ_SEED=$seed FUZZ_REPORT=$report \
    dotnet test tests/Portal.Tests --filter "Category=Fuzz" -v q --nologo >/dev/null 2>&1
status=$?
if [ -s "$report" ]; then
    cat "$report"
else
    echo "the fuzz test did not run (build or host failure); run: dotnet test tests/Portal.Tests --filter Category=Fuzz"
    status=1
fi
rm -f "$report"
exit $status
