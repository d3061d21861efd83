#!/usr/bin/env bash
# Store-follower fan-out benchmark: time until every follower of a store has the "new workflow"
# notification, for 10k and 100k followers, 3 runs each, on the embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=FanOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false 2>&1 | grep -E "^fan-out" || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }
