#!/usr/bin/env bash
# Benchmarks the public pages side by side in one run: a Release build of the portal on loopback, over a fresh
# database seeded from content/ plus generated articles, measured with wrk. Each page is measured in several short
# rounds interleaved with the others, so machine noise hits all of them alike; the script reports medians and the
# ratio of each page to a static file served by the same process (the floor for any page).
#
#   bash bench/run.sh [rounds] [seconds-per-round] [extra-articles]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
SECONDS_PER_ROUND=${2:-5}
EXTRA=${3:-500}
PORT=${PORT:-5099}
WORK=$(mktemp -d)
trap 'kill "${SERVER:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }

# Seed: content/ plus EXTRA generated articles, so lists and pagination work on a realistic table.
cp -r content "$WORK/content"
for i in $(seq 1 "$EXTRA"); do
  day=$(( (i % 28) + 1 )); month=$(( (i % 12) + 1 ))
  printf -- '---\ntitle: Generated report %d\nsection: news\nstatus: published\npublish_date: %04d-%02d-%02dT09:00:00+06:00\nsummary: A generated report for benchmarking.\ntags:\n- Tag %d\n- Benchmark\n---\n\n%s\n' \
    "$i" $(( 2012 + i % 10 )) "$month" "$day" $(( i % 20 )) "$(printf 'Paragraph of body text for the benchmark. %.0s' {1..40})" \
    > "$WORK/content/news/gen-$i.md"
done

dotnet build src/AlmatyPortal.Web -c Release -v q -nologo >/dev/null
# The project folder is the content root, as under `dotnet run --project`, so wwwroot/ is served.
(cd src/AlmatyPortal.Web && ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/AlmatyPortal.Web.dll \
  --urls "http://127.0.0.1:$PORT" --Portal:DataPath="$WORK/data" --Portal:ContentPath="$WORK/content" \
  > "$WORK/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done
for name in /css/site.css /; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$name")" = 200 ] || { echo "$name is not served"; cat "$WORK/server.log"; exit 1; }
done

declare -A PAGES=(
  [static-css]="/css/site.css"
  [health]="/healthz"
  [home]="/"
  [news-list]="/news"
  [news-page-20]="/news?page=20"
  [tag]="/tags/benchmark"
  [article]="/news/unhcr-convenes-regional-conference-on-refugee-protection-and-migration"
  [conference]="/conferences/refugee-protection-and-international-migration-almaty-2011"
  [conference-list]="/conferences"
  [archive]="/news/archive"
  [ru-home]="/ru"
  [ru-news-list]="/ru/news"
  [ru-article]="/ru/news/uvkb-oon-provelo-regionalnuyu-konferentsiyu"
  [ru-conference]="/ru/conferences/regionalnaya-konferentsiya-almaty-2011"
)
ORDER=(static-css health home news-list news-page-20 tag article conference conference-list archive ru-home ru-news-list ru-article ru-conference)

# Warm up every page once (JIT, caches), then interleave the rounds.
for name in "${ORDER[@]}"; do wrk -t1 -c4 -d1s "http://127.0.0.1:$PORT${PAGES[$name]}" >/dev/null; done
declare -A RPS LAT
for round in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    out=$(wrk -t2 -c16 -d"${SECONDS_PER_ROUND}s" --latency "http://127.0.0.1:$PORT${PAGES[$name]}")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    RPS[$name]+="$rps "
    LAT[$name]+="$p50 "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
to_ms() { tr ' ' '\n' | grep -v '^$' | sed -E 's/([0-9.]+)us$/\1 0.001/; s/([0-9.]+)ms$/\1 1/; s/([0-9.]+)s$/\1 1000/' | awk '{printf "%.3f ", $1*$2}'; }

base=$(echo "${RPS[static-css]}" | median)
printf '\n%-16s %12s %12s %10s %10s %10s\n' page "median req/s" "p50 latency" "vs static" "bytes" "gzip"
for name in "${ORDER[@]}"; do
  rps=$(echo "${RPS[$name]}" | median)
  p50=$(echo "${LAT[$name]}" | to_ms | median)
  bytes=$(curl -s "http://127.0.0.1:$PORT${PAGES[$name]}" | wc -c)
  gz=$(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT${PAGES[$name]}" | wc -c)
  printf '%-16s %12.0f %10.2fms %9.2fx %10d %10d\n' "$name" "$rps" "$p50" "$(awk -v a="$rps" -v b="$base" 'BEGIN {print a/b}')" "$bytes" "$gz"
done
echo
echo "rounds=$ROUNDS seconds/round=$SECONDS_PER_ROUND articles=$((EXTRA + 1)) wrk: 2 threads, 16 connections, loopback; $(nproc) cores"
