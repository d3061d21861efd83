#!/usr/bin/env bash
# Seller dashboard benchmark: a store with a year of 10M tracked events (1M purchases) and 1M sold order
# lines, on the embedded PostgreSQL. Prints the time of the dashboard's queries and page, and the time and
# heap of the 1M-line sales export as CSV and Excel. The JVM runs with a 256 MB heap, so a non-streamed
# export would fail with OutOfMemoryError. Sizes: BENCH_EVENTS, BENCH_SALES.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false \
  -DargLine="-Xmx256m -Dbench.events=${BENCH_EVENTS:-10000000} -Dbench.sales=${BENCH_SALES:-1000000}" 2>&1 \
  | grep -E "^dashboard-bench" || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }
