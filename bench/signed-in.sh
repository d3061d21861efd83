#!/usr/bin/env bash
# Requests/s and p99 latency of pages signed in as the demo buyer, beside a static file and the visitor's workflow
# page, on one or more running instances (each started on its own port with the demo data), measured interleaved so
# that two builds can be compared side by side in one run:
#   java -jar old.jar --server.port=8090 --flowmarket.data-dir=/tmp/a &
#   java -jar new.jar --server.port=8094 --flowmarket.data-dir=/tmp/b &
#   bench/signed-in.sh 8090 8094
# Needs wrk (Debian package). SECONDS_EACH (default 10) per page and instance, after one warm-up round.
set -euo pipefail
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
[ $# -ge 1 ] || { echo "usage: $0 PORT [PORT...]" >&2; exit 1; }
EACH=${SECONDS_EACH:-10}
WORKFLOW=/workflows/gmail-attachments-to-google-drive
declare -A SESSION XSRF LOGO
for port in "$@"; do
  jar=$(mktemp); page=$(mktemp)
  curl -s -c "$jar" -b "$jar" -o "$page" "http://127.0.0.1:$port/login"
  token=$(grep -o 'name="_csrf" value="[^"]*"' "$page" | head -1 | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "_csrf=$token&email=buyer@demo.flowmarket.app&password=flowmarket-demo" \
    "http://127.0.0.1:$port/login"
  SESSION[$port]=$(awk '$6 == "SESSION" {print $7}' "$jar")
  # a browser sends its CSRF cookie back; without it every request would make and set a new token
  XSRF[$port]=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
  [ -n "${SESSION[$port]}" ] || { echo "could not sign in on port $port" >&2; exit 1; }
  LOGO[$port]=$(curl -s "http://127.0.0.1:$port/" | grep -o '/img/logo-[0-9a-f]*\.svg' | head -1)
  rm -f "$jar" "$page"
done
run() {
  local seconds=$1 print=$2
  shift 2
  for spec in "static file|LOGO|" "workflow page, visitor|$WORKFLOW|" "workflow page, signed in|$WORKFLOW|yes" \
              "home, signed in|/|yes" "library|/library|yes" "cart|/cart|yes"; do
    IFS='|' read -r label path signed <<< "$spec"
    for port in "$@"; do
      url=$path; [ "$path" = LOGO ] && url=${LOGO[$port]}
      if [ -n "$signed" ]; then
        out=$(wrk -t2 -c32 -d"${seconds}s" --latency -H "Cookie: SESSION=${SESSION[$port]}; XSRF-TOKEN=${XSRF[$port]}" "http://127.0.0.1:$port$url")
      else
        out=$(wrk -t2 -c32 -d"${seconds}s" --latency -H "Cookie: XSRF-TOKEN=${XSRF[$port]}" "http://127.0.0.1:$port$url")
      fi
      if [ "$print" = yes ]; then
        printf '%-26s %5s  req/s=%-9s p99=%s\n' "$label" "$port" \
          "$(awk '/Requests\/sec/ {print $2}' <<< "$out")" "$(awk '$1 == "99%" {print $2}' <<< "$out")"
      fi
    done
  done
}
uptime
run 3 no "$@"
run "$EACH" yes "$@"
uptime
