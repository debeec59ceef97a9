#!/usr/bin/env bash
# Times search over generated articles: the index rebuild, then median and p95 query time.
#   bash bench/search.sh [articles=100000] [rounds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/SearchBench -- "${1:-100000}" "${2:-20}"
