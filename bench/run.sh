#!/usr/bin/env bash
# Benchmarks the public pages side by side in one run, on a Release build over loopback with wrk:
#   * throughput and latency (p50, p99) at 32 connections of the article, home, conference and Russian article,
#     served from the output cache (hit), with the cache off (miss), and as a static file of the same bytes served by
#     the same process, with each page's ratio to that file;
#   * the latency of one reader at a time (p50, p95, p99) for each kind of page with the cache off, at archive scale;
#   * the floor under a miss: the 404 page, which runs the same pipeline and layout with the cache off and reads nothing
#     from the database, beside a static file of its bytes;
#   * the cost of counting reads (reader insight) on a cache hit: the same hits on an instance with Insight:CountReads off;
#   * server memory (RSS) after the load, and the cold start to the first 200 on an existing database;
#   * the same pages on PostgreSQL (hit and miss, and one reader at a time), side by side with SQLite, when Debian's
#     postgresql is installed: the SQLite database is copied into a throwaway cluster with `copy-database --to`.
# The database is content/ plus generated articles (bench/generate.py), so lists, tags and archives are realistic.
# Rounds are interleaved, so machine noise hits every column alike; the tables report medians of the rounds.
#
#   bash bench/run.sh [articles] [rounds] [seconds-per-round]        e.g. bash bench/run.sh 100000 3 5
#   WARM_SECONDS (default 15): the warm-up of each page on each portal, at 32 connections, before the rounds.
#   ONE_WARM_SECONDS (default 8): the warm-up of each page on each portal, one reader at a time, before its one-reader round.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-501}
ROUNDS=${2:-3}
SECONDS_PER_ROUND=${3:-5}
HIT_PORT=${PORT:-5099}
MISS_PORT=$((HIT_PORT + 1))
PG_HIT_PORT=$((HIT_PORT + 2))
PG_MISS_PORT=$((HIT_PORT + 3))
PG_PORT=$((HIT_PORT + 4))
QUIET_PORT=$((HIT_PORT + 5))
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1 || true)
WORK=$(mktemp -d)
STATIC=src/AlmatyPortal.Web/wwwroot/bench-static
trap 'status=$?; [ "$status" = 0 ] || tail -n 30 "$WORK"/server-*.log 2>/dev/null; kill ${HIT:-} ${MISS:-} ${QUIET:-} ${PG_HIT:-} ${PG_MISS:-} 2>/dev/null || true; [ -n "${PG_BIN:-}" ] && [ -d "$WORK/pg" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1; rm -rf "$WORK" "$STATIC"' EXIT

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
dotnet build src/AlmatyPortal.Web -c Release -v q -nologo > "$WORK/build.log" || { cat "$WORK/build.log"; exit 1; }
APP=bin/Release/net10.0/AlmatyPortal.Web.dll

# start PORT [settings...]: the portal on its own data, the project folder as content root (so wwwroot/ is served).
start() {
  local port=$1; shift
  (cd src/AlmatyPortal.Web && ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
    exec dotnet "$APP" --urls "http://127.0.0.1:$port" --Portal:DataPath="$WORK/data" --Portal:ContentPath="$WORK/content" "$@" \
    >> "$WORK/server-$port.log" 2>&1) &
  echo $!
}
wait_for() { for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/")" = 200 ] && return 0; sleep 0.05; done; cat "$WORK"/server-*.log; exit 1; }

# The database: content/ imported by a first start, then generated articles and the search index rebuilt over them.
cp -r content "$WORK/content"
first=$(start "$HIT_PORT"); wait_for "$HIT_PORT"; kill "$first"; wait "$first" 2>/dev/null || true
python3 bench/generate.py "$WORK/data/portal.db" $((ARTICLES - 2)) >/dev/null
(cd src/AlmatyPortal.Web && dotnet "$APP" search rebuild --Portal:DataPath="$WORK/data" >/dev/null)
# One start to bring the archive counts in step with the generated rows, then the measured cold start.
warm=$(start "$HIT_PORT"); wait_for "$HIT_PORT"; kill "$warm"; wait "$warm" 2>/dev/null || true
HIT=$(start "$HIT_PORT"); wait_for "$HIT_PORT"
MISS=$(start "$MISS_PORT" --PageCache:Enabled=false); wait_for "$MISS_PORT"
QUIET=$(start "$QUIET_PORT" --Insight:CountReads=false); wait_for "$QUIET_PORT"

# PostgreSQL: a throwaway cluster (fsync on, as in production) holding a copy of the same database.
PG=""
if [ -n "$PG_BIN" ]; then
  chmod 711 "$WORK" && mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w start \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c shared_buffers=1GB" >/dev/null
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE portal" >/dev/null
  PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=portal;Maximum Pool Size=50"
  (cd src/AlmatyPortal.Web && dotnet "$APP" copy-database --to "$PG_CONN" --Portal:DataPath="$WORK/data" \
    --Serilog:MinimumLevel:Default=Warning > "$WORK/copy.log") || { cat "$WORK/copy.log"; exit 1; }
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d portal -qc "VACUUM ANALYZE" >/dev/null
  PG_HIT=$(start "$PG_HIT_PORT" --Portal:Database=PostgreSQL "--ConnectionStrings:Portal=$PG_CONN"); wait_for "$PG_HIT_PORT"
  PG_MISS=$(start "$PG_MISS_PORT" --Portal:Database=PostgreSQL "--ConnectionStrings:Portal=$PG_CONN" --PageCache:Enabled=false); wait_for "$PG_MISS_PORT"
  PG=1
fi

ARTICLE=/news/unhcr-convenes-regional-conference-on-refugee-protection-and-migration
declare -A PAGES=(
  [article]=$ARTICLE
  [home]=/
  [conference]=/conferences/refugee-protection-and-international-migration-almaty-2011
  [ru-article]=/ru/news/uvkb-oon-provelo-regionalnuyu-konferentsiyu
)
ORDER=(article home conference ru-article)
mkdir -p "$STATIC"
for name in "${ORDER[@]}"; do curl -s "http://127.0.0.1:$HIT_PORT${PAGES[$name]}" > "$STATIC/$name.html"; done
# The floor: what every page pays before its own reads and view (the pipeline, the layout, the response).
FLOOR=/status/404
curl -s "http://127.0.0.1:$MISS_PORT$FLOOR" > "$STATIC/floor.html"

to_ms() { sed -E 's/([0-9.]+)us$/\1 0.001/; s/([0-9.]+)ms$/\1 1/; s/([0-9.]+)s$/\1 1000/' | awk '{printf "%.2f", $1*$2}'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A RPS P50 P99
measure() { # key url connections seconds
  local out; out=$(wrk -t2 -c"$3" -d"$4s" --latency "$2")
  RPS[$1]+="$(awk '/Requests\/sec/ {print $2}' <<<"$out") "
  P50[$1]+="$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms) "
  P99[$1]+="$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms) "
}
# Warm-up: the cache, and the JIT, which recompiles the hot methods with their profile in the background for the first
# seconds of load; a portal runs for days, not seconds. The background compiler shares the two cores with 32 connections:
# a fresh portal's uncached article went 1,115 -> 1,378 -> 1,976 -> 3,062 -> 4,028 req/s over its first five 5 s rounds
# and then held at 3,750-4,580, so 5 s a page (20 s in all before the first round) left the first rounds measuring it.
for name in "${ORDER[@]}"; do
  for url in "http://127.0.0.1:$HIT_PORT${PAGES[$name]}" "http://127.0.0.1:$MISS_PORT${PAGES[$name]}" "http://127.0.0.1:$HIT_PORT/bench-static/$name.html" \
    "http://127.0.0.1:$QUIET_PORT${PAGES[$name]}" \
    ${PG:+"http://127.0.0.1:$PG_HIT_PORT${PAGES[$name]}" "http://127.0.0.1:$PG_MISS_PORT${PAGES[$name]}"}; do
    wrk -t2 -c32 -d"${WARM_SECONDS:-15}s" "$url" >/dev/null
  done
done
for url in "http://127.0.0.1:$MISS_PORT$FLOOR" "http://127.0.0.1:$HIT_PORT/bench-static/floor.html"; do wrk -t2 -c32 -d"${WARM_SECONDS:-15}s" "$url" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    measure "$name:hit" "http://127.0.0.1:$HIT_PORT${PAGES[$name]}" 32 "$SECONDS_PER_ROUND"
    measure "$name:miss" "http://127.0.0.1:$MISS_PORT${PAGES[$name]}" 32 "$SECONDS_PER_ROUND"
    measure "$name:static" "http://127.0.0.1:$HIT_PORT/bench-static/$name.html" 32 "$SECONDS_PER_ROUND"
    measure "$name:quiet" "http://127.0.0.1:$QUIET_PORT${PAGES[$name]}" 32 "$SECONDS_PER_ROUND"
    if [ -n "$PG" ]; then
      measure "$name:pg-hit" "http://127.0.0.1:$PG_HIT_PORT${PAGES[$name]}" 32 "$SECONDS_PER_ROUND"
      measure "$name:pg-miss" "http://127.0.0.1:$PG_MISS_PORT${PAGES[$name]}" 32 "$SECONDS_PER_ROUND"
    fi
  done
  measure floor:miss "http://127.0.0.1:$MISS_PORT$FLOOR" 32 "$SECONDS_PER_ROUND"
  measure floor:static "http://127.0.0.1:$HIT_PORT/bench-static/floor.html" 32 "$SECONDS_PER_ROUND"
done

echo
echo "### $ARTICLES articles: 32 connections (medians of $ROUNDS rounds of ${SECONDS_PER_ROUND}s)"
echo
echo "| page | bytes | static req/s | hit req/s | hit p50 / p99 ms | hit ÷ static | miss req/s | miss p50 / p99 ms | miss ÷ static |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for name in "${ORDER[@]}"; do
  s=$(echo "${RPS[$name:static]}" | median); h=$(echo "${RPS[$name:hit]}" | median); m=$(echo "${RPS[$name:miss]}" | median)
  printf '| %s | %d | %.0f | %.0f | %s / %s | %.2f× | %.0f | %s / %s | %.2f× |\n' "$name" "$(wc -c < "$STATIC/$name.html")" "$s" "$h" \
    "$(echo "${P50[$name:hit]}" | median)" "$(echo "${P99[$name:hit]}" | median)" "$(awk -v a="$h" -v b="$s" 'BEGIN {print a/b}')" \
    "$m" "$(echo "${P50[$name:miss]}" | median)" "$(echo "${P99[$name:miss]}" | median)" "$(awk -v a="$m" -v b="$s" 'BEGIN {print a/b}')"
done
echo
echo "### $ARTICLES articles: the floor under a miss, a page that reads nothing (medians of the same rounds)"
echo
echo "The 404 page with the cache off: the same pipeline, layout and response as every page, without the database."
echo
echo "| page | bytes | static req/s | cache off req/s | p50 / p99 ms | ÷ static |"
echo "|---|---:|---:|---:|---:|---:|"
s=$(echo "${RPS[floor:static]}" | median); m=$(echo "${RPS[floor:miss]}" | median)
printf '| %s | %d | %.0f | %.0f | %s / %s | %.2f× |\n' "404 page" "$(wc -c < "$STATIC/floor.html")" "$s" "$m" \
  "$(echo "${P50[floor:miss]}" | median)" "$(echo "${P99[floor:miss]}" | median)" "$(awk -v a="$m" -v b="$s" 'BEGIN {print a/b}')"
echo
echo "### $ARTICLES articles: the cost of counting reads on a cache hit (medians of the same rounds)"
echo
echo "| page | hit req/s, reads counted | hit p50 / p99 ms | hit req/s, not counted | hit p50 / p99 ms | counted ÷ not counted |"
echo "|---|---:|---:|---:|---:|---:|"
for name in "${ORDER[@]}"; do
  h=$(echo "${RPS[$name:hit]}" | median); q=$(echo "${RPS[$name:quiet]}" | median)
  printf '| %s | %.0f | %s / %s | %.0f | %s / %s | %.2f× |\n' "$name" "$h" "$(echo "${P50[$name:hit]}" | median)" "$(echo "${P99[$name:hit]}" | median)" \
    "$q" "$(echo "${P50[$name:quiet]}" | median)" "$(echo "${P99[$name:quiet]}" | median)" "$(awk -v a="$h" -v b="$q" 'BEGIN {print a/b}')"
done
if [ -n "$PG" ]; then
  echo
  echo "### $ARTICLES articles on PostgreSQL beside SQLite: 32 connections (medians of the same rounds)"
  echo
  echo "| page | SQLite hit req/s | PostgreSQL hit req/s | PostgreSQL hit p50 / p99 ms | SQLite miss req/s | PostgreSQL miss req/s | PostgreSQL miss p50 / p99 ms | PostgreSQL ÷ SQLite miss |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for name in "${ORDER[@]}"; do
    h=$(echo "${RPS[$name:hit]}" | median); m=$(echo "${RPS[$name:miss]}" | median)
    ph=$(echo "${RPS[$name:pg-hit]}" | median); pm=$(echo "${RPS[$name:pg-miss]}" | median)
    printf '| %s | %.0f | %.0f | %s / %s | %.0f | %.0f | %s / %s | %.2f× |\n' "$name" "$h" "$ph" \
      "$(echo "${P50[$name:pg-hit]}" | median)" "$(echo "${P99[$name:pg-hit]}" | median)" "$m" "$pm" \
      "$(echo "${P50[$name:pg-miss]}" | median)" "$(echo "${P99[$name:pg-miss]}" | median)" "$(awk -v a="$pm" -v b="$m" 'BEGIN {print a/b}')"
  done
fi

# One reader at a time, cache off: the cost of answering each kind of page once, at this archive size.
ru_page=$(( ARTICLES * 4 / 5 / 10 / 2 )); [ "$ru_page" -ge 1 ] || ru_page=1
# The sitemap's last full file, the deepest full window into the archive (the index's next-to-last entry; the last
# holds only the remainder; with one file, none).
last_file=$(curl -s "http://127.0.0.1:$MISS_PORT/sitemap.xml" | grep -o 'sitemap-[0-9]*\.xml' | tail -2 | head -1 || true)
declare -A ONE=(
  [home]=/ [news]=/news ["news?page=$ru_page"]="/news?page=$ru_page" [tag-benchmark]=/tags/benchmark [archive]=/news/archive
  [archive-month]=/news/archive/2015/06 [article]=$ARTICLE [generated-article]=/news/generated-report-$(( ARTICLES / 2 + 1 ))
  [conference]=${PAGES[conference]} [feed]=/feeds/news.rss [sitemap]=/sitemap.xml [sitemap-file]=/sitemap-2.xml [sitemap-last-file]=/${last_file:-sitemap-2.xml} [search-common]="/search?q=report"
  [search-rare]="/search?q=kazakhstan" [ru-news]=/ru/news
)
ONE_ORDER=(home news "news?page=$ru_page" tag-benchmark archive archive-month article generated-article conference feed sitemap sitemap-file sitemap-last-file search-common search-rare ru-news)
echo
echo "### $ARTICLES articles: one reader at a time, cache off (${SECONDS_PER_ROUND}s each, after ${ONE_WARM_SECONDS:-8}s of warming)"
echo
# wrk's --latency prints p90, not the p95 the bars are set at: a script prints the percentiles from its histogram.
cat > "$WORK/percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("PCT %.2f | %.2f | %.2f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
one() { # url: "p50 | p95 | p99" in ms of one reader at a time, or "not 200"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] || { echo "not 200 | | "; return; }
  wrk -t1 -c1 -d"${SECONDS_PER_ROUND}s" -s "$WORK/percentiles.lua" "$1" | sed -n 's/^PCT //p'
}
if [ -n "$PG" ]; then
  echo "| page | SQLite p50 ms | p95 ms | p99 ms | PostgreSQL p50 ms | p95 ms | p99 ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
else
  echo "| page | p50 ms | p95 ms | p99 ms |"
  echo "|---|---:|---:|---:|"
fi
# Each page is warmed first on each portal, one reader for ${ONE_WARM_SECONDS:-8} s: a page's first requests run code the
# runtime has not yet recompiled with its profile (tier 0), and a page that answers in 20 ms makes only 200 requests in
# 4 s, so its first few dozen set the p95. PostgreSQL's sitemap file (2026-12-02), p50 / p95 ms: unwarmed 24.2 / 54.8
# in its first 4 s and 16.0 / 25.3 in its next 4; after 3 s of warming 31.3 / 48.9, then 16.8 / 28.9; after 8 s
# 18.3 / 30.8. The cold start below measures the first request itself.
for name in "${ONE_ORDER[@]}"; do
  for url in "http://127.0.0.1:$MISS_PORT${ONE[$name]}" ${PG:+"http://127.0.0.1:$PG_MISS_PORT${ONE[$name]}"}; do
    wrk -t1 -c1 -d"${ONE_WARM_SECONDS:-8}s" "$url" >/dev/null
  done
  line="| $name | $(one "http://127.0.0.1:$MISS_PORT${ONE[$name]}") |"
  [ -n "$PG" ] && line+=" $(one "http://127.0.0.1:$PG_MISS_PORT${ONE[$name]}") |"
  echo "$line"
done

# Cold start as an office installs it: published for this platform, compiled ahead of time (ReadyToRun), beside a
# framework-dependent publish and the build output the rest of the run used; each the median of 5 starts on the same
# database, nothing else running.
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$(pgrep -f "urls http://127.0.0.1:$1" | head -1)/status"; }
RSS_HIT=$(rss "$HIT_PORT"); RSS_MISS=$(rss "$MISS_PORT")
kill "$HIT" "$MISS" "$QUIET" ${PG_HIT:-} ${PG_MISS:-}; wait "$HIT" "$MISS" "$QUIET" ${PG_HIT:-} ${PG_MISS:-} 2>/dev/null || true; HIT=; MISS=; QUIET=; PG_HIT=; PG_MISS=
# As the README installs it (self-contained: the portal and the runtime in one composite ReadyToRun image), and
# framework-dependent (ReadyToRun for the portal's own assemblies, on the machine's shared runtime). Each is built in a
# folder of its own (--artifacts-path), not in obj/: after a composite publish the SDK takes the composite's component
# stubs in obj/ as up to date, and a framework-dependent folder published next aborts at its start.
dotnet publish src/AlmatyPortal.Web -c Release -r linux-x64 --self-contained false --artifacts-path "$WORK/build-shared" -o "$WORK/app-shared" -v q -nologo > "$WORK/publish.log" || { cat "$WORK/publish.log"; exit 1; }
dotnet publish src/AlmatyPortal.Web -c Release -r linux-x64 --self-contained --artifacts-path "$WORK/build-self" -o "$WORK/app" -v q -nologo > "$WORK/publish.log" || { cat "$WORK/publish.log"; exit 1; }
cold() { # folder dll: a start from that folder to the first 200 of /
  local starts="" pid t0
  for _ in 1 2 3 4 5; do
    t0=$(date +%s%N)
    pid=$( (cd "$1" && ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning exec dotnet "$2" \
      --urls "http://127.0.0.1:$HIT_PORT" --Portal:DataPath="$WORK/data" --Portal:ContentPath="$WORK/content" >> "$WORK/cold.log" 2>&1) & echo $!)
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HIT_PORT/")" = 200 ]; do
      kill -0 "$pid" 2>/dev/null || { echo "the portal in $1 exited before answering" >&2; tail -n 20 "$WORK/cold.log" >&2; exit 1; }
      sleep 0.02
    done
    starts+="$(( ($(date +%s%N) - t0) / 1000000 )) "
    # The start ran in a subshell, so it is not this shell's child to wait for: wait until it has let go of the port,
    # or the next start's first request would be answered by this one.
    kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done
  done
  echo "$starts" | median
}
COLD_BUILD=$(cold src/AlmatyPortal.Web "$APP"); COLD_SHARED=$(cold "$WORK/app-shared" AlmatyPortal.Web.dll); COLD_R2R=$(cold "$WORK/app" AlmatyPortal.Web.dll)
echo
echo "Cold start to the first 200 of / on the existing database (median of 5): ${COLD_R2R} ms published self-contained for linux-x64 (composite ReadyToRun, as the README installs it), ${COLD_SHARED} ms published framework-dependent (ReadyToRun), ${COLD_BUILD} ms from the build output."
echo "RSS after the load: ${RSS_HIT} MB with the cache, ${RSS_MISS} MB without."
echo "wrk 2 threads on loopback; $(nproc) cores; $(date -u +%Y-%m-%d)."
