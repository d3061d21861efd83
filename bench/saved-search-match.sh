#!/usr/bin/env bash
# Reverse-search benchmark: time to match one new listing against 10k, 100k and 1M saved searches
# (presearch index + confirmation of each candidate), listings from the shared n8n corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=SavedSearchMatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false 2>&1 | grep -E "^reverse-search" || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }
