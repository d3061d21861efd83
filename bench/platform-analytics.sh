#!/usr/bin/env bash
# Platform analytics benchmark: two years of platform rollups (10,000 active accounts a day out of 80,000, 3,000
# items selling a day in three currencies) on the embedded PostgreSQL. Prints the time of the admin page's queries
# for 7 days to 12 months and of the whole page. Sizes: BENCH_DAU, BENCH_ACCOUNTS, BENCH_ITEMS.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=PlatformAnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false \
  -DargLine="-Dbench.dau=${BENCH_DAU:-10000} -Dbench.accounts=${BENCH_ACCOUNTS:-80000} -Dbench.items=${BENCH_ITEMS:-3000}" 2>&1 \
  | grep -E "^platform-bench" || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }
