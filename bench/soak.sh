#!/usr/bin/env bash
# The crash, load and sign-in timing runs of issue 10, against the portal published with `dotnet publish` and
# started as real processes on loopback (bench/Soak):
#   crash:  an editor publishes articles and uploads images while the portal is killed with SIGKILL at random
#           moments, ROUNDS times; then integrity_check, every acknowledged article with its revision, every
#           acknowledged upload, no row pointing at a missing file and no file that no row names.
#   load:   SECONDS of READERS readers and EDITORS editors (one save in three from a stale version) and one password
#           guesser: 0 5xx, readers never throttled, sign-in throttled.
#   timing: median time of a failed sign-in for a real account and for an unknown email.
#
#   bash bench/soak.sh [rounds=10] [seconds=120] [readers=50] [editors=3]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-10}
SECONDS_LOAD=${2:-120}
READERS=${3:-50}
EDITORS=${4:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

dotnet publish src/AlmatyPortal.Web -c Release -o "$WORK/portal" -v q -nologo >/dev/null
dotnet build bench/Soak -c Release -v q -nologo >/dev/null
SOAK=(dotnet bench/Soak/bin/Release/net10.0/Soak.dll)
status=0
echo "== crash: $ROUNDS kills"; "${SOAK[@]}" crash "$WORK/portal/AlmatyPortal.Web.dll" content "$ROUNDS" || status=1
echo "== load: $SECONDS_LOAD s"; "${SOAK[@]}" load "$WORK/portal/AlmatyPortal.Web.dll" content "$SECONDS_LOAD" "$READERS" "$EDITORS" || status=1
echo "== sign-in timing"; "${SOAK[@]}" timing "$WORK/portal/AlmatyPortal.Web.dll" content 20 || status=1
exit $status
