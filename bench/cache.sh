#!/usr/bin/env bash
# Requests/s and p99 latency of: the home page (lists cached in Redis), a catalogue search page
# (not cached, straight from PostgreSQL) and a static 1 KB-ish file, on one app instance, in one run.
# Needs wrk (Debian package) and a JDK >= 21. Uses its own data directory and ports.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
DATA=$(mktemp -d)
PORT=18080
./mvnw -q -B -DskipTests package
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar target/flowmarket-*.jar --server.port=$PORT --flowmarket.data-dir="$DATA" \
  --flowmarket.embedded.postgres-port=25432 --flowmarket.embedded.redis-port=26379 --flowmarket.embedded.smtp-port=23025 \
  --logging.level.root=WARN > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 1; done
for url in "/" "/workflows?q=slack&sort=price-asc" "/img/logo.svg"; do
  curl -s "http://127.0.0.1:$PORT$url" >/dev/null   # warm up
  wrk -t2 -c32 -d15s --latency "http://127.0.0.1:$PORT$url" > "$DATA/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$DATA/wrk.txt")
  echo "$url  req/s=$rps  p99=$p99"
done
