#!/usr/bin/env bash
# The heap of a running Flowmarket after a mixed load: visitors and the signed-in demo buyer browsing the home page,
# the catalogue, searches, workflow and store pages, the library and the cart, for MINUTES (10 by default), then the
# heap in use before and after a full collection and what the JVM holds (committed heap, resident memory).
#   java -Xmx512m -jar target/flowmarket-0.1.0-SNAPSHOT.jar --server.port=8090 --flowmarket.data-dir=/tmp/heap &
#   bench/heap-after-load.sh 8090            (MINUTES=1 for a short run)
# Needs wrk (Debian package) and the JDK's jcmd on the PATH or in JAVA_HOME.
set -euo pipefail
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
PORT=${1:?usage: $0 PORT}
MINUTES=${MINUTES:-10}
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
BASE=http://127.0.0.1:$PORT
PID=$(ss -ltnp "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$PID" ] || { echo "nothing listens on port $PORT" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -s -c "$work/jar" -b "$work/jar" -o "$work/login" "$BASE/login"
token=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login" | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$work/jar" -b "$work/jar" -o /dev/null -d "_csrf=$token&email=buyer@demo.flowmarket.app&password=flowmarket-demo" "$BASE/login"
session=$(awk '$6 == "SESSION" {print $7}' "$work/jar")
xsrf=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$work/jar")
[ -n "$session" ] || { echo "could not sign in" >&2; exit 1; }
# every listed workflow and store, the first catalogue pages and categories, and searches of one to three words
paths=("/" "/workflows" "/workflows?page=2" "/workflows?sort=popular" "/workflows?sort=newest" "/workflows?q=slack"
       "/workflows?q=gmail+drive" "/workflows?q=invoice+reminder+email" "/workflows?q=slak" "/workflows?platform=n8n&price=free")
for page in 1 2 3; do
  curl -s "$BASE/workflows?page=$page" | grep -o 'href="/workflows/[a-z0-9-]*"' | cut -d'"' -f2 >> "$work/workflows"
done
sort -u "$work/workflows" -o "$work/workflows"
while read -r w; do paths+=("$w"); done < "$work/workflows"
for w in $(head -5 "$work/workflows"); do
  curl -s "$BASE$w" | grep -o 'href="/stores/[a-z0-9-]*"' | grep -v /stores/new | head -1 | cut -d'"' -f2 >> "$work/stores"
done
for s in $(sort -u "$work/stores"); do paths+=("$s"); done
cat > "$work/mix.lua" <<'LUA'
local paths = {}
local n = 0
function init(args) for i, p in ipairs(args) do paths[i] = p end; n = math.random(#paths) end
function request() n = n % #paths + 1; return wrk.format("GET", paths[n]) end
LUA
heap() { "$JCMD" "$PID" GC.heap_info | awk '/used/ && /total/ {print; exit}'; }
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$PID/status"; }
echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg), ${#paths[@]} pages, pid $PID"
echo "before:            heap $(heap); resident $(rss)"
wrk -t1 -c8 -d"${MINUTES}m" -s "$work/mix.lua" "$BASE" -- "${paths[@]}" > "$work/visitor" &
wrk -t1 -c8 -d"${MINUTES}m" -s "$work/mix.lua" -H "Cookie: SESSION=$session; XSRF-TOKEN=$xsrf" "$BASE" -- "${paths[@]}" /library /cart > "$work/buyer"
wait
echo "visitors:          $(awk '/Requests\/sec/ {print $2 " req/s"}' "$work/visitor"), $(awk '/Non-2xx/ {print $5 " non-2xx or 3xx"}' "$work/visitor")"
echo "signed-in buyer:   $(awk '/Requests\/sec/ {print $2 " req/s"}' "$work/buyer"), $(awk '/Non-2xx/ {print $5 " non-2xx or 3xx"}' "$work/buyer")"
echo "after ${MINUTES} min:      heap $(heap); resident $(rss)"
"$JCMD" "$PID" GC.run > /dev/null
sleep 2
echo "after a full GC:   heap $(heap); resident $(rss)"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
