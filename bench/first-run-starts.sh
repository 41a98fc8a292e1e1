#!/usr/bin/env bash
# Starts of the embedded default in a row, as a new user runs them: a fresh clone of this repository, then N times
# an empty data directory, ./backtrack up --detach, sign in as dr.lee, read the demo clinic, ./backtrack down.
# Prints per start: ok or FAILED, seconds from the command to the ready line, patients listed, resident memory.
#   bench/first-run-starts.sh [count=10] [clone-dir=/tmp/backtrack-first-run]
set -uo pipefail
count=${1:-10}
clone=${2:-/tmp/backtrack-first-run}
repo=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$clone" && git clone -q "$repo" "$clone" && cd "$clone" || exit 1
ok=0
for i in $(seq 1 "$count"); do
  rm -rf .backtrack
  started=$(date +%s.%N)
  if ./backtrack up --detach > "$clone/start-$i.log" 2>&1; then
    ready=$(date +%s.%N)
    token=$(curl -s -X POST http://127.0.0.1:9000/dev/token -d username=dr.lee -d password=backtrack-demo \
      | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
    patients=$(curl -s -H "Authorization: Bearer $token" \
      "http://127.0.0.1:8080/api/v1/clinics/clinic-demo/patients?size=200" | grep -o '"patientId"' | wc -l)
    sleep 20
    rss=$(ps -o rss= -p "$(pgrep -d, -f "$clone")" | awk '{s+=$1} END {print int(s/1024)}')
    echo "start $i: ok, ready after $(echo "$ready - $started" | bc) s ($(grep -o '\[ *[0-9.]* s\] Ready' "$clone/start-$i.log")), patients $patients, RSS 20 s later ${rss} MiB"
    ok=$((ok + 1))
  else
    echo "start $i: FAILED, see $clone/start-$i.log"
  fi
  ./backtrack down > /dev/null 2>&1 || echo "  down failed"
done
echo "$ok of $count starts ready"
