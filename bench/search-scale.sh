#!/usr/bin/env bash
# Catalogue search at scale: 100k listings (or the number given, e.g. 1000000) generated from the shared
# corpus's real n8n workflows, inserted in bulk into the embedded PostgreSQL and indexed by the mass indexer.
# Prints the search service's p50/p95/p99 over a mix of real-looking queries, then the results page's
# throughput against a static file, alternated in the same run. Usage: bench/search-scale.sh [listings]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=SearchScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false \
  -DargLine="-Dbench.listings=${1:-100000} -Dbench.seconds=${BENCH_SECONDS:-10}" 2>&1 \
  | grep -E "^search-scale" || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }
