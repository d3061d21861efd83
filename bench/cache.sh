#!/usr/bin/env bash
# Requests/s and p99 latency of a cached workflow page, the same page uncached, and a static file of
# the same server, in one run (plus the home page and a search page, cached and uncached).
# Runs the packaged jar twice on the same data: with the Redis cache, then with caching off.
# Needs wrk (Debian package) and a JDK >= 21. Uses its own data directory and ports.
set -euo pipefail
[ -n "${TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
DATA=$(mktemp -d)
PORT=18080
APP=
./mvnw -q -B -DskipTests package
start() {
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar target/flowmarket-*.jar --server.port=$PORT --flowmarket.data-dir="$DATA" \
    --flowmarket.embedded.postgres-port=25432 --flowmarket.embedded.redis-port=26379 --flowmarket.embedded.smtp-port=23025 \
    --logging.level.root=WARN "$@" >> "$DATA/app.log" 2>&1 &
  APP=$!
  # ready once the demo listings are in the catalogue (they are created after the server starts)
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$PORT/workflows?sort=popular" 2>/dev/null | grep -q 'href="/workflows/[a-z0-9-]'; then
      sleep 20   # let the start-up work (demo data events, search index) settle before measuring
      return
    fi
    sleep 1
  done
  echo "the app did not start; see $DATA/app.log" >&2; exit 1
}
stop() { kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; }
trap 'stop; rm -rf "$DATA"' EXIT
measure() {
  local label=$1 url=$2
  # warm up (fills the cache, lets the JIT compile the path), then measure
  wrk -t2 -c32 -d8s "http://127.0.0.1:$PORT$url" > /dev/null
  wrk -t2 -c32 -d15s --latency "http://127.0.0.1:$PORT$url" > "$DATA/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$DATA/wrk.txt")
  echo "$label  $url  req/s=$rps  p99=$p99"
}
start
SLUG=$(curl -s "http://127.0.0.1:$PORT/workflows?sort=popular" | grep -o 'href="/workflows/[a-z0-9-]*"' | sed -n '1{s|href="/workflows/||; s|"||; p}')
[ -n "$SLUG" ] || { echo "no workflow found to measure" >&2; exit 1; }
measure cached "/workflows/$SLUG"
measure cached "/"
measure cached "/workflows?q=slack&sort=price-asc"
measure static "/img/logo.svg"
stop
start --spring.cache.type=none
measure uncached "/workflows/$SLUG"
measure uncached "/"
measure uncached "/workflows?q=slack&sort=price-asc"
measure static "/img/logo.svg"
