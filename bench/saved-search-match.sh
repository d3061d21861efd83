#!/usr/bin/env bash
# Reverse-search benchmark. Without arguments: time to match one new listing against 10k, 100k and 1M saved searches
# held in memory (presearch index + confirmation of each candidate), listings from the shared n8n corpus; the sizes can
# be given, e.g. `bench/saved-search-match.sh 1000000`.
# `bench/saved-search-match.sh db [saved searches]`: 1M (or the number given) saved searches stored in the embedded
# PostgreSQL, the alerts' index built from the table as at start (three times), then one listing matched at a time
# through the alerts (p50/p95/p99 over 200 listings).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "db" ]]; then
  ./mvnw -q -B test -Dtest=SavedSearchBuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false \
    -DargLine="-Dbench.savedSearches=${2:-1000000} ${BENCH_JVM_ARGS:-}" 2>&1 \
    | grep -E "^saved-search-build" || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }
else
  ./mvnw -q -B test -Dtest=SavedSearchMatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false \
    -DargLine="-Dbench.sizes=${1:-10000,100000,1000000} ${BENCH_JVM_ARGS:-}" 2>&1 \
    | grep -E "^reverse-search" || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }
fi
