#!/usr/bin/env bash
# Audit log viewer benchmark: 5M entries, the first and the fiftieth page for each filter. Size: BENCH_AUDIT.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=AuditBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false \
  -DargLine="-Dbench.audit=${BENCH_AUDIT:-5000000}" 2>&1 \
  | grep -E "^audit-bench" || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }
