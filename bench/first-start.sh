#!/usr/bin/env bash
# The first start on an empty data directory, as a newcomer's `./mvnw spring-boot:run` does it, with the packaged jar:
# how long the demo data takes (and its parts: the catalogue and people, the orders, the reviews; the year of history
# written beside them) and when the application is ready. Runs RUNS (default 3) fresh starts and prints each.
# Needs a JDK >= 21. Uses its own data directories and ports.
set -euo pipefail
[ -n "${TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=18081
./mvnw -q -B -DskipTests package
for run in $(seq 1 "$RUNS"); do
  DATA=$(mktemp -d)
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar target/flowmarket-*.jar --server.port=$PORT --flowmarket.data-dir="$DATA" \
    --flowmarket.demo.enabled=true --flowmarket.embedded.postgres-port=25433 --flowmarket.embedded.redis-port=26380 \
    --flowmarket.embedded.smtp-port=23026 > "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 300); do
    grep -q "Started FlowmarketApplication" "$DATA/app.log" && break
    sleep 1
  done
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  demo=$(grep -o "Demo data created in [0-9]* ms" "$DATA/app.log" | grep -o "[0-9]*" || echo "?")
  parts=$(grep -o "(orders [0-9]* ms, reviews [0-9]* ms)" "$DATA/app.log" || echo "?")
  history=$(grep -o "other stores ([0-9]* sales) in [0-9]* ms" "$DATA/app.log" | grep -o "in [0-9]* ms" || echo "?")
  ready=$(grep -o "Started FlowmarketApplication in [0-9.]* seconds" "$DATA/app.log" | grep -o "[0-9.]* seconds" || echo "?")
  echo "run $run: demo data ${demo} ms $parts, history beside it $history; ready in $ready"
  rm -rf "$DATA"
done
