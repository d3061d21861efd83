#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) of the home, catalogue, search,
# a workflow and a store page, in the light and the dark theme, on a phone (Lighthouse's mobile
# emulation), against a running Flowmarket. Writes the table into docs/benchmarks.md.
# Needs Node 20+ and Chromium (CHROME_BIN or Debian's chromium). Start the app first, e.g.
#   ./mvnw spring-boot:run -Dspring-boot.run.arguments=--server.port=8080
#   bench/lighthouse.sh http://localhost:8080      (THEMES=dark for one theme only, RUNS=1 for one run a page,
#                                                   PAGES="/workflows /" for some pages only)
# Each page is measured RUNS times (3 by default) and the run with the median performance score is kept: on a
# shared machine one run can be ten points off. The machine's load average is written with the table.
set -euo pipefail
[ -n "${TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
BASE=${1:-http://localhost:8080}
CHROME=${CHROME_BIN:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
# Lighthouse 13 needs Node 22; 12.2.3 runs on Node 20
TOOLS=${LIGHTHOUSE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/flowmarket-lighthouse}
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && npm init -y >/dev/null && npm i -E --silent lighthouse@12.2.3)
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
curl -sf "$BASE/" > /dev/null || { echo "no Flowmarket at $BASE" >&2; exit 1; }
workflow=$(curl -sf "$BASE/workflows?sort=popular" | grep -o 'href="/workflows/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
store=$(curl -sf "$BASE$workflow" | grep -o 'href="/stores/[a-z0-9-]*"' | grep -v '/stores/new' | head -1 | cut -d'"' -f2)
pages=("/" "/workflows" "/workflows?q=slack" "$workflow" "$store")
# PAGES="/workflows /workflows/some-slug" measures those pages only
[ -n "${PAGES:-}" ] && read -r -a pages <<< "$PAGES"
rows=()
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for theme in ${THEMES:-light dark}; do
  for path in "${pages[@]}"; do
    # each page loaded once before, so the server's caches are warm as they are for real visitors
    curl -sf -o /dev/null "$BASE$path" || { echo "$path answered with an error; skipped" >&2; continue; }
    reports=()
    for run in $(seq 1 "${RUNS:-3}"); do
      file="$OUT/report-$run.json"
      CHROME_PATH="$CHROME" "$TOOLS/node_modules/.bin/lighthouse" "$BASE$path" --quiet --output=json --output-path="$file" \
        --only-categories=performance,accessibility,best-practices,seo \
        --extra-headers="{\"Cookie\": \"flowmarket-theme=$theme\"}" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" || { echo "lighthouse failed on $path" >&2; continue; }
      reports+=("$file")
    done
    [ ${#reports[@]} -gt 0 ] || continue
    row=$(node -e '
      const [path, theme, ...files] = process.argv.slice(1);
      const runs = files.map(f => require(f)).sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const r = runs[Math.floor((runs.length - 1) / 2)];
      const s = (k) => Math.round(r.categories[k].score * 100);
      const all = runs.map(x => Math.round(x.categories.performance.score * 100)).join(", ");
      const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary").map(a => a.id);
      console.log(`| \`${path}\` | ${theme} | ${s("performance")} (${all}) | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} | ${failed.join(", ") || "–"} |`);
    ' "$path" "$theme" "${reports[@]}")
    echo "$row"
    rows+=("$row")
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
table=$(printf '%s\n' "| Page | Theme | Performance, median (runs) | Accessibility | Best practices | SEO | Failed audits |" "|---|---|---:|---:|---:|---:|---|" "${rows[@]}")
marker_start='<!-- lighthouse:start -->'
marker_end='<!-- lighthouse:end -->'
if ! grep -q "$marker_start" docs/benchmarks.md; then
  printf '\n## Lighthouse on a phone (`bench/lighthouse.sh`)\n\n%s\n%s\n' "$marker_start" "$marker_end" >> docs/benchmarks.md
fi
TABLE="$table" RUNS_USED="${RUNS:-3}" LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" CORES="$(nproc)" node -e '
  const fs = require("fs");
  const file = "docs/benchmarks.md";
  const text = fs.readFileSync(file, "utf8");
  const start = "<!-- lighthouse:start -->", end = "<!-- lighthouse:end -->";
  const before = text.slice(0, text.indexOf(start) + start.length), after = text.slice(text.indexOf(end));
  fs.writeFileSync(file, before + "\nLighthouse 12.2.3, mobile emulation, " + new Date().toISOString().slice(0, 10) + ", " + process.env.RUNS_USED
    + " runs a page, load average " + process.env.LOAD_BEFORE + " before and " + process.env.LOAD_AFTER + " after (" + process.env.CORES + " cores):\n\n" + process.env.TABLE + "\n" + after);
'
echo "written to docs/benchmarks.md"
